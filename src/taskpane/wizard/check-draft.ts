/**
 * A wizard's check, the same way for every wizard: the problems only the draft can see (text that
 * is not a number…) first, then the model's own validator on the input the draft makes, each
 * message said once, on the field the user can change, in the pane's words.
 */
import { capitalise, withoutFractionAdvice } from "./typed-numbers";
import type { FieldMessage, WizardCheck } from "./types";

/** A model validator's answer (every model's `validateXInput` has this shape). */
export interface ModelValidation {
  ok: boolean;
  errors?: { path: string; message: string }[];
  warnings: { path: string; message: string }[];
}

export interface CheckOptions {
  /** The field a model message is shown on (default: its own path), e.g. a list's one field for its items. */
  field?(path: string, message: string): FieldMessage;
  /** Model errors the user only needs to hear once they try to go on ("add at least one partner"). */
  quiet?: ReadonlySet<string>;
  /** Model errors not to show (they repeat a problem the draft already reports). */
  skipError?(path: string): boolean;
  /** Model warnings not to show. */
  skipWarning?(path: string): boolean;
  /** Warnings only the draft can see (e.g. a rate typed as 0.3). */
  warnings?: FieldMessage[];
}

const polished = (m: FieldMessage): FieldMessage => ({ ...m, message: capitalise(withoutFractionAdvice(m.message)) });

export function checkWithModel(own: FieldMessage[], validation: ModelValidation, options: CheckOptions = {}): WizardCheck {
  const onField = options.field ?? ((path: string, message: string) => ({ field: path, message }));
  const taken = new Set(own.map((m) => m.field));
  const modelErrors = (validation.ok ? [] : (validation.errors ?? []))
    .filter((e) => !options.skipError?.(e.path))
    .map((e) => ({ ...onField(e.path, e.message), ...(options.quiet ? { quiet: options.quiet.has(e.path) } : {}) }))
    .filter((m) => !taken.has(m.field));
  const errors = [...own, ...modelErrors].map(polished);
  const flagged = new Set(errors.map((m) => m.field));
  const warnings = [
    ...validation.warnings.filter((w) => !options.skipWarning?.(w.path)).map((w) => onField(w.path, w.message)),
    ...(options.warnings ?? []),
  ]
    .filter((m) => !flagged.has(m.field))
    .map(polished);
  return { errors, warnings };
}
