/**
 * Where a payout book puts things, top to bottom: the plan (named inputs, tiers beside them, the
 * chart's data further right), the partner × period summary (earned, paid, balance blocks), the
 * printable statement, and last the ledger, so it can grow downwards. 0-based rows and columns.
 */
import type { PayoutNames } from "./names";

export const LEDGER_COLUMNS = {
  partner: 0,
  date: 1,
  amount: 2,
  customer: 3,
  description: 4,
  /** Outside the table: one array formula each over the covered rows (tables cannot hold spills). */
  period: 5,
  payout: 6,
  /** Running count of the statement partner's transactions, one formula a row. */
  statementCount: 7,
} as const;

export const TABLE_HEADERS = ["Partner", "Date", "Amount", "Customer", "Description"];

export interface SummaryBlock {
  /** Row of the block's header (its label, the periods, the total's label). */
  headerRow: number;
  firstRow: number;
  /** The totals row under the partners. */
  totalsRow: number;
}

export interface PayoutsLayout {
  sheet: string;
  tableName: string;
  names: PayoutNames;
  /** A1 cell or range (no sheet prefix) of each named input and ledger column. */
  ranges: Record<keyof PayoutNames, string>;
  /** The partners and periods the summary shows at build time (its labels follow the ledger). */
  partners: string[];
  periods: string[];
  /** Label slots: the summary's partner rows and period columns, spare ones included. */
  summary: { earned: SummaryBlock; paid: SummaryBlock; balance: SummaryBlock; partnerSlots: number; periodSlots: number };
  statement: { partnerCell: string; firstPeriodRow: number; totalRow: number; firstLineRow: number; lines: number };
  ledger: { headerRow: number; firstRow: number; transactions: number; coveredRows: number };
  chartSource?: string;
  printArea: string;
}
