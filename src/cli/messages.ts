/**
 * How pe-calc points at a problem in what a user gave it: values quoted short (quoteInput, shared
 * with the workbook layer's readers), positions as line and column.
 */
import { quoteInput } from "../workbook/input/quote";
import { findJsonSyntaxProblem } from "./json-position";

export { MAX_QUOTED, quoteInput } from "../workbook/input/quote";

/** 1-based line and column of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Why JSON text does not parse, as "line 3, column 5: expected "," or "]", found "}"" (V8 says
 * "at position 728", or no position at all; users and editors count lines). Quotes little input.
 */
export function describeJsonError(source: string, error: unknown): string {
  const found = findJsonSyntaxProblem(source);
  if (found) {
    const { line, column } = lineAndColumn(source, found.offset);
    return `line ${line}, column ${column}: ${found.message}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return quoteInput(message.replace(/,\s*(\.\.\.)?".*$/s, ""));
}
