/** The partner-scorecard wizard, as data for the wizard runner. */
import { buildScorecardPlan, SCORECARD_SAVED_INPUT } from "../../workbook/models/scorecard";
import { defineWizard, stepsOf } from "../wizard/define-wizard";
import { checkScorecardDraft, SCORECARD_STEP_IDS as STEP, scorecardStepOfField } from "./check";
import { draftFromScorecardInput, initialScorecardDraft, ScorecardDraftSchema, toScorecardModelInput } from "./draft";
import { ColumnsStep } from "./steps/ColumnsStep";
import { ContractsStep } from "./steps/ContractsStep";
import { DataStep } from "./steps/DataStep";
import { RulesStep } from "./steps/RulesStep";
import { ScorecardReviewStep } from "./steps/ScorecardReviewStep";

/** The steps in order, by id. */
const TITLES: Record<keyof typeof STEP, string> = {
  data: "Targets and actuals",
  columns: "Columns",
  contracts: "Contracts and KPIs",
  rules: "Rules and bands",
  review: "Review and write",
};

/**
 * Saved in the scorecard's own format (what `pe-calc new scorecard --plan` reads: the answers
 * without the data); the draft as typed, pasted texts included, and the step ride along under "ui".
 */
export const scorecardWizard = defineWizard({
  id: "scorecard",
  title: "Partner scorecard",
  description:
    "Quarterly targets and actuals per partner become a live portfolio: streaks, expand / maintain / course-correct / exit review, health, renewal dates, and a QBR sheet.",
  saved: SCORECARD_SAVED_INPUT,
  draft: {
    initial: initialScorecardDraft,
    schema: ScorecardDraftSchema,
    fromInput: draftFromScorecardInput,
    toInput: (state) => toScorecardModelInput(state).input,
  },
  steps: stepsOf(TITLES, {
    data: DataStep,
    columns: ColumnsStep,
    contracts: ContractsStep,
    rules: RulesStep,
    review: ScorecardReviewStep,
  }),
  check: checkScorecardDraft,
  stepOfField: scorecardStepOfField,
  build: buildScorecardPlan,
  progress: ({ layout, input }) => `Writing ${layout.partnerCount} partners × ${input.periods.length} quarters and the QBR sheet`,
  writeLabel: "Write the scorecard",
  summarize: () => [
    "Type a quarter's targets and actuals into the portfolio table and statuses, health and counts follow",
    "Choose a partner in the QBR sheet's drop-down to prepare its review",
  ],
});

export const { save: saveScorecardDraft, restore: restoreScorecardDraft } = scorecardWizard;
