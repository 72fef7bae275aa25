/** The partner-scorecard wizard, as data for the wizard runner. */
import { buildScorecardPlan, SCORECARD_SAVED_INPUT } from "../../workbook/models/scorecard";
import { savedDraftCodec } from "../wizard/saved-draft";
import type { WizardDefinition } from "../wizard/types";
import { checkScorecardDraft, SCORECARD_STEP_IDS, scorecardStepOfField } from "./check";
import {
  draftFromScorecardInput,
  initialScorecardDraft,
  ScorecardDraftSchema,
  toScorecardModelInput,
  type ScorecardDraft,
} from "./draft";
import { ColumnsStep } from "./steps/ColumnsStep";
import { ContractsStep } from "./steps/ContractsStep";
import { DataStep } from "./steps/DataStep";
import { RulesStep } from "./steps/RulesStep";
import { ScorecardReviewStep } from "./steps/ScorecardReviewStep";

const saved = savedDraftCodec(SCORECARD_SAVED_INPUT, {
  draftSchema: ScorecardDraftSchema,
  modelInput: (state) => toScorecardModelInput(state).input,
  draftFromInput: draftFromScorecardInput,
});

/**
 * Saved in the scorecard's own format (what `pe-calc new scorecard --plan` reads: the answers
 * without the data); the draft as typed, pasted texts included, and the step ride along under "ui".
 */
export const saveScorecardDraft = saved.save;
export const restoreScorecardDraft = saved.restore;

export const scorecardWizard: WizardDefinition<ScorecardDraft> = {
  id: "scorecard",
  title: "Partner scorecard",
  description:
    "Quarterly targets and actuals per partner become a live portfolio: streaks, expand / maintain / course-correct / exit review, health, renewal dates, and a QBR sheet.",
  settingsKey: saved.settingsKey,
  initialState: initialScorecardDraft,
  restore: restoreScorecardDraft,
  save: saveScorecardDraft,
  steps: [
    { id: SCORECARD_STEP_IDS.data, title: "Targets and actuals", Component: DataStep },
    { id: SCORECARD_STEP_IDS.columns, title: "Columns", Component: ColumnsStep },
    { id: SCORECARD_STEP_IDS.contracts, title: "Contracts and KPIs", Component: ContractsStep },
    { id: SCORECARD_STEP_IDS.rules, title: "Rules and bands", Component: RulesStep },
    { id: SCORECARD_STEP_IDS.review, title: "Review and write", Component: ScorecardReviewStep },
  ],
  check: checkScorecardDraft,
  stepOfField: scorecardStepOfField,
  buildPlan(state, inventory) {
    const { input } = toScorecardModelInput(state);
    const built = buildScorecardPlan(input, inventory.sheetNames, [...inventory.definedNames, ...inventory.tableNames]);
    return {
      plan: built.plan,
      progressLabel: `Writing ${built.layout.partnerCount} partners × ${built.input.periods.length} quarters and the QBR sheet`,
    };
  },
  writeLabel: "Write the scorecard",
  summarize() {
    return [
      "Type a quarter's targets and actuals into the portfolio table and statuses, health and counts follow",
      "Choose a partner in the QBR sheet's drop-down to prepare its review",
    ];
  },
};
