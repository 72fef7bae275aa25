/**
 * Saving and restoring a wizard's state in the one saved-input format: the model's answers (what
 * `pe-calc new <model> --from` reads and what a written plan saves), with the draft as typed and
 * the step under "ui". Restoring prefers the draft; an input saved by a plan or written by hand
 * comes back through the model's own reader.
 */
import { z } from "zod";
import { readSavedWizardState, type SavedInputFormat } from "../../workbook/models/shared/saved-input";
import type { WizardDefinition } from "./types";

/** The review step's choices every wizard's draft ends with: the new sheet's name and whether it gets a chart. */
export const NEW_SHEET_DRAFT = { sheetName: z.string(), chart: z.boolean() };

/** How a wizard's state maps to its model's input and back. */
export interface DraftMapping<S, I> {
  draftSchema: z.ZodType<S>;
  modelInput(state: S): unknown;
  draftFromInput(input: I): S;
}

export function savedDraftCodec<S, I>(
  saved: SavedInputFormat<I>,
  mapping: DraftMapping<S, I>,
): Pick<WizardDefinition<S>, "save" | "restore" | "settingsKey"> {
  const format = { ...mapping, wizard: saved.wizard, version: saved.version };
  return {
    save(state, stepId) {
      const ui = { draft: state, step: stepId };
      const parsed = saved.schema.safeParse(format.modelInput(state));
      if (parsed.success) return saved.serialize(parsed.data, ui);
      // Not a model input yet (a value still a slip): the wizard's state alone, in the same format.
      return JSON.stringify({ wizard: format.wizard, version: format.version, ui }, null, 2);
    },
    settingsKey: saved.settingsKey,
    restore(json) {
      const read = readSavedWizardState(json, format.wizard);
      if (!read) return null;
      const draft = format.draftSchema.safeParse(read.ui?.draft);
      if (draft.success) return { state: draft.data, stepId: typeof read.ui?.step === "string" ? read.ui.step : undefined };
      const input = saved.restore(json);
      return input ? { state: format.draftFromInput(input) } : null;
    },
  };
}
