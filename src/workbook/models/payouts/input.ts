/**
 * The payout wizard's input: the plan (tiers, method, period frequency, fiscal-year start, floor,
 * cap, currency) and the ledger (one transaction a row). Its JSON shape is zod's, and the rules a
 * user can break are reported per field with a dotted path that names the row ("tiers.1.rate",
 * "ledger.41.amount") so the wizard shows each beside its field and `pe-calc new payouts` prints it
 * on one line.
 *
 * Decisions:
 * - rates are fractions from 0 to 1 and tier starts strictly ascending from 0, as PE.REVSHARE_TIERED
 *   requires; a rate above 1 quotes it in percent and says what to type;
 * - partner keys are text in the sheet; a partner name holding *, ? or ~ is an error, since the
 *   statement finds its partner with MATCH(…, 0), which reads those as wildcards in text
 *   (https://learn.microsoft.com/en-us/office/vba/api/excel.worksheetfunction.match). Names that
 *   start with =, < or > are fine: the summary totals with PE.PAYOUT_TOTALS, whose keys match like
 *   `=`, not with SUMIFS, which would read them as comparisons;
 * - a ledger may be empty (a blank payout book to fill in), dates are Excel date serials;
 * - a cap of null means no cap; a floor above the cap is an error (PE.PAYOUT_SCHEDULE gives #NUM!).
 */
import { z } from "zod";
import { sheetNameProblem } from "../../sheet-names";
import { checkAmount, checkRate, checkWhole } from "../shared/input-wording";
import { validateInput, type InputValidation, type Report } from "../shared/input-validation";
import { savedInputFields } from "../shared/saved-input";
import {
  DEFAULT_PAYOUT_FREQUENCY,
  DEFAULT_PAYOUT_METHOD,
  DEFAULT_PAYOUT_TIERS,
  DEFAULT_PAYOUTS_CURRENCY,
  DEFAULT_PAYOUTS_SHEET_NAME,
  MAX_TRANSACTIONS,
} from "./defaults";

export const PAYOUTS_WIZARD_ID = "payouts";
export const PAYOUTS_INPUT_VERSION = 1;
const MAX_TIERS = 20;
const MAX_TEXT = 255;
const MAX_DATE_SERIAL = 2_958_465;

const TierSchema = z.strictObject({ from: z.number(), rate: z.number() });

export const TransactionSchema = z.strictObject({
  partner: z.string().trim(),
  /** An Excel date serial (days since 1899-12-30). */
  date: z.number(),
  amount: z.number(),
  customer: z.string().trim().default(""),
  description: z.string().trim().default(""),
});

/** The plan alone: what `--plan plan.json` holds and what the workbook's settings keep. */
export const PayoutPlanShape = {
  ...savedInputFields(PAYOUTS_WIZARD_ID, PAYOUTS_INPUT_VERSION),
  sheetName: z.string().trim().default(DEFAULT_PAYOUTS_SHEET_NAME),
  /** Currency symbol or code for amount formats; "" for plain numbers. */
  currency: z.string().trim().default(DEFAULT_PAYOUTS_CURRENCY),
  tiers: z.array(TierSchema).default(() => DEFAULT_PAYOUT_TIERS.map((t) => ({ ...t }))),
  method: z.enum(["marginal", "retroactive"]).default(DEFAULT_PAYOUT_METHOD),
  frequency: z.enum(["month", "quarter", "year"]).default(DEFAULT_PAYOUT_FREQUENCY),
  /** The month the fiscal year starts, 1 (January) to 12. */
  fiscalYearStart: z.number().default(1),
  /** Minimum payout per period (a draw when `recover`, else a guarantee). */
  floor: z.number().default(0),
  recover: z.boolean().default(true),
  /** Maximum payout per period; null for none. */
  cap: z.number().nullable().default(null),
  carry: z.boolean().default(true),
  /** Add the chart of paid by period (Excel only; .xlsx files cannot hold it). */
  chart: z.boolean().default(true),
  /** How many transactions were written (saved for the record; the ledger itself lives in the sheet). */
  transactionCount: z.number().optional(),
};

export const PayoutsInputSchema = z.strictObject({
  ...PayoutPlanShape,
  ledger: z.array(TransactionSchema).default([]),
});

export type PayoutsInput = z.output<typeof PayoutsInputSchema>;
export type PayoutsInputDraft = z.input<typeof PayoutsInputSchema>;
export type Transaction = z.output<typeof TransactionSchema>;

export function defaultPayoutsInput(): PayoutsInput {
  return PayoutsInputSchema.parse({});
}

export function validatePayoutsInput(raw: unknown): InputValidation<PayoutsInput> {
  return validateInput(PayoutsInputSchema, raw, checkPayouts);
}

/** A name MATCH(…, 0) would read as a wildcard pattern rather than as itself. */
export function isPatternLike(name: string): boolean {
  return /[*?~]/.test(name);
}

function checkPayouts(input: PayoutsInput, error: Report, warn: Report): void {
  const sheetProblem = sheetNameProblem(input.sheetName);
  if (sheetProblem) error("sheetName", sheetProblem);
  if (/["\\]/.test(input.currency) || input.currency.length > 5)
    error("currency", `currency "${input.currency}": use a symbol or code of up to 5 characters without quotes or backslashes`);
  checkTiers(input, error);
  checkWhole(input.fiscalYearStart, "fiscalYearStart", "The fiscal year's first month", 1, 12, "the month (1 is January)", error);
  checkAmount(input.floor, "floor", "The floor", error);
  if (input.cap !== null) {
    checkAmount(input.cap, "cap", "The cap", error, " (leave it empty for no cap)");
    if (input.cap >= 0 && input.floor > input.cap)
      error("cap", `the cap (${input.cap}) is below the floor (${input.floor}): raise the cap or lower the floor`);
  }
  checkLedger(input.ledger, error, warn);
}

function checkTiers(input: PayoutsInput, error: Report): void {
  if (input.tiers.length === 0) error("tiers", "add at least one tier (from 0, with its rate)");
  if (input.tiers.length > MAX_TIERS) error("tiers", `${input.tiers.length} tiers: keep it to ${MAX_TIERS}`);
  input.tiers.forEach((tier, i) => {
    checkRate(tier.rate, `tiers.${i}.rate`, `Tier ${i + 1}'s rate`, error);
    if (i === 0 && tier.from !== 0) error(`tiers.0.from`, `the first tier starts at ${tier.from}: start it at 0`);
    if (i > 0 && !(tier.from > input.tiers[i - 1].from))
      error(
        `tiers.${i}.from`,
        `Tier ${i + 1} starts at ${tier.from}, not above tier ${i}'s ${input.tiers[i - 1].from}: starts must go up`,
      );
  });
}

function checkLedger(ledger: Transaction[], error: Report, warn: Report): void {
  if (ledger.length > MAX_TRANSACTIONS)
    error("ledger", `${ledger.length} transactions is more than the ${MAX_TRANSACTIONS.toLocaleString("en-US")} one book holds`);
  let reported = 0;
  const report = (path: string, message: string): void => {
    // One message per bad cell would drown the wizard in a ledger of 100,000 rows.
    if (reported++ < 20) error(path, message);
  };
  ledger.forEach((t, i) => {
    const row = `row ${i + 1}`;
    if (t.partner === "") report(`ledger.${i}.partner`, `${row} has no partner: fill it in or remove the row`);
    else if (t.partner.length > MAX_TEXT)
      report(`ledger.${i}.partner`, `${row}: the partner name is over ${MAX_TEXT} characters`);
    else if (isPatternLike(t.partner))
      report(
        `ledger.${i}.partner`,
        `${row}: partner "${t.partner}" holds *, ? or ~, which the statement's MATCH would read as a wildcard: rename it`,
      );
    if (!(Number.isFinite(t.date) && t.date >= 1 && t.date <= MAX_DATE_SERIAL))
      report(`ledger.${i}.date`, `${row}: the date is not a date from 1900-01-01 to 9999-12-31`);
    if (!Number.isFinite(t.amount)) report(`ledger.${i}.amount`, `${row}: the amount is not a number`);
    if (t.customer.length > MAX_TEXT || t.description.length > MAX_TEXT)
      warn(`ledger.${i}`, `${row}: a customer or description over ${MAX_TEXT} characters is kept in full`);
  });
}
