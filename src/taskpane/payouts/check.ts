/** The payout wizard's messages: the payout model's validator plus what only the draft can know. */
import { validatePayoutsInput } from "../../workbook/models/payouts/input";
import { checkWithModel } from "../wizard/check-draft";
import type { WizardCheck } from "../wizard/types";
import { toPayoutsModelInput, type PayoutsDraft } from "./draft";

export const PAYOUT_STEP_IDS = { ledger: "ledger", plan: "plan", review: "review" } as const;

export function payoutStepOfField(field: string): string {
  const head = field.split(".")[0];
  if (head === "ledger" || head === "mapping" || head === "mappingConfirmed") return PAYOUT_STEP_IDS.ledger;
  if (head === "sheetName") return PAYOUT_STEP_IDS.review;
  return PAYOUT_STEP_IDS.plan;
}

export function checkPayoutsDraft(draft: PayoutsDraft): WizardCheck {
  const model = toPayoutsModelInput(draft);
  return checkWithModel(model.problems, validatePayoutsInput(model.input));
}
