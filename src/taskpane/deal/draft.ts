/**
 * The deal wizard's state: what the user typed, kept as typed (numbers as text, rates as
 * percentages) so "abc" or a half-typed "1" can be shown back with a message. `toDealModelInput`
 * turns it into the deal model's input (rates as fractions) plus the problems only the draft can
 * see (text that is not a number, a field left blank), each on the model's own field path.
 */
import { z } from "zod";
import { NEW_SHEET_DRAFT } from "../wizard/saved-draft";
import * as defaults from "../../workbook/models/deal/defaults";
import type { DealInput, DealInputDraft } from "../../workbook/models/deal/input";
import { fractionToPercentText, numberText, padded, parseTyped, percentToFraction, typedWhole } from "../wizard/typed-numbers";

export const DealDraftSchema = z.object({
  partnerName: z.string(),
  currency: z.string(),
  basis: z.enum(["byYear", "byTier"]),
  /** Percentages, year 1 first; the last continues to the end of the term. */
  yearRates: z.array(z.string()),
  tierMethod: z.enum(["marginal", "retroactive"]),
  tiers: z.array(z.object({ from: z.string(), rate: z.string() })),
  referralRate: z.string(),
  /** Blank: no minimum / maximum. */
  referralMinimum: z.string(),
  referralMaximum: z.string(),
  resellerEnabled: z.boolean(),
  resellerDiscount: z.string(),
  listPrice: z.string(),
  coMarketingBudget: z.string(),
  coMarketingShare: z.string(),
  termYears: z.string(),
  /** One entry per year typed so far; never cut when the term shrinks, so typing "12" over "3" loses nothing. */
  revenue: z.array(z.string()),
  units: z.array(z.string()),
  liabilityFloor: z.string(),
  liabilityMultiple: z.string(),
  indemnityMultiple: z.string(),
  initialTermYears: z.string(),
  renewalNoticeDays: z.string(),
  ...NEW_SHEET_DRAFT,
});

export type DealDraft = z.infer<typeof DealDraftSchema>;
export type RevenueTierDraft = DealDraft["tiers"][number];

const percent = (fraction: number) => fractionToPercentText(fraction);

export function defaultTiers(): RevenueTierDraft[] {
  return defaults.DEFAULT_REVENUE_TIERS.map((t) => ({ from: String(t.from), rate: percent(t.rate) }));
}

/** The reading's typical values, a three-year term and blank forecasts (the user's to give). */
export function initialDealDraft(): DealDraft {
  return {
    partnerName: "",
    currency: defaults.DEFAULT_CURRENCY,
    basis: "byYear",
    yearRates: defaults.DEFAULT_YEAR_RATES.map(percent),
    tierMethod: defaults.DEFAULT_TIER_METHOD,
    tiers: defaultTiers(),
    referralRate: percent(defaults.DEFAULT_REFERRAL_RATE),
    referralMinimum: "",
    referralMaximum: "",
    resellerEnabled: false,
    resellerDiscount: percent(defaults.DEFAULT_RESELLER_DISCOUNT),
    listPrice: "",
    coMarketingBudget: "0",
    coMarketingShare: percent(defaults.DEFAULT_CO_MARKETING_SHARE),
    termYears: String(defaults.DEFAULT_TERM_YEARS),
    revenue: new Array<string>(defaults.DEFAULT_TERM_YEARS).fill(""),
    units: new Array<string>(defaults.DEFAULT_TERM_YEARS).fill(""),
    liabilityFloor: String(defaults.DEFAULT_LIABILITY_FLOOR),
    liabilityMultiple: String(defaults.DEFAULT_LIABILITY_MULTIPLE),
    indemnityMultiple: String(defaults.DEFAULT_INDEMNITY_MULTIPLE),
    initialTermYears: String(defaults.DEFAULT_INITIAL_TERM_YEARS),
    renewalNoticeDays: String(defaults.DEFAULT_RENEWAL_NOTICE_DAYS),
    sheetName: defaults.DEFAULT_DEAL_SHEET_NAME,
    chart: true,
  };
}

/** A deal input (a saved one, or a deal.json) as the wizard shows it. */
export function draftFromDealInput(input: DealInput): DealDraft {
  const initial = initialDealDraft();
  const share = input.revenueShare;
  return {
    partnerName: input.partnerName,
    currency: input.currency,
    basis: share.basis,
    yearRates: share.basis === "byYear" ? share.rates.map(percent) : initial.yearRates,
    tierMethod: share.basis === "byTier" ? share.method : initial.tierMethod,
    tiers: share.basis === "byTier" ? share.tiers.map((t) => ({ from: String(t.from), rate: percent(t.rate) })) : initial.tiers,
    referralRate: percent(input.referral.rate),
    referralMinimum: numberText(input.referral.minimum),
    referralMaximum: numberText(input.referral.maximum),
    resellerEnabled: input.reseller !== null,
    resellerDiscount: input.reseller ? percent(input.reseller.discount) : initial.resellerDiscount,
    listPrice: input.reseller ? String(input.reseller.listPrice) : initial.listPrice,
    coMarketingBudget: String(input.coMarketing.budget),
    coMarketingShare: percent(input.coMarketing.ourShare),
    termYears: String(input.termYears),
    revenue: input.revenue.map(String),
    units: input.reseller ? input.reseller.units.map(String) : new Array<string>(input.revenue.length).fill(""),
    liabilityFloor: String(input.terms.liabilityFloor),
    liabilityMultiple: String(input.terms.liabilityMultiple),
    indemnityMultiple: String(input.terms.indemnityMultiple),
    initialTermYears: String(input.terms.initialTermYears),
    renewalNoticeDays: String(input.terms.renewalNoticeDays),
    sheetName: input.sheetName,
    chart: input.chart,
  };
}

/** The term when it is a whole number of years the model accepts, else undefined (no forecast fields shown). */
export function termYearsOf(draft: DealDraft): number | undefined {
  return typedWhole(draft.termYears, 1, defaults.MAX_TERM_YEARS);
}

export { padded };

export interface DraftProblem {
  field: string;
  message: string;
  /** A field the user has not filled in yet: said only once they try to go on. */
  quiet?: boolean;
}

export interface DealModelInput {
  input: DealInputDraft;
  problems: DraftProblem[];
  /** Rates typed between 0 and 1 (0.3 for 30%?), by field: a likely slip, said as a warning. */
  smallRates: DraftProblem[];
}

export function toDealModelInput(draft: DealDraft): DealModelInput {
  const problems: DraftProblem[] = [];
  const smallRates: DraftProblem[] = [];
  const typedOrProblem = (text: string, field: string, what: string, allowPercent: boolean, quiet = false) => {
    const value = parseTyped(text, allowPercent);
    if (value === undefined) {
      const trimmed = text.trim();
      problems.push({ field, message: trimmed === "" ? `enter ${what}` : `"${trimmed}" is not a number: enter ${what}`, quiet });
    }
    return value;
  };
  // A placeholder stands in for an unreadable value, so the model still checks everything else.
  const amount = (text: string, field: string, what: string, quiet = false): number =>
    typedOrProblem(text, field, what, false, quiet) ?? 0;
  const optionalAmount = (text: string, field: string, what: string): number | null =>
    text.trim() === "" ? null : (typedOrProblem(text, field, what, false) ?? null);
  const rate = (text: string, field: string, what: string): number => {
    const value = typedOrProblem(text, field, what, true);
    if (value === undefined) return 0;
    if (value > 0 && value < 1)
      smallRates.push({ field, message: `${value}% is less than 1%: rates here are percentages, so type 30 for 30%` });
    return percentToFraction(value);
  };

  const years = termYearsOf(draft);
  const typedTerm = parseTyped(draft.termYears);
  if (typedTerm === undefined) typedOrProblem(draft.termYears, "termYears", "the term in whole years, e.g. 3", false);
  // With no usable term no forecast fields are shown, so none is read or checked.
  const shown = years ?? 0;
  const revenue = padded(draft.revenue, shown)
    .slice(0, shown)
    .map((text, i) => amount(text, `revenue.${i}`, `the year ${i + 1} revenue forecast (0 if none)`, text.trim() === ""));

  const revenueShare: DealInputDraft["revenueShare"] =
    draft.basis === "byYear"
      ? {
          basis: "byYear",
          rates: draft.yearRates.map((r, i) => rate(r, `revenueShare.rates.${i}`, `the year ${i + 1} rate in %, e.g. 30`)),
        }
      : {
          basis: "byTier",
          method: draft.tierMethod,
          tiers: draft.tiers.map((t, i) => ({
            from: amount(t.from, `revenueShare.tiers.${i}.from`, `the yearly revenue tier ${i + 1} starts at`),
            rate: rate(t.rate, `revenueShare.tiers.${i}.rate`, `the tier ${i + 1} rate in %, e.g. 20`),
          })),
        };

  const reseller: DealInputDraft["reseller"] = draft.resellerEnabled
    ? {
        discount: rate(draft.resellerDiscount, "reseller.discount", "the discount off list in %, e.g. 35"),
        listPrice: amount(draft.listPrice, "reseller.listPrice", "the list price per unit", draft.listPrice.trim() === ""),
        units: padded(draft.units, shown)
          .slice(0, shown)
          .map((text, i) =>
            amount(text, `reseller.units.${i}`, `the units sold in year ${i + 1} (0 if none)`, text.trim() === ""),
          ),
      }
    : null;

  const input: DealInputDraft = {
    sheetName: draft.sheetName,
    partnerName: draft.partnerName,
    currency: draft.currency,
    termYears: typedTerm ?? 0,
    revenue,
    revenueShare,
    referral: {
      rate: rate(draft.referralRate, "referral.rate", "the referral fee in %, e.g. 20"),
      minimum: optionalAmount(draft.referralMinimum, "referral.minimum", "a minimum fee, or leave it blank"),
      maximum: optionalAmount(draft.referralMaximum, "referral.maximum", "a maximum fee, or leave it blank"),
    },
    reseller,
    coMarketing: {
      budget: amount(draft.coMarketingBudget, "coMarketing.budget", "the yearly co-marketing budget (0 if none)"),
      ourShare: rate(draft.coMarketingShare, "coMarketing.ourShare", "our share in %, e.g. 50"),
    },
    terms: {
      liabilityFloor: amount(draft.liabilityFloor, "terms.liabilityFloor", "the liability floor, e.g. 500000"),
      liabilityMultiple: amount(draft.liabilityMultiple, "terms.liabilityMultiple", "a multiple, e.g. 1"),
      indemnityMultiple: amount(draft.indemnityMultiple, "terms.indemnityMultiple", "a multiple, e.g. 1.5"),
      initialTermYears: amount(draft.initialTermYears, "terms.initialTermYears", "the initial term in years, e.g. 2"),
      renewalNoticeDays: amount(draft.renewalNoticeDays, "terms.renewalNoticeDays", "the notice in days, e.g. 60"),
    },
    chart: draft.chart,
  };
  return { input, problems, smallRates };
}
