/**
 * The scorecard's saved input, in the one saved-input format (shared/saved-input.ts): the
 * answers (as-of date, rules, bands, KPIs, sheet names) without the data, which lives in the
 * portfolio table, plus how many partners and quarters were written. This is the file
 * `pe-calc new scorecard --plan` reads; the CLI takes the data from --actuals and --contracts.
 */
import { z } from "zod";
import { restoreWizardInput, serializeAnswers, type SavedInputFormat } from "../shared/saved-input";
import { SCORECARD_INPUT_VERSION, SCORECARD_WIZARD_ID, ScorecardInputSchema, type ScorecardInput } from "./input";

export const SCORECARD_SETTINGS_KEY = "PartnerEconomics.scorecard";

/** The answers without the data (periods and partners), with the wizard's state if given. */
export function serializeScorecardInput(input: Partial<ScorecardInput>, ui?: unknown): string {
  const { periods, partners, ui: _ui, ...answers } = input;
  const counts = { partnerCount: partners?.length ?? 0, quarterCount: periods?.length ?? 0 };
  return serializeAnswers(answers, counts, ui, SCORECARD_WIZARD_ID, SCORECARD_INPUT_VERSION);
}

/** The saved answers as an input without data, or null when the JSON is not a scorecard's or broken. */
export function restoreScorecardInput(json: string | null | undefined): ScorecardInput | null {
  return restoreWizardInput(json, SCORECARD_WIZARD_ID, AnswersSchema);
}

/** The saved answers: the input's shape, the counts of what was written allowed beside it. */
export const AnswersSchema = ScorecardInputSchema.extend({
  partnerCount: z.number().optional(),
  quarterCount: z.number().optional(),
}).transform(({ partnerCount: _p, quarterCount: _q, ...input }) => input);

/** Saved answers plus data: what the CLI builds from --plan, --actuals and --contracts. */
export function withoutCounts(answers: Record<string, unknown>): Record<string, unknown> {
  const { partnerCount: _p, quarterCount: _q, ...rest } = answers;
  return rest;
}

export const SCORECARD_SAVED_INPUT: SavedInputFormat<ScorecardInput> = {
  settingsKey: SCORECARD_SETTINGS_KEY,
  wizard: SCORECARD_WIZARD_ID,
  version: SCORECARD_INPUT_VERSION,
  schema: ScorecardInputSchema,
  serialize: serializeScorecardInput,
  restore: restoreScorecardInput,
};
