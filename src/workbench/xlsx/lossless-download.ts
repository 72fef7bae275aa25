/**
 * "Download .xlsx" of a workbook opened from a file: the user's changes written into the ORIGINAL
 * package (../../workbook/xlsx-package/patch-workbook.ts), so that nothing the engine does not
 * compute is lost — web extensions, metadata.xml and `cm` attributes, charts, pivot tables,
 * comments, styles, VBA — where rewriting the whole book from a plan would drop them.
 *
 * What changed is found by comparison, not by remembering edits (undo, redo, paste and wizard
 * writes all change cells): the original file is loaded again into a scratch engine the same way
 * it was opened, and each cell's content (a formula as the engine prints it, or a value) is
 * compared with the workbench's now. Sheets are followed by their engine id, which a rename keeps.
 */
import { engineFormulaAsPlan, type TableDefinition } from "../../engine/plan-tables";
import { planTables } from "../grid/table-extension";
import type { HyperFormula, RawCellContent, SimpleCellAddress } from "hyperformula";
import { toFileFormula } from "../../core/file-formula";
import { createEngine } from "../../engine";
import type { WorkbookPlan } from "../../workbook/plan";
import type { CellWrite } from "../../workbook/xlsx-package/cell-writes";
import { patchWorkbook, type AddedSheet, type KeptSheet } from "../../workbook/xlsx-package/patch-workbook";
import { planChartCells } from "../../workbook/xlsx-package/plan-chart-cells";
import { LEGACY_SETTINGS_SHEET } from "../../workbook/xlsx-package/read-settings";
import { loadXlsxIntoEngine } from "../../workbook/xlsx-engine";
import { readXlsx } from "../../workbook/xlsx-reader/read-xlsx";
import { exportPlan } from "./export-plan";

/** The file a workbench workbook was opened from, and which engine sheet each of its sheets became. */
export interface OpenedSource {
  bytes: Uint8Array;
  sheets: ReadonlyArray<{ id: number; name: string }>;
}

/** The source record of a file just loaded into `hf` (every sheet of the engine came from it). */
export function openedSource(hf: HyperFormula, bytes: ArrayBuffer | Uint8Array): OpenedSource {
  const copy = new Uint8Array(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).slice();
  return { bytes: copy, sheets: hf.getSheetNames().map((name) => ({ id: hf.getSheetId(name)!, name })) };
}

/** Content as a cell holds it: spilled cells of an array formula hold none of their own. */
function contentAt(hf: HyperFormula, address: SimpleCellAddress): RawCellContent {
  if (!hf.doesCellHaveFormula(address) && hf.isCellPartOfArray(address)) return null;
  const content = hf.getCellSerialized(address);
  return content === undefined || content === "" ? null : content;
}

/** A whole table column is a name in the engine (plan-tables.ts): the file gets `Table[Column]` back. */
function fileFormula(hf: HyperFormula, address: SimpleCellAddress, tables: readonly TableDefinition[]): string | undefined {
  const text = hf.getCellFormula(address);
  return text === undefined ? undefined : toFileFormula(engineFormulaAsPlan(text, tables)).slice(1);
}

function writeOf(hf: HyperFormula, address: SimpleCellAddress, tables: readonly TableDefinition[]): CellWrite {
  const formula = fileFormula(hf, address, tables);
  if (formula !== undefined) return { kind: "formula", formula };
  const content = contentAt(hf, address);
  if (content === null || content === undefined) return { kind: "blank" };
  if (typeof content === "number") return { kind: "number", value: content };
  if (typeof content === "boolean") return { kind: "boolean", value: content };
  // A text entry the engine keeps with Excel's quote prefix is the text without it.
  const text = String(content);
  return { kind: "text", text: text.startsWith("'") ? text.slice(1) : text };
}

function same(a: RawCellContent, b: RawCellContent): boolean {
  if (a instanceof Date || b instanceof Date) return String(a) === String(b);
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * The cells of sheet `now` whose content differs from sheet `before` (undefined: every cell is
 * new), each with the number format `formatOf` gives it (typing `30%` gives "0%").
 */
function changedCells(
  hf: HyperFormula,
  now: number,
  base: { hf: HyperFormula; sheet: number } | undefined,
  formatOf: (row: number, col: number) => string | undefined,
  tables: readonly TableDefinition[] = [],
): Map<number, Map<number, CellWrite>> {
  const writes = new Map<number, Map<number, CellWrite>>();
  const size = hf.getSheetDimensions(now);
  const old = base ? base.hf.getSheetDimensions(base.sheet) : { width: 0, height: 0 };
  const height = Math.max(size.height, old.height);
  const width = Math.max(size.width, old.width);
  for (let row = 0; row < height; row++)
    for (let col = 0; col < width; col++) {
      const current = contentAt(hf, { sheet: now, row, col });
      const before = base ? contentAt(base.hf, { sheet: base.sheet, row, col }) : null;
      if (same(current, before)) continue;
      if (!writes.has(row)) writes.set(row, new Map());
      const format = formatOf(row, col);
      const write = writeOf(hf, { sheet: now, row, col }, tables);
      writes.get(row)!.set(col, format === undefined || format === "General" ? write : { ...write, numberFormat: format });
    }
  return writes;
}

/** The original file loaded into a scratch engine exactly as the workbench opened it. */
async function originalEngine(bytes: Uint8Array): Promise<HyperFormula> {
  const scratch = createEngine();
  const model = await readXlsx(bytes);
  model.sheets = model.sheets.filter((sheet) => sheet.name !== LEGACY_SETTINGS_SHEET);
  loadXlsxIntoEngine(scratch, model);
  return scratch;
}

export async function losslessXlsx(
  hf: HyperFormula,
  source: OpenedSource,
  plans: readonly WorkbookPlan[],
  settings: ReadonlyMap<string, string>,
  typedFormats: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(),
): Promise<Uint8Array> {
  const base = await originalEngine(source.bytes);
  const tables = planTables(plans);
  try {
    const kept: KeptSheet[] = [];
    const removed: string[] = [];
    for (const sheet of source.sheets) {
      const name = hf.getSheetName(sheet.id);
      const before = base.getSheetId(sheet.name);
      if (name === undefined) {
        removed.push(sheet.name);
        continue;
      }
      kept.push({
        originalName: sheet.name,
        name,
        writes: changedCells(
          hf,
          sheet.id,
          before === undefined ? undefined : { hf: base, sheet: before },
          (row, col) => typedFormats.get(name)?.get(`${row}:${col}`),
          tables,
        ),
        valueAt: (row, col) => hf.getCellValue({ sheet: sheet.id, row, col }),
        formulaAt: (row, col) => fileFormula(hf, { sheet: sheet.id, row, col }, tables),
      });
    }
    const originalIds = new Set(source.sheets.map((s) => s.id));
    const addedNames = hf.getSheetNames().filter((name) => !originalIds.has(hf.getSheetId(name)!));
    const exported = exportPlan(hf, plans, new Map(settings), undefined, typedFormats);
    const added: AddedSheet[] = addedNames.map((name) => {
      const id = hf.getSheetId(name)!;
      const planned = exported.sheets.find((s) => s.name === name)!;
      const cells = planChartCells(planned, (cell) => hf.getCellValue({ sheet: id, ...cell }));
      return {
        name,
        writes: changedCells(hf, id, undefined, (row, col) => cells.format({ row, col }), tables),
        valueAt: (row, col) => hf.getCellValue({ sheet: id, row, col }),
        charts: planned.charts,
        chartCells: cells,
      };
    });
    return await patchWorkbook(source.bytes, { kept, removed, added, settings });
  } finally {
    base.destroy();
  }
}
