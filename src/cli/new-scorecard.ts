import { buildScorecardPlan } from "../workbook/models/scorecard";
import {
  combineData,
  guessActualsMapping,
  guessContractsMapping,
  readActuals,
  readContracts,
} from "../workbook/models/scorecard/data-mapping";
import { DataTextError, readDelimited } from "../workbook/models/scorecard/delimited-text";
import { SCORECARD_WIZARD_ID, type ScorecardInputDraft } from "../workbook/models/scorecard/input";
import { withoutCounts } from "../workbook/models/scorecard/saved";
import { ModelInputError } from "../workbook/models/shared/input-validation";
import { CliInputError, readText } from "./cli-files";
import { inputProblemLine, readWizardJson, type NewModelBuilt } from "./new-deal";

/**
 * `pe-calc new scorecard --actuals actuals.csv [--contracts contracts.csv] --plan plan.json -o
 * scorecard.xlsx [--csv]`: the scorecard wizard's saved answers (plan.json) with the data from
 * the two CSV files → the portfolio and QBR sheets. Columns are guessed from the headers as the
 * wizard guesses them; a problem in a file names the file, line and column.
 */

function fromText<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DataTextError) throw new CliInputError(`${file}: ${error.message}`);
    throw error;
  }
}

function kpiNames(answers: unknown): string[] {
  const kpis = (answers as { kpis?: unknown } | null)?.kpis;
  return Array.isArray(kpis) ? kpis.map((k) => String((k as { name?: unknown })?.name ?? "").trim()) : [];
}

export function buildScorecardFromFiles(options: Record<string, string>): NewModelBuilt {
  const answers = readWizardJson(options.plan, SCORECARD_WIZARD_ID);
  if (answers === null || typeof answers !== "object" || Array.isArray(answers))
    throw new CliInputError(`${options.plan}: expected the scorecard wizard's answers as a JSON object { … }`);
  const actuals = fromText(options.actuals, () => {
    const table = readDelimited(readText(options.actuals));
    return readActuals(table, guessActualsMapping(table.header));
  });
  const contracts = options.contracts
    ? fromText(options.contracts, () => {
        const table = readDelimited(readText(options.contracts));
        return readContracts(table, guessContractsMapping(table.header, kpiNames(answers)));
      })
    : new Map();
  const data = combineData(actuals, contracts);
  const draft = {
    ...withoutCounts(answers as Record<string, unknown>),
    ...(options.sheet ? { sheetName: options.sheet } : {}),
    periods: data.periods,
    partners: data.partners,
  } as ScorecardInputDraft;
  try {
    const { plan, layout, warnings } = buildScorecardPlan(draft);
    const count = layout.partnerCount;
    const missing =
      options.contracts && data.withoutContract.length > 0
        ? [
            `${options.contracts}: no contract row for ${data.withoutContract.slice(0, 3).join(", ")}${data.withoutContract.length > 3 ? ` and ${data.withoutContract.length - 3} more` : ""}: their term columns stay blank`,
          ]
        : [];
    return {
      plan,
      summary: `sheets "${layout.sheet}" (${count} partner${count === 1 ? "" : "s"} × ${data.periods.length} quarters in table ${layout.tableName}) and "${layout.qbrSheet}"`,
      warnings: [...missing, ...warnings.map((w) => `${w.path}: ${w.message}`)],
      csv: (book) => book.table(layout.sheet, layout.tableName),
    };
  } catch (error) {
    if (error instanceof ModelInputError) {
      const dataProblem = /^(partners|periods)\b/.test(error.errors[0].path);
      throw new CliInputError(inputProblemLine(dataProblem ? options.actuals : options.plan, error.errors));
    }
    throw error;
  }
}

export const SCORECARD_MODEL_COMMAND = {
  options: { "--actuals": "actuals", "--contracts": "contracts", "--plan": "plan", "--sheet": "sheet" },
  required: ["actuals", "plan"],
  flags: ["--csv"],
  build: buildScorecardFromFiles,
};
