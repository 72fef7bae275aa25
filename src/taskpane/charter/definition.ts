/** The partnership-charter wizard, as data for the wizard runner. */
import { buildCharterPlan } from "../../workbook/models/charter";
import { CHARTER_SAVED_INPUT } from "../../workbook/models/charter/input";
import { namesInUse } from "../../workbook/appliers/common";
import { savedDraftCodec } from "../wizard/saved-draft";
import type { WizardDefinition } from "../wizard/types";
import { CHARTER_STEP_IDS, charterStepOfField, checkCharterDraft } from "./check";
import {
  CharterDraftSchema,
  draftFromCharterInput,
  initialCharterDraft,
  itemsOf,
  toCharterModelInput,
  type CharterDraft,
} from "./draft";
import { CharterReviewStep } from "./steps/CharterReviewStep";
import { ExitStep } from "./steps/ExitStep";
import { GoalsStep } from "./steps/GoalsStep";
import { GovernanceStep } from "./steps/GovernanceStep";
import { MeasurementStep } from "./steps/MeasurementStep";
import { CrawlStep, RunStep, WalkStep } from "./steps/PhaseSteps";
import { SignatoriesStep } from "./steps/SignatoriesStep";
import { ValueStep } from "./steps/ValueStep";

const saved = savedDraftCodec(CHARTER_SAVED_INPUT, {
  draftSchema: CharterDraftSchema,
  modelInput: (state) => toCharterModelInput(state).input,
  draftFromInput: draftFromCharterInput,
});

/**
 * Saved in the charter model's own format (what `pe-calc new charter --from` reads), so the settings
 * copied out of a workbook rebuild the model; the draft as typed and the step ride along under "ui".
 */
export const saveCharterDraft = saved.save;
export const restoreCharterDraft = saved.restore;

export const charterWizard: WizardDefinition<CharterDraft> = {
  id: "charter",
  title: "Partnership charter",
  description:
    "Goals, value exchange, crawl-walk-run phases with live go/no-go gates, governance and exit criteria, on a printable sheet both sides sign.",
  initialState: initialCharterDraft,
  ...saved,
  steps: [
    { id: CHARTER_STEP_IDS.goals, title: "Goals", Component: GoalsStep },
    { id: CHARTER_STEP_IDS.value, title: "Value exchange", Component: ValueStep },
    { id: CHARTER_STEP_IDS.crawl, title: "Crawl", Component: CrawlStep },
    { id: CHARTER_STEP_IDS.walk, title: "Walk", Component: WalkStep },
    { id: CHARTER_STEP_IDS.run, title: "Run", Component: RunStep },
    { id: CHARTER_STEP_IDS.measurement, title: "Measurement", Component: MeasurementStep },
    { id: CHARTER_STEP_IDS.governance, title: "Governance", Component: GovernanceStep },
    { id: CHARTER_STEP_IDS.exit, title: "Exit criteria", Component: ExitStep },
    { id: CHARTER_STEP_IDS.signatories, title: "Signatures", Component: SignatoriesStep },
    { id: CHARTER_STEP_IDS.review, title: "Review and write", Component: CharterReviewStep },
  ],
  check: checkCharterDraft,
  stepOfField: charterStepOfField,
  buildPlan(state, inventory) {
    const { input } = toCharterModelInput(state);
    const { plan } = buildCharterPlan(input, inventory.sheetNames, namesInUse(inventory));
    return { plan, progressLabel: "Writing the charter and its gates" };
  },
  writeLabel: "Write the charter",
  summarize(_summary, state) {
    const exits = itemsOf(state.exitCriteria).length;
    return [
      `${exits} exit ${exits === 1 ? "criterion" : "criteria"}; signature lines for both sides`,
      "The crawl, walk and run gates show PENDING until their measurements are typed into the yellow cells",
    ];
  },
};
