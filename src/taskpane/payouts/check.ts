/** The payout wizard's messages: the payout model's validator plus what only the draft can know. */
import { validatePayoutsInput } from "../../workbook/models/payouts/input";
import { capitalise, withoutFractionAdvice } from "../wizard/typed-numbers";
import type { FieldMessage, WizardCheck } from "../wizard/types";
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
  const own: FieldMessage[] = model.problems.map((p) => ({ field: p.field, message: p.message, quiet: p.quiet }));
  const validation = validatePayoutsInput(model.input);
  const taken = new Set(own.map((m) => m.field));
  const modelErrors = validation.ok ? [] : validation.errors.filter((m) => !taken.has(m.path));
  const errors = [...own, ...modelErrors.map((m) => ({ field: m.path, message: m.message }))].map((m) => ({
    ...m,
    message: capitalise(withoutFractionAdvice(m.message)),
  }));
  const warnings = validation.warnings.map((m) => ({ field: m.path, message: capitalise(m.message) }));
  return { errors, warnings };
}
