/**
 * The preamble every model shares, so a model only says what is its own: validate the input (or
 * throw the model's input error), make the sheet name unique in the workbook, pick the first free
 * name suffix ("" then 2, 3…) so a second model of the kind gets Deal2_… names, build the sheet,
 * and save the input in the workbook's settings in the one saved-input format.
 */
import { freeNameSuffix } from "../../defined-names";
import { PLAN_VERSION, type NamedItemPlan, type SheetPlan, type WorkbookPlan } from "../../plan";
import { uniqueSheetName } from "../../sheet-names";
import { modelInputErrorClass, type FieldIssue, type InputValidation, type ModelInputError } from "./input-validation";
import type { SavedInputFormat } from "./saved-input";

/** What a model builds once the preamble has run: its sheet, its names and where it put things. */
export interface BuiltSheet<Layout> {
  sheet: SheetPlan;
  /** Further sheets after the first (the scorecard's QBR sheet), their names made unique by the model. */
  moreSheets?: SheetPlan[];
  names: NamedItemPlan[];
  layout: Layout;
}

export interface ModelContext {
  /** The sheet name, unique in the workbook. */
  sheetName: string;
  /** "" or the number that makes every one of the model's names free ("2", "3"…). */
  suffix: string;
  /** Defined and table names already in the workbook. */
  existingNames: string[];
  /** Sheet names already in the workbook, for a model that adds more than one sheet. */
  existingSheetNames: string[];
}

export interface ModelDefinition<Draft, Input extends { sheetName: string }, Layout> {
  /** e.g. "deal model": the plan's description. */
  description: string;
  validate(draft: Draft): InputValidation<Input>;
  inputError: new (errors: FieldIssue[]) => ModelInputError;
  /** Every defined and table name the model creates with a given suffix. */
  reservedNames(suffix: string): string[];
  /** Where and how the input is saved in the workbook (the one saved-input format). */
  saved: SavedInputFormat<Input>;
  build(input: Input, context: ModelContext): BuiltSheet<Layout>;
}

export interface ModelPlan<Input, Layout> {
  plan: WorkbookPlan;
  layout: Layout;
  input: Input;
  warnings: FieldIssue[];
}

/** `existingSheetNames` and `existingNames` (defined and table names already in the workbook) make the sheet and names unique. */
export function buildModelPlan<Draft, Input extends { sheetName: string }, Layout>(
  model: ModelDefinition<Draft, Input, Layout>,
  draft: Draft,
  existingSheetNames: string[] = [],
  existingNames: string[] = [],
): ModelPlan<Input, Layout> {
  const checked = model.validate(draft);
  if (!checked.ok) throw new model.inputError(checked.errors);
  const input = checked.input;
  const context: ModelContext = {
    sheetName: uniqueSheetName(input.sheetName, existingSheetNames),
    suffix: freeNameSuffix(existingNames, model.reservedNames),
    existingNames,
    existingSheetNames,
  };
  const built = model.build(input, context);
  const plan: WorkbookPlan = {
    version: PLAN_VERSION,
    description: model.description,
    sheets: [built.sheet, ...(built.moreSheets ?? [])],
    names: built.names,
    settings: [{ key: model.saved.settingsKey, json: model.saved.serialize(input) }],
  };
  return { plan, layout: built.layout, input, warnings: checked.warnings };
}

/** What a model says about its input and names; the sheet it builds is `defineModel`'s third argument. */
export interface ModelParts<Draft, Input> {
  validate(draft: Draft): InputValidation<Input>;
  /** Where and how the input is saved in the workbook (the one saved-input format). */
  saved: SavedInputFormat<Input>;
  /** Every defined and table name the model creates with a given suffix. */
  reservedNames(suffix: string): string[];
  /** How input errors name the model ("the charter cannot be built: …"); the description by default. */
  errorWording?: string;
}

/** A model ready to build: its own input error class and its plan builder. */
export interface DefinedModel<Draft, Input, Layout> {
  /** Named after the model's wizard ("deal-options" → DealOptionsInputError), so callers can tell models apart. */
  InputError: ReturnType<typeof modelInputErrorClass>;
  /** `existingSheetNames` and `existingNames` (defined and table names already in the workbook) make the sheet and names unique. */
  buildPlan(draft: Draft, existingSheetNames?: string[], existingNames?: string[]): ModelPlan<Input, Layout>;
}

/**
 * The one way a model is put together: `description` (the plan's, e.g. "deal model"), what it
 * says about its input and names, and `build`, which writes its sheet once the preamble has run.
 */
export function defineModel<Draft, Input extends { sheetName: string }, Layout>(
  description: string,
  parts: ModelParts<Draft, Input>,
  build: ModelDefinition<Draft, Input, Layout>["build"],
): DefinedModel<Draft, Input, Layout> {
  const errorName = `${parts.saved.wizard.replace(/(^|-)([a-z])/g, (_, _dash, letter: string) => letter.toUpperCase())}InputError`;
  const InputError = modelInputErrorClass(parts.errorWording ?? description, errorName);
  const model: ModelDefinition<Draft, Input, Layout> = { ...parts, description, inputError: InputError, build };
  return {
    InputError,
    buildPlan: (draft, existingSheetNames = [], existingNames = []) =>
      buildModelPlan(model, draft, existingSheetNames, existingNames),
  };
}
