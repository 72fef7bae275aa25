/** The deal wizard's messages: the deal model's validator plus what only the draft can know. */
import { validateDealInput } from "../../workbook/models/deal/input";
import { checkWithModel } from "../wizard/check-draft";
import type { WizardCheck } from "../wizard/types";
import { toDealModelInput, type DealDraft } from "./draft";

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
  return checkWithModel(model.problems, validateDealInput(model.input), { warnings: model.smallRates });
}
