/** The wizard framework: define a WizardDefinition, render <Wizard definition host />. */
export { Wizard, type WizardProps } from "./Wizard";
export { TextField, NumberField, TextAreaField } from "./fields";
export { stepView, firstStepWithError } from "./messages";
export { useSavedInputs, SAVE_DELAY_MS } from "./useSavedInputs";
export { useWrite, type WritePhase, type WriteControl } from "./useWrite";
export type {
  BuiltPlan,
  FieldMessage,
  FieldValidationProps,
  StepMessages,
  StepProps,
  WizardCheck,
  WizardDefinition,
  WizardStep,
} from "./types";
