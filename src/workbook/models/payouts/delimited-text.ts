/**
 * Delimited text (CSV, or tab-separated text pasted from a spreadsheet) as rows of cells with the
 * line each row starts on. The one place the payout model reads such text, so a shared reader can
 * replace csv-parse here alone. Tabs are taken as the separator when the first line has one.
 */
import { CsvError, parse } from "csv-parse/sync";

export class DelimitedTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DelimitedTextError";
  }
}

export interface TextRecord {
  cells: string[];
  /** 1-based line of the text where the row starts. */
  line: number;
}

export function readDelimitedText(source: string): TextRecord[] {
  const firstLine = source.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, 1)[0] ?? "";
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(source, {
      bom: true,
      delimiter: firstLine.includes("\t") ? "\t" : ",",
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const reason = error instanceof CsvError ? error.message.replace(/^Invalid (Opening|Closing) Quote: /, "") : String(error);
    throw new DelimitedTextError(`not valid CSV: ${reason}`);
  }
  return parsed
    .filter((entry) => entry.record.some((cell) => cell !== ""))
    .map((entry) => ({ cells: entry.record, line: entry.info.lines }));
}
