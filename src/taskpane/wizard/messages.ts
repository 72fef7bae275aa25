/** Turns a wizard's check into what one step shows: Field props per path, quiet errors held back. */
import type { FieldMessage, StepMessages, WizardCheck } from "./types";

export interface StepView {
  messages: StepMessages;
  /** Errors that keep the user on this step (quiet ones included). */
  blocking: FieldMessage[];
}

function isUnder(field: string, prefix: string): boolean {
  return field === prefix || field.startsWith(prefix.endsWith(".") ? prefix : `${prefix}.`);
}

export function stepView(
  check: WizardCheck,
  stepId: string,
  stepOfField: (field: string) => string,
  attempted: boolean,
): StepView {
  const own = (list: FieldMessage[]) => list.filter((m) => stepOfField(m.field) === stepId);
  const blocking = own(check.errors);
  const errors = blocking.filter((m) => attempted || !m.quiet);
  const warnings = own(check.warnings);
  return {
    blocking,
    messages: {
      field(path) {
        const error = errors.find((m) => m.field === path);
        if (error) return { validationState: "error", validationMessage: error.message };
        const warning = warnings.find((m) => m.field === path);
        if (warning) return { validationState: "warning", validationMessage: warning.message };
        return {};
      },
      under(prefix) {
        return {
          errors: errors.filter((m) => isUnder(m.field, prefix)),
          warnings: warnings.filter((m) => isUnder(m.field, prefix)),
        };
      },
    },
  };
}

/** The first step (in order) holding an error, or undefined when the whole wizard is fine. */
export function firstStepWithError(
  check: WizardCheck,
  stepIds: string[],
  stepOfField: (field: string) => string,
): string | undefined {
  const failing = new Set(check.errors.map((m) => stepOfField(m.field)));
  return stepIds.find((id) => failing.has(id));
}
