/**
 * The deal model as a WorkbookPlan: a named assumptions block (every input a defined name), the
 * revenue-share rates, a per-year schedule (revenue, partner payout, referral fee, reseller margin,
 * our co-marketing share, our net, cumulative net, fees paid) with totals, the liability and
 * indemnity caps, and a chart of partner payout by year.
 *
 * Every schedule formula reads the named assumptions and the revenue cells, so changing any of
 * them recalculates the schedule in Excel, the engine and a saved file alike. Formulas are per
 * row, never spills: an .xlsx written by ExcelJS cannot mark a formula as a dynamic array, and
 * Excel would show only the first value of a spill there.
 *
 * - Payout by contract year: PE.REVSHARE_TIERED's "by_year" method numbers years by their place
 *   in the revenue range, so row N passes years 1..N ($B$first:B{row}) and INDEX takes year N
 *   (the Year cell). By revenue tier: each year's revenue on its own, one call per row.
 * - Referral fee: PE.REFERRAL_FEE on year 1 revenue, once. The maximum is passed only when its
 *   cell is filled: Excel desktop may hand a custom function a blank cell as 0, which would cap
 *   the fee at 0. A blank minimum read as 0 is the same as no minimum.
 * - Fees paid: partner payout + referral fee, what we pay the partner under the agreement in a
 *   contract year (12 months). Co-marketing spend and reseller discounts are not fees. The
 *   liability cap is PE.LIABILITY_CAP over the highest year's fees paid: the largest cap the deal
 *   reaches ("12 months of fees paid or the floor, whichever is greater").
 * - Annual partnership value, the base of the indemnity cap: the average revenue per year.
 * - Cumulative net is a running sum (previous + this year).
 */
import { columnLetters } from "../../a1";
import { defineModel } from "../shared/build-model-plan";
import { rangeAt } from "../shared/sheet-builder";
import { writeAssumptions, writeShareRates } from "./assumptions";
import { writeCaps, writePayoutChart, writeTermLine } from "./caps";
import { DealSheet } from "./deal-sheet";
import { DEAL_SAVED_INPUT, validateDealInput, type DealInput, type DealInputDraft } from "./input";

export { DEAL_SETTINGS_KEY } from "./input";
import type { DealLayout } from "./layout";
import { dealNames, reservedDealNames } from "./names";
import { writeSchedule } from "./schedule";

export type { DealLayout, DealScheduleColumns } from "./layout";
export type { DealNameKey } from "./names";

const dealModel = defineModel<DealInputDraft, DealInput, DealLayout>(
  "deal model",
  { validate: validateDealInput, saved: DEAL_SAVED_INPUT, reservedNames: reservedDealNames },
  (input, { sheetName, suffix }) => {
    const deal = new DealSheet(sheetName, input, dealNames(input, suffix));
    const { b } = deal;
    const termRow = writeAssumptions(deal);
    writeShareRates(deal);
    const schedule = writeSchedule(deal);
    const termCell = writeTermLine(deal, termRow);
    const caps = writeCaps(deal, schedule);
    const lastCol = Math.max(...Object.values(schedule.columns).filter((c): c is number => c !== undefined));
    const chartCol = Math.max(lastCol, 2) + 2;
    const chart = input.chart ? writePayoutChart(deal, schedule, chartCol) : undefined;
    const lastPrintRow = b.row - 1;
    const sheet = b.toSheet({
      columnWidths: [
        { column: "A", width: 38 },
        ...Array.from({ length: lastCol }, (_, i) => ({ column: columnLetters(i + 1), width: 15 })),
        { column: columnLetters(chartCol), width: 12 },
        { column: columnLetters(chartCol + 1), width: 15 },
      ],
      charts: chart ? [chart.chart] : [],
      print: { area: rangeAt(0, 0, lastPrintRow + 1, Math.max(lastCol, 2) + 1), orientation: "landscape", fitToWidth: true },
    });
    return { sheet, names: b.names(), layout: { ...deal.placed(), termCell, schedule, caps, chartSource: chart?.source } };
  },
);

/** buildDealPlan: the workbook's sheet and defined names make the plan's own unique (a second deal model gets "Deal model (2)" and Deal2_… names). */
export const { InputError: DealInputError, buildPlan: buildDealPlan } = dealModel;
export type DealInputError = InstanceType<typeof DealInputError>;
