/**
 * An .xlsx workbook in the engine and back: values, formulas and defined names go into a
 * HyperFormula instance (which recalculates everything, PE functions included); src/cli/recalc-write.ts
 * patches the computed results back into the file as cached values.
 *
 * Formulas as files store them are translated for the engine (src/engine/excel-formula.ts): Excel saves
 * add-in functions as `_xldudf_PE_PARTNER_SCORE(…)` and newer built-ins as `_xlfn.IFS(…)`. Text cells enter with the quote prefix where the engine
 * would parse them (text-safety.ts), so "12" or "=x" stored as text stay text.
 */
import ExcelJS from "exceljs";
import type { HyperFormula, RawCellContent } from "hyperformula";
import { parseRange } from "./a1";
import { toEngineFormula } from "../engine/excel-formula";
import { asEnteredText } from "./text-safety";

export interface LoadedWorkbook {
  sheets: string[];
  names: string[];
  /** Defined names the engine cannot hold (several areas, or not a cell reference), left out. */
  skippedNames: string[];
  formulas: number;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A formula as a file stores it (no "="), as the engine reads it (with "="). */
export function engineFormula(stored: string): string {
  return `=${toEngineFormula(stored)}`;
}

function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

function rawContent(cell: ExcelJS.Cell): RawCellContent {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.Boolean:
      return cell.value as number | boolean;
    case ExcelJS.ValueType.Date:
      return dateToSerial(cell.value as Date);
    case ExcelJS.ValueType.Error:
      return (cell.value as ExcelJS.CellErrorValue).error;
    case ExcelJS.ValueType.Formula:
      return cell.formula ? engineFormula(cell.formula) : null;
    default:
      return asEnteredText(cell.text);
  }
}

/** Adds every sheet and defined name of `workbook` to `hf` in one batch (the engine then computes everything). */
export function loadXlsxIntoEngine(hf: HyperFormula, workbook: ExcelJS.Workbook): LoadedWorkbook {
  const sheets = workbook.worksheets.map((ws) => ({ name: ws.name, content: sheetContent(ws) }));
  const names: { name: string; ref: string }[] = [];
  const skippedNames: string[] = [];
  for (const { name, ranges } of workbook.definedNames.model as { name: string; ranges: string[] }[]) {
    if (name.startsWith("_xlnm.")) continue;
    if (ranges.length === 1 && /!/.test(ranges[0])) names.push({ name, ref: ranges[0] });
    else skippedNames.push(name);
  }
  hf.batch(() => {
    for (const sheet of sheets) hf.addSheet(sheet.name);
    for (const item of names) hf.addNamedExpression(item.name, `=${item.ref}`);
    for (const sheet of sheets) hf.setSheetContent(hf.getSheetId(sheet.name)!, sheet.content.grid);
  });
  return {
    sheets: sheets.map((s) => s.name),
    names: names.map((n) => n.name),
    skippedNames,
    formulas: sheets.reduce((sum, s) => sum + s.content.formulas, 0),
  };
}

function sheetContent(ws: ExcelJS.Worksheet): { grid: RawCellContent[][]; formulas: number } {
  const grid: RawCellContent[][] = [];
  const spilled: string[] = [];
  let formulas = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const content = rawContent(cell);
      if (content === null) return;
      (grid[rowNumber - 1] ??= [])[colNumber - 1] = content;
      if (cell.type === ExcelJS.ValueType.Formula) {
        formulas++;
        const value = cell.value as { shareType?: string; ref?: string };
        if (value.shareType === "array" && value.ref && value.ref.includes(":")) spilled.push(value.ref);
      }
    });
  });
  // An array formula's other cells hold its last results in the file; the engine must find them empty to spill.
  for (const ref of spilled) {
    const { start, end } = parseRange(ref);
    for (let r = start.row; r <= end.row; r++)
      for (let c = start.col; c <= end.col; c++) if (r !== start.row || c !== start.col) if (grid[r]) grid[r][c] = null;
  }
  let width = 0;
  for (let r = 0; r < grid.length; r++) width = Math.max(width, grid[r]?.length ?? 0);
  const dense = Array.from({ length: grid.length }, (_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? null));
  return { grid: dense, formulas };
}

/**
 * A sheet's computed values as CSV (RFC 4180: CRLF line ends, fields quoted when needed). Text is
 * printed as it is, "=…" included: the output is data for scripts, not a file to open in Excel.
 */
export function sheetAsCsv(hf: HyperFormula, sheetName: string): string {
  const id = hf.getSheetId(sheetName);
  if (id === undefined) throw new Error(`no sheet "${sheetName}"`);
  const rows = hf.getSheetValues(id);
  const width = Math.max(0, ...rows.map((row) => row.length));
  return (
    rows.map((row) => Array.from({ length: width }, (_, c) => csvField(row[c])).join(",")).join("\r\n") +
    (rows.length > 0 ? "\r\n" : "")
  );
}

function csvField(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (typeof value === "boolean") text = value ? "TRUE" : "FALSE";
  // Like Excel's own CSV export: at most 15 significant digits, so 56.00000000000001 prints as 56.
  else if (typeof value === "number") text = String(Number(value.toPrecision(15)));
  else if (typeof value === "object" && "value" in value) text = String((value as { value: unknown }).value);
  else text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
