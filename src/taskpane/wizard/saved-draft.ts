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
  draftSchema: z.ZodType<S>;
  /** The saved text of the model's answers with `ui` riding along (model-shaped even when a value is still a slip). */
  serialize(state: S, ui: { draft: S; step: string }): string;
  /** The model's reader of a saved input (null when it is not one). */
  restoreInput(json: string): I | null;
  draftFromInput(input: I): S;
}

export function savedDraftCodec<S, I>(format: SavedDraftFormat<S, I>): Pick<WizardDefinition<S>, "save" | "restore"> {
  return {
    save: (state, stepId) => format.serialize(state, { draft: state, step: stepId }),
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
