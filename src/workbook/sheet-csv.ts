/**
 * Computed values as CSV (RFC 4180: CRLF line ends, fields quoted when needed): the one writer of
 * every `--csv` output, a whole sheet for `pe-calc recalc --csv` and a model's table or result rows
 * for `pe-calc new … --csv`.
 *
 * Safe to open by default (OWASP "CSV Injection"): a text value starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is written with a leading `'`, so a spreadsheet opening the file shows
 * the text instead of running it as a formula (`=cmd|' /C calc'!A0` becomes `'=cmd|' /C calc'!A0`).
 * Numbers are never touched: a computed -5 is printed as -5, and so is a text value that is a plain
 * number (`-5`, `+3.5`), which a spreadsheet reads as that number and never as a formula.
 * `raw: true` (`--raw`) prints every text exactly as it is, for scripts that want the data verbatim.
 */
import type { HyperFormula } from "hyperformula";

export interface CsvOptions {
  /** Print text verbatim, formula-like text included (`--raw`). */
  raw?: boolean;
  /** Quote every text field, not only those that need it (numbers stay bare, so a reader can tell them apart). */
  quoteText?: boolean;
  /** Line end: RFC 4180's CRLF by default, or a bare LF. */
  lineEnd?: "\r\n" | "\n";
}

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Text as it may safely appear in a CSV someone opens in a spreadsheet. */
export function neutralizeCsvText(text: string): string {
  return FORMULA_TRIGGER.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function sheetAsCsv(hf: HyperFormula, sheetName: string, options: CsvOptions = {}): string {
  const id = hf.getSheetId(sheetName);
  if (id === undefined) throw new Error(`no sheet "${sheetName}"`);
  return rowsAsCsv(hf.getSheetValues(id), options);
}

/** Rows of computed values as CSV text, every row as wide as the widest, each ended by a line end. */
export function rowsAsCsv(rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const end = options.lineEnd ?? "\r\n";
  return rows.map((row) => Array.from({ length: width }, (_, c) => csvField(row[c], options)).join(",") + end).join("");
}

/** One computed value as a CSV field, formula-like text neutralised unless `raw`. */
export function csvField(value: unknown, options: CsvOptions = {}): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // Like Excel's own CSV export: at most 15 significant digits, so 56.00000000000001 prints as 56.
  if (typeof value === "number") return String(Number(value.toPrecision(15)));
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (typeof value === "object" && "value" in value) text = String((value as { value: unknown }).value);
  else text = options.raw ? String(value) : neutralizeCsvText(String(value));
  return options.quoteText || /[",\r\n]|^\s|\s$/.test(text) ? quoted(text) : text;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
