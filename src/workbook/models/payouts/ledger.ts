/**
 * The ledger, last on the sheet so it can grow: an Excel table of the transactions as given
 * (partner, date, amount, customer, description), and beside it, outside the table, each row's
 * period and payout, each one array formula over every covered row:
 *   Period: =IF(dates="","",PE.PERIOD(dates,Pay_Frequency,Pay_FiscalYearStart))
 *   Payout: =IF(amounts="","",PE.PAYOUT_LEDGER(amounts,partners,Pay_TierStarts,Pay_Rates,periods,Pay_Method))
 * Why one formula rather than one a row: a payout depends on the partner's revenue to date in the
 * period, which a per-row formula can only get by re-summing the rows above it (a running SUMIFS,
 * quadratic: the slow, fragile build PE.PAYOUT_LEDGER replaces). Why beside the table: Excel lets
 * no spill or multi-cell array formula into a table. Why fixed covered rows rather than structured
 * references: HyperFormula (the workbench and pe-calc) reads no structured references, and an
 * .xlsx written by ExcelJS cannot mark a dynamic array, so files get a classic array formula over a
 * fixed range (SheetPlan.arrayFormulas). The covered rows reach LEDGER_HEADROOM beyond the
 * transactions written: a transaction typed in the next empty row (Excel extends the table) is
 * picked up by every payout, summary and statement formula, with no formula typed by hand.
 *
 * The last column counts the statement partner's transactions down the ledger (one formula a row,
 * each adding 1 to the one above when the row is that partner's): the statement finds its k-th
 * line with an approximate MATCH on this non-decreasing count, a binary search.
 */
import { absoluteAddress, columnLetters } from "../../a1";
import { formula, num, text, userValue, type CellContent } from "../../plan";
import { rangeAt, type SheetBuilder } from "../shared/sheet-builder";
import { FORMATS } from "../shared/theme";
import { moneyFormat } from "./money";
import { EXCEL_MAX_ROWS, LEDGER_HEADROOM_SHARE, MIN_LEDGER_HEADROOM } from "./defaults";
import type { PayoutsInput } from "./input";
import { LEDGER_COLUMNS as C } from "./layout";
import type { PayoutNameKey, PayoutNames } from "./names";

/** How many rows the ledger's formulas cover for `transactions` written from `firstRow` (0-based). */
export function coveredRows(transactions: number, firstRow: number): number {
  const wanted = transactions + Math.max(MIN_LEDGER_HEADROOM, Math.ceil(transactions * LEDGER_HEADROOM_SHARE));
  return Math.min(wanted, EXCEL_MAX_ROWS - firstRow);
}

export function writeLedger(
  b: SheetBuilder,
  input: PayoutsInput,
  names: PayoutNames,
  headerRow: number,
): { ranges: Partial<Record<PayoutNameKey, string>>; covered: number; arrays: string[] } {
  const first = headerRow + 1;
  const covered = coveredRows(input.ledger.length, first);
  const column = (col: number): string => rangeAt(first, col, covered, 1);
  const ranges: Partial<Record<PayoutNameKey, string>> = {
    partners: column(C.partner),
    dates: column(C.date),
    amounts: column(C.amount),
    customers: column(C.customer),
    descriptions: column(C.description),
    periods: column(C.period),
    payouts: column(C.payout),
    statementCount: column(C.statementCount),
  };
  b.block(headerRow, C.period, [[text("Period"), text("Payout"), text("Statement count")]]);
  b.style(rangeAt(headerRow, C.period, 1, 3), { bold: true, fill: "#DDEBF7", borderBottom: true });
  b.block(
    first,
    0,
    input.ledger.map((t): CellContent[] => [
      userValue(t.partner),
      num(t.date),
      num(t.amount),
      userValue(t.customer),
      userValue(t.description),
    ]),
  );
  // Ranges rather than their names inside the array formulas: HyperFormula computes IF over a
  // range element by element, but answers "Cell range not allowed" for a named range there.
  const abs = (key: PayoutNameKey): string => absoluteAddress(ranges[key]!);
  b.block(first, C.period, [
    [
      formula(`=IF(${abs("dates")}="","",PE.PERIOD(${abs("dates")},${names.frequency},${names.fiscalYearStart}))`),
      formula(
        `=IF(${abs("amounts")}="","",PE.PAYOUT_LEDGER(${abs("amounts")},${abs("partners")},${names.tierStarts},${names.rates},${abs("periods")},${names.method}))`,
      ),
    ],
  ]);
  const partner = columnLetters(C.partner);
  const count = columnLetters(C.statementCount);
  const counts: CellContent[][] = [];
  for (let i = 0; i < covered; i++) {
    const row = first + i + 1;
    const match = `IF(AND(${partner}${row}<>"",${partner}${row}=${names.statementPartner}),1,0)`;
    counts.push([formula(i === 0 ? `=${match}` : `=${count}${row - 1}+${match}`)]);
  }
  b.block(first, C.statementCount, counts);

  const money = moneyFormat(input.currency);
  b.format(rangeAt(first, C.date, covered, 1), FORMATS.date);
  b.format(rangeAt(first, C.amount, covered, 1), money);
  b.format(rangeAt(first, C.payout, covered, 1), money);
  b.note(rangeAt(first, C.statementCount, covered, 1));
  b.validate(
    rangeAt(first, C.amount, covered, 1),
    { kind: "decimal", min: -1e15, max: 1e15 },
    "An amount is a number; enter a refund as a negative amount.",
  );
  b.validate(rangeAt(first, C.date, covered, 1), { kind: "decimal", min: 1, max: 2958465 }, "Enter a date, e.g. 2026-03-15.");
  const names_: [PayoutNameKey, string][] = [
    ["partners", "Ledger: partner of each transaction"],
    ["dates", "Ledger: date of each transaction"],
    ["amounts", "Ledger: amount of each transaction (refunds negative)"],
    ["customers", "Ledger: customer"],
    ["descriptions", "Ledger: description"],
    ["periods", "Ledger: period of each transaction (PE.PERIOD)"],
    ["payouts", "Ledger: payout of each transaction (PE.PAYOUT_LEDGER)"],
    ["statementCount", "Ledger: running count of the statement partner's transactions"],
  ];
  for (const [key, comment] of names_) b.name(names[key], ranges[key]!, comment);
  return {
    ranges,
    covered,
    arrays: [rangeAt(first, C.period, covered, 1), rangeAt(first, C.payout, covered, 1)],
  };
}

/** The ledger table's range: header plus the transactions (one blank row when there are none). */
export function ledgerTableRange(headerRow: number, transactions: number): string {
  return rangeAt(headerRow, 0, Math.max(transactions, 1) + 1, C.description + 1);
}
