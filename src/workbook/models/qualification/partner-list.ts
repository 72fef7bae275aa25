/**
 * Partner names from what a user gives the wizard: a pasted list, or the values of the current
 * selection. Names are kept verbatim (only trimmed): "=cmd" stays the text "=cmd", since every
 * applier writes it as text.
 */

/**
 * One name per line; a line copied from a spreadsheet (tab-separated) contributes its first
 * cell. Blank lines are skipped. Commas are part of names ("Acme, Inc."), never separators.
 */
export function parsePartnerList(pasted: string): string[] {
  return pasted
    .split(/\r\n|\n|\r/)
    .map((line) => unquote(line.split("\t")[0].trim()))
    .filter((name) => name !== "");
}

/** A spreadsheet copy puts a cell holding quotes or line breaks in double quotes: undo that. */
function unquote(cell: string): string {
  if (cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"')) return cell.slice(1, -1).replace(/""/g, '"').trim();
  return cell;
}

/**
 * The first column of a selection's values (Excel's `range.values`), as names: numbers and
 * booleans as they read, blanks skipped. With `hasHeader`, the first row is a header and dropped.
 */
export function partnersFromSelection(values: unknown[][], hasHeader = false): string[] {
  return values
    .slice(hasHeader ? 1 : 0)
    .map((row) => row[0])
    .filter((cell) => cell !== null && cell !== undefined && cell !== "")
    .map((cell) => (typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell)).trim())
    .filter((name) => name !== "");
}
