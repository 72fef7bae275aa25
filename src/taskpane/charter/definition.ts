/** The partnership-charter wizard, as data for the wizard runner. */
import { buildCharterPlan } from "../../workbook/models/charter";
import { CHARTER_SAVED_INPUT } from "../../workbook/models/charter/input";
import { defineWizard, stepsOf } from "../wizard/define-wizard";
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

/** The steps in order, by id. */
const TITLES: Record<keyof typeof STEP, string> = {
  goals: "Goals",
  value: "Value exchange",
  crawl: "Crawl",
  walk: "Walk",
  run: "Run",
  measurement: "Measurement",
  governance: "Governance",
  exit: "Exit criteria",
  signatories: "Signatures",
  review: "Review and write",
};

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
  draft: {
    initial: initialCharterDraft,
    schema: CharterDraftSchema,
    fromInput: draftFromCharterInput,
    toInput: (state) => toCharterModelInput(state).input,
  },
  steps: stepsOf(TITLES, {
    goals: GoalsStep,
    value: ValueStep,
    crawl: CrawlStep,
    walk: WalkStep,
    run: RunStep,
    measurement: MeasurementStep,
    governance: GovernanceStep,
    exit: ExitStep,
    signatories: SignatoriesStep,
    review: CharterReviewStep,
  }),
  check: checkCharterDraft,
  stepOfField: charterStepOfField,
  build: buildCharterPlan,
  progress: () => "Writing the charter and its gates",
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
