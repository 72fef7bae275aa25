/**
 * The wizard framework's contract. A wizard is data: its steps (components over one state
 * object), a check that reports messages per field, and a plan builder. The runner (Wizard.tsx)
 * does the rest the same way for every wizard: Back/Next, inline messages, saving and restoring
 * the inputs in the workbook's settings, the overwrite question, progress, failure and summary.
 */
import type { ComponentType } from "react";
import type { ApplySummary, WorkbookInventory } from "../../workbook/appliers/common";
import type { WorkbookPlan } from "../../workbook/plan";
import type { WorkbookHost } from "../hosts/workbook-host";

/** A message about one field. `field` is a dotted path, e.g. "criteria.1.weight". */
export interface FieldMessage {
  field: string;
  message: string;
  /**
   * Shown only after the user tried to leave the step (e.g. "add at least one partner" on a
   * step the user has not filled in yet). Other errors show as soon as they arise.
   */
  quiet?: boolean;
}

export interface WizardCheck {
  errors: FieldMessage[];
  warnings: FieldMessage[];
}

/** Props for Fluent's Field: `<Field label="…" {...messages.field("scale")}>`. */
export interface FieldValidationProps {
  validationState?: "error" | "warning" | "none";
  validationMessage?: string;
}

export interface StepMessages {
  /** The field's error (or else warning) as Field props; nothing when the field is fine. */
  field(path: string): FieldValidationProps;
  /** Every shown message whose path starts with `prefix` (e.g. "partners." for per-row messages). */
  under(prefix: string): { errors: FieldMessage[]; warnings: FieldMessage[] };
}

export interface StepProps<S> {
  state: S;
  /** Replaces the state with `change(previous)`; the runner re-checks and saves it. */
  update: (change: (previous: S) => S) => void;
  messages: StepMessages;
  host: WorkbookHost;
}

export interface WizardStep<S> {
  id: string;
  /** Shown as the step's heading and in the step list, e.g. "Criteria and weights". */
  title: string;
  Component: ComponentType<StepProps<S>>;
}

/** What the runner needs to write: the plan, and a line for the progress indicator. */
export interface BuiltPlan {
  plan: WorkbookPlan;
  /** e.g. "Writing 1,000 partners"; the runner shows it while the host writes. */
  progressLabel?: string;
}

export interface WizardDefinition<S> {
  id: string;
  /** e.g. "Qualification matrix". */
  title: string;
  /** One sentence under the title. */
  description: string;
  /** Document-settings key the inputs are saved under. */
  settingsKey: string;
  initialState(): S;
  /** The saved text back as a state, or null when it is missing, not ours or broken. */
  restore(saved: string): { state: S; stepId?: string } | null;
  save(state: S, stepId: string): string;
  /** Steps in order; the last one is the review, whose primary button writes. */
  steps: WizardStep<S>[];
  /** Every error and warning of the state. */
  check(state: S): WizardCheck;
  /** The id of the step that owns a field path (so Write can send the user back to it). */
  stepOfField(field: string): string;
  /** Only called when `check` reports no error. */
  buildPlan(state: S, inventory: WorkbookInventory): BuiltPlan;
  /** The primary button on the review step, e.g. "Write the matrix". */
  writeLabel: string;
  /** Extra lines for the summary (e.g. "12 partners, 3 still missing ratings"); the summary waits for a promise. */
  summarize?(summary: ApplySummary, state: S): string[] | Promise<string[]>;
}
