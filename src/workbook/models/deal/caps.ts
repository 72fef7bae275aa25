/**
 * Below the schedule: the liability and indemnity caps and the renewal line, each a formula over
 * the schedule and the named assumptions; beside it, the block the payout chart reads.
 */
import { formula, num, text, type ChartPlan } from "../../plan";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import { STYLES } from "../shared/theme";
import type { DealSheet } from "./deal-sheet";
import type { DealLayout } from "./layout";
import { scheduleRange } from "./schedule";

/** The term fixes the schedule's rows, so it is shown, not an input (HyperFormula 3.5 cannot compute ROWS of a name). */
export function writeTermLine(deal: DealSheet, termRow: number): string {
  deal.b.block(termRow, 0, [
    [
      text("Term modelled (years)"),
      num(deal.input.termYears),
      text("One schedule row per contract year; run the wizard again to change it."),
    ],
  ]);
  return cellAt(termRow, 1);
}

/** Writes the caps and renewal section at the cursor (after one empty row). */
export function writeCaps(deal: DealSheet, schedule: DealLayout["schedule"]): DealLayout["caps"] {
  const { b, names, money } = deal;
  b.skip(1);
  b.header(["Caps and renewal", "Amount", "How it is computed"]);
  const capsRow = b.row;
  const peakFees = cellAt(capsRow, 1);
  const liabilityCap = cellAt(capsRow + 1, 1);
  const annualValue = cellAt(capsRow + 2, 1);
  const indemnityCap = cellAt(capsRow + 3, 1);
  const renewal = cellAt(capsRow + 4, 1);
  b.put([
    [
      text("Fees paid, highest contract year"),
      formula(`=MAX(${scheduleRange(schedule, schedule.columns.feesPaid)})`),
      text("Partner payout + referral fee in the contract year with the most: 12 months of fees paid."),
    ],
    [
      text("Liability cap"),
      formula(`=PE.LIABILITY_CAP(${peakFees},${names.liabilityFloor},${names.liabilityMultiple})`),
      text(
        "The greater of the liability floor and the multiple × 12 months of fees paid. No consequential damages; IP infringement and confidentiality breaches uncapped.",
      ),
    ],
    [
      text("Annual partnership value"),
      formula(`=AVERAGE(${names.revenue})`),
      text("Average revenue per contract year over the term."),
    ],
    [
      text("Indemnity cap"),
      formula(`=PE.LIABILITY_CAP(${annualValue},0,${names.indemnityMultiple})`),
      text("The indemnity multiple × the annual partnership value."),
    ],
    [
      text("Renewal"),
      formula(`="Renews after year "&${names.initialTerm}&" unless notice is given "&${names.renewalNotice}&" days before"`),
      text("Automatic renewal after the initial term, with the notice period above."),
    ],
  ]);
  b.format(rangeAt(capsRow, 1, 4, 1), money);
  b.style(rangeAt(capsRow, 0, 5, 1), { bold: true });
  return { peakFees, liabilityCap, annualValue, indemnityCap, renewal };
}

/** Year labels and payouts right of the schedule (column `chartCol`), and the chart over them. */
export function writePayoutChart(
  deal: DealSheet,
  schedule: DealLayout["schedule"],
  chartCol: number,
): { source: string; chart: ChartPlan } {
  const { b, money } = deal;
  const n = deal.input.termYears;
  const payoutColumn = schedule.columns.payout;
  b.block(3, chartCol, [
    [text("Year"), text("Partner payout")],
    ...Array.from({ length: n }, (_, i) => [text(`Year ${i + 1}`), formula(`=${cellAt(schedule.firstRow + i, payoutColumn)}`)]),
  ]);
  const source = rangeAt(3, chartCol, n + 1, 2);
  b.format(rangeAt(4, chartCol + 1, n, 1), money);
  b.style(source, STYLES.note);
  const chart: ChartPlan = {
    type: "columnClustered",
    source,
    title: "Partner payout by year",
    from: cellAt(n + 6, chartCol),
    to: cellAt(n + 22, chartCol + 6),
  };
  return { source, chart };
}
