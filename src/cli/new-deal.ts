import { buildDealPlan } from "../workbook/models/deal";
import { type FieldIssue, ModelInputError } from "../workbook/models/shared/input-validation";
import { DEAL_WIZARD_ID, type DealInputDraft } from "../workbook/models/deal/input";
import type { CellRef } from "../workbook/a1";
import type { WorkbookPlan } from "../workbook/plan";
import { CliInputError, readText } from "./cli-files";
import { findJsonTooDeep } from "./json-position";
import { describeJsonError, lineAndColumn, quoteInput } from "./messages";
import { CliProblemList, MAX_LISTED_PROBLEMS } from "./cli-problems";

/**
 * `pe-calc new deal --from deal.json -o deal.xlsx`: the deal wizard's saved-input JSON (see
 * serializeDealInput) → the deal model's plan. new-command.ts computes it and writes the file.
 * Also the reading and building shared with `new charter`, which reads its wizard's format the same way.
 */
export interface NewModelBuilt {
  plan: WorkbookPlan;
  summary: string;
  warnings: string[];
  /** For `--csv`: the model's result as CSV text, read from the computed workbook. */
  csv?: (valueAt: (sheet: string, cell: CellRef) => unknown) => string;
  /** Notes for standard error, e.g. input columns left out. */
  notes?: string[];
}

/** Deepest nesting a wizard's JSON may have (theirs is under 10). */
const MAX_JSON_DEPTH = 64;

const OTHER_WIZARDS: Record<string, string> = {
  deal: "deal",
  charter: "charter",
  qualification: "qualification",
  "deal-options": "deal-options",
};

/** The file's JSON, with a one-line reason when it is not JSON or holds another wizard's answers. */
export function readWizardJson(file: string, wizard: string): unknown {
  const source = readText(file).replace(/^\uFEFF/, "");
  if (source.trim() === "") throw new CliInputError(`${file}: the file is empty: see the README for the ${wizard} input format`);
  const tooDeep = findJsonTooDeep(source, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    const { line, column } = lineAndColumn(source, tooDeep);
    throw new CliInputError(
      `${file}: line ${line}, column ${column}: the JSON nests more than ${MAX_JSON_DEPTH} levels deep; a ${wizard} file needs a few`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new CliInputError(`${file}: not valid JSON: ${describeJsonError(source, error)}`);
  }
  const other = (json as { wizard?: unknown } | null)?.wizard;
  if (typeof other === "string" && other !== wizard && other in OTHER_WIZARDS) {
    throw new CliInputError(
      `${file} holds the ${other} wizard's answers ("wizard": "${other}"), not a ${wizard}'s: use pe-calc new ${other}`,
    );
  }
  return json;
}

/** The first problem on one line, with how many more there are (for callers that report one line). */
export function inputProblemLine(file: string, errors: FieldIssue[]): string {
  const [first, ...rest] = errors;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? "s" : ""})` : "";
  return `${file}: ${quoteInput(first.path)}: ${first.message}${more}`;
}

/** "deal.json: revenueShare.rates.1: Year 2 rate is 150%: …", one line a problem (up to 20, then a count). */
export function inputProblemLines(file: string, errors: FieldIssue[]): string[] {
  const listed = errors.slice(0, MAX_LISTED_PROBLEMS).map((e) => `${file}: ${quoteInput(e.path)}: ${e.message}`);
  const more = errors.length - MAX_LISTED_PROBLEMS;
  return more > 0 ? [...listed, `${file}: … and ${more} more problem${more === 1 ? "" : "s"}`] : listed;
}

/**
 * A model built from a wizard's saved-input file: `--from` read as that wizard's JSON, `--sheet` (when
 * given) as the sheet name, and a rule the input breaks reported as one line naming the file and field.
 */
export function buildModelFromFile<Built extends { plan: WorkbookPlan; warnings: FieldIssue[] }>(
  options: Record<string, string>,
  wizard: string,
  build: (draft: unknown) => Built,
  summarize: (built: Built) => string,
): NewModelBuilt {
  const file = options.from;
  const json = readWizardJson(file, wizard);
  const draft = options.sheet && json && typeof json === "object" ? { ...json, sheetName: options.sheet } : json;
  try {
    const built = build(draft);
    return { plan: built.plan, summary: summarize(built), warnings: built.warnings.map((w) => `${w.path}: ${w.message}`) };
  } catch (error) {
    if (error instanceof ModelInputError) {
      if (error.errors.length === 1) throw new CliInputError(inputProblemLines(file, error.errors)[0]);
      throw new CliProblemList(file, inputProblemLines(file, error.errors));
    }
    throw error;
  }
}

export function buildDealFromFile(options: Record<string, string>): NewModelBuilt {
  return buildModelFromFile(
    options,
    DEAL_WIZARD_ID,
    (draft) => buildDealPlan(draft as DealInputDraft),
    ({ plan, layout, input }) => {
      const basis =
        input.revenueShare.basis === "byYear"
          ? "revenue share by contract year"
          : `revenue share by revenue tier (${input.revenueShare.method})`;
      return `sheet "${layout.sheet}", a ${layout.termYears}-year schedule with ${basis}, ${plan.names.length} named assumptions`;
    },
  );
}

export const DEAL_MODEL_COMMAND = {
  options: { "--from": "from", "--sheet": "sheet" },
  required: ["from"],
  build: buildDealFromFile,
};
