import { readFileSync } from "node:fs";
import { createEngine } from "../engine/create-engine";
import { checkWorkbook, type CellCheck, type CheckValue, type WorkbookCheck } from "../xlsx-reader/check-workbook";
import { loadXlsxIntoEngine } from "../xlsx-reader/engine-load";
import { readXlsx } from "../xlsx-reader/read-xlsx";
import { fileProblem } from "./cli-files";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import type { CliIo } from "./io";

/**
 * `pe-calc check book.xlsx [more.xlsx …] [--json]`: recalculates each workbook in the engine and
 * compares every formula cell with the value Excel cached in the file (check-workbook.ts says how).
 * Exit status 0 when every counted cell of every file agrees, 1 otherwise (or when a file cannot
 * be read), 2 for a usage error.
 */
export interface FileCheck extends Partial<WorkbookCheck> {
  file: string;
  /** Why the file could not be checked at all. */
  failed?: string;
}

export async function checkFile(file: string): Promise<FileCheck> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    return { file, failed: `cannot read ${file}: ${fileProblem(error)}` };
  }
  try {
    const model = await readXlsx(data);
    const hf = createEngine();
    try {
      loadXlsxIntoEngine(hf, model);
      return { file, ...checkWorkbook(model, hf) };
    } finally {
      hf.destroy();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { file, failed: `${file} cannot be checked: ${reason}` };
  }
}

function show(value: CheckValue): string {
  if (value === null) return "(empty)";
  if (typeof value === "object") return value.error;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function disagreementLine(check: CellCheck): string {
  return `  ${check.cell}  ${check.formula}  Excel: ${show(check.excel)}  ours: ${show(check.ours)}  (${check.reason})\n`;
}

export function fileSummary(result: FileCheck): string {
  if (result.failed) return `${result.file}: ${result.failed}\n`;
  const apart: string[] = [];
  if (result.volatile!.length > 0) apart.push(`${result.volatile!.length} volatile not counted`);
  if (result.notCompared!.length > 0) apart.push(`${result.notCompared!.length} without a value to compare not counted`);
  return (
    `${result.file}: ${result.agreeing} of ${result.counted} formula cells agree${apart.length ? ` (${apart.join("; ")})` : ""}\n` +
    result.disagreements!.map(disagreementLine).join("")
  );
}

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const json = args.includes("--json");
  const rest = args.filter((arg) => arg !== "--json");
  const unknown = rest.find((arg) => arg.startsWith("-") && arg !== "-");
  if (unknown || rest.length === 0) {
    io.err(
      `pe-calc check: ${unknown ? `unknown option ${unknown}` : "say which workbook to check: pe-calc check book.xlsx"} (pe-calc check --help)\n`,
    );
    return EXIT_USAGE;
  }
  const results: FileCheck[] = [];
  for (const file of rest) {
    const result = await checkFile(file);
    results.push(result);
    if (!json) io.out(fileSummary(result));
  }
  if (json) io.out(`${JSON.stringify(results, null, 2)}\n`);
  const allAgree = results.every((r) => !r.failed && r.agreeing === r.counted);
  return allAgree ? EXIT_OK : EXIT_INPUT_ERROR;
}
