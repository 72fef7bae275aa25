import { SheetSizeLimitExceededError, type HyperFormula } from "hyperformula";
import { createEngine } from "../engine/create-engine";
import { sheetAsCsv } from "../workbook/sheet-csv";
import { PackageLimitError, unzipWithLimits } from "../workbook/xlsx-package/open-package";
import { checkModelLimits, WorkbookLimitError } from "../workbook/xlsx-package/workbook-limits";
import { readXlsxPackage, type XlsxWorkbook } from "../workbook/xlsx-reader/read-xlsx";
import { packageOfParts } from "../workbook/xlsx-reader/unzip";
import { loadXlsxIntoEngine } from "../workbook/xlsx-engine";
import { checkOutputFile, CliInputError, FORCE_FLAGS, parseOptions, readBytes, writeFileSafely } from "./cli-files";
import { step } from "./guard";
import { quoteInput } from "./messages";
import { patchCachedValues } from "./recalc-write";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import type { CliIo } from "./io";

/**
 * `pe-calc recalc book.xlsx [-o out.xlsx] [--csv SHEET [--raw]] [--force]`: loads the workbook's
 * values, formulas and defined names into the engine, recalculates every formula (PE functions
 * included), and either writes the results back as cached values (to out.xlsx, or into book.xlsx
 * itself when neither -o nor --csv is given) or prints one sheet's computed values as CSV, or both.
 * Only the cached values change (recalc-write.ts), so rewriting any workbook in place is safe.
 *
 * `-o` naming the input itself, in any spelling (`./book.xlsx`, an absolute path, a symlink), is
 * the in-place rewrite. Another existing file is replaced only with --force.
 */
export async function runRecalc(args: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(args, { "-o": "output", "--output": "output", "--csv": "csv" }, { ...FORCE_FLAGS, "--raw": "raw" });
  const usage =
    "usageError" in parsed
      ? parsed.usageError
      : parsed.positional.length === 0
        ? "say which workbook to recalculate: pe-calc recalc book.xlsx"
        : parsed.positional.length > 1
          ? `one workbook at a time (got ${quoteInput(parsed.positional.join(", "))})`
          : parsed.options.raw && parsed.options.csv === undefined
            ? "--raw goes with --csv SHEET"
            : undefined;
  if (usage || !("options" in parsed)) {
    io.err(`pe-calc recalc: ${usage} (pe-calc recalc --help)\n`);
    return EXIT_USAGE;
  }
  const input = parsed.positional[0];
  const { output, csv } = parsed.options;
  const force = parsed.options.force === "true";
  try {
    const writes = output !== undefined || csv === undefined;
    const target = output ?? input;
    step(`checking ${target}`);
    const inPlace = writes && checkOutputFile({ output: target, inputs: [input], force, inPlace: true }).sameAsInput;
    step(`reading ${input}`);
    const data = readBytes(input);
    const parts = inflateParts(input, data);
    const model = await readModel(input, parts);
    dropLargeParts(parts);
    const sheetForCsv = csv === undefined ? undefined : findSheet(model, csv, input);
    step(`recalculating ${input}`);
    const hf = createEngine();
    const loaded = loadIntoEngine(hf, model, input);
    if (sheetForCsv) io.out(sheetAsCsv(hf, sheetForCsv, { raw: parsed.options.raw === "true" }));
    if (writes) {
      step(`writing ${target}`);
      const { bytes, formulas: count } = patchWithReason(input, data, hf, parts);
      writeFileSafely(target, bytes);
      const report = sheetForCsv ? io.err : io.out;
      report(`recalculated ${count} formula${count === 1 ? "" : "s"} in ${input}${inPlace ? "" : `, wrote ${target}`}\n`);
    }
    if (loaded.skippedNames.length > 0) {
      io.err(`pe-calc recalc: note: names the engine cannot hold were left out: ${loaded.skippedNames.join(", ")}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliInputError) {
      io.err(`pe-calc recalc: ${error.message}\n`);
      return EXIT_INPUT_ERROR;
    }
    throw error;
  }
}

function loadIntoEngine(hf: HyperFormula, model: XlsxWorkbook, path: string): ReturnType<typeof loadXlsxIntoEngine> {
  try {
    return loadXlsxIntoEngine(hf, model);
  } catch (error) {
    if (error instanceof SheetSizeLimitExceededError) {
      const { maxRows, maxColumns } = hf.getConfig();
      throw new CliInputError(
        `${path}: a sheet has cells past what the engine holds (${maxRows.toLocaleString("en-US")} rows × ${maxColumns.toLocaleString("en-US")} columns)`,
      );
    }
    throw error;
  }
}

/**
 * Every part inflated once, within the limits (open-package.ts: the zip directory is checked before
 * anything is inflated, and inflation is capped): the reader and the writer both use these bytes.
 */
function inflateParts(path: string, data: Buffer): Map<string, Buffer> {
  try {
    return unzipWithLimits(data);
  } catch (error) {
    if (error instanceof PackageLimitError)
      throw new CliInputError(
        error.kind === "damaged" ? `${path} is not an .xlsx workbook (${error.message})` : `${path}: ${error.message}`,
      );
    throw error;
  }
}

/**
 * Parts above 4 MB (the big sheets) are not held through the engine build, which is when memory
 * peaks: the patch inflates them again (zlib, a fraction of a second at 100,000 rows).
 */
function dropLargeParts(parts: Map<string, Buffer>): void {
  for (const [name, bytes] of parts) if (bytes.length > 4 * 1024 * 1024) parts.delete(name);
}

/** The original package with the engine's results as its cached values (recalc-write.ts). */
function patchWithReason(path: string, data: Buffer, hf: HyperFormula, parts: ReadonlyMap<string, Buffer>) {
  try {
    return patchCachedValues(data, hf, parts);
  } catch (error) {
    if (error instanceof CliInputError) throw new CliInputError(`${path} cannot be written back: ${error.message}`);
    throw error;
  }
}

/** The reader's model of the workbook, its cells and formulas within the limits (workbook-limits.ts). */
async function readModel(path: string, parts: ReadonlyMap<string, Buffer>): Promise<XlsxWorkbook> {
  let model: XlsxWorkbook;
  try {
    model = await readXlsxPackage(packageOfParts(parts));
  } catch (error) {
    throw new CliInputError(
      `${path} is not an .xlsx workbook (${quoteInput(error instanceof Error ? error.message : String(error))})`,
    );
  }
  try {
    checkModelLimits(model);
  } catch (error) {
    if (error instanceof WorkbookLimitError) throw new CliInputError(`${path}: ${error.message}`);
    throw error;
  }
  return model;
}

function findSheet(model: XlsxWorkbook, name: string, file: string): string {
  const sheet = model.sheets.find((ws) => ws.name.toUpperCase() === name.toUpperCase());
  if (!sheet)
    throw new CliInputError(
      `no sheet "${quoteInput(name)}" in ${file}: its sheets are ${model.sheets.map((ws) => ws.name).join(", ")}`,
    );
  return sheet.name;
}
