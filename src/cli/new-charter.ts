import { buildCharterPlan } from "../workbook/models/charter";
import { CHARTER_WIZARD_ID, type CharterInputDraft } from "../workbook/models/charter/input";
import { buildModelFromFile, type NewModelBuilt } from "./new-deal";

/**
 * `pe-calc new charter --from answers.json -o charter.xlsx`: the charter wizard's saved-input JSON
 * (see serializeCharterInput) → the printable charter's plan. new-command.ts computes it and
 * writes the file.
 */
export function buildCharterFromFile(options: Record<string, string>): NewModelBuilt {
  return buildModelFromFile(
    options,
    CHARTER_WIZARD_ID,
    (draft) => buildCharterPlan(draft as CharterInputDraft),
    ({ layout }) => `sheet "${layout.sheet}", ${layout.sections.length} sections, print area ${layout.printArea}`,
  );
}

export const CHARTER_MODEL_COMMAND = {
  options: { "--from": "from", "--sheet": "sheet" },
  required: ["from"],
  build: buildCharterFromFile,
};
