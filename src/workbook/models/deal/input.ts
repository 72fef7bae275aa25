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
import { savedInput } from "../shared/saved-input";
import { validateInput, type InputValidation } from "../shared/input-validation";
import { checkDeal } from "./checks";

export { MAX_DEAL_RATES, MAX_PARTNER_NAME_LENGTH } from "./checks";
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
} from "./defaults";

/** Document-settings key of the deal wizard's inputs; the JSON is serializeDealInput's (the CLI's input format). */
const SAVED = savedInput("PartnerEconomics.deal", "deal", 1);
export const { settingsKey: DEAL_SETTINGS_KEY, wizard: DEAL_WIZARD_ID, version: DEAL_INPUT_VERSION } = SAVED;

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

export const ReferralSchema = z.strictObject({
  /** Share of the referred customers' first-year revenue, paid once in year 1. */
  rate: z.number().default(DEFAULT_REFERRAL_RATE),
  minimum: z.number().nullable().default(null),
  maximum: z.number().nullable().default(null),
});

export const ResellerSchema = z.strictObject({
  discount: z.number().default(DEFAULT_RESELLER_DISCOUNT),
  listPrice: z.number().default(0),
  /** Units the reseller sells in each contract year, one per term year. */
  units: z.array(z.number()).default([]),
});

export const CoMarketingSchema = z.strictObject({
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
  ...SAVED.fields,
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

export const DEAL_SAVED_INPUT = SAVED.format(DealInputSchema);

/**
 * The input as saved in the workbook and as `pe-calc new deal --from` reads it ({ wizard, version, …answers, ui }),
 * and back (null for another wizard's JSON; values are not checked, so a draft saved with a slip comes back to be flagged).
 */
export const { serialize: serializeDealInput, restore: restoreDealInput } = DEAL_SAVED_INPUT;
