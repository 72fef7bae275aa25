/**
 * What the deal's schedule will show, before (and after) anything is written: the review step and
 * the summary quote the partner payout by year. The numbers come from the deal model's own plan
 * evaluated in the engine (preview-engine.ts), so the pane holds no second copy of the rules.
 */
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
    preview = import(/* webpackChunkName: "deal-preview-engine" */ "./preview-engine")
      .then(({ evaluateDealSchedule }) => evaluateDealSchedule(input))
      .catch(() => undefined);
    // A few inputs at most are worth keeping: the review step's and the written one.
    if (computed.size > 8) computed.clear();
    computed.set(key, preview);
  }
  return preview;
}

/** 30000 with "$" → "$30,000"; two decimals only when there are cents. */
export function moneyText(value: number, currency: string): string {
  const digits = Number.isInteger(Math.round(value * 100) / 100) ? 0 : 2;
  const body = value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: 2 });
  if (currency === "") return body;
  return currency.length === 1 ? `${currency}${body}` : `${currency} ${body}`;
}
