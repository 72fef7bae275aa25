/**
 * The deal-options model's input: shared assumptions (term, revenue forecast, our costs, the
 * partner's investment, costs and own revenue, discount rate), two to four options, each built
 * from the deal model's own structure pieces (revenue share by year or tier, referral fee,
 * reseller discount, co-marketing split) plus a flat fee per year, and our positions and the
 * partner's BATNA. Rules broken are reported per dotted field ("options.1.flatFee") as in the
 * deal model; the same JSON is the CLI's input and the wizard's saved input.
 *
 * Decisions:
 * - our costs (engineering, support, our own co-marketing) and the partner's yearly costs are one
 *   amount per year, written into every year of the sheet's by-year table (editable there);
 * - the partner's own revenue from the deal (services, its own product) is one amount per year
 *   besides what we pay it; 0 when the partner earns only what we pay;
 * - an option with more than one piece is a hybrid; an option needs at least one piece;
 * - `sensitivityOption` (1-based) picks the option whose main rate or fee the grid varies.
 */
import { z } from "zod";
import { sheetNameProblem } from "../../sheet-names";
import { amountText, checkAmount, checkRate } from "../shared/input-wording";
import { validateInput, type InputValidation, type Report } from "../shared/input-validation";
import { savedInput } from "../shared/saved-input";
import { CoMarketingSchema, ReferralSchema, ResellerSchema, RevenueShareSchema } from "../deal/input";
import { DEFAULT_CURRENCY } from "../deal/defaults";
import { DEFAULT_DISCOUNT_RATE, DEFAULT_OPTIONS_SHEET_NAME, MAX_OPTIONS, MAX_OPTION_TERM_YEARS, MIN_OPTIONS } from "./defaults";

/** Document-settings key of the deal-options wizard's inputs (the CLI's input format). */
const SAVED = savedInput("PartnerEconomics.dealOptions", "deal-options", 1);
export const {
  settingsKey: DEAL_OPTIONS_SETTINGS_KEY,
  wizard: DEAL_OPTIONS_WIZARD_ID,
  version: DEAL_OPTIONS_INPUT_VERSION,
} = SAVED;
const MAX_AMOUNT = 1e15;
const MAX_RATES = 50;

export const DealOptionSchema = z.strictObject({
  name: z.string().trim().default(""),
  revenueShare: RevenueShareSchema.nullable().default(null),
  /** A fixed amount we pay the partner each contract year. */
  flatFee: z.number().nullable().default(null),
  // The deal model's own pieces, so an option opens as a deal (to-deal.ts) without translation.
  referral: ReferralSchema.nullable().default(null),
  reseller: ResellerSchema.nullable().default(null),
  coMarketing: CoMarketingSchema.nullable().default(null),
});

const OurCostsSchema = z.strictObject({
  engineering: z.number().default(0),
  support: z.number().default(0),
  coMarketing: z.number().default(0),
});

const PartnerSchema = z.strictObject({
  /** What the partner puts in before year 1 (period 0). */
  investment: z.number().default(0),
  yearlyCosts: z.number().default(0),
  /** The partner's own revenue from the deal per year, besides what we pay it. */
  ownRevenue: z.number().default(0),
});

const PositionsSchema = z.strictObject({
  idealNpv: z.number(),
  acceptableNpv: z.number(),
  walkAwayNpv: z.number(),
  /** The NPV the partner gets from its best alternative: an option must beat it. */
  partnerBatnaNpv: z.number().default(0),
});

export const DealOptionsInputSchema = z.strictObject({
  ...SAVED.fields,
  sheetName: z.string().trim().default(DEFAULT_OPTIONS_SHEET_NAME),
  partnerName: z.string().trim().default(""),
  currency: z.string().trim().default(DEFAULT_CURRENCY),
  termYears: z.number().default(3),
  /** Revenue forecast of the joint offering per contract year, one per term year. */
  revenue: z.array(z.number()).default([]),
  discountRate: z.number().default(DEFAULT_DISCOUNT_RATE),
  /** What we put in before year 1 (period 0). */
  ourInvestment: z.number().default(0),
  ourCosts: OurCostsSchema.default(() => ({ engineering: 0, support: 0, coMarketing: 0 })),
  partner: PartnerSchema.default(() => ({ investment: 0, yearlyCosts: 0, ownRevenue: 0 })),
  options: z.array(DealOptionSchema),
  positions: PositionsSchema,
  sensitivityOption: z.number().default(1),
  /** Add the chart of cumulative net (Excel only; .xlsx files cannot hold it). */
  chart: z.boolean().default(true),
});

export type DealOptionsInput = z.output<typeof DealOptionsInputSchema>;
export type DealOptionsInputDraft = z.input<typeof DealOptionsInputSchema>;
export type DealOption = DealOptionsInput["options"][number];

export function validateDealOptionsInput(raw: unknown): InputValidation<DealOptionsInput> {
  return validateInput(DealOptionsInputSchema, raw, checkOptions);
}

function checkOptions(input: DealOptionsInput, error: Report, warn: Report): void {
  const sheetProblem = sheetNameProblem(input.sheetName);
  if (sheetProblem) error("sheetName", sheetProblem);
  if (input.partnerName.length > 255) error("partnerName", "keep the partner name to 255 characters");
  if (/["\\]/.test(input.currency) || input.currency.length > 5)
    error("currency", `currency "${input.currency}": use a symbol or code of up to 5 characters without quotes or backslashes`);
  const termOk = Number.isInteger(input.termYears) && input.termYears >= 1 && input.termYears <= MAX_OPTION_TERM_YEARS;
  if (!termOk)
    error(
      "termYears",
      `the term is ${amountText(input.termYears)} years: enter a whole number of years from 1 to ${MAX_OPTION_TERM_YEARS}`,
    );
  const term = termOk ? input.termYears : null;
  checkYearly(input.revenue, "revenue", "revenue forecast", "revenue", term, error);
  if (!(input.discountRate > -1 && input.discountRate <= 1)) {
    const hint =
      input.discountRate > 1 && input.discountRate <= 100 ? ` (write ${input.discountRate}% as ${input.discountRate / 100})` : "";
    error("discountRate", `the discount rate is ${amountText(input.discountRate)}: enter a rate like 10% or 0.1${hint}`);
  }
  checkAmount(input.ourInvestment, "ourInvestment", "Our investment", error);
  for (const key of ["engineering", "support", "coMarketing"] as const)
    checkAmount(input.ourCosts[key], `ourCosts.${key}`, `Our yearly ${key === "coMarketing" ? "co-marketing" : key} cost`, error);
  checkAmount(input.partner.investment, "partner.investment", "The partner's investment", error);
  checkAmount(input.partner.yearlyCosts, "partner.yearlyCosts", "The partner's yearly costs", error);
  checkAmount(input.partner.ownRevenue, "partner.ownRevenue", "The partner's own revenue", error);
  if (input.options.length < MIN_OPTIONS || input.options.length > MAX_OPTIONS)
    error(
      "options",
      `${input.options.length} option${input.options.length === 1 ? "" : "s"}: give ${MIN_OPTIONS} to ${MAX_OPTIONS} options to compare`,
    );
  input.options.forEach((option, i) => checkOption(option, `options.${i}`, term, error, warn));
  const { idealNpv, acceptableNpv, walkAwayNpv } = input.positions;
  if (acceptableNpv > idealNpv)
    error(
      "positions.acceptableNpv",
      `the acceptable NPV ${amountText(acceptableNpv)} is above the ideal ${amountText(idealNpv)}: ideal ≥ acceptable ≥ walk-away`,
    );
  if (walkAwayNpv > acceptableNpv)
    error(
      "positions.walkAwayNpv",
      `the walk-away NPV ${amountText(walkAwayNpv)} is above the acceptable ${amountText(acceptableNpv)}: ideal ≥ acceptable ≥ walk-away`,
    );
  if (
    !Number.isInteger(input.sensitivityOption) ||
    input.sensitivityOption < 1 ||
    input.sensitivityOption > Math.max(1, input.options.length)
  )
    error(
      "sensitivityOption",
      `option ${amountText(input.sensitivityOption)} does not exist: enter 1 to ${input.options.length}`,
    );
}

function checkYearly(values: number[], path: string, what: string, noun: string, termYears: number | null, error: Report): void {
  if (termYears !== null && values.length !== termYears)
    error(path, `${values.length} ${what}${values.length === 1 ? "" : "s"} for a ${termYears}-year term: give one for each year`);
  values.forEach((value, i) => {
    if (!(value >= 0)) error(`${path}.${i}`, `Year ${i + 1} ${noun} is ${amountText(value)}: enter 0 or more`);
    else if (value > MAX_AMOUNT) error(`${path}.${i}`, `Year ${i + 1} ${noun} is ${amountText(value)}: check for a typing slip`);
  });
}

function checkOption(option: DealOption, path: string, term: number | null, error: Report, warn: Report): void {
  if (option.name.length > 40) error(`${path}.name`, "keep an option's name to 40 characters");
  const pieces = [option.revenueShare, option.flatFee, option.referral, option.reseller, option.coMarketing];
  if (pieces.every((p) => p === null))
    error(
      path,
      "the option has no structure: give a revenue share, flat fee, referral fee, reseller discount or co-marketing split",
    );
  const share = option.revenueShare;
  if (share?.basis === "byYear") {
    if (share.rates.length === 0) error(`${path}.revenueShare.rates`, "give at least the year 1 rate");
    if (share.rates.length > MAX_RATES)
      error(`${path}.revenueShare.rates`, `${share.rates.length} rates is more than ${MAX_RATES}`);
    share.rates.forEach((rate, i) => checkRate(rate, `${path}.revenueShare.rates.${i}`, `Year ${i + 1} rate`, error));
    if (term !== null && share.rates.length > term)
      warn(
        `${path}.revenueShare.rates`,
        `${share.rates.length} yearly rates for a ${term}-year term: the rates after year ${term} are not used`,
      );
  } else if (share) {
    if (share.tiers.length === 0) error(`${path}.revenueShare.tiers`, "give at least one tier (from 0 at one rate)");
    if (share.tiers.length > MAX_RATES)
      error(`${path}.revenueShare.tiers`, `${share.tiers.length} tiers is more than ${MAX_RATES}`);
    share.tiers.forEach((tier, i) => {
      if (!(tier.from >= 0))
        error(
          `${path}.revenueShare.tiers.${i}.from`,
          `Tier ${i + 1} starts at ${amountText(tier.from)}: tiers start at 0 or more`,
        );
      else if (i > 0 && !(tier.from > share.tiers[i - 1].from))
        error(
          `${path}.revenueShare.tiers.${i}.from`,
          `Tier ${i + 1} does not start above tier ${i}: list tiers from the lowest revenue up`,
        );
      checkRate(tier.rate, `${path}.revenueShare.tiers.${i}.rate`, `Tier ${i + 1} rate`, error);
    });
  }
  if (option.flatFee !== null) checkAmount(option.flatFee, `${path}.flatFee`, "The flat fee per year", error);
  if (option.referral) {
    const { rate, minimum, maximum } = option.referral;
    checkRate(rate, `${path}.referral.rate`, "The referral fee rate", error);
    if (minimum !== null) checkAmount(minimum, `${path}.referral.minimum`, "The referral fee minimum", error);
    if (maximum !== null) checkAmount(maximum, `${path}.referral.maximum`, "The referral fee maximum", error);
    if (minimum !== null && maximum !== null && minimum > maximum)
      error(
        `${path}.referral.maximum`,
        `The referral fee maximum ${amountText(maximum)} is below the minimum ${amountText(minimum)}`,
      );
  }
  if (option.reseller) {
    const { discount, listPrice, units } = option.reseller;
    if (!(discount >= 0 && discount < 1))
      error(
        `${path}.reseller.discount`,
        `The reseller discount is ${amountText(discount)}: enter a discount from 0 up to (not including) 1 (35% is 0.35)`,
      );
    checkAmount(listPrice, `${path}.reseller.listPrice`, "The list price", error);
    checkYearly(units, `${path}.reseller.units`, "unit forecast", "units", term, error);
  }
  if (option.coMarketing) {
    checkAmount(option.coMarketing.budget, `${path}.coMarketing.budget`, "The co-marketing budget", error);
    checkRate(option.coMarketing.ourShare, `${path}.coMarketing.ourShare`, "Our co-marketing share", error);
  }
}

export const DEAL_OPTIONS_SAVED_INPUT = SAVED.format(DealOptionsInputSchema);
export const serializeDealOptionsInput = DEAL_OPTIONS_SAVED_INPUT.serialize;
export const restoreDealOptionsInput = DEAL_OPTIONS_SAVED_INPUT.restore;
