/** The partner-scorecard wizard, as data for the wizard runner. */
import { buildScorecardPlan, SCORECARD_SAVED_INPUT } from "../../workbook/models/scorecard";
import { defineWizard } from "../wizard/define-wizard";
import { checkScorecardDraft, SCORECARD_STEP_IDS as STEP, scorecardStepOfField } from "./check";
import { draftFromScorecardInput, initialScorecardDraft, ScorecardDraftSchema, toScorecardModelInput } from "./draft";
import { ColumnsStep } from "./steps/ColumnsStep";
import { ContractsStep } from "./steps/ContractsStep";
import { DataStep } from "./steps/DataStep";
import { RulesStep } from "./steps/RulesStep";
import { ScorecardReviewStep } from "./steps/ScorecardReviewStep";

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
  draft: { initial: initialScorecardDraft, draftSchema: ScorecardDraftSchema, draftFromInput: draftFromScorecardInput },
  steps: [
    { id: STEP.data, title: "Targets and actuals", Component: DataStep },
    { id: STEP.columns, title: "Columns", Component: ColumnsStep },
    { id: STEP.contracts, title: "Contracts and KPIs", Component: ContractsStep },
    { id: STEP.rules, title: "Rules and bands", Component: RulesStep },
    { id: STEP.review, title: "Review and write", Component: ScorecardReviewStep },
  ],
  check: checkScorecardDraft,
  stepOfField: scorecardStepOfField,
  model: {
    input: (state) => toScorecardModelInput(state).input,
    build: buildScorecardPlan,
    progress: ({ layout, input }) => `Writing ${layout.partnerCount} partners × ${input.periods.length} quarters and the QBR sheet`,
  },
  writeLabel: "Write the scorecard",
  summarize: () => [
    "Type a quarter's targets and actuals into the portfolio table and statuses, health and counts follow",
    "Choose a partner in the QBR sheet's drop-down to prepare its review",
  ],
});

export const { save: saveScorecardDraft, restore: restoreScorecardDraft } = scorecardWizard;
