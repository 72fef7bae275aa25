import { createEngine } from "../engine/create-engine";
import { applyPlanToEngine, engineValueReader } from "../workbook/appliers/engine";
import { writePlanToXlsx, xlsxLimitations } from "../workbook/appliers/xlsx";
import { buildQualificationPlan, QualificationInputError } from "../workbook/models/qualification";
import { CsvInputError, partnersFromCsv } from "../workbook/models/qualification/csv";
import type { WorkbookPlan } from "../workbook/plan";
import { addinStoreFrom, STORE_OPTIONS } from "./addin-store-options";
import { CliInputError, parseOptions, readText, writeFileSafely } from "./cli-files";
import { CHARTER_MODEL_COMMAND } from "./new-charter";
import { DEAL_MODEL_COMMAND } from "./new-deal";
import { assembleWithZlib } from "./zip-patch";
import { SCORECARD_MODEL_COMMAND } from "./new-scorecard";
import { tableAsCsv } from "./table-csv";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import type { CliIo } from "./io";

/**
 * `pe-calc new <model> … -o out.xlsx`: builds a wizard's plan from files instead of the pane,
 * computes it in the engine and writes an .xlsx with cached values. One builder per model; later
 * wizards add theirs to MODELS.
 */
interface Built {
  plan: WorkbookPlan;
  summary: string;
  warnings: string[];
}

interface ModelEntry {
  /** Option flag → option name, e.g. "--partners" → "partners". */
  options: Record<string, string>;
  required: string[];
  build: (options: Record<string, string>) => Built;
  /** The model's main table, which `--csv` prints (then -o is optional). */
  csvTable?: (built: Built) => { sheet: string; name: string };
}

const MODELS: Record<string, ModelEntry> = {
  qualification: {
    options: { "--partners": "partners", "--sheet": "sheet" },
    required: ["partners"],
    build: (options) => {
      const file = options.partners;
      let fromCsv;
      try {
        fromCsv = partnersFromCsv(readText(file));
      } catch (error) {
        if (error instanceof CsvInputError) throw new CliInputError(`${file}: ${error.message}`);
        throw error;
      }
      try {
        const { plan, layout, warnings } = buildQualificationPlan({
          ...fromCsv,
          ...(options.sheet ? { sheetName: options.sheet } : {}),
        });
        const count = layout.partnerCount;
        return {
          plan,
          summary: `sheet "${layout.sheet}", ${count} partner${count === 1 ? "" : "s"} in table ${layout.tableName} (${plan.sheets[0].tables![0].range})`,
          warnings: warnings.map((w) => w.message),
        };
      } catch (error) {
        if (error instanceof QualificationInputError) {
          const [first, ...rest] = error.errors;
          throw new CliInputError(
            `${file}: ${first.message}${rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? "s" : ""})` : ""}`,
          );
        }
        throw error;
      }
    },
  },
  deal: DEAL_MODEL_COMMAND,
  charter: CHARTER_MODEL_COMMAND,
  scorecard: SCORECARD_MODEL_COMMAND,
};

export async function runNew(args: string[], io: CliIo): Promise<number> {
  const [model, ...rest] = args;
  const entry = model === undefined ? undefined : MODELS[model];
  if (!entry) {
    const known = Object.keys(MODELS).join(", ");
    io.err(
      `pe-calc new: ${model === undefined ? "say which model to build" : `unknown model "${model}"`}: use ${known} (pe-calc new --help)\n`,
    );
    return EXIT_USAGE;
  }
  const csv = entry.csvTable !== undefined && rest.includes("--csv");
  const parsed = parseOptions(
    rest.filter((arg) => !csv || arg !== "--csv"),
    { ...entry.options, ...STORE_OPTIONS, "-o": "output", "--output": "output" },
  );
  const usage =
    "usageError" in parsed
      ? parsed.usageError
      : parsed.positional.length > 0
        ? `unexpected argument ${parsed.positional[0]}`
        : undefined;
  const missing =
    "options" in parsed ? [...entry.required, ...(csv ? [] : ["output"])].find((name) => !(name in parsed.options)) : undefined;
  if (usage || missing || !("options" in parsed)) {
    const flag = missing === "output" ? "-o out.xlsx" : `--${missing}`;
    io.err(`pe-calc new ${model}: ${usage ?? `${flag} is required`} (pe-calc new --help)\n`);
    return EXIT_USAGE;
  }
  try {
    const store = addinStoreFrom(parsed.options);
    const built = entry.build(parsed.options);
    const hf = createEngine();
    const applied = applyPlanToEngine(hf, built.plan);
    if (csv && entry.csvTable) {
      const { sheet, name } = entry.csvTable(built);
      const planned = built.plan.sheets.find((s) => s.name === sheet)!;
      io.out(tableAsCsv(hf, applied.sheetNames[sheet], planned, name));
    }
    if (parsed.options.output !== undefined) {
      const buffer = await writePlanToXlsx(built.plan, engineValueReader(hf, applied), { store, assemble: assembleWithZlib });
      writeFileSafely(parsed.options.output, buffer);
      // With --csv, standard output is the table alone: the summary goes to standard error.
      const line = `wrote ${parsed.options.output}: ${built.summary}\n`;
      if (csv) io.err(line);
      else io.out(line);
    }
    for (const warning of built.warnings) io.err(`pe-calc new ${model}: warning: ${warning}\n`);
    for (const note of xlsxLimitations(built.plan)) io.err(`pe-calc new ${model}: note: ${note}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliInputError) {
      io.err(`pe-calc new ${model}: ${error.message}\n`);
      return EXIT_INPUT_ERROR;
    }
    throw error;
  }
}
