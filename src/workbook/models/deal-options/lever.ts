/**
 * An option's main rate or fee, the one the sensitivity grid varies: the revenue-share rates when
 * the option has them (all scaled together, which scales the payout in every method), else the
 * flat fee, the referral fee rate, the reseller discount, or our co-marketing share.
 */
import type { DealOption } from "./input";
import type { OptionNameKey } from "./names";

export type Lever = "shareRates" | "flatFee" | "referralRate" | "resellerDiscount" | "coMarketingShare";

export function mainLever(option: DealOption): Lever {
  if (option.revenueShare) return "shareRates";
  if (option.flatFee !== null) return "flatFee";
  if (option.referral) return "referralRate";
  if (option.reseller) return "resellerDiscount";
  return "coMarketingShare";
}

export const LEVER_LABELS: Record<Lever, string> = {
  shareRates: "Revenue share (first rate; all rates scaled alike)",
  flatFee: "Flat fee per year",
  referralRate: "Referral fee rate",
  resellerDiscount: "Reseller discount",
  coMarketingShare: "Our co-marketing share",
};

/** The name key holding the lever's value shown in the grid's rows (the first rate for a revenue share). */
export const LEVER_KEY: Record<Lever, OptionNameKey> = {
  shareRates: "shareRates",
  flatFee: "flatFee",
  referralRate: "referralRate",
  resellerDiscount: "resellerDiscount",
  coMarketingShare: "coMarketingShare",
};

/** What an option is, in words: its pieces, "hybrid" when more than one. */
export function structureText(option: DealOption): string {
  const pieces: string[] = [];
  if (option.revenueShare)
    pieces.push(option.revenueShare.basis === "byYear" ? "revenue share by year" : "revenue share by tier");
  if (option.flatFee !== null) pieces.push("flat fee");
  if (option.referral) pieces.push("referral fee");
  if (option.reseller) pieces.push("reseller discount");
  if (option.coMarketing) pieces.push("co-marketing split");
  return pieces.length > 1 ? `hybrid: ${pieces.join(" + ")}` : (pieces[0] ?? "");
}
