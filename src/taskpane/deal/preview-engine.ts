/**
 * The deal preview's one source of rules: the deal model's own plan, evaluated by the engine the
 * workbench and `pe-calc` use, then read back from the schedule the sheet will show. Loaded on
 * demand (the engine stays out of the bundle Excel loads first), as the standalone host is.
 */
import { createEngine } from "../../engine";
import { applyPlanToEngine } from "../../workbook/appliers/engine";
import { buildDealPlan } from "../../workbook/models/deal";
import type { DealInput } from "../../workbook/models/deal/input";
import type { DealPreview } from "./preview";

/** The schedule's numbers as the written sheet computes them, or undefined when a cell is not a number. */
export function evaluateDealSchedule(input: DealInput): DealPreview | undefined {
  const { plan, layout } = buildDealPlan(input);
  const hf = createEngine();
  try {
    const written = applyPlanToEngine(hf, plan);
    const sheet = hf.getSheetId(written.sheetNames[layout.sheet] ?? layout.sheet);
    if (sheet === undefined) return undefined;
    const { firstRow, totalsRow, columns } = layout.schedule;
    const at = (row: number, col: number): number | undefined => {
      const value = hf.getCellValue({ sheet, row, col });
      return typeof value === "number" ? value : undefined;
    };
    const payouts = Array.from({ length: layout.termYears }, (_, i) => at(firstRow + i, columns.payout));
    const totalPayout = at(totalsRow, columns.payout);
    const referralFee = at(totalsRow, columns.referral);
    const totalRevenue = at(totalsRow, columns.revenue);
    if (payouts.some((p) => p === undefined) || totalPayout === undefined || referralFee === undefined || totalRevenue === undefined)
      return undefined;
    return { payouts: payouts as number[], totalPayout, referralFee, totalRevenue };
  } finally {
    hf.destroy();
  }
}
