/** The deal-options wizard's messages: the model's validator plus what only the draft can know. */
import { validateDealOptionsInput } from "../../workbook/models/deal-options/input";
import { checkWithModel } from "../wizard/check-draft";
import type { WizardCheck } from "../wizard/types";
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
  // A rate in a list ("options.0.revenueShare.rates.1") is shown on the list's one field.
  const field = (path: string, message: string) => ({
    field: path.replace(/^(options\.\d+\.revenueShare\.rates)\.\d+$/, "$1"),
    message,
  });
  return checkWithModel(model.problems, validateDealOptionsInput(model.input), { field });
}
