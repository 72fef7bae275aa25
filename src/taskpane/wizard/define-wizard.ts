/**
 * A wizard as one declaration: what it is called, its model's saved-input format and draft mapping,
 * its steps, its check, and how its model builds a plan. Everything the runner needs that is the
 * same for every wizard (saving in the one saved-input format, the workbook's sheet and names to
 * avoid, the progress line) is done here once.
 */
import { namesInUse } from "../../workbook/appliers/common";
import type { SavedInputFormat } from "../../workbook/models/shared/saved-input";
import type { WorkbookPlan } from "../../workbook/plan";
import { savedDraftCodec, type DraftMapping } from "./saved-draft";
import type { WizardCheck, WizardDefinition, WizardStep } from "./types";

/** How a wizard's state becomes its model's plan. */
export interface WizardModel<S, D, B extends { plan: WorkbookPlan }> {
  /** The model's input (not yet validated) from the state. */
  input(state: S): D;
  /** The model's plan builder: (input, sheet names and defined names already in the workbook). */
  build(input: D, sheetNames: string[], namesInUse: string[]): B;
  /** The line the runner shows while the host writes, e.g. "Writing 1,000 partners and their formulas". */
  progress(built: B, state: S): string;
}

export interface WizardDeclaration<S, I, D, B extends { plan: WorkbookPlan }> {
  id: string;
  title: string;
  description: string;
  /** The model's saved-input format (the settings key, the wizard name and the schema). */
  saved: SavedInputFormat<I>;
  /** The first state, and how the state maps to the saved model input and back. */
  draft: Omit<DraftMapping<S, I>, "modelInput"> & {
    initial(): S;
    /** What of the state is kept in the settings (default: all of it). */
    kept?(state: S): S;
    /** The model input saved with the state (default: the model's input of the kept state). */
    savedInput?(state: S): unknown;
  };
  steps: WizardStep<S>[];
  check(state: S): WizardCheck;
  stepOfField(field: string): string;
  model: WizardModel<S, D, B>;
  writeLabel: string;
  summarize?: WizardDefinition<S>["summarize"];
}

export function defineWizard<S, I, D, B extends { plan: WorkbookPlan }>(
  declaration: WizardDeclaration<S, I, D, B>,
): WizardDefinition<S> {
  const { draft, model } = declaration;
  const kept = draft.kept ?? ((state: S) => state);
  const codec = savedDraftCodec(declaration.saved, {
    draftSchema: draft.draftSchema,
    draftFromInput: draft.draftFromInput,
    modelInput: draft.savedInput ?? ((state) => model.input(state)),
  });
  return {
    id: declaration.id,
    title: declaration.title,
    description: declaration.description,
    settingsKey: codec.settingsKey,
    initialState: draft.initial,
    restore: codec.restore,
    save: (state, stepId) => codec.save(kept(state), stepId),
    steps: declaration.steps,
    check: declaration.check,
    stepOfField: declaration.stepOfField,
    buildPlan(state, inventory) {
      const built = model.build(model.input(state), inventory.sheetNames, namesInUse(inventory));
      return { plan: built.plan, progressLabel: model.progress(built, state) };
    },
    writeLabel: declaration.writeLabel,
    summarize: declaration.summarize,
  };
}

/** "1,000 partners", "1 partner": a count for the pane's sentences. */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}
