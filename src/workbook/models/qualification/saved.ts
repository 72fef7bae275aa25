/**
 * The qualification matrix's saved input, in the one saved-input format (shared/saved-input.ts):
 * the answers without the partner list and ratings, which live in the sheet, plus how many
 * partners were written. Inputs saved by the first version ({ version: 1, input: {…}, draft,
 * step }) still load.
 */
import { readSavedWizardState, serializeWizardInput, type SavedInputFormat } from "../shared/saved-input";
import { QualificationInputSchema, type QualificationInput, type QualificationInputDraft } from "./input";

/** Document-settings key under which the wizard's inputs are saved. */
export const QUALIFICATION_SETTINGS_KEY = "PartnerEconomics.qualification";
export const QUALIFICATION_WIZARD_ID = "qualification";
/** 2: flat answers with the wizard state under "ui"; 1 nested them under "input". */
export const QUALIFICATION_INPUT_VERSION = 2;

/** The saved answers of an input (partners and ratings are left to the sheet), with the wizard's state if given. */
export function serializeQualificationInput(input: QualificationInputDraft, ui?: unknown): string {
  const { partners, ratings: _ratings, ...answers } = input;
  const saved = { ...answers, partnerCount: partners?.length ?? 0, ...(ui === undefined ? {} : { ui }) };
  return serializeWizardInput(saved, QUALIFICATION_WIZARD_ID, QUALIFICATION_INPUT_VERSION);
}

/** The saved inputs as a wizard input (partners empty), or null when the JSON is not ours or broken. */
export function restoreQualificationInput(json: string | null | undefined): QualificationInput | null {
  if (!json || readSavedWizardState(json, QUALIFICATION_WIZARD_ID) === null) return null;
  const saved = JSON.parse(json) as { version?: unknown; input?: unknown };
  const answers = saved.version === 1 ? saved.input : saved;
  if (answers === null || typeof answers !== "object") return null;
  const parsed = QualificationInputSchema.safeParse({ ...answers, partners: [], ratings: undefined });
  return parsed.success ? parsed.data : null;
}

export const QUALIFICATION_SAVED_INPUT: SavedInputFormat<QualificationInput> = {
  settingsKey: QUALIFICATION_SETTINGS_KEY,
  wizard: QUALIFICATION_WIZARD_ID,
  version: QUALIFICATION_INPUT_VERSION,
  schema: QualificationInputSchema,
  serialize: serializeQualificationInput,
  restore: restoreQualificationInput,
};
