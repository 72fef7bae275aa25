/** The deal-options wizard, as data for the wizard runner. */
import { namesInUse } from "../../workbook/appliers/common";
import { buildDealOptionsPlan } from "../../workbook/models/deal-options";
import { DEAL_OPTIONS_SAVED_INPUT } from "../../workbook/models/deal-options/input";
import { savedDraftCodec } from "../wizard/saved-draft";
import type { WizardDefinition } from "../wizard/types";
import { checkOptionsDraft, OPTIONS_STEP_IDS, optionsStepOfField } from "./check";
import { draftFromOptionsInput, initialOptionsDraft, OptionsDraftSchema, toOptionsModelInput, type OptionsDraft } from "./draft";
import { OptionsReviewStep } from "./steps/OptionsReviewStep";
import { OptionsStep } from "./steps/OptionsStep";
import { PositionsStep } from "./steps/PositionsStep";
import { SharedStep } from "./steps/SharedStep";

/** Saved in the model's own format (what `pe-calc new deal-options --from` reads); the draft and step ride along under "ui". */
const saved = savedDraftCodec(DEAL_OPTIONS_SAVED_INPUT, {
  draftSchema: OptionsDraftSchema,
  modelInput: (state) => toOptionsModelInput(state).input,
  draftFromInput: draftFromOptionsInput,
});

export const dealOptionsWizard: WizardDefinition<OptionsDraft> = {
  id: "deal-options",
  title: "Deal options",
  description:
    "Two to four deal structures side by side for both sides: NPV, payback, ROI, a verdict against your positions, and sensitivity.",
  initialState: initialOptionsDraft,
  ...saved,
  steps: [
    { id: OPTIONS_STEP_IDS.shared, title: "Shared assumptions", Component: SharedStep },
    { id: OPTIONS_STEP_IDS.options, title: "Options", Component: OptionsStep },
    { id: OPTIONS_STEP_IDS.positions, title: "Positions and BATNA", Component: PositionsStep },
    { id: OPTIONS_STEP_IDS.review, title: "Review and write", Component: OptionsReviewStep },
  ],
  check: checkOptionsDraft,
  stepOfField: optionsStepOfField,
  buildPlan(state, inventory) {
    const { plan, input } = buildDealOptionsPlan(toOptionsModelInput(state).input, inventory.sheetNames, namesInUse(inventory));
    return { plan, progressLabel: `Writing ${input.options.length} options over ${input.termYears} years` };
  },
  writeLabel: "Write the comparison",
  summarize: () => [
    "Change any yellow cell (the revenue forecast, a rate or fee) and both sides' numbers and the verdicts recalculate",
  ],
};
