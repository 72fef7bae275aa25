/** The deal-model wizard, as data for the wizard runner. */
import { buildDealPlan } from "../../workbook/models/deal";
import { DEAL_SAVED_INPUT, DealInputSchema } from "../../workbook/models/deal/input";
import { defineWizard, stepsOf } from "../wizard/define-wizard";
import { checkDealDraft, DEAL_STEP_IDS as STEP, dealStepOfField } from "./check";
import { DealDraftSchema, draftFromDealInput, initialDealDraft, toDealModelInput } from "./draft";
import { moneyText, previewDeal } from "./preview";
import { FeesStep } from "./steps/FeesStep";
import { ForecastStep } from "./steps/ForecastStep";
import { DealReviewStep } from "./steps/DealReviewStep";
import { RevenueShareStep } from "./steps/RevenueShareStep";
import { TermsStep } from "./steps/TermsStep";

/** The steps in order, by id. */
const TITLES: Record<keyof typeof STEP, string> = {
  share: "Revenue share",
  fees: "Referral, reseller, co-marketing",
  forecast: "Term and forecast",
  terms: "Contract terms",
  review: "Review and write",
};

/**
 * Saved in the deal model's own format (what `pe-calc new deal --from` reads), so the settings
 * copied out of a workbook rebuild the model; the draft as typed and the step ride along under "ui".
 */
export const dealWizard = defineWizard({
  id: "deal",
  title: "Deal model",
  description: "Revenue share, fees and contract terms as named assumptions driving a live payout schedule by contract year.",
  saved: DEAL_SAVED_INPUT,
  draft: {
    initial: initialDealDraft,
    schema: DealDraftSchema,
    fromInput: draftFromDealInput,
    toInput: (state) => toDealModelInput(state).input,
  },
  steps: stepsOf(TITLES, {
    share: RevenueShareStep,
    fees: FeesStep,
    forecast: ForecastStep,
    terms: TermsStep,
    review: DealReviewStep,
  }),
  check: checkDealDraft,
  stepOfField: dealStepOfField,
  build: buildDealPlan,
  progress: ({ input }) => `Writing a ${input.termYears}-year deal model and its formulas`,
  writeLabel: "Write the deal model",
  async summarize(_summary, state) {
    const parsed = DealInputSchema.safeParse(toDealModelInput(state).input);
    const preview = parsed.success ? await previewDeal(parsed.data) : undefined;
    if (!parsed.success || !preview) return [];
    const money = (value: number) => moneyText(value, parsed.data.currency);
    return [
      `Partner payout by year: ${preview.payouts.map(money).join(" / ")}; ${money(preview.totalPayout)} in total`,
      "Change any yellow assumption cell and the schedule recalculates",
    ];
  },
});

export const { save: saveDealDraft, restore: restoreDealDraft } = dealWizard;
