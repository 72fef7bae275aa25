/**
 * The workbench's workbook as plain data for the browser's storage, and back: every sheet's
 * contents as the engine holds them (formulas as formulas, text with its quote prefix), the
 * defined names, the plans that dress the sheets, the formats typing gave cells, the document
 * settings, the sheet on screen and the .xlsx it was opened from. A spilled array's other cells are left out: the formula
 * spills them again.
 */
import type { HyperFormula, RawCellContent } from "hyperformula";
import type { WorkbookPlan } from "../../workbook/plan";
import type { TypedFormats } from "../grid/workbook-store";
import type { OpenedSource } from "../xlsx/lossless-download";

export const SAVED_FORMAT = 1;

export interface SavedWorkbook {
  format: typeof SAVED_FORMAT;
  savedAt: string;
  sheets: { name: string; cells: RawCellContent[][] }[];
  names: { name: string; expression: string }[];
  plans: WorkbookPlan[];
  typedFormats: [string, [string, string][]][];
  settings: [string, string][];
  activeSheet: string;
  /**
   * The .xlsx the workbook was opened from, so that the download stays lossless after a reload:
   * its bytes and, for each of its sheets, the name that sheet has now (null: deleted).
   */
  source?: { bytes: Uint8Array; sheets: { original: string; current: string | null }[] };
}

function sheetCells(hf: HyperFormula, sheet: number): RawCellContent[][] {
  const cells = hf.getSheetSerialized(sheet) as RawCellContent[][];
  return cells.map((row, r) =>
    row.map((content, c) => {
      if (content === null || content === undefined) return null;
      const address = { sheet, row: r, col: c };
      return !hf.doesCellHaveFormula(address) && hf.isCellPartOfArray(address) ? null : content;
    }),
  );
}

export function savedWorkbookOf(
  hf: HyperFormula,
  side: {
    plans: readonly WorkbookPlan[];
    typedFormats: TypedFormats;
    settings: Map<string, string>;
    activeSheet: string;
    source?: OpenedSource;
  },
): SavedWorkbook {
  return {
    format: SAVED_FORMAT,
    savedAt: new Date().toISOString(),
    sheets: hf.getSheetNames().map((name) => ({ name, cells: sheetCells(hf, hf.getSheetId(name)!) })),
    names: hf.listNamedExpressions().map((name) => ({ name, expression: String(hf.getNamedExpressionFormula(name) ?? "") })),
    plans: [...side.plans],
    typedFormats: [...side.typedFormats].map(([sheet, formats]) => [sheet, [...formats]]),
    settings: [...side.settings],
    activeSheet: side.activeSheet,
    ...(side.source
      ? {
          source: {
            bytes: side.source.bytes,
            sheets: side.source.sheets.map((s) => ({ original: s.name, current: hf.getSheetName(s.id) ?? null })),
          },
        }
      : {}),
  };
}

/** The opened file's record for the restored engine: sheets found again by the names they had when saved. */
function restoredSource(hf: HyperFormula, saved: SavedWorkbook["source"]): OpenedSource | undefined {
  if (!saved || !(saved.bytes instanceof Uint8Array) || !Array.isArray(saved.sheets)) return undefined;
  return {
    bytes: saved.bytes,
    // A deleted sheet gets an id no sheet has, so the download removes it again.
    sheets: saved.sheets.map((s) => ({ id: s.current === null ? -1 : (hf.getSheetId(s.current) ?? -1), name: s.original })),
  };
}

function isSavedWorkbook(value: unknown): value is SavedWorkbook {
  const saved = value as SavedWorkbook;
  return (
    typeof value === "object" &&
    value !== null &&
    saved.format === SAVED_FORMAT &&
    Array.isArray(saved.sheets) &&
    saved.sheets.length > 0 &&
    Array.isArray(saved.names) &&
    Array.isArray(saved.plans)
  );
}

/** Puts a saved workbook into an empty engine (one batch); returns what the store needs besides, or undefined for data that is not a saved workbook. */
export function restoreSavedWorkbook(hf: HyperFormula, value: unknown) {
  if (!isSavedWorkbook(value)) return undefined;
  hf.batch(() => {
    for (const sheet of value.sheets) hf.addSheet(sheet.name);
    for (const item of value.names) hf.addNamedExpression(item.name, item.expression);
    for (const sheet of value.sheets) hf.setSheetContent(hf.getSheetId(sheet.name)!, sheet.cells);
  });
  return {
    plans: value.plans,
    typedFormats: new Map(value.typedFormats.map(([sheet, formats]) => [sheet, new Map(formats)])) as TypedFormats,
    settings: new Map(value.settings),
    activeSheet: value.activeSheet,
    savedAt: value.savedAt,
    source: restoredSource(hf, value.source),
  };
}
