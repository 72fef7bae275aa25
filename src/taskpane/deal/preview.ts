/**
 * What the deal's schedule will show, computed in the pane with the same core rules the sheet's
 * PE functions call: the review step and the summary quote the partner payout by year, so the
 * user sees the money before (and after) anything is written.
 */
import { referralFee } from "../../core/referral";
import { revshareByYear, revshareMarginal, revshareRetroactive } from "../../core/revshare";
import type { DealInput } from "../../workbook/models/deal/input";

export interface DealPreview {
  payouts: number[];
  totalPayout: number;
  referralFee: number;
  totalRevenue: number;
}

/** Undefined when the input cannot be computed (the check reports why). */
export function previewDeal(input: DealInput): DealPreview | undefined {
  try {
    const share = input.revenueShare;
    const payouts =
      share.basis === "byYear"
        ? revshareByYear(
            input.revenue,
            share.rates.map((_, i) => i + 1),
            share.rates,
          )
        : input.revenue.map((revenue) => {
            const starts = share.tiers.map((t) => t.from);
            const rates = share.tiers.map((t) => t.rate);
            return share.method === "marginal"
              ? revshareMarginal(revenue, starts, rates)
              : revshareRetroactive(revenue, starts, rates);
          });
    const { rate, minimum, maximum } = input.referral;
    return {
      payouts,
      totalPayout: payouts.reduce((sum, p) => sum + p, 0),
      referralFee: referralFee(input.revenue[0] ?? 0, rate, minimum ?? undefined, maximum ?? undefined),
      totalRevenue: input.revenue.reduce((sum, r) => sum + r, 0),
    };
  } catch {
    return undefined;
  }
}

/** 30000 with "$" → "$30,000"; two decimals only when there are cents. */
export function moneyText(value: number, currency: string): string {
  const digits = Number.isInteger(Math.round(value * 100) / 100) ? 0 : 2;
  const body = value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: 2 });
  if (currency === "") return body;
  return currency.length === 1 ? `${currency}${body}` : `${currency} ${body}`;
}
