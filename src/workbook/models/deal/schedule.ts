/**
 * The schedule by contract year: one row per year (revenue, partner payout, referral fee, reseller
 * margin, our co-marketing share, our net, cumulative net, fees paid), then totals and a footnote.
 * Every formula reads the named assumptions and the revenue cells (see index.ts for the rules).
 */
import { columnLetters } from "../../a1";
import { blank, formula, num, text, type CellContent } from "../../plan";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import { COLORS, FORMATS } from "../shared/theme";
import type { DealSheet } from "./deal-sheet";
import type { DealInput } from "./input";
import type { DealLayout, DealScheduleColumns } from "./layout";
import type { DealNames } from "./names";
import { amountRule } from "./rules";

type ColumnCell = (index: number, row: number, absolute?: boolean) => string;

/** Writes the schedule at the cursor; the cursor ends on the footnote row. */
export function writeSchedule(deal: DealSheet): DealLayout["schedule"] {
  const { b, input, names, money } = deal;
  const n = input.termYears;
  const c = scheduleColumns(input);
  const headers = scheduleHeaders(c);
  const lastCol = headers.length - 1;
  const titleRow = b.put([[text("Schedule by contract year")]]);
  b.style(cellAt(titleRow, 0), { bold: true, fontSize: 12, fontColor: COLORS.heading });
  const headerRow = b.put([headers.map(text)]);
  b.style(rangeAt(headerRow, 0, 1, headers.length), {
    bold: true,
    fill: COLORS.headerFill,
    borderBottom: true,
    wrap: true,
    vertical: "bottom",
    horizontal: "center",
  });
  const firstRow = headerRow + 1;
  const lastRow = firstRow + n - 1;
  const totalsRow = lastRow + 1;
  const col: ColumnCell = (index, r, absolute = false) =>
    absolute ? `$${columnLetters(index)}$${r + 1}` : `${columnLetters(index)}${r + 1}`;
  const colRange = (index: number): string => `${col(index, firstRow)}:${col(index, lastRow)}`;
  const throughTotals = (index: number): string => `${col(index, firstRow)}:${col(index, totalsRow)}`;

  b.put(Array.from({ length: n }, (_, i) => scheduleRow(input, names, c, firstRow, firstRow + i, col)));
  b.put([totalsRowCells(c, lastCol, colRange)]);
  deal.namedInput("revenue", colRange(c.revenue), "Revenue forecast per contract year");
  b.validate(colRange(c.revenue), amountRule, "Revenue is an amount of 0 or more.");
  if (c.units !== undefined) {
    deal.namedInput("units", colRange(c.units), "Units the reseller sells per contract year");
    b.validate(colRange(c.units), amountRule, "Units are a number of 0 or more.");
    b.format(throughTotals(c.units), FORMATS.count);
  }
  for (const index of moneyColumns(c)) b.format(throughTotals(index), money);
  b.format(colRange(c.year), FORMATS.whole);
  b.style(colRange(c.year), { horizontal: "center" });
  b.style(rangeAt(totalsRow, 0, 1, headers.length), { bold: true, borderTop: true });
  const footnote = b.put([
    [
      text(
        `Our net = revenue − partner payout − referral fee${c.resellerMargin !== undefined ? " − reseller margin" : ""} − our co-marketing share. Fees paid = partner payout + referral fee: what we pay the partner under the agreement in a contract year (co-marketing spend and reseller discounts are not fees).`,
      ),
    ],
  ]);
  b.note(cellAt(footnote, 0));
  return { headerRow, firstRow, lastRow, totalsRow, columns: c };
}

/** The schedule's column range (first year to last) of a column. */
export function scheduleRange(schedule: DealLayout["schedule"], index: number): string {
  const letter = columnLetters(index);
  return `${letter}${schedule.firstRow + 1}:${letter}${schedule.lastRow + 1}`;
}

function scheduleColumns(input: DealInput): DealScheduleColumns {
  const reseller = input.reseller !== null;
  let next = 0;
  const take = (): number => next++;
  const year = take();
  const revenue = take();
  const units = reseller ? take() : undefined;
  const payout = take();
  const referral = take();
  const resellerMargin = reseller ? take() : undefined;
  return {
    year,
    revenue,
    units,
    payout,
    referral,
    resellerMargin,
    coMarketing: take(),
    net: take(),
    cumulative: take(),
    feesPaid: take(),
  };
}

function scheduleHeaders(c: DealScheduleColumns): string[] {
  const headers: string[] = [];
  headers[c.year] = "Year";
  headers[c.revenue] = "Revenue";
  if (c.units !== undefined) headers[c.units] = "Reseller units";
  headers[c.payout] = "Partner payout";
  headers[c.referral] = "Referral fee";
  if (c.resellerMargin !== undefined) headers[c.resellerMargin] = "Reseller margin";
  headers[c.coMarketing] = "Co-marketing (our share)";
  headers[c.net] = "Our net";
  headers[c.cumulative] = "Cumulative net";
  headers[c.feesPaid] = "Fees paid";
  return headers;
}

function moneyColumns(c: DealScheduleColumns): number[] {
  return [c.revenue, c.payout, c.referral, c.resellerMargin, c.coMarketing, c.net, c.cumulative, c.feesPaid].filter(
    (index): index is number => index !== undefined,
  );
}

function scheduleRow(
  input: DealInput,
  names: DealNames,
  c: DealScheduleColumns,
  firstRow: number,
  r: number,
  col: (index: number, row: number, absolute?: boolean) => string,
): CellContent[] {
  const year = r - firstRow + 1;
  const revenue = col(c.revenue, r);
  const cells: CellContent[] = [];
  cells[c.year] = num(year);
  cells[c.revenue] = num(input.revenue[year - 1]);
  if (c.units !== undefined) cells[c.units] = num(input.reseller!.units[year - 1]);
  const shareArgs = `${names.shareStarts},${names.shareRates},${names.shareMethod}`;
  cells[c.payout] =
    input.revenueShare.basis === "byYear"
      ? formula(`=INDEX(PE.REVSHARE_TIERED(${col(c.revenue, firstRow, true)}:${revenue},${shareArgs}),${col(c.year, r)})`)
      : formula(`=PE.REVSHARE_TIERED(${revenue},${shareArgs})`);
  const feeArgs = `${revenue},${names.referralRate},${names.referralMin}`;
  cells[c.referral] =
    year === 1
      ? formula(`=IF(ISBLANK(${names.referralMax}),PE.REFERRAL_FEE(${feeArgs}),PE.REFERRAL_FEE(${feeArgs},${names.referralMax}))`)
      : num(0);
  if (c.resellerMargin !== undefined && c.units !== undefined)
    cells[c.resellerMargin] = formula(`=PE.RESELLER_MARGIN(${names.listPrice},${names.resellerDiscount},${col(c.units, r)})`);
  cells[c.coMarketing] = formula(`=${names.coMarketingBudget}*${names.coMarketingShare}`);
  const costs = [c.payout, c.referral, c.resellerMargin, c.coMarketing]
    .filter((index): index is number => index !== undefined)
    .map((index) => `-${col(index, r)}`)
    .join("");
  cells[c.net] = formula(`=${revenue}${costs}`);
  cells[c.cumulative] = formula(r === firstRow ? `=${col(c.net, r)}` : `=${col(c.cumulative, r - 1)}+${col(c.net, r)}`);
  cells[c.feesPaid] = formula(`=${col(c.payout, r)}+${col(c.referral, r)}`);
  return cells;
}

function totalsRowCells(c: DealScheduleColumns, lastCol: number, colRange: (index: number) => string): CellContent[] {
  const cells: CellContent[] = Array.from({ length: lastCol + 1 }, blank);
  cells[c.year] = text("Total");
  const summed = [c.revenue, c.units, c.payout, c.referral, c.resellerMargin, c.coMarketing, c.net, c.feesPaid];
  for (const index of summed) if (index !== undefined) cells[index] = formula(`=SUM(${colRange(index)})`);
  return cells;
}
