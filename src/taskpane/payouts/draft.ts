/**
 * The payout wizard's state, kept as typed (numbers as text, rates as percentages): where the
 * ledger comes from (pasted text or the selection), whether its first row is a header, the column
 * mapping ("" lets the header names decide, "none" leaves an optional column out), and the plan.
 * `toPayoutsModelInput` reads the ledger with the model's reader and turns the rest into the
 * model's input, with the problems only the draft can see on the model's own field paths.
 */
import { z } from "zod";
import { NEW_SHEET_DRAFT } from "../wizard/saved-draft";
import {
  DEFAULT_PAYOUT_TIERS,
  DEFAULT_PAYOUTS_CURRENCY,
  DEFAULT_PAYOUTS_SHEET_NAME,
} from "../../workbook/models/payouts/defaults";
import { csvProblem, DelimitedTextError, readDelimitedText } from "../../workbook/input/delimited-text";
import type { PayoutsInputDraft, Transaction } from "../../workbook/models/payouts/input";
import {
  guessMapping,
  LEDGER_FIELDS,
  readLedgerRows,
  type ColumnMapping,
  type LedgerField,
  type LedgerRow,
} from "../../workbook/models/payouts/ledger-records";
import type { PayoutPlan } from "../../workbook/models/payouts/saved";
import { fractionToPercentText, numberText, parseTyped, percentToFraction } from "../wizard/typed-numbers";

export const PayoutsDraftSchema = z.object({
  source: z.enum(["paste", "selection"]),
  pasted: z.string(),
  selectionCells: z.array(z.array(z.string())),
  hasHeader: z.boolean(),
  /** Column index as text; "" guesses from the header; "none" leaves an optional field out. */
  mapping: z.record(z.string(), z.string()),
  mappingConfirmed: z.boolean(),
  tiers: z.array(z.object({ from: z.string(), rate: z.string() })),
  method: z.enum(["marginal", "retroactive"]),
  frequency: z.enum(["month", "quarter", "year"]),
  fiscalYearStart: z.string(),
  floor: z.string(),
  recover: z.boolean(),
  /** Blank: no cap. */
  cap: z.string(),
  carry: z.boolean(),
  currency: z.string(),
  ...NEW_SHEET_DRAFT,
});

export type PayoutsDraft = z.infer<typeof PayoutsDraftSchema>;

export function initialPayoutsDraft(): PayoutsDraft {
  return {
    source: "paste",
    pasted: "",
    selectionCells: [],
    hasHeader: true,
    mapping: {},
    mappingConfirmed: false,
    tiers: DEFAULT_PAYOUT_TIERS.map((t) => ({ from: String(t.from), rate: fractionToPercentText(t.rate) })),
    method: "marginal",
    frequency: "month",
    fiscalYearStart: "1",
    floor: "0",
    recover: true,
    cap: "",
    carry: true,
    currency: DEFAULT_PAYOUTS_CURRENCY,
    sheetName: DEFAULT_PAYOUTS_SHEET_NAME,
    chart: true,
  };
}

export function draftFromPlan(plan: PayoutPlan): PayoutsDraft {
  return {
    ...initialPayoutsDraft(),
    tiers: plan.tiers.map((t) => ({ from: String(t.from), rate: fractionToPercentText(t.rate) })),
    method: plan.method,
    frequency: plan.frequency,
    fiscalYearStart: String(plan.fiscalYearStart),
    floor: String(plan.floor),
    recover: plan.recover,
    cap: numberText(plan.cap),
    carry: plan.carry,
    currency: plan.currency,
    sheetName: plan.sheetName,
    chart: plan.chart,
  };
}

export interface LedgerTable {
  header: string[];
  rows: LedgerRow[];
  /** Why the text could not be read, if it could not. */
  problem?: string;
}

let lastTable: { key: unknown; hasHeader: boolean; table: LedgerTable } | undefined;

/** The ledger's cells as rows with a header (named "Column 1"… when the first row holds data); remembered for the same text. */
export function ledgerTable(draft: Pick<PayoutsDraft, "source" | "pasted" | "selectionCells" | "hasHeader">): LedgerTable {
  const key = draft.source === "paste" ? draft.pasted : draft.selectionCells;
  if (lastTable && lastTable.key === key && lastTable.hasHeader === draft.hasHeader) return lastTable.table;
  let records: { cells: string[]; label: string }[];
  let problem: string | undefined;
  if (draft.source === "paste") {
    try {
      records = readDelimitedText(draft.pasted).rows.map((r) => ({ cells: r.cells, label: `line ${r.line}` }));
    } catch (error) {
      records = [];
      problem = error instanceof DelimitedTextError ? csvProblem(error) : String(error);
    }
  } else {
    records = draft.selectionCells
      .map((cells, i) => ({ cells, label: `row ${i + 1} of the selection` }))
      .filter((r) => r.cells.some((c) => c.trim() !== ""));
  }
  const width = Math.max(0, ...records.map((r) => r.cells.length));
  const header = draft.hasHeader
    ? Array.from({ length: width }, (_, i) => records[0]?.cells[i] ?? "")
    : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  const table = { header, rows: draft.hasHeader ? records.slice(1) : records, problem };
  lastTable = { key, hasHeader: draft.hasHeader, table };
  return table;
}

/** The mapping in force: the user's choices over the guesses from the header. */
export function effectiveMapping(draft: PayoutsDraft, header: string[]): ColumnMapping {
  const mapping = draft.hasHeader ? guessMapping(header) : {};
  for (const field of LEDGER_FIELDS) {
    const chosen = draft.mapping[field] ?? "";
    if (chosen === "none") delete mapping[field];
    else if (chosen !== "") mapping[field] = Number(chosen);
  }
  return mapping;
}

export interface DraftProblem {
  field: string;
  message: string;
  quiet?: boolean;
}

export interface PayoutsModelInput {
  input: PayoutsInputDraft;
  problems: DraftProblem[];
  transactions: Transaction[];
  /** Problems in the ledger beyond those listed. */
  ledgerProblemCount: number;
}

let lastLedger: { table: LedgerTable; mapping: string; read: ReturnType<typeof readLedgerRows> } | undefined;

function readLedger(table: LedgerTable, mapping: ColumnMapping): ReturnType<typeof readLedgerRows> {
  const key = JSON.stringify(mapping);
  if (lastLedger && lastLedger.table === table && lastLedger.mapping === key) return lastLedger.read;
  const read = readLedgerRows(table.rows, table.header, mapping, 20);
  lastLedger = { table, mapping: key, read };
  return read;
}

export function toPayoutsModelInput(draft: PayoutsDraft): PayoutsModelInput {
  const problems: DraftProblem[] = [];
  const number = (text: string, field: string, what: string, percent = false): number => {
    const value = parseTyped(text, percent);
    if (value === undefined) {
      problems.push({ field, message: text.trim() === "" ? `enter ${what}` : `${what} "${text}" is not a number` });
      return 0;
    }
    return percent ? percentToFraction(value) : value;
  };
  const table = ledgerTable(draft);
  if (table.problem) problems.push({ field: "ledger", message: `the ledger text ${table.problem}` });
  const mapping = effectiveMapping(draft, table.header);
  const read = readLedger(table, mapping);
  if (table.rows.length === 0 && !table.problem)
    problems.push({ field: "ledger", message: "paste the ledger or read it from the selection first", quiet: true });
  for (const p of read.problems)
    problems.push({ field: p.field === "mapping" ? `mapping.${p.message}` : `ledger.${p.index}.${p.field}`, message: p.message });
  if (table.rows.length > 0 && !draft.mappingConfirmed)
    problems.push({ field: "mappingConfirmed", message: "check the columns, then confirm them", quiet: true });
  const capText = draft.cap.trim();
  const input: PayoutsInputDraft = {
    sheetName: draft.sheetName,
    currency: draft.currency,
    tiers: draft.tiers.map((t, i) => ({
      from: number(t.from, `tiers.${i}.from`, `tier ${i + 1}'s start`),
      rate: number(t.rate, `tiers.${i}.rate`, `tier ${i + 1}'s rate`, true),
    })),
    method: draft.method,
    frequency: draft.frequency,
    fiscalYearStart: number(draft.fiscalYearStart, "fiscalYearStart", "the fiscal year's first month"),
    floor: number(draft.floor, "floor", "the floor"),
    recover: draft.recover,
    cap: capText === "" ? null : number(draft.cap, "cap", "the cap"),
    carry: draft.carry,
    chart: draft.chart,
    ledger: read.problems.length > 0 ? [] : read.transactions,
  };
  return { input, problems, transactions: read.transactions, ledgerProblemCount: read.problemCount };
}

export type { LedgerField };
