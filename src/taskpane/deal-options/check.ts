/** The deal-options wizard's messages: the model's validator plus what only the draft can know. */
import { validateDealOptionsInput } from "../../workbook/models/deal-options/input";
import { capitalise, withoutFractionAdvice } from "../wizard/typed-numbers";
import type { FieldMessage, WizardCheck } from "../wizard/types";
import { toOptionsModelInput, type OptionsDraft } from "./draft";

export const OPTIONS_STEP_IDS = { shared: "shared", options: "options", positions: "positions", review: "review" } as const;

export function optionsStepOfField(field: string): string {
  const head = field.split(".")[0];
  if (head === "options") return OPTIONS_STEP_IDS.options;
  if (head === "positions" || head === "sensitivityOption") return OPTIONS_STEP_IDS.positions;
  if (head === "sheetName" || head === "chart") return OPTIONS_STEP_IDS.review;
  return OPTIONS_STEP_IDS.shared;
}

export function checkOptionsDraft(draft: OptionsDraft): WizardCheck {
  const model = toOptionsModelInput(draft);
  const own: FieldMessage[] = model.problems.map((p) => ({ field: p.field, message: p.message, quiet: p.quiet }));
  const validation = validateDealOptionsInput(model.input);
  const taken = new Set(own.map((m) => m.field));
  // A rate in a list ("options.0.revenueShare.rates.1") is shown on the list's one field.
  const onField = (path: string) => path.replace(/^(options\.\d+\.revenueShare\.rates)\.\d+$/, "$1");
  const fromModel = validation.ok ? [] : validation.errors.map((m) => ({ field: onField(m.path), message: m.message }));
  const errors = [...own, ...fromModel.filter((m) => !taken.has(m.field))].map((m) => ({
    ...m,
    message: capitalise(withoutFractionAdvice(m.message)),
  }));
  const flagged = new Set(errors.map((m) => m.field));
  const warnings = validation.warnings
    .map((m) => ({ field: onField(m.path), message: capitalise(m.message) }))
    .filter((m) => !flagged.has(m.field));
  return { errors, warnings };
}
