import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { createEngine } from "../engine/create-engine";
import { loadXlsxIntoEngine, sheetAsCsv, writeCachedValues } from "../workbook/xlsx-engine";
import { readXlsx, type XlsxWorkbook } from "../workbook/xlsx-reader/read-xlsx";
import { CliInputError, fileProblem, parseOptions, writeFileSafely } from "./cli-files";
import { partsLostOnRewrite } from "./xlsx-lost-parts";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import type { CliIo } from "./io";

/**
 * `pe-calc recalc book.xlsx [-o out.xlsx] [--csv SHEET]`: loads the workbook's values, formulas
 * and defined names into the engine, recalculates every formula (PE functions included), and
 * either writes the results back as cached values (to out.xlsx, or into book.xlsx itself when
 * neither -o nor --csv is given) or prints one sheet's computed values as CSV, or both. A workbook
 * with parts ExcelJS cannot write back (charts, pivot tables, macros...) is never rewritten in place.
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
      const lost = await partsLostOnRewrite(data);
      if (lost.length > 0 && target === input) {
        throw new CliInputError(
          `${input} has ${lost.join(", ")}, which recalc cannot carry over: write the results to a new file with -o out.xlsx`,
        );
      }
      if (lost.length > 0) io.err(`pe-calc recalc: note: ${target} does not keep the ${lost.join(", ")} of ${input}\n`);
      const workbook = await readWorkbook(input, data);
      const count = writeCachedValues(workbook, hf);
      writeFileSafely(target, Buffer.from(await workbook.xlsx.writeBuffer()));
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

async function readWorkbook(path: string, data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliInputError(
      `${path} is not an .xlsx workbook (${/central directory|zip/i.test(reason) ? "it is not a zip archive" : reason})`,
    );
  }
  return workbook;
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
