/**
 * The deal model's input: its JSON shape (zod, every field defaulted from deal-defaults.ts), and
 * the rules a user can break, reported per field with a dotted path ("revenueShare.rates.1",
 * "revenue.2", "terms.initialTermYears") so the wizard shows each message beside its field and
 * `pe-calc new deal` prints it on one line.
 *
 * The same shape is the CLI's input file and the wizard's saved inputs (see serializeDealInput):
 * a deal.json written by hand, or copied out of a workbook, rebuilds the same model.
 *
 * Decisions:
 * - rates are fractions (30% is 0.3), as in every PE function; a rate above 1 is an error that
 *   quotes it in percent, so a typed 30 reads "3000%" and says to write 0.3;
 * - by contract year, the last rate continues to the end of the term ("15% from year 3 on");
 *   more rates than years is a warning (the extra ones are kept in the sheet, unused);
 * - by revenue tier, tiers apply to each contract year's revenue on its own (an annual schedule);
 * - one revenue forecast per term year is required (no padding or cutting); the same for
 *   reseller units;
 * - unknown fields are errors (a misspelt "revenu" must not silently fall back to a default);
 *   a top-level "ui" field is ignored, for a wizard's own state.
 */
import { z } from "zod";
import { sheetNameProblem } from "../../sheet-names";
import { amountText, checkAmount, checkRate, checkWhole, percentText } from "../shared/input-wording";
import { savedInputFields, savedInputFormat } from "../shared/saved-input";
import { validateInput, type InputValidation, type Report } from "../shared/input-validation";
import {
  DEFAULT_CO_MARKETING_SHARE,
  DEFAULT_CURRENCY,
  DEFAULT_DEAL_SHEET_NAME,
  DEFAULT_INDEMNITY_MULTIPLE,
  DEFAULT_INITIAL_TERM_YEARS,
  DEFAULT_LIABILITY_FLOOR,
  DEFAULT_LIABILITY_MULTIPLE,
  DEFAULT_REFERRAL_RATE,
  DEFAULT_RENEWAL_NOTICE_DAYS,
  DEFAULT_RESELLER_DISCOUNT,
  DEFAULT_REVENUE_TIERS,
  DEFAULT_TERM_YEARS,
  DEFAULT_TIER_METHOD,
  DEFAULT_YEAR_RATES,
  MAX_TERM_YEARS,
} from "./defaults";

export const DEAL_WIZARD_ID = "deal";
export const DEAL_INPUT_VERSION = 1;
export const MAX_DEAL_RATES = 50;
export const MAX_PARTNER_NAME_LENGTH = 255;
const MAX_AMOUNT = 1e15;

const YearRatesSchema = z.strictObject({
  basis: z.literal("byYear"),
  /** rates[i] is the rate from contract year i + 1; the last one continues to the end of the term. */
  rates: z.array(z.number()).default(() => [...DEFAULT_YEAR_RATES]),
});

const RevenueTierSchema = z.strictObject({
  /** The yearly revenue from which this tier's rate applies. */
  from: z.number(),
  rate: z.number(),
});

const RevenueTiersSchema = z.strictObject({
  basis: z.literal("byTier"),
  method: z.enum(["marginal", "retroactive"]).default(DEFAULT_TIER_METHOD),
  tiers: z.array(RevenueTierSchema).default(() => DEFAULT_REVENUE_TIERS.map((t) => ({ ...t }))),
});

export const RevenueShareSchema = z.discriminatedUnion("basis", [YearRatesSchema, RevenueTiersSchema]);

const ReferralSchema = z.strictObject({
  /** Share of the referred customers' first-year revenue, paid once in year 1. */
  rate: z.number().default(DEFAULT_REFERRAL_RATE),
  minimum: z.number().nullable().default(null),
  maximum: z.number().nullable().default(null),
});

const ResellerSchema = z.strictObject({
  discount: z.number().default(DEFAULT_RESELLER_DISCOUNT),
  listPrice: z.number().default(0),
  /** Units the reseller sells in each contract year, one per term year. */
  units: z.array(z.number()).default([]),
});

const CoMarketingSchema = z.strictObject({
  /** The joint co-marketing budget per year (both sides together). */
  budget: z.number().default(0),
  /** Our share of it: 0.5 for 50/50, 0.6 for 60/40 (ours first). */
  ourShare: z.number().default(DEFAULT_CO_MARKETING_SHARE),
});

const ContractTermsSchema = z.strictObject({
  liabilityFloor: z.number().default(DEFAULT_LIABILITY_FLOOR),
  /** Multiple of 12 months of fees paid (1 = "12 months of fees"). */
  liabilityMultiple: z.number().default(DEFAULT_LIABILITY_MULTIPLE),
  /** Multiple of annual partnership value. */
  indemnityMultiple: z.number().default(DEFAULT_INDEMNITY_MULTIPLE),
  initialTermYears: z.number().default(DEFAULT_INITIAL_TERM_YEARS),
  renewalNoticeDays: z.number().default(DEFAULT_RENEWAL_NOTICE_DAYS),
});

export const DealInputSchema = z.strictObject({
  ...savedInputFields(DEAL_WIZARD_ID, DEAL_INPUT_VERSION),
  sheetName: z.string().trim().default(DEFAULT_DEAL_SHEET_NAME),
  /** Shown in the sheet's title; written as text whatever it holds. */
  partnerName: z.string().trim().default(""),
  /** Currency symbol for amount formats, e.g. "$", "€", "CHF"; "" for plain numbers. */
  currency: z.string().trim().default(DEFAULT_CURRENCY),
  termYears: z.number().default(DEFAULT_TERM_YEARS),
  /** Revenue forecast per contract year, year 1 first: one per term year. */
  revenue: z.array(z.number()).default([]),
  revenueShare: RevenueShareSchema.default(() => ({ basis: "byYear" as const, rates: [...DEFAULT_YEAR_RATES] })),
  referral: ReferralSchema.default(() => ({ rate: DEFAULT_REFERRAL_RATE, minimum: null, maximum: null })),
  /** null: no reseller arrangement in this deal. */
  reseller: ResellerSchema.nullable().default(null),
  coMarketing: CoMarketingSchema.default(() => ({ budget: 0, ourShare: DEFAULT_CO_MARKETING_SHARE })),
  terms: ContractTermsSchema.default(() => ({
    liabilityFloor: DEFAULT_LIABILITY_FLOOR,
    liabilityMultiple: DEFAULT_LIABILITY_MULTIPLE,
    indemnityMultiple: DEFAULT_INDEMNITY_MULTIPLE,
    initialTermYears: DEFAULT_INITIAL_TERM_YEARS,
    renewalNoticeDays: DEFAULT_RENEWAL_NOTICE_DAYS,
  })),
  /** Add the chart of partner payout by year (Excel only; .xlsx files cannot hold it). */
  chart: z.boolean().default(true),
});

export type DealInput = z.output<typeof DealInputSchema>;
/** What a caller may pass: every field optional, defaults filled in. */
export type DealInputDraft = z.input<typeof DealInputSchema>;
export type RevenueShare = DealInput["revenueShare"];
export type ResellerInput = NonNullable<DealInput["reseller"]>;

export type DealValidation = InputValidation<DealInput>;

/** The defaults with a term of `termYears` and zero revenue each year: what the wizard starts from. */
export function defaultDealInput(termYears = DEFAULT_TERM_YEARS): DealInput {
  const years = Math.max(1, Math.floor(termYears));
  return DealInputSchema.parse({ termYears: years, revenue: new Array<number>(years).fill(0) });
}

/** Reseller inputs to start from when a user turns the reseller arrangement on. */
export function defaultResellerInput(termYears: number): ResellerInput {
  return { discount: DEFAULT_RESELLER_DISCOUNT, listPrice: 0, units: new Array<number>(Math.max(0, termYears)).fill(0) };
}

export function validateDealInput(raw: unknown): DealValidation {
  return validateInput(DealInputSchema, raw, checkDeal);
}

function checkDeal(input: DealInput, error: Report, warn: Report): void {
  const sheetProblem = sheetNameProblem(input.sheetName);
  if (sheetProblem) error("sheetName", sheetProblem);
  if (input.partnerName.length > MAX_PARTNER_NAME_LENGTH)
    error("partnerName", `the partner name has ${input.partnerName.length} characters; keep it to ${MAX_PARTNER_NAME_LENGTH}`);
  if (/["\\]/.test(input.currency) || input.currency.length > 5)
    error("currency", `currency "${input.currency}": use a symbol or code of up to 5 characters without quotes or backslashes`);

  const termOk = Number.isInteger(input.termYears) && input.termYears >= 1 && input.termYears <= MAX_TERM_YEARS;
  if (!termOk) {
    error(
      "termYears",
      `the term is ${amountText(input.termYears)} years: enter a whole number of years from 1 to ${MAX_TERM_YEARS}`,
    );
  }
  checkYearly(input.revenue, "revenue", "revenue forecast", "revenue", termOk ? input.termYears : null, error);
  checkRevenueShare(input, termOk ? input.termYears : null, error, warn);
  checkReferral(input, error);
  checkReseller(input, termOk ? input.termYears : null, error);
  checkRate(input.coMarketing.ourShare, "coMarketing.ourShare", "Our co-marketing share", error);
  checkAmount(input.coMarketing.budget, "coMarketing.budget", "The co-marketing budget", error);
  checkTerms(input, termOk ? input.termYears : null, error, warn);
}

/** One value per term year, each 0 or more: "Year 2 revenue is -5: enter 0 or more". */
function checkYearly(values: number[], path: string, what: string, noun: string, termYears: number | null, error: Report): void {
  if (termYears !== null && values.length !== termYears) {
    error(path, `${values.length} ${what}${values.length === 1 ? "" : "s"} for a ${termYears}-year term: give one for each year`);
  }
  values.forEach((value, i) => {
    if (!(value >= 0)) error(`${path}.${i}`, `Year ${i + 1} ${noun} is ${amountText(value)}: enter 0 or more`);
    else if (value > MAX_AMOUNT) error(`${path}.${i}`, `Year ${i + 1} ${noun} is ${amountText(value)}: check for a typing slip`);
  });
}

function checkRevenueShare(input: DealInput, termYears: number | null, error: Report, warn: Report): void {
  const share = input.revenueShare;
  if (share.basis === "byYear") {
    if (share.rates.length === 0) error("revenueShare.rates", "give at least the year 1 rate");
    if (share.rates.length > MAX_DEAL_RATES)
      error("revenueShare.rates", `${share.rates.length} rates is more than ${MAX_DEAL_RATES}`);
    share.rates.forEach((rate, i) => checkRate(rate, `revenueShare.rates.${i}`, `Year ${i + 1} rate`, error));
    if (termYears !== null && share.rates.length > termYears) {
      warn(
        "revenueShare.rates",
        `${share.rates.length} yearly rates for a ${termYears}-year term: the rates after year ${termYears} are not used`,
      );
    }
    return;
  }
  const { tiers } = share;
  if (tiers.length === 0) error("revenueShare.tiers", "give at least one tier (from 0 at one rate)");
  if (tiers.length > MAX_DEAL_RATES) error("revenueShare.tiers", `${tiers.length} tiers is more than ${MAX_DEAL_RATES}`);
  tiers.forEach((tier, i) => {
    const path = `revenueShare.tiers.${i}`;
    if (!(tier.from >= 0)) error(`${path}.from`, `Tier ${i + 1} starts at ${amountText(tier.from)}: tiers start at 0 or more`);
    else if (i > 0 && !(tier.from > tiers[i - 1].from)) {
      error(
        `${path}.from`,
        `Tier ${i + 1} starts at ${amountText(tier.from)}, not above tier ${i} (${amountText(tiers[i - 1].from)}): list tiers from the lowest revenue up`,
      );
    }
    checkRate(tier.rate, `${path}.rate`, `Tier ${i + 1} rate`, error);
  });
  if (tiers.length > 0 && tiers[0].from > 0)
    warn("revenueShare.tiers.0.from", `yearly revenue below ${amountText(tiers[0].from)} earns the partner no share`);
}

function checkReferral(input: DealInput, error: Report): void {
  const { rate, minimum, maximum } = input.referral;
  checkRate(rate, "referral.rate", "The referral fee rate", error);
  const blank = ", or leave it blank (null) for none";
  if (minimum !== null) checkAmount(minimum, "referral.minimum", "The referral fee minimum", error, blank);
  if (maximum !== null) checkAmount(maximum, "referral.maximum", "The referral fee maximum", error, blank);
  if (minimum !== null && maximum !== null && minimum >= 0 && maximum >= 0 && minimum > maximum) {
    error(
      "referral.maximum",
      `The referral fee maximum ${amountText(maximum)} is below the minimum ${amountText(minimum)}: raise it or lower the minimum`,
    );
  }
}

function checkReseller(input: DealInput, termYears: number | null, error: Report): void {
  const reseller = input.reseller;
  if (!reseller) return;
  if (!(reseller.discount >= 0 && reseller.discount < 1)) {
    error(
      "reseller.discount",
      `The reseller discount is ${percentText(reseller.discount)}: enter a discount from 0% up to (not including) 100%`,
    );
  }
  checkAmount(reseller.listPrice, "reseller.listPrice", "The list price", error);
  checkYearly(reseller.units, "reseller.units", "unit forecast", "units", termYears, error);
}

function checkTerms(input: DealInput, termYears: number | null, error: Report, warn: Report): void {
  const t = input.terms;
  checkAmount(t.liabilityFloor, "terms.liabilityFloor", "The liability floor", error);
  checkAmount(t.liabilityMultiple, "terms.liabilityMultiple", "The liability multiple", error);
  checkAmount(t.indemnityMultiple, "terms.indemnityMultiple", "The indemnity multiple", error);
  checkWhole(t.initialTermYears, "terms.initialTermYears", "The initial term", 1, MAX_TERM_YEARS, "years", error);
  checkWhole(t.renewalNoticeDays, "terms.renewalNoticeDays", "The renewal notice", 0, 3650, "days", error);
  if (termYears !== null && Number.isInteger(t.initialTermYears) && t.initialTermYears > termYears) {
    warn(
      "terms.initialTermYears",
      `the initial term (${t.initialTermYears} years) is longer than the ${termYears} years modelled: the schedule stops at year ${termYears}`,
    );
  }
}

/** Document-settings key of the deal wizard's inputs; the JSON is serializeDealInput's (the CLI's input format). */
export const DEAL_SETTINGS_KEY = "PartnerEconomics.deal";

export const DEAL_SAVED_INPUT = savedInputFormat(DEAL_SETTINGS_KEY, DEAL_WIZARD_ID, DEAL_INPUT_VERSION, DealInputSchema);

/** The input as saved in the workbook and as `pe-calc new deal --from` reads it ({ wizard, version, …answers, ui }). */
export const serializeDealInput = DEAL_SAVED_INPUT.serialize;

/**
 * Saved inputs back as an input, or null when the JSON is not a deal's or does not have its
 * shape. Values are not checked: a draft saved with a slip comes back for the wizard to flag.
 */
export const restoreDealInput = DEAL_SAVED_INPUT.restore;
