/**
 * One saved-input format for every wizard: a JSON object led by which wizard wrote it and in which
 * version, then the model's answers (what `pe-calc new <model> --from` reads), then the wizard's
 * own state under "ui" (the draft as typed and the step), which the model ignores. The same text
 * is kept in the workbook's settings by a written plan and by the pane while the user types.
 */
import { z } from "zod";

/**
 * The fields a saved input carries besides the answers: which wizard wrote it and in which version
 * (optional, but when present they must match), and the wizard's own state, which the model ignores.
 */
export function savedInputFields<W extends string, V extends number>(wizard: W, version: V) {
  return {
    wizard: z.literal(wizard).optional(),
    version: z.literal(version).optional(),
    ui: z.unknown().optional(),
  };
}

/**
 * A wizard's input as saved in the workbook and read by `pe-calc new … --from`: one JSON format,
 * led by which wizard wrote it and in which version, with the wizard's own "ui" state last.
 */
export function serializeWizardInput(input: { ui?: unknown }, wizard: string, version: number): string {
  const { wizard: _wizard, version: _version, ui, ...rest } = input as { wizard?: unknown; version?: unknown; ui?: unknown };
  return JSON.stringify({ wizard, version, ...rest, ...(ui === undefined ? {} : { ui }) }, null, 2);
}

/**
 * The saved text of a model whose data lives in its sheet (partners, a ledger): the answers
 * without the data, then how many rows of each kind were written (`counts`), then the wizard's state.
 */
export function serializeAnswers(
  answers: object,
  counts: Record<string, number>,
  ui: unknown,
  wizard: string,
  version: number,
): string {
  return serializeWizardInput({ ...answers, ...counts, ...(ui === undefined ? {} : { ui }) }, wizard, version);
}

/**
 * Saved inputs back as an input, or null when the JSON is not `wizard`'s or does not have the
 * schema's shape. Values are not checked: a draft saved with a slip comes back for the wizard to flag.
 */
export function restoreWizardInput<S extends z.ZodType>(
  json: string | null | undefined,
  wizard: string,
  schema: S,
): z.output<S> | null {
  if (!json) return null;
  try {
    const saved = JSON.parse(json) as { wizard?: unknown };
    if (saved?.wizard !== wizard) return null;
    const parsed = schema.safeParse(saved);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The wizard's own part of a saved input: the draft as typed and the step the user was on. */
export interface SavedWizardState {
  draft?: unknown;
  step?: unknown;
}

/**
 * The wizard state saved with `wizard`'s input: `{ ui }` (empty when the input was written by a
 * plan or by hand), or null when the JSON is not `wizard`'s or not JSON. The qualification
 * wizard's first format kept `draft` and `step` at the top level; they are read the same way.
 */
export function readSavedWizardState(json: string | null | undefined, wizard: string): { ui?: SavedWizardState } | null {
  if (!json) return null;
  let saved: { wizard?: unknown; ui?: unknown; draft?: unknown; step?: unknown };
  try {
    saved = JSON.parse(json);
  } catch {
    return null;
  }
  if (saved?.wizard !== wizard) return null;
  if (saved.ui !== null && typeof saved.ui === "object") return { ui: saved.ui as SavedWizardState };
  if (saved.draft !== undefined) return { ui: { draft: saved.draft, step: saved.step } };
  return {};
}

/** A model's saved input: where it is kept, which wizard and version write it, how to read and write it. */
export interface SavedInputFormat<I> {
  settingsKey: string;
  wizard: string;
  version: number;
  schema: z.ZodType<I>;
  serialize(input: I, ui?: unknown): string;
  restore(json: string | null | undefined): I | null;
}

/**
 * A wizard's saved input, named once: its document-settings key, wizard id and version, the fields
 * its schema spreads in, and its saved-input format once the schema exists (`savedInputFormat`,
 * for a model whose answers are its whole input).
 */
export function savedInput<W extends string, V extends number>(settingsKey: string, wizard: W, version: V) {
  return {
    settingsKey,
    wizard,
    version,
    fields: savedInputFields(wizard, version),
    format: <I extends object>(schema: z.ZodType<I>) => savedInputFormat(settingsKey, wizard, version, schema),
  };
}

/** The saved-input format of a model whose answers are its whole input (deal, charter, deal options). */
export function savedInputFormat<I extends object>(
  settingsKey: string,
  wizard: string,
  version: number,
  schema: z.ZodType<I>,
): SavedInputFormat<I> {
  return {
    settingsKey,
    wizard,
    version,
    schema,
    serialize: (input, ui) => serializeWizardInput(ui === undefined ? input : { ...input, ui }, wizard, version),
    restore: (json) => restoreWizardInput(json, wizard, schema),
  };
}
