/**
 * A wizard as one declaration: what it is called, its model's saved-input format and draft mapping,
 * its steps, its check, and how its model builds a plan. Everything the runner needs that is the
 * same for every wizard (saving in the one saved-input format, the workbook's sheet and names to
 * avoid, the progress line) is done here once.
 */
import { namesInUse } from "../../workbook/appliers/common";
import type { SavedInputFormat } from "../../workbook/models/shared/saved-input";
import type { WorkbookPlan } from "../../workbook/plan";
import type { ComponentType } from "react";
import type { z } from "zod";
import { savedDraftCodec } from "./saved-draft";
import type { StepProps, WizardCheck, WizardDefinition, WizardStep } from "./types";

export interface WizardDeclaration<S, I, D, B extends { plan: WorkbookPlan }> {
  id: string;
  title: string;
  description: string;
  /** The model's saved-input format (the settings key, the wizard name and the schema). */
  saved: SavedInputFormat<I>;
  /** The first state, and how the state maps to the model's input and back. */
  draft: {
    initial(): S;
    schema: z.ZodType<S>;
    fromInput(input: I): S;
    /** The model's input (not yet validated) from the state. */
    toInput(state: S): D;
    /** What of the state is kept in the settings (default: all of it). */
    kept?(state: S): S;
    /** The model input saved with the state (default: the model's input of the kept state). */
    savedInput?(state: S): unknown;
  };
  steps: WizardStep<S>[];
  check(state: S): WizardCheck;
  stepOfField(field: string): string;
  /** The model's plan builder: (input, sheet names and defined names already in the workbook). */
  build(input: D, sheetNames: string[], namesInUse: string[]): B;
  /** The line the runner shows while the host writes, e.g. "Writing 1,000 partners and their formulas". */
  progress(built: B, state: S): string;
  writeLabel: string;
  summarize?: WizardDefinition<S>["summarize"];
}

/** A wizard's steps from its titles (in order) and its components, both by step id. */
export function stepsOf<S, K extends string>(
  titles: Record<K, string>,
  components: Record<K, ComponentType<StepProps<S>>>,
): WizardStep<S>[] {
  return (Object.keys(titles) as K[]).map((id) => ({ id, title: titles[id], Component: components[id] }));
}

export function defineWizard<S, I, D, B extends { plan: WorkbookPlan }>(
  declaration: WizardDeclaration<S, I, D, B>,
): WizardDefinition<S> {
  const { draft } = declaration;
  const kept = draft.kept ?? ((state: S) => state);
  const codec = savedDraftCodec(declaration.saved, {
    draftSchema: draft.schema,
    draftFromInput: draft.fromInput,
    modelInput: draft.savedInput ?? draft.toInput,
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
      const built = declaration.build(draft.toInput(state), inventory.sheetNames, namesInUse(inventory));
      return { plan: built.plan, progressLabel: declaration.progress(built, state) };
    },
    writeLabel: declaration.writeLabel,
    summarize: declaration.summarize,
  };
}

/** "1,000 partners", "1 partner": a count for the pane's sentences. */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}
