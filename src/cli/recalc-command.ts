import { readFileSync } from "node:fs";
import { createEngine } from "../engine/create-engine";
import { loadXlsxIntoEngine, sheetAsCsv } from "../workbook/xlsx-engine";
import { readXlsx, type XlsxWorkbook } from "../workbook/xlsx-reader/read-xlsx";
import { CliInputError, fileProblem, parseOptions, writeFileSafely } from "./cli-files";
import { patchCachedValues } from "./recalc-write";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import type { CliIo } from "./io";

/**
 * `pe-calc recalc book.xlsx [-o out.xlsx] [--csv SHEET]`: loads the workbook's values, formulas
 * and defined names into the engine, recalculates every formula (PE functions included), and
 * either writes the results back as cached values (to out.xlsx, or into book.xlsx itself when
 * neither -o nor --csv is given) or prints one sheet's computed values as CSV, or both. Only the
 * cached values change (recalc-write.ts), so rewriting any workbook in place is safe.
 */
export async function runRecalc(args: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(args, { "-o": "output", "--output": "output", "--csv": "csv" });
  const usage =
    "usageError" in parsed
      ? parsed.usageError
      : parsed.positional.length === 0
        ? "say which workbook to recalculate: pe-calc recalc book.xlsx"
        : parsed.positional.length > 1
          ? `one workbook at a time (got ${parsed.positional.join(", ")})`
          : undefined;
  if (usage || !("options" in parsed)) {
    io.err(`pe-calc recalc: ${usage} (pe-calc recalc --help)\n`);
    return EXIT_USAGE;
  }
  const input = parsed.positional[0];
  const { output, csv } = parsed.options;
  try {
    const data = readInput(input);
    const model = await readModel(input, data);
    const sheetForCsv = csv === undefined ? undefined : findSheet(model, csv, input);
    const hf = createEngine();
    const loaded = loadXlsxIntoEngine(hf, model);
    if (sheetForCsv) io.out(sheetAsCsv(hf, sheetForCsv));
    if (output !== undefined || csv === undefined) {
      const target = output ?? input;
      const { bytes, formulas: count } = patchWithReason(input, data, hf);
      writeFileSafely(target, bytes);
      const report = sheetForCsv ? io.err : io.out;
      report(
        `recalculated ${count} formula${count === 1 ? "" : "s"} in ${input}${target === input ? "" : `, wrote ${target}`}\n`,
      );
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

function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CliInputError(`cannot read ${path}: ${fileProblem(error)}`);
  }
}

function patchWithReason(path: string, data: Buffer, hf: ReturnType<typeof createEngine>) {
  try {
    return patchCachedValues(data, hf);
  } catch (error) {
    if (error instanceof CliInputError) throw new CliInputError(`${path} cannot be written back: ${error.message}`);
    throw error;
  }
}

async function readModel(path: string, data: Buffer): Promise<XlsxWorkbook> {
  try {
    return await readXlsx(data);
  } catch (error) {
    throw new CliInputError(`${path} is not an .xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
  }
}

function findSheet(model: XlsxWorkbook, name: string, file: string): string {
  const sheet = model.sheets.find((ws) => ws.name.toUpperCase() === name.toUpperCase());
  if (!sheet)
    throw new CliInputError(`no sheet "${name}" in ${file}: its sheets are ${model.sheets.map((ws) => ws.name).join(", ")}`);
  return sheet.name;
}
