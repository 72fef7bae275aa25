import { createEngine } from "../engine/create-engine";
import { applyPlanToEngine, engineValueReader } from "../workbook/appliers/engine";
import { writePlanToXlsx, xlsxLimitations } from "../workbook/appliers/xlsx";
import { buildQualificationPlan, QualificationInputError } from "../workbook/models/qualification";
import { CsvInputError, partnersFromCsv } from "../workbook/models/qualification/csv";
import { addinStoreFrom, STORE_OPTIONS } from "./addin-store-options";
import { CliInputError, parseOptions, readText, writeFileSafely } from "./cli-files";
import { CHARTER_MODEL_COMMAND } from "./new-charter";
import { DEAL_MODEL_COMMAND, type NewModelBuilt } from "./new-deal";
import { assembleWithZlib } from "./zip-patch";
import { SCORECARD_MODEL_COMMAND } from "./new-scorecard";
import { tableAsCsv } from "./table-csv";
import { DEAL_OPTIONS_MODEL_COMMAND } from "./new-deal-options";
import { PAYOUTS_MODEL_COMMAND } from "./new-payouts";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import type { CliIo } from "./io";

/**
 * `pe-calc new <model> … -o out.xlsx`: builds a wizard's plan from files instead of the pane,
 * computes it in the engine and writes an .xlsx with cached values. One builder per model; later
 * wizards add theirs to MODELS.
 */
type Built = NewModelBuilt;

interface ModelEntry {
  /** Option flag → option name, e.g. "--partners" → "partners". */
  options: Record<string, string>;
  required: string[];
  /** Options without a value, e.g. "--csv" (print the model's table; -o becomes optional). */
  flags?: string[];
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
  "deal-options": DEAL_OPTIONS_MODEL_COMMAND,
  payouts: PAYOUTS_MODEL_COMMAND,
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
  // --csv is a flag of the models that print a table: by a table of their plan (csvTable) or their own csv.
  const flags = new Set(rest.filter((arg) => entry.flags?.includes(arg) || (arg === "--csv" && entry.csvTable)));
  const parsed = parseOptions(
    rest.filter((arg) => !flags.has(arg)),
    { ...entry.options, ...STORE_OPTIONS, "-o": "output", "--output": "output" },
  );
  const wantsCsv = flags.has("--csv");
  const usage =
    "usageError" in parsed
      ? parsed.usageError
      : parsed.positional.length > 0
        ? `unexpected argument ${parsed.positional[0]}`
        : undefined;
  const needed = wantsCsv ? entry.required : [...entry.required, "output"];
  const missing = "options" in parsed ? needed.find((name) => !(name in parsed.options)) : undefined;
  if (usage || missing || !("options" in parsed)) {
    const flag = missing === "output" ? "-o out.xlsx" : `--${missing}`;
    io.err(`pe-calc new ${model}: ${usage ?? `${flag} is required`} (pe-calc new --help)\n`);
    return EXIT_USAGE;
  }
  try {
    const store = addinStoreFrom(parsed.options);
    const built = entry.build(parsed.options);
    // Excel's own sheet size: HyperFormula's default of 40,000 rows is too few for a 100,000-row ledger.
    const hf = createEngine({ maxRows: 1_048_576, maxColumns: 16_384 });
    const applied = applyPlanToEngine(hf, built.plan);
    const read = engineValueReader(hf, applied);
    if (wantsCsv && entry.csvTable) {
      const { sheet, name } = entry.csvTable(built);
      const planned = built.plan.sheets.find((s) => s.name === sheet)!;
      io.out(tableAsCsv(hf, applied.sheetNames[sheet], planned, name));
    } else if (wantsCsv && built.csv) io.out(built.csv(read));
    if (parsed.options.output !== undefined) {
      const buffer = await writePlanToXlsx(built.plan, read, { store, assemble: assembleWithZlib });
      writeFileSafely(parsed.options.output, buffer);
      // With --csv, standard output is the table alone: the summary goes to standard error.
      const line = `wrote ${parsed.options.output}: ${built.summary}\n`;
      if (wantsCsv) io.err(line);
      else io.out(line);
    }
    for (const warning of built.warnings) io.err(`pe-calc new ${model}: warning: ${warning}\n`);
    if (parsed.options.output !== undefined)
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
