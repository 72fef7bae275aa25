/** The deal-model wizard, as data for the wizard runner. */
import { buildDealPlan } from "../../workbook/models/deal";
import { DEAL_SAVED_INPUT, DealInputSchema } from "../../workbook/models/deal/input";
import { defineWizard } from "../wizard/define-wizard";
import { checkDealDraft, DEAL_STEP_IDS as STEP, dealStepOfField } from "./check";
import { DealDraftSchema, draftFromDealInput, initialDealDraft, toDealModelInput } from "./draft";
import { moneyText, previewDeal } from "./preview";
import { FeesStep } from "./steps/FeesStep";
import { ForecastStep } from "./steps/ForecastStep";
import { DealReviewStep } from "./steps/DealReviewStep";
import { RevenueShareStep } from "./steps/RevenueShareStep";
import { TermsStep } from "./steps/TermsStep";

/**
 * Saved in the deal model's own format (what `pe-calc new deal --from` reads), so the settings
 * copied out of a workbook rebuild the model; the draft as typed and the step ride along under "ui".
 */
export const dealWizard = defineWizard({
  id: "deal",
  title: "Deal model",
  description: "Revenue share, fees and contract terms as named assumptions driving a live payout schedule by contract year.",
  saved: DEAL_SAVED_INPUT,
  draft: { initial: initialDealDraft, draftSchema: DealDraftSchema, draftFromInput: draftFromDealInput },
  steps: [
    { id: STEP.share, title: "Revenue share", Component: RevenueShareStep },
    { id: STEP.fees, title: "Referral, reseller, co-marketing", Component: FeesStep },
    { id: STEP.forecast, title: "Term and forecast", Component: ForecastStep },
    { id: STEP.terms, title: "Contract terms", Component: TermsStep },
    { id: STEP.review, title: "Review and write", Component: DealReviewStep },
  ],
  check: checkDealDraft,
  stepOfField: dealStepOfField,
  model: {
    input: (state) => toDealModelInput(state).input,
    build: buildDealPlan,
    progress: ({ input }) => `Writing a ${input.termYears}-year deal model and its formulas`,
  },
  writeLabel: "Write the deal model",
  summarize(_summary, state) {
    const parsed = DealInputSchema.safeParse(toDealModelInput(state).input);
    const preview = parsed.success ? previewDeal(parsed.data) : undefined;
    if (!parsed.success || !preview) return [];
    const money = (value: number) => moneyText(value, parsed.data.currency);
    return [
      `Partner payout by year: ${preview.payouts.map(money).join(" / ")}; ${money(preview.totalPayout)} in total`,
      "Change any yellow assumption cell and the schedule recalculates",
    ];
  },
});

export const { save: saveDealDraft, restore: restoreDealDraft } = dealWizard;
