/** The partnership-charter wizard, as data for the wizard runner. */
import { buildCharterPlan } from "../../workbook/models/charter";
import { CHARTER_SAVED_INPUT } from "../../workbook/models/charter/input";
import { defineWizard } from "../wizard/define-wizard";
import { CHARTER_STEP_IDS as STEP, charterStepOfField, checkCharterDraft } from "./check";
import { CharterDraftSchema, draftFromCharterInput, initialCharterDraft, itemsOf, toCharterModelInput } from "./draft";
import { CharterReviewStep } from "./steps/CharterReviewStep";
import { ExitStep } from "./steps/ExitStep";
import { GoalsStep } from "./steps/GoalsStep";
import { GovernanceStep } from "./steps/GovernanceStep";
import { MeasurementStep } from "./steps/MeasurementStep";
import { CrawlStep, RunStep, WalkStep } from "./steps/PhaseSteps";
import { SignatoriesStep } from "./steps/SignatoriesStep";
import { ValueStep } from "./steps/ValueStep";

/**
 * Saved in the charter model's own format (what `pe-calc new charter --from` reads), so the settings
 * copied out of a workbook rebuild the model; the draft as typed and the step ride along under "ui".
 */
export const charterWizard = defineWizard({
  id: "charter",
  title: "Partnership charter",
  description:
    "Goals, value exchange, crawl-walk-run phases with live go/no-go gates, governance and exit criteria, on a printable sheet both sides sign.",
  saved: CHARTER_SAVED_INPUT,
  draft: { initial: initialCharterDraft, draftSchema: CharterDraftSchema, draftFromInput: draftFromCharterInput },
  steps: [
    { id: STEP.goals, title: "Goals", Component: GoalsStep },
    { id: STEP.value, title: "Value exchange", Component: ValueStep },
    { id: STEP.crawl, title: "Crawl", Component: CrawlStep },
    { id: STEP.walk, title: "Walk", Component: WalkStep },
    { id: STEP.run, title: "Run", Component: RunStep },
    { id: STEP.measurement, title: "Measurement", Component: MeasurementStep },
    { id: STEP.governance, title: "Governance", Component: GovernanceStep },
    { id: STEP.exit, title: "Exit criteria", Component: ExitStep },
    { id: STEP.signatories, title: "Signatures", Component: SignatoriesStep },
    { id: STEP.review, title: "Review and write", Component: CharterReviewStep },
  ],
  check: checkCharterDraft,
  stepOfField: charterStepOfField,
  model: {
    input: (state) => toCharterModelInput(state).input,
    build: buildCharterPlan,
    progress: () => "Writing the charter and its gates",
  },
  writeLabel: "Write the charter",
  summarize(_summary, state) {
    const exits = itemsOf(state.exitCriteria).length;
    return [
      `${exits} exit ${exits === 1 ? "criterion" : "criteria"}; signature lines for both sides`,
      "The crawl, walk and run gates show PENDING until their measurements are typed into the yellow cells",
    ];
  },
});

export const { save: saveCharterDraft, restore: restoreCharterDraft } = charterWizard;
