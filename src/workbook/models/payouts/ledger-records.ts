/**
 * A ledger from rows of cells (a CSV file, pasted text, or the values of an Excel selection) and
 * a column mapping: which column holds the partner, the date and the amount, and optionally the
 * customer and the description. Header names are guessed; the user confirms. Every problem names
 * its row (the text's line, or the selection's row) and its column, e.g.
 * `line 42, column "Amount": "12,5x" is not a number`.
 */
import { isoDateToSerial } from "../shared/input-wording";
import type { Transaction } from "./input";

export type LedgerField = "partner" | "date" | "amount" | "customer" | "description";
export const LEDGER_FIELDS: readonly LedgerField[] = ["partner", "date", "amount", "customer", "description"];
export const REQUIRED_LEDGER_FIELDS: readonly LedgerField[] = ["partner", "date", "amount"];

/** Column index (0-based) of each field; optional fields may be missing. */
export type ColumnMapping = Partial<Record<LedgerField, number>>;

export type RawCell = string | number | boolean | null | undefined;

export interface LedgerRow {
  cells: RawCell[];
  /** How the row is named in messages: "line 42", "row 17". */
  label: string;
}

export interface LedgerProblem {
  /** 0-based index of the row among the data rows. */
  index: number;
  field: LedgerField | "mapping";
  message: string;
}

const HEADER_WORDS: Record<LedgerField, RegExp> = {
  partner: /partner|reseller|affiliate|agent|rep\b|payee/i,
  date: /date|day|booked|posted|when/i,
  amount: /amount|revenue|value|sale|total|net|sum/i,
  customer: /customer|client|account|buyer/i,
  description: /desc|memo|note|item|product|detail/i,
};

/** The columns a header's names suggest (each column used once, required fields first). */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const field of LEDGER_FIELDS) {
    const index = header.findIndex((name, i) => !used.has(i) && HEADER_WORDS[field].test(name));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** A mapping's problems: a required field without a column, or two fields on one column. */
export function mappingProblems(mapping: ColumnMapping, header: readonly string[]): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_LEDGER_FIELDS)
    if (mapping[field] === undefined) problems.push(`say which column holds the ${field}`);
  const seen = new Map<number, LedgerField>();
  for (const field of LEDGER_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (column < 0 || column >= header.length) problems.push(`the ${field} column ${column + 1} is not in the data`);
    const other = seen.get(column);
    if (other) problems.push(`the ${other} and the ${field} are both mapped to column "${header[column] ?? column + 1}"`);
    seen.set(column, field);
  }
  return problems;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** An amount as typed: a number, numeric text (1234.5, -12, 1,234.50, (12.50) for a refund), else null. */
export function readAmount(cell: RawCell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== "string") return cell === null || cell === undefined ? 0 : null;
  let text = cell.trim();
  if (text === "") return 0;
  const negative = /^\(.*\)$/.test(text);
  if (negative) text = text.slice(1, -1).trim();
  if (GROUPED_NUMBER.test(text)) text = text.replace(/,/g, "");
  if (!NUMBER.test(text)) return null;
  return negative ? -Number(text) : Number(text);
}

/** A date as typed: an Excel date serial, an ISO date (2026-03-15), else null. */
export function readDate(cell: RawCell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) && cell >= 1 ? Math.floor(cell) : null;
  if (typeof cell !== "string") return null;
  const text = cell.trim();
  if (NUMBER.test(text)) return readDate(Number(text));
  return isoDateToSerial(text.slice(0, 10));
}

function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell).trim();
}

function quoted(cell: RawCell): string {
  const text = cellText(cell);
  return text === "" ? "a blank" : `"${text.length > 30 ? `${text.slice(0, 27)}...` : text}"`;
}

/**
 * The transactions of `rows` under `mapping`, and the problems found (at most `limit`, so a ledger
 * of 100,000 bad rows does not build 100,000 messages). Rows that are blank in every mapped column
 * are skipped.
 */
export function readLedgerRows(
  rows: readonly LedgerRow[],
  header: readonly string[],
  mapping: ColumnMapping,
  limit = 20,
): { transactions: Transaction[]; problems: LedgerProblem[]; problemCount: number } {
  const problems: LedgerProblem[] = [];
  let problemCount = 0;
  const report = (problem: LedgerProblem): void => {
    problemCount++;
    if (problems.length < limit) problems.push(problem);
  };
  const mapped = mappingProblems(mapping, header);
  if (mapped.length > 0) {
    for (const message of mapped) report({ index: -1, field: "mapping", message });
    return { transactions: [], problems, problemCount };
  }
  const columnName = (field: LedgerField): string => `column "${header[mapping[field]!] || mapping[field]! + 1}"`;
  const transactions: Transaction[] = [];
  rows.forEach((row, index) => {
    const at = (field: LedgerField): RawCell => (mapping[field] === undefined ? "" : row.cells[mapping[field]!]);
    if (LEDGER_FIELDS.every((field) => cellText(at(field)) === "")) return;
    const partner = cellText(at("partner"));
    const date = readDate(at("date"));
    const amount = readAmount(at("amount"));
    if (partner === "") report({ index, field: "partner", message: `${row.label}, ${columnName("partner")}: no partner` });
    if (date === null)
      report({
        index,
        field: "date",
        message: `${row.label}, ${columnName("date")}: ${quoted(at("date"))} is not a date (use 2026-03-15 or an Excel date)`,
      });
    if (amount === null)
      report({
        index,
        field: "amount",
        message: `${row.label}, ${columnName("amount")}: ${quoted(at("amount"))} is not a number`,
      });
    transactions.push({
      partner,
      date: date ?? 0,
      amount: amount ?? 0,
      customer: cellText(at("customer")),
      description: cellText(at("description")),
    });
  });
  return { transactions, problems, problemCount };
}
