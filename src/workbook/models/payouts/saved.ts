/**
 * The payout book's saved input, in the one saved-input format (shared/saved-input.ts): the plan
 * without the ledger, which lives in the sheet, plus how many transactions were written. The same
 * JSON is `pe-calc new payouts --plan plan.json`.
 */
import { z } from "zod";
import { restoreWizardInput, serializeAnswers, type SavedInputFormat } from "../shared/saved-input";
import {
  PAYOUTS_INPUT_VERSION,
  PAYOUTS_WIZARD_ID,
  PayoutPlanShape,
  PayoutsInputSchema,
  type PayoutsInput,
  type PayoutsInputDraft,
} from "./input";

export const PAYOUTS_SETTINGS_KEY = "PartnerEconomics.payouts";

export const PayoutPlanSchema = z.strictObject(PayoutPlanShape);
export type PayoutPlan = z.output<typeof PayoutPlanSchema>;

/** The plan's answers (the ledger left to the sheet), with the wizard's state if given. */
export function serializePayoutsInput(input: PayoutsInputDraft, ui?: unknown): string {
  const { ledger, transactionCount: _count, ...plan } = input;
  return serializeAnswers(plan, { transactionCount: ledger?.length ?? 0 }, ui, PAYOUTS_WIZARD_ID, PAYOUTS_INPUT_VERSION);
}

/** The saved plan, or null when the JSON is not the payout wizard's or not its shape. */
export function restorePayoutPlan(json: string | null | undefined): PayoutPlan | null {
  return restoreWizardInput(json, PAYOUTS_WIZARD_ID, PayoutPlanSchema);
}

/** The one saved-input format for the payout book: the plan without the ledger (restored with an empty ledger). */
export const PAYOUTS_SAVED_INPUT: SavedInputFormat<PayoutsInput> = {
  settingsKey: PAYOUTS_SETTINGS_KEY,
  wizard: PAYOUTS_WIZARD_ID,
  version: PAYOUTS_INPUT_VERSION,
  schema: PayoutsInputSchema,
  serialize: (input, ui) => serializePayoutsInput(input, ui),
  restore(json) {
    const plan = restorePayoutPlan(json);
    return plan ? PayoutsInputSchema.parse({ ...plan, ledger: [] }) : null;
  },
};
