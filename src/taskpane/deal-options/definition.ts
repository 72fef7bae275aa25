/** The deal-options wizard, as data for the wizard runner. */
import { buildDealOptionsPlan } from "../../workbook/models/deal-options";
import { DEAL_OPTIONS_SAVED_INPUT } from "../../workbook/models/deal-options/input";
import { defineWizard, stepsOf } from "../wizard/define-wizard";
import { checkOptionsDraft, OPTIONS_STEP_IDS as STEP, optionsStepOfField } from "./check";
import { draftFromOptionsInput, initialOptionsDraft, OptionsDraftSchema, toOptionsModelInput } from "./draft";
import { OptionsReviewStep } from "./steps/OptionsReviewStep";
import { OptionsStep } from "./steps/OptionsStep";
import { PositionsStep } from "./steps/PositionsStep";
import { SharedStep } from "./steps/SharedStep";

/** The steps in order, by id. */
const TITLES: Record<keyof typeof STEP, string> = {
  shared: "Shared assumptions",
  options: "Options",
  positions: "Positions and BATNA",
  review: "Review and write",
};

/** Saved in the model's own format (what `pe-calc new deal-options --from` reads); the draft and step ride along under "ui". */
export const dealOptionsWizard = defineWizard({
  id: "deal-options",
  title: "Deal options",
  description:
    "Two to four deal structures side by side for both sides: NPV, payback, ROI, a verdict against your positions, and sensitivity.",
  saved: DEAL_OPTIONS_SAVED_INPUT,
  draft: {
    initial: initialOptionsDraft,
    schema: OptionsDraftSchema,
    fromInput: draftFromOptionsInput,
    toInput: (state) => toOptionsModelInput(state).input,
  },
  steps: stepsOf(TITLES, { shared: SharedStep, options: OptionsStep, positions: PositionsStep, review: OptionsReviewStep }),
  check: checkOptionsDraft,
  stepOfField: optionsStepOfField,
  build: buildDealOptionsPlan,
  progress: ({ input }) => `Writing ${input.options.length} options over ${input.termYears} years`,
  writeLabel: "Write the comparison",
  summarize: () => [
    "Change any yellow cell (the revenue forecast, a rate or fee) and both sides' numbers and the verdicts recalculate",
  ],
});
