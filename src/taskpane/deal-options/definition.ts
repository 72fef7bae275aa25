/** The deal-options wizard, as data for the wizard runner. */
import { buildDealOptionsPlan } from "../../workbook/models/deal-options";
import { DEAL_OPTIONS_SAVED_INPUT } from "../../workbook/models/deal-options/input";
import { defineWizard } from "../wizard/define-wizard";
import { checkOptionsDraft, OPTIONS_STEP_IDS as STEP, optionsStepOfField } from "./check";
import { draftFromOptionsInput, initialOptionsDraft, OptionsDraftSchema, toOptionsModelInput } from "./draft";
import { OptionsReviewStep } from "./steps/OptionsReviewStep";
import { OptionsStep } from "./steps/OptionsStep";
import { PositionsStep } from "./steps/PositionsStep";
import { SharedStep } from "./steps/SharedStep";

/** Saved in the model's own format (what `pe-calc new deal-options --from` reads); the draft and step ride along under "ui". */
export const dealOptionsWizard = defineWizard({
  id: "deal-options",
  title: "Deal options",
  description:
    "Two to four deal structures side by side for both sides: NPV, payback, ROI, a verdict against your positions, and sensitivity.",
  saved: DEAL_OPTIONS_SAVED_INPUT,
  draft: { initial: initialOptionsDraft, draftSchema: OptionsDraftSchema, draftFromInput: draftFromOptionsInput },
  steps: [
    { id: STEP.shared, title: "Shared assumptions", Component: SharedStep },
    { id: STEP.options, title: "Options", Component: OptionsStep },
    { id: STEP.positions, title: "Positions and BATNA", Component: PositionsStep },
    { id: STEP.review, title: "Review and write", Component: OptionsReviewStep },
  ],
  check: checkOptionsDraft,
  stepOfField: optionsStepOfField,
  model: {
    input: (state) => toOptionsModelInput(state).input,
    build: buildDealOptionsPlan,
    progress: ({ input }) => `Writing ${input.options.length} options over ${input.termYears} years`,
  },
  writeLabel: "Write the comparison",
  summarize: () => [
    "Change any yellow cell (the revenue forecast, a rate or fee) and both sides' numbers and the verdicts recalculate",
  ],
});
