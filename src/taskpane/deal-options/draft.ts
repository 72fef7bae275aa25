/**
 * The deal-options wizard's state, kept as typed (numbers as text, rates as percentages), and
 * `toOptionsModelInput`, which turns it into the deal-options model's input plus the problems only
 * the draft can see (text that is not a number, a field left blank) on the model's field paths.
 * The wizard edits the common structures (revenue share by year, flat fee, referral fee,
 * co-marketing split); tiers, a reseller and referral limits from a saved input are kept as they are.
 */
import { z } from "zod";
import { NEW_SHEET_DRAFT } from "../wizard/saved-draft";
import type { DealOptionsInput, DealOptionsInputDraft } from "../../workbook/models/deal-options/input";
import {
  DEFAULT_DISCOUNT_RATE,
  DEFAULT_OPTIONS_SHEET_NAME,
  MAX_OPTION_TERM_YEARS,
} from "../../workbook/models/deal-options/defaults";
import { fractionToPercentText, numberText, padded, parseTyped, percentToFraction, typedWhole } from "../wizard/typed-numbers";

const OptionDraftSchema = z.object({
  name: z.string(),
  /** Percentages by contract year, "30, 20, 15"; blank: no revenue share (or the kept tiers). */
  shareRates: z.string(),
  /** Blank: none. */
  flatFee: z.string(),
  referralRate: z.string(),
  coMarketingBudget: z.string(),
  coMarketingShare: z.string(),
  /** Pieces the wizard does not edit, carried through from a saved input. */
  kept: z.object({
    revenueShare: z.unknown().optional(),
    reseller: z.unknown().optional(),
    referralMinimum: z.number().nullable().optional(),
    referralMaximum: z.number().nullable().optional(),
  }),
});

export const OptionsDraftSchema = z.object({
  partnerName: z.string(),
  currency: z.string(),
  termYears: z.string(),
  revenue: z.array(z.string()),
  discountRate: z.string(),
  ourInvestment: z.string(),
  engineering: z.string(),
  support: z.string(),
  ourCoMarketing: z.string(),
  partnerInvestment: z.string(),
  partnerCosts: z.string(),
  partnerRevenue: z.string(),
  options: z.array(OptionDraftSchema),
  idealNpv: z.string(),
  acceptableNpv: z.string(),
  walkAwayNpv: z.string(),
  partnerBatnaNpv: z.string(),
  sensitivityOption: z.string(),
  ...NEW_SHEET_DRAFT,
});

export type OptionsDraft = z.infer<typeof OptionsDraftSchema>;
export type OptionDraft = OptionsDraft["options"][number];

const percent = (fraction: number) => fractionToPercentText(fraction);

export function blankOption(name = ""): OptionDraft {
  return { name, shareRates: "", flatFee: "", referralRate: "", coMarketingBudget: "", coMarketingShare: "50", kept: {} };
}

export function initialOptionsDraft(): OptionsDraft {
  return {
    partnerName: "",
    currency: "$",
    termYears: "3",
    revenue: ["", "", ""],
    discountRate: percent(DEFAULT_DISCOUNT_RATE),
    ourInvestment: "0",
    engineering: "0",
    support: "0",
    ourCoMarketing: "0",
    partnerInvestment: "0",
    partnerCosts: "0",
    partnerRevenue: "0",
    options: [{ ...blankOption("Revenue share"), shareRates: "30, 20, 15" }, blankOption("Flat fee")],
    idealNpv: "",
    acceptableNpv: "",
    walkAwayNpv: "",
    partnerBatnaNpv: "0",
    sensitivityOption: "1",
    sheetName: DEFAULT_OPTIONS_SHEET_NAME,
    chart: true,
  };
}

export function draftFromOptionsInput(input: DealOptionsInput): OptionsDraft {
  return {
    partnerName: input.partnerName,
    currency: input.currency,
    termYears: String(input.termYears),
    revenue: input.revenue.map(String),
    discountRate: percent(input.discountRate),
    ourInvestment: String(input.ourInvestment),
    engineering: String(input.ourCosts.engineering),
    support: String(input.ourCosts.support),
    ourCoMarketing: String(input.ourCosts.coMarketing),
    partnerInvestment: String(input.partner.investment),
    partnerCosts: String(input.partner.yearlyCosts),
    partnerRevenue: String(input.partner.ownRevenue),
    options: input.options.map((o) => ({
      name: o.name,
      shareRates: o.revenueShare?.basis === "byYear" ? o.revenueShare.rates.map(percent).join(", ") : "",
      flatFee: numberText(o.flatFee),
      referralRate: o.referral ? percent(o.referral.rate) : "",
      coMarketingBudget: o.coMarketing ? String(o.coMarketing.budget) : "",
      coMarketingShare: o.coMarketing ? percent(o.coMarketing.ourShare) : "50",
      kept: {
        ...(o.revenueShare?.basis === "byTier" ? { revenueShare: o.revenueShare } : {}),
        ...(o.reseller ? { reseller: o.reseller } : {}),
        ...(o.referral ? { referralMinimum: o.referral.minimum, referralMaximum: o.referral.maximum } : {}),
      },
    })),
    idealNpv: String(input.positions.idealNpv),
    acceptableNpv: String(input.positions.acceptableNpv),
    walkAwayNpv: String(input.positions.walkAwayNpv),
    partnerBatnaNpv: String(input.positions.partnerBatnaNpv),
    sensitivityOption: String(input.sensitivityOption),
    sheetName: input.sheetName,
    chart: input.chart,
  };
}

export function termYearsOf(draft: OptionsDraft): number | undefined {
  return typedWhole(draft.termYears, 1, MAX_OPTION_TERM_YEARS);
}

export { padded };

export interface DraftProblem {
  field: string;
  message: string;
  quiet?: boolean;
}

export function toOptionsModelInput(draft: OptionsDraft): { input: DealOptionsInputDraft; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const typed = (text: string, field: string, what: string, allowPercent = false, quiet = false): number | undefined => {
    const value = parseTyped(text, allowPercent);
    if (value === undefined) {
      const trimmed = text.trim();
      problems.push({ field, message: trimmed === "" ? `enter ${what}` : `"${trimmed}" is not a number: enter ${what}`, quiet });
    }
    return value;
  };
  const amount = (text: string, field: string, what: string, quiet = false) => typed(text, field, what, false, quiet) ?? 0;
  const rate = (text: string, field: string, what: string) => percentToFraction(typed(text, field, what, true) ?? 0);
  const years = termYearsOf(draft) ?? 0;
  const typedTerm = parseTyped(draft.termYears);
  if (typedTerm === undefined) typed(draft.termYears, "termYears", "the term in whole years, e.g. 3");
  const revenue = padded(draft.revenue, years)
    .slice(0, years)
    .map((t, i) => amount(t, `revenue.${i}`, `the year ${i + 1} revenue forecast (0 if none)`, t.trim() === ""));
  const options = draft.options.map((o, i) => {
    const path = `options.${i}`;
    const rates = o.shareRates.trim() === "" ? [] : o.shareRates.split(/[,;]/);
    return {
      name: o.name,
      revenueShare:
        rates.length > 0
          ? {
              basis: "byYear" as const,
              rates: rates.map((r, j) => rate(r, `${path}.revenueShare.rates`, `rate ${j + 1} in %, e.g. 30, 20, 15`)),
            }
          : ((o.kept.revenueShare as DealOptionsInputDraft["options"][number]["revenueShare"]) ?? null),
      flatFee: o.flatFee.trim() === "" ? null : amount(o.flatFee, `${path}.flatFee`, "the fee per year, or leave it blank"),
      referral:
        o.referralRate.trim() === ""
          ? null
          : {
              rate: rate(o.referralRate, `${path}.referral.rate`, "the referral fee in %, e.g. 20"),
              minimum: o.kept.referralMinimum ?? null,
              maximum: o.kept.referralMaximum ?? null,
            },
      reseller: (o.kept.reseller as DealOptionsInputDraft["options"][number]["reseller"]) ?? null,
      coMarketing:
        o.coMarketingBudget.trim() === ""
          ? null
          : {
              budget: amount(o.coMarketingBudget, `${path}.coMarketing.budget`, "the joint budget per year"),
              ourShare: rate(o.coMarketingShare, `${path}.coMarketing.ourShare`, "our share in %, e.g. 50"),
            },
    };
  });
  const npv = (text: string, field: string, what: string) => amount(text, field, what, text.trim() === "");
  const input: DealOptionsInputDraft = {
    sheetName: draft.sheetName,
    partnerName: draft.partnerName,
    currency: draft.currency,
    termYears: typedTerm ?? 0,
    revenue,
    discountRate: rate(draft.discountRate, "discountRate", "the discount rate in %, e.g. 10"),
    ourInvestment: amount(draft.ourInvestment, "ourInvestment", "our investment (0 if none)"),
    ourCosts: {
      engineering: amount(draft.engineering, "ourCosts.engineering", "our yearly engineering cost (0 if none)"),
      support: amount(draft.support, "ourCosts.support", "our yearly support cost (0 if none)"),
      coMarketing: amount(draft.ourCoMarketing, "ourCosts.coMarketing", "our yearly co-marketing spend (0 if none)"),
    },
    partner: {
      investment: amount(draft.partnerInvestment, "partner.investment", "the partner's investment (0 if none)"),
      yearlyCosts: amount(draft.partnerCosts, "partner.yearlyCosts", "the partner's yearly costs (0 if none)"),
      ownRevenue: amount(draft.partnerRevenue, "partner.ownRevenue", "the partner's own yearly revenue (0 if none)"),
    },
    options,
    positions: {
      idealNpv: npv(draft.idealNpv, "positions.idealNpv", "our ideal NPV"),
      acceptableNpv: npv(draft.acceptableNpv, "positions.acceptableNpv", "our acceptable NPV"),
      walkAwayNpv: npv(draft.walkAwayNpv, "positions.walkAwayNpv", "our walk-away NPV"),
      partnerBatnaNpv: amount(draft.partnerBatnaNpv, "positions.partnerBatnaNpv", "the partner's BATNA as an NPV (0 if none)"),
    },
    sensitivityOption: amount(draft.sensitivityOption, "sensitivityOption", "the option the grid varies, e.g. 1"),
    chart: draft.chart,
  };
  return { input, problems };
}
