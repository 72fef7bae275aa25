/**
 * An .xlsx workbook in the engine and back: values, formulas and defined names go into a
 * HyperFormula instance (which recalculates everything, PE functions included); src/cli/recalc-write.ts
 * patches the computed results back into the file as cached values.
 *
 * Formulas as files store them are translated for the engine (src/core/excel-formula.ts): Excel saves
 * add-in functions as `_xldudf_PE_PARTNER_SCORE(…)` and newer built-ins as `_xlfn.IFS(…)`. Text cells enter with the quote prefix where the engine
 * would parse them (text-safety.ts), so "12" or "=x" stored as text stay text.
 */
import type { HyperFormula } from "hyperformula";
import { toEngineFormula } from "../core/excel-formula";

/** A formula as a file stores it (no "="), as the engine reads it (with "="), outside any workbook. */
export function engineFormula(stored: string): string {
  return `=${toEngineFormula(stored)}`;
}

export { loadXlsxIntoEngine, type LoadedWorkbook } from "./xlsx-reader/engine-load";

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
