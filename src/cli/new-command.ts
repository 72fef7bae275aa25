import { createEngine } from "../engine/create-engine";
import { applyPlanToEngine, engineValueReader } from "../workbook/appliers/engine";
import { PlanError } from "../workbook/validate-plan";
import { checkOutputFile, CliInputError, FORCE_FLAGS, parseOptions, writeFileSafely } from "./cli-files";
import { CliProblemList, FlagValueError } from "./cli-problems";
import { step } from "./guard";
import { quoteInput } from "./messages";
import type { NewModelBuilt } from "./new-deal";
import { addinStoreFrom, STORE_OPTIONS } from "./addin-store-options";
import { assembleWithZlib } from "./zip-patch";
import { tableAsCsv } from "./table-csv";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import type { CliIo } from "./io";

/**
 * `pe-calc new <model> … -o out.xlsx [--force]`: builds a wizard's plan from files instead of the
 * pane, computes it in the engine and writes an .xlsx with cached values. One builder per model.
 * The output is never one of the input files, and an existing output is replaced only with --force.
 */
type Built = NewModelBuilt;

interface ModelEntry {
  /** Option flag → option name, e.g. "--partners" → "partners". */
  options: Record<string, string>;
  required: string[];
  /** Options without a value, e.g. "--csv" (print the model's table; -o becomes optional). */
  flags?: string[];
  /** Options naming files the model reads (the output may be none of them). */
  inputs?: string[];
  build: (options: Record<string, string>) => Built;
  /** The model's main table, which `--csv` prints (then -o is optional). */
  csvTable?: (built: Built) => { sheet: string; name: string };
}

/**
 * Each model is loaded only when it runs (its schemas and builders cost start-up time), and so is
 * the .xlsx writer (ExcelJS), which `--csv` without `-o` does not need.
 */
const MODELS: Record<string, () => Promise<ModelEntry>> = {
  qualification: async () => (await import("./new-qualification")).QUALIFICATION_MODEL_COMMAND,
  deal: async () => ({ ...(await import("./new-deal")).DEAL_MODEL_COMMAND, inputs: ["from"] }),
  charter: async () => ({ ...(await import("./new-charter")).CHARTER_MODEL_COMMAND, inputs: ["from"] }),
  scorecard: async () => ({
    ...(await import("./new-scorecard")).SCORECARD_MODEL_COMMAND,
    inputs: ["actuals", "contracts", "plan"],
  }),
  "deal-options": async () => ({ ...(await import("./new-deal-options")).DEAL_OPTIONS_MODEL_COMMAND, inputs: ["from"] }),
  payouts: async () => ({ ...(await import("./new-payouts")).PAYOUTS_MODEL_COMMAND, inputs: ["ledger", "plan"] }),
};

export async function runNew(args: string[], io: CliIo): Promise<number> {
  const [model, ...rest] = args;
  const entry = model !== undefined && Object.hasOwn(MODELS, model) ? await MODELS[model]() : undefined;
  if (!entry) {
    const known = Object.keys(MODELS).join(", ");
    io.err(
      `pe-calc new: ${model === undefined ? "say which model to build" : `unknown model "${quoteInput(model)}"`}: use ${known} (pe-calc new --help)\n`,
    );
    return EXIT_USAGE;
  }
  // --csv is a flag of the models that print a table: by a table of their plan (csvTable) or their own csv.
  const flags = new Set(rest.filter((arg) => entry.flags?.includes(arg) || (arg === "--csv" && entry.csvTable)));
  const parsed = parseOptions(
    rest.filter((arg) => !flags.has(arg)),
    { ...entry.options, ...STORE_OPTIONS, "-o": "output", "--output": "output" },
    FORCE_FLAGS,
  );
  const wantsCsv = flags.has("--csv");
  const usage =
    "usageError" in parsed
      ? parsed.usageError
      : parsed.positional.length > 0
        ? `unexpected argument ${quoteInput(parsed.positional[0])}`
        : undefined;
  const needed = wantsCsv ? entry.required : [...entry.required, "output"];
  const missing = "options" in parsed ? needed.find((name) => !(name in parsed.options)) : undefined;
  if (usage || missing || !("options" in parsed)) {
    const flag = missing === "output" ? "-o out.xlsx" : `--${missing}`;
    io.err(`pe-calc new ${model}: ${usage ?? `${flag} is required`} (pe-calc new --help)\n`);
    return EXIT_USAGE;
  }
  const { options } = parsed;
  try {
    if (options.output !== undefined) {
      step(`checking ${options.output}`);
      checkOutputFile({
        output: options.output,
        inputs: (entry.inputs ?? []).map((name) => options[name]).filter((path) => path !== undefined),
        force: options.force === "true",
      });
    }
    const store = addinStoreFrom(options);
    step(`reading the ${model} input`);
    const built = entry.build(options);
    step(`computing the ${model} model`);
    const hf = createEngine();
    const applied = applyPlanToEngine(hf, built.plan);
    const read = engineValueReader(hf, applied);
    if (wantsCsv && entry.csvTable) {
      const { sheet, name } = entry.csvTable(built);
      const planned = built.plan.sheets.find((s) => s.name === sheet)!;
      io.out(tableAsCsv(hf, applied.sheetNames[sheet], planned, name));
    } else if (wantsCsv && built.csv) io.out(built.csv(read));
    if (options.output !== undefined) {
      const { writePlanToXlsx } = await import("../workbook/appliers/xlsx");
      const buffer = await writePlanToXlsx(built.plan, read, { store, assemble: assembleWithZlib });
      step(`writing ${options.output}`);
      writeFileSafely(options.output, buffer);
      // With --csv, standard output is the table alone: the summary goes to standard error.
      const line = `wrote ${options.output}: ${built.summary}\n`;
      if (wantsCsv) io.err(line);
      else io.out(line);
    }
    for (const warning of built.warnings) io.err(`pe-calc new ${model}: warning: ${warning}\n`);
    for (const note of built.notes ?? []) io.err(`pe-calc new ${model}: note: ${note}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof FlagValueError) {
      io.err(`pe-calc new ${model}: ${error.message} (pe-calc new --help)\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CliProblemList) {
      io.err(error.lines.map((line) => `pe-calc new ${model}: ${line}\n`).join(""));
      return EXIT_INPUT_ERROR;
    }
    if (error instanceof CliInputError) {
      io.err(`pe-calc new ${model}: ${error.message}\n`);
      return EXIT_INPUT_ERROR;
    }
    if (error instanceof PlanError) {
      io.err(`pe-calc new ${model}: ${quoteInput(error.message, 300)}\n`);
      return EXIT_INPUT_ERROR;
    }
    throw error;
  }
}
