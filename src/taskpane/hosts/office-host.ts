/**
 * The pane's host inside Excel: plans go through the plans' Office.js applier (one batch, a fixed
 * number of syncs, rollback on failure); selection, settings and sheet activation are small
 * `Excel.run` batches of their own. `run` is injected (Excel.run in the add-in, a mock in tests),
 * so this module needs Office.js only for its types.
 */
import type { WorkbookInventory } from "../../workbook/appliers/common";
import { officeApplier, type ExcelRun } from "../../workbook/appliers/office";
import type { ColorScheme } from "../theme";
import type { ApplyRequest, WorkbookHost, WriteProgress } from "./workbook-host";

/** More rows than this in a selection is almost certainly a whole column clicked by mistake. */
export const MAX_SELECTED_ROWS = 100_000;

const PROGRESS: Record<"checking" | "writing" | "rolling back" | "done", WriteProgress> = {
  checking: { stage: "checking", message: "Checking the workbook", fraction: 0.1 },
  writing: { stage: "writing", message: "Writing", fraction: 0.4 },
  "rolling back": { stage: "writing", message: "Putting the workbook back as it was" },
  done: { stage: "done", message: "Written", fraction: 1 },
};

/** Progress of a write sent in `total` syncs, `done` of them sent; the first 10% was the read. */
export function syncProgress(done: number, total: number): WriteProgress {
  return {
    stage: "writing",
    message: total > 1 ? `Writing: step ${done} of ${total} done` : "Writing",
    fraction: 0.1 + (0.9 * done) / Math.max(1, total),
    step: { done, total },
    cancellable: total > 1 && done < total,
  };
}

/**
 * `getSelectedRange()` works on one rectangle and fails on a multi-area (Ctrl/Cmd-click)
 * selection ("If there are multiple ranges selected, this method will throw an error", its
 * Office.js reference). Excel's own error says nothing a user can act on, so say what to do.
 */
export function multiAreaMessage(areas: number): string {
  return `the selection is ${areas} separate blocks of cells; select one block (without Ctrl/Cmd-click) and try again`;
}

/** The number of areas selected, or undefined when even that cannot be read. */
async function selectedAreaCount(context: Excel.RequestContext): Promise<number | undefined> {
  try {
    const areas = context.workbook.getSelectedRanges().load("areaCount");
    await context.sync();
    return areas.areaCount;
  } catch {
    return undefined;
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export function createOfficeHost(run: ExcelRun, colorScheme: ColorScheme = "light"): WorkbookHost {
  return {
    kind: "excel",
    colorScheme,

    selectedCells() {
      return run(async (context) => {
        // Only the used part of the selection: selecting whole columns must not read a million rows.
        let used: Excel.Range;
        try {
          used = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true).load("isNullObject, rowCount, values");
          await context.sync();
        } catch (error) {
          const areas = await selectedAreaCount(context);
          if (areas !== undefined && areas > 1) throw new Error(multiAreaMessage(areas), { cause: error });
          throw error;
        }
        if (used.isNullObject) return [];
        if (used.rowCount > MAX_SELECTED_ROWS)
          throw new Error(
            `the selection has ${used.rowCount.toLocaleString("en")} rows with values; select at most ${MAX_SELECTED_ROWS.toLocaleString("en")}`,
          );
        return used.values.map((row) => row.map(cellText));
      });
    },

    inventory() {
      return run(async (context): Promise<WorkbookInventory> => {
        const wb = context.workbook;
        const sheets = wb.worksheets.load("items/name");
        const names = wb.names.load("items/name");
        const tables = wb.tables.load("items/name");
        await context.sync();
        return {
          sheetNames: sheets.items.map((s) => s.name),
          definedNames: names.items.map((n) => n.name),
          tableNames: tables.items.map((t) => t.name),
        };
      });
    },

    apply(plan, request: ApplyRequest = {}) {
      const report = request.onProgress ?? (() => undefined);
      return officeApplier.apply(run, plan, {
        overwrite: request.overwrite,
        onProgress: (phase) => report(PROGRESS[phase]),
        // A large write goes out in steps: a determinate bar, and Cancel between two steps.
        splitLargeWrites: true,
        signal: request.signal,
        // A write in one sync has no steps to show: "writing" already says it.
        onSyncProgress: (done, total) => (total > 1 ? report(syncProgress(done, total)) : undefined),
      });
    },

    loadSetting(key) {
      return run(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(key).load("isNullObject, value");
        await context.sync();
        if (item.isNullObject) return undefined;
        return typeof item.value === "string" ? item.value : JSON.stringify(item.value);
      });
    },

    saveSetting(key, json) {
      return run(async (context) => {
        context.workbook.settings.add(key, json);
        await context.sync();
      });
    },

    activateSheet(name) {
      return run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(name);
        sheet.activate();
        sheet.getRange("A1").select();
        await context.sync();
      });
    },
  };
}
