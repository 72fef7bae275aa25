/**
 * The Excel expressions of one option's cash flows in one contract year, shared by the comparison
 * table (revenue as it is, the option's own terms) and the sensitivity workings (revenue times a
 * change, the main rate or fee times a multiple), so both compute the same thing the same way.
 *
 * - Revenue share by contract year: the year's revenue × the rate in force that year (the last
 *   rate continues), which is what PE.REVSHARE_TIERED's by_year method gives; by revenue tier:
 *   PE.REVSHARE_TIERED on the year's revenue alone, as in the deal model.
 * - Referral fee: PE.REFERRAL_FEE on year 1 revenue, once; the maximum only when its cell is
 *   filled (Excel may pass a blank cell to a custom function as 0).
 * - Reseller margin: PE.RESELLER_MARGIN on the year's units (scaled with revenue in the grid):
 *   the reseller keeps it, so it counts as what we pay.
 * - Co-marketing split: not a payment; our share of the joint budget is our cost, the rest the
 *   partner's.
 */
import type { DealOption } from "./input";
import type { Lever } from "./lever";
import type { OptionNames } from "./names";

export interface YearTerms {
  /** 1-based contract year. */
  year: number;
  /** The year's revenue as an expression (a cell, or a cell times a change). */
  revenue: string;
  /** The reseller's units that year as an expression, when the option has a reseller. */
  units?: string;
  /** The lever and its multiple (a cell) in the sensitivity workings; absent in the comparison. */
  lever?: { lever: Lever; multiple: string };
}

function scaled(value: string, lever: Lever, terms: YearTerms, cap?: string): string {
  if (terms.lever?.lever !== lever) return value;
  const times = `${value}*${terms.lever.multiple}`;
  return cap === undefined ? times : `MIN(${cap},${times})`;
}

/** What we pay the partner in the year: revenue share + flat fee + referral fee + reseller margin ("0" when none). */
export function paymentExpression(option: DealOption, names: OptionNames, terms: YearTerms): string {
  const parts: string[] = [];
  const share = option.revenueShare;
  if (share) {
    const payout =
      share.basis === "byYear"
        ? `${terms.revenue}*INDEX(${names.shareRates},${Math.min(terms.year, share.rates.length)})`
        : `PE.REVSHARE_TIERED(${terms.revenue},${names.shareStarts},${names.shareRates},${names.shareMethod})`;
    parts.push(terms.lever?.lever === "shareRates" ? `${payout}*${terms.lever.multiple}` : payout);
  }
  if (option.flatFee !== null) parts.push(scaled(names.flatFee!, "flatFee", terms));
  if (option.referral && terms.year === 1) {
    const args = `${terms.revenue},${scaled(names.referralRate!, "referralRate", terms, "1")},${names.referralMin}`;
    parts.push(`IF(ISBLANK(${names.referralMax}),PE.REFERRAL_FEE(${args}),PE.REFERRAL_FEE(${args},${names.referralMax}))`);
  }
  if (option.reseller && terms.units !== undefined) {
    const discount = scaled(names.resellerDiscount!, "resellerDiscount", terms, "0.9999");
    parts.push(`PE.RESELLER_MARGIN(${names.listPrice},${discount},${terms.units})`);
  }
  return parts.length === 0 ? "0" : parts.join("+");
}

/** Our share of the option's joint co-marketing budget in a year, or null without a split. */
export function ourCoMarketingExpression(option: DealOption, names: OptionNames, terms: YearTerms): string | null {
  if (!option.coMarketing) return null;
  return `${names.coMarketingBudget}*${scaled(names.coMarketingShare!, "coMarketingShare", terms, "1")}`;
}

/** The partner's share of the joint co-marketing budget in a year, or null without a split. */
export function partnerCoMarketingExpression(option: DealOption, names: OptionNames, terms: YearTerms): string | null {
  if (!option.coMarketing) return null;
  return `${names.coMarketingBudget}*(1-${scaled(names.coMarketingShare!, "coMarketingShare", terms, "1")})`;
}
