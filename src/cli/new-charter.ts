import { buildCharterPlan, CharterInputError } from "../workbook/models/charter";
import { CHARTER_WIZARD_ID } from "../workbook/models/charter-input";
import { CliInputError } from "./cli-files";
import { inputProblemLine, readWizardJson, type NewModelBuilt } from "./new-deal";

/**
 * `pe-calc new charter --from answers.json -o charter.xlsx`: the charter wizard's saved-input JSON
 * (see serializeCharterInput) → the printable charter's plan. new-command.ts computes it and
 * writes the file.
 */
export function buildCharterFromFile(options: Record<string, string>): NewModelBuilt {
  const file = options.from;
  const json = readWizardJson(file, CHARTER_WIZARD_ID);
  const draft = options.sheet && json && typeof json === "object" ? { ...json, sheetName: options.sheet } : json;
  try {
    const { plan, layout, warnings } = buildCharterPlan(draft as Parameters<typeof buildCharterPlan>[0]);
    return {
      plan,
      summary: `sheet "${layout.sheet}", ${layout.sections.length} sections, print area ${layout.printArea}`,
      warnings: warnings.map((w) => `${w.path}: ${w.message}`),
    };
  } catch (error) {
    if (error instanceof CharterInputError) throw new CliInputError(inputProblemLine(file, error.errors));
    throw error;
  }
}

export const CHARTER_MODEL_COMMAND = {
  options: { "--from": "from", "--sheet": "sheet" },
  required: ["from"],
  build: buildCharterFromFile,
};
