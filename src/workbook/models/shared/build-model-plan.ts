/**
 * The preamble every model shares, so a model only says what is its own: validate the input (or
 * throw the model's input error), make the sheet name unique in the workbook, pick the first free
 * name suffix ("" then 2, 3…) so a second model of the kind gets Deal2_… names, build the sheet,
 * and save the input in the workbook's settings in the one saved-input format.
 */
import { freeNameSuffix } from "../../defined-names";
import { PLAN_VERSION, type NamedItemPlan, type SheetPlan, type WorkbookPlan } from "../../plan";
import { uniqueSheetName } from "../../sheet-names";
import type { FieldIssue, InputValidation, ModelInputError } from "./input-validation";

/** What a model builds once the preamble has run. */
export interface BuiltSheet {
  sheet: SheetPlan;
  /** Further sheets after the first (the scorecard's QBR sheet), their names made unique by the model. */
  moreSheets?: SheetPlan[];
  names: NamedItemPlan[];
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

export interface ModelDefinition<Draft, Input, Built extends BuiltSheet> {
  /** e.g. "deal model": the plan's description. */
  description: string;
  validate(draft: Draft): InputValidation<Input>;
  inputError(errors: FieldIssue[]): ModelInputError;
  sheetName(input: Input): string;
  /** Every defined and table name the model creates with a given suffix. */
  reservedNames(suffix: string): string[];
  /** Document-settings key and the saved-input JSON of a built input. */
  settingsKey: string;
  saveInput(input: Input): string;
  build(input: Input, context: ModelContext): Built;
}

export interface ModelPlan<Input, Built> {
  plan: WorkbookPlan;
  input: Input;
  built: Built;
  warnings: FieldIssue[];
}

export function buildModelPlan<Draft, Input, Built extends BuiltSheet>(
  model: ModelDefinition<Draft, Input, Built>,
  draft: Draft,
  existingSheetNames: string[],
  existingNames: string[],
): ModelPlan<Input, Built> {
  const checked = model.validate(draft);
  if (!checked.ok) throw model.inputError(checked.errors);
  const input = checked.input;
  const context: ModelContext = {
    sheetName: uniqueSheetName(model.sheetName(input), existingSheetNames),
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
    settings: [{ key: model.settingsKey, json: model.saveInput(input) }],
  };
  return { plan, input, built, warnings: checked.warnings };
}
