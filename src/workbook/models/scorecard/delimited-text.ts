/**
 * Pasted or CSV text as a header and rows, read by the one delimited-text reader
 * (input/delimited-text.ts: delimiter and encoding detection), and how the scorecard reads its
 * cells as numbers and dates, with errors naming the line and column.
 */
import { csvProblem, DelimitedTextError, readDelimitedText } from "../../input/delimited-text";
import { isoDateToSerial } from "../shared/input-wording";

/** A problem in the data text: the message names the line and column; callers add the file name. */
export class DataTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataTextError";
  }
}

export interface DelimitedTable {
  header: string[];
  /** Data rows with their 1-based line in the text. */
  rows: { cells: string[]; line: number }[];
}

export function readDelimited(text: string): DelimitedTable {
  let records;
  try {
    records = readDelimitedText(text).rows;
  } catch (error) {
    if (error instanceof DelimitedTextError) throw new DataTextError(csvProblem(error));
    throw error;
  }
  if (records.length === 0) throw new DataTextError("there is no data: put a header row first, then the rows");
  const [head, ...rest] = records;
  if (rest.length === 0) throw new DataTextError("there is a header row but no data below it");
  return { header: head.cells, rows: rest };
}

/** "line 5, column 3 "Actual"": where a cell is, for messages. */
export function cellPlace(table: DelimitedTable, line: number, column: number): string {
  const title = table.header[column];
  return `line ${line}, column ${column + 1}${title ? ` "${title}"` : ""}`;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * A cell as an amount of 0 or more ("105000", "105,000", "$105,000"), null when blank; an error
 * naming its place otherwise (every number the scorecard reads is an amount, a term or a count).
 */
export function numberCell(table: DelimitedTable, line: number, column: number, value: string | undefined): number | null {
  const cell = (value ?? "").replace(/^[$€£]\s*/, "").replace(/\s/g, "");
  if (cell === "") return null;
  const number = PLAIN_NUMBER.test(cell) ? Number(cell) : THOUSANDS.test(cell) ? Number(cell.replace(/,/g, "")) : NaN;
  if (!Number.isFinite(number)) throw new DataTextError(`${cellPlace(table, line, column)}: "${value}" is not a number`);
  if (number < 0) throw new DataTextError(`${cellPlace(table, line, column)}: ${value} is below 0: enter 0 or more`);
  return number;
}

/** A cell as an ISO date text (null when blank): "2025-01-15" or an Excel date serial. */
export function dateCell(table: DelimitedTable, line: number, column: number, value: string | undefined): string | null {
  const cell = (value ?? "").trim();
  if (cell === "") return null;
  if (isoDateToSerial(cell) !== null) return cell;
  if (/^\d+(\.0+)?$/.test(cell)) {
    const serial = Number(cell);
    if (serial >= 367) return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  }
  throw new DataTextError(`${cellPlace(table, line, column)}: "${value}" is not a date: write it as YYYY-MM-DD, e.g. 2025-01-15`);
}
