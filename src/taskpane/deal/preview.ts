/**
 * What the deal's schedule will show, before (and after) anything is written: the review step and
 * the summary quote the partner payout by year. The numbers are the deal model's own plan evaluated
 * in a private engine and read back from its schedule, so the pane holds no second copy of the rules.
 */
import { buildDealPlan } from "../../workbook/models/deal";
import type { DealInput } from "../../workbook/models/deal/input";

export interface DealPreview {
  payouts: number[];
  totalPayout: number;
  /** The referral fee (the schedule's total: it is paid in year 1 only). */
  referralFee: number;
  totalRevenue: number;
}

const computed = new Map<string, Promise<DealPreview | undefined>>();

/** Undefined when the input cannot be computed (the check reports why). Remembered per input. */
export function previewDeal(input: DealInput): Promise<DealPreview | undefined> {
  const key = JSON.stringify(input);
  let preview = computed.get(key);
  if (!preview) {
    preview = evaluateSchedule(input).catch(() => undefined);
    // A few inputs at most are worth keeping: the review step's and the written one.
    if (computed.size > 8) computed.clear();
    computed.set(key, preview);
  }
  return preview;
}

async function evaluateSchedule(input: DealInput): Promise<DealPreview | undefined> {
  const { plan, layout } = buildDealPlan(input);
  const { firstRow, totalsRow, columns } = layout.schedule;
  const years = Array.from({ length: layout.termYears }, (_, i) => ({ row: firstRow + i, col: columns.payout }));
  const totals = [columns.payout, columns.referral, columns.revenue].map((col) => ({ row: totalsRow, col }));
  const { evaluatePlanCells } = await import(/* webpackChunkName: "plan-evaluation" */ "../hosts/plan-evaluation");
  const values = evaluatePlanCells(plan, layout.sheet, [...years, ...totals]);
  // An error or text in the schedule (an input the sheet cannot compute) shows no preview, never a wrong one.
  if (!values.every((v): v is number => typeof v === "number")) return undefined;
  const [totalPayout, referralFee, totalRevenue] = values.slice(years.length);
  return { payouts: values.slice(0, years.length), totalPayout, referralFee, totalRevenue };
}

/** 30000 with "$" → "$30,000"; two decimals only when there are cents. */
export function moneyText(value: number, currency: string): string {
  const digits = Number.isInteger(Math.round(value * 100) / 100) ? 0 : 2;
  const body = value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: 2 });
  if (currency === "") return body;
  return currency.length === 1 ? `${currency}${body}` : `${currency} ${body}`;
}
