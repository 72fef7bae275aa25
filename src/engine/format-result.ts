import { ErrorResult, type FormulaResult, type ResultCell } from "./formula-result";

/**
 * How pe-calc prints a result: a number as JavaScript prints it, text as is, TRUE/FALSE, an error
 * as its code and message, an array in Excel's array-constant notation (`{1,"a";2,"b"}`).
 */
function formatBoolean(value: boolean): string {
  return value ? "TRUE" : "FALSE";
}

/** Inside an array constant text is quoted (a quote doubled), a blank is "" and an error only its code. */
function formatArrayCell(cell: ResultCell): string {
  if (cell === null) return '""';
  if (cell instanceof ErrorResult) return cell.code;
  if (typeof cell === "string") return `"${cell.replaceAll('"', '""')}"`;
  if (typeof cell === "boolean") return formatBoolean(cell);
  return String(cell);
}

export function formatResult(result: FormulaResult): string {
  if (Array.isArray(result)) return `{${result.map((row) => row.map(formatArrayCell).join(",")).join(";")}}`;
  if (result === null) return "";
  if (result instanceof ErrorResult) return result.toString();
  if (typeof result === "boolean") return formatBoolean(result);
  return String(result);
}
