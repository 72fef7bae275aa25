/** Which workbook the workbench works on: the one stored last time, a fresh one, or an opened file. */
import { createEngine } from "../engine";
import { UNDO_STEPS, WorkbookStore } from "./grid/workbook-store";
import { restoreSavedWorkbook } from "./persist/saved-workbook";
import type { Notice } from "./Workbench";
import { openedSource } from "./xlsx/lossless-download";
import { openXlsx } from "./xlsx/open-xlsx";

/**
 * The workbench's engine: every PE function, and undo as deep as the store's history. A page
 * address with `?rows=N` gives sheets of N rows instead of Excel's 1,048,576, to try what a full
 * workbook does (a write that does not fit is refused and rolled back) without writing a million rows.
 */
export function workbenchEngine() {
  return createEngine({ undoLimit: UNDO_STEPS, ...sheetRowsFromAddress() });
}

function sheetRowsFromAddress(): { maxRows?: number } {
  const search = typeof location === "undefined" ? "" : location.search;
  const rows = Number(new URLSearchParams(search).get("rows"));
  return Number.isInteger(rows) && rows >= 100 && rows < 1_048_576 ? { maxRows: rows } : {};
}

export function startingWorkbook(stored: unknown): { store: WorkbookStore; notice: Notice } {
  if (stored !== undefined && stored !== null) {
    const hf = workbenchEngine();
    try {
      const restored = restoreSavedWorkbook(hf, stored);
      if (restored) {
        const when = new Date(restored.savedAt);
        const at = Number.isNaN(when.getTime()) ? "" : ` (saved ${when.toLocaleString()})`;
        return {
          store: new WorkbookStore(hf, restored),
          notice: { intent: "info", text: `Your workbook is back as you left it${at}.` },
        };
      }
    } catch {
      hf.destroy();
      return {
        store: new WorkbookStore(workbenchEngine()),
        notice: {
          intent: "warning",
          text: "The workbook kept in this browser could not be read back, so the workbench starts empty.",
        },
      };
    }
    hf.destroy();
  }
  return { store: new WorkbookStore(workbenchEngine()), notice: null };
}

export async function openedWorkbook(file: File): Promise<{ store: WorkbookStore; notice: Notice }> {
  const hf = workbenchEngine();
  try {
    const bytes = await file.arrayBuffer();
    const opened = await openXlsx(hf, bytes);
    const store = new WorkbookStore(hf, {
      plans: opened.plans,
      typedFormats: opened.cellFormats,
      settings: opened.settings,
      source: openedSource(hf, bytes),
    });
    const sheets = hf.getSheetNames().length;
    return {
      store,
      notice: {
        intent: "success",
        text: [`Opened “${file.name}”: ${sheets} sheet${sheets === 1 ? "" : "s"}.`, ...opened.notes].join(" "),
      },
    };
  } catch (error) {
    hf.destroy();
    throw error;
  }
}
