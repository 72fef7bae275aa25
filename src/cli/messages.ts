/**
 * How pe-calc points at a problem in what a user gave it: values quoted short (quoteInput, shared
 * with the workbook layer's readers), positions as line and column.
 */
import { quoteInput } from "../workbook/input/quote";

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
 * JSON.parse's complaint as "line 3, column 5: unexpected token ..." (V8 says "at position 728";
 * users and editors count lines). The message quotes no more than a short piece of the input.
 */
export function describeJsonError(source: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : /end of JSON input/i.test(message) ? source.length : undefined;
  const cleaned = message
    .replace(/, ".*" is not valid JSON$/s, "")
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/^Unexpected end of JSON input$/, 'the JSON ends too early (a missing } or ] or ")');
  const what = quoteInput(cleaned.charAt(0).toLowerCase() + cleaned.slice(1));
  if (offset === undefined) return what;
  const { line, column } = lineAndColumn(source, offset);
  return `line ${line}, column ${column}: ${what}`;
}
