/**
 * Saving and restoring a wizard's state in the one saved-input format: the model's answers (what
 * `pe-calc new <model> --from` reads and what a written plan saves), with the draft as typed and
 * the step under "ui". Restoring prefers the draft; an input saved by a plan or written by hand
 * comes back through the model's own reader.
 */
import type { z } from "zod";
import { readSavedWizardState } from "../../workbook/models/shared/saved-input";
import type { WizardDefinition } from "./types";

export interface SavedDraftFormat<S, I> {
  wizard: string;
  version: number;
  draftSchema: z.ZodType<S>;
  /** The model's input of a state, and the model's schema for it. */
  modelInput(state: S): unknown;
  inputSchema: z.ZodType<I>;
  /** The model's saved text of an input, with the wizard's state riding along as "ui". */
  serializeInput(input: I, ui: { draft: S; step: string }): string;
  /** The model's reader of a saved input (null when it is not one). */
  restoreInput(json: string): I | null;
  draftFromInput(input: I): S;
}

export function savedDraftCodec<S, I>(format: SavedDraftFormat<S, I>): Pick<WizardDefinition<S>, "save" | "restore"> {
  return {
    save(state, stepId) {
      const ui = { draft: state, step: stepId };
      const parsed = format.inputSchema.safeParse(format.modelInput(state));
      if (parsed.success) return format.serializeInput(parsed.data, ui);
      // Not a model input yet (a value still a slip): the wizard's state alone, in the same format.
      return JSON.stringify({ wizard: format.wizard, version: format.version, ui }, null, 2);
    },
    restore(saved) {
      const read = readSavedWizardState(saved, format.wizard);
      if (!read) return null;
      const draft = format.draftSchema.safeParse(read.ui?.draft);
      if (draft.success) return { state: draft.data, stepId: typeof read.ui?.step === "string" ? read.ui.step : undefined };
      const input = format.restoreInput(saved);
      return input ? { state: format.draftFromInput(input) } : null;
    },
  };
}
