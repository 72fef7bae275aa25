/** The deal-model wizard, as data for the wizard runner. */
import { buildDealPlan } from "../../workbook/models/deal";
import { DEAL_SAVED_INPUT, DealInputSchema } from "../../workbook/models/deal/input";
import { namesInUse } from "../../workbook/appliers/common";
import { savedDraftCodec } from "../wizard/saved-draft";
import type { WizardDefinition } from "../wizard/types";
import { checkDealDraft, DEAL_STEP_IDS, dealStepOfField } from "./check";
import { DealDraftSchema, draftFromDealInput, initialDealDraft, toDealModelInput, type DealDraft } from "./draft";
import { moneyText, previewDeal } from "./preview";
import { FeesStep } from "./steps/FeesStep";
import { ForecastStep } from "./steps/ForecastStep";
import { DealReviewStep } from "./steps/DealReviewStep";
import { RevenueShareStep } from "./steps/RevenueShareStep";
import { TermsStep } from "./steps/TermsStep";

const saved = savedDraftCodec(DEAL_SAVED_INPUT, {
  draftSchema: DealDraftSchema,
  modelInput: (state) => toDealModelInput(state).input,
  draftFromInput: draftFromDealInput,
});

/**
 * Saved in the deal model's own format (what `pe-calc new deal --from` reads), so the settings
 * copied out of a workbook rebuild the model; the draft as typed and the step ride along under "ui".
 */
export const saveDealDraft = saved.save;
export const restoreDealDraft = saved.restore;

export const dealWizard: WizardDefinition<DealDraft> = {
  id: "deal",
  title: "Deal model",
  description: "Revenue share, fees and contract terms as named assumptions driving a live payout schedule by contract year.",
  initialState: initialDealDraft,
  ...saved,
  steps: [
    { id: DEAL_STEP_IDS.share, title: "Revenue share", Component: RevenueShareStep },
    { id: DEAL_STEP_IDS.fees, title: "Referral, reseller, co-marketing", Component: FeesStep },
    { id: DEAL_STEP_IDS.forecast, title: "Term and forecast", Component: ForecastStep },
    { id: DEAL_STEP_IDS.terms, title: "Contract terms", Component: TermsStep },
    { id: DEAL_STEP_IDS.review, title: "Review and write", Component: DealReviewStep },
  ],
  check: checkDealDraft,
  stepOfField: dealStepOfField,
  buildPlan(state, inventory) {
    const { input } = toDealModelInput(state);
    const { plan, input: built } = buildDealPlan(input, inventory.sheetNames, namesInUse(inventory));
    return { plan, progressLabel: `Writing a ${built.termYears}-year deal model and its formulas` };
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
};
