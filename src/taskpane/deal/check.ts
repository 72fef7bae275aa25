/** The deal wizard's messages: the deal model's validator plus what only the draft can know. */
import { validateDealInput } from "../../workbook/models/deal/input";
import type { FieldMessage, WizardCheck } from "../wizard/types";
import { toDealModelInput, type DealDraft } from "./draft";
import { capitalise, withoutFractionAdvice } from "../wizard/typed-numbers";

export const DEAL_STEP_IDS = {
  share: "share",
  fees: "fees",
  forecast: "forecast",
  terms: "terms",
  review: "review",
} as const;

/** Which step shows a field's messages. */
export function dealStepOfField(field: string): string {
  const [head, second] = field.split(".");
  if (head === "revenueShare" || head === "partnerName" || head === "currency") return DEAL_STEP_IDS.share;
  if (head === "reseller" && second === "units") return DEAL_STEP_IDS.forecast;
  if (head === "referral" || head === "reseller" || head === "coMarketing") return DEAL_STEP_IDS.fees;
  if (head === "termYears" || head === "revenue") return DEAL_STEP_IDS.forecast;
  if (head === "terms") return DEAL_STEP_IDS.terms;
  return DEAL_STEP_IDS.review;
}

export function checkDealDraft(draft: DealDraft): WizardCheck {
  const model = toDealModelInput(draft);
  const own: FieldMessage[] = model.problems.map((p) => ({ field: p.field, message: p.message, quiet: p.quiet }));
  const validation = validateDealInput(model.input);
  const taken = new Set(own.map((m) => m.field));
  const validatorErrors = validation.ok ? [] : validation.errors.filter((m) => !taken.has(m.path));
  const errors = [...own, ...validatorErrors.map((m) => ({ field: m.path, message: m.message }))].map((m) => ({
    ...m,
    message: capitalise(withoutFractionAdvice(m.message)),
  }));
  const flagged = new Set(errors.map((m) => m.field));
  const warnings = [...validation.warnings.map((m) => ({ field: m.path, message: m.message })), ...model.smallRates]
    .filter((m) => !flagged.has(m.field))
    .map((m) => ({ field: m.field, message: capitalise(m.message) }));
  return { errors, warnings };
}
