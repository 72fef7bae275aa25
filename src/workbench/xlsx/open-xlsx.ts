/**
 * "Open .xlsx": a file from the user's disk into a fresh workbench workbook. The cells, formulas
 * and defined names go into the engine through the project's one .xlsx reader
 * (loadXlsxIntoEngine); what the grid shows and enforces besides — number formats, merged
 * areas, column widths, data validation — is read from the same parsed file into a plan for the
 * sheet, as a wizard's plan dresses the sheets it writes, so the download keeps them too. The
 * wizards' saved inputs (document settings) come back for the pane.
 */
import ExcelJS from "exceljs";
import type { HyperFormula } from "hyperformula";
import { columnLetters, parseRange } from "../../workbook/a1";
import { readXlsxSettings, XLSX_SETTINGS_SHEET } from "../../workbook/appliers/xlsx";
import { PLAN_VERSION, type SheetPlan, type ValidationPlan, type ValidationRule, type WorkbookPlan } from "../../workbook/plan";
import { loadXlsxIntoEngine } from "../../xlsx-reader/engine-load";
import { readXlsx } from "../../xlsx-reader/read-xlsx";
import { formatKey, type TypedFormats } from "../grid/workbook-store";
import { namedRange } from "../named-ranges";
import { checkModelLimits, WorkbookLimitError } from "../../workbook/xlsx-package/workbook-limits";
import { checkZipDirectory, PackageLimitError, readZipDirectory } from "../../workbook/xlsx-package/zip-directory";

export interface OpenedWorkbook {
  plans: WorkbookPlan[];
  cellFormats: TypedFormats;
  settings: Map<string, string>;
  /** Things of the file the workbench leaves out, in the user's words. */
  notes: string[];
}

type ExcelValidation = ExcelJS.DataValidation & { error?: string; errorTitle?: string };

function bound(value: unknown): number | { formula: string } | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : { formula: `=${value}` };
  }
  return undefined;
}

function ruleOf(v: ExcelValidation): ValidationRule | undefined {
  const formulae = (v.formulae ?? []) as unknown[];
  if (v.type === "list") {
    const source = String(formulae[0] ?? "");
    // Only a literal list ("a,b,c" in quotes) can be checked here; a list from cells is left to Excel.
    const literal = /^"(.*)"$/.exec(source);
    return literal ? { kind: "list", items: literal[1].split(",").map((item) => item.trim()) } : undefined;
  }
  if ((v.type !== "whole" && v.type !== "decimal") || (v.operator && v.operator !== "between")) return undefined;
  const min = bound(formulae[0]);
  const max = bound(formulae[1]);
  if (min === undefined || max === undefined) return undefined;
  return { kind: v.type === "whole" ? "wholeNumber" : "decimal", min, max };
}

function validationsOf(ws: ExcelJS.Worksheet): ValidationPlan[] {
  const model = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelValidation> } }).dataValidations?.model ?? {};
  const out: ValidationPlan[] = [];
  for (const [address, v] of Object.entries(model)) {
    const rule = ruleOf(v);
    const range = address.replace(/^range:/, "");
    if (!rule || v.showErrorMessage === false || (v.errorStyle && v.errorStyle !== "stop")) continue;
    try {
      parseRange(range);
    } catch {
      continue;
    }
    out.push({
      range,
      rule,
      error: v.error || "This value doesn't match the data validation restrictions defined for this cell.",
    });
  }
  return out;
}

function dressOf(ws: ExcelJS.Worksheet, formats: Map<string, string>): SheetPlan {
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const code = cell.numFmt;
      if (code && code !== "General") formats.set(formatKey({ row: rowNumber - 1, col: colNumber - 1 }), code);
    }),
  );
  const columnWidths = (ws.columns ?? []).flatMap((column, index) =>
    column?.width ? [{ column: columnLetters(index), width: column.width }] : [],
  );
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).filter((range) => {
    try {
      parseRange(range);
      return true;
    } catch {
      return false;
    }
  });
  return { name: ws.name, target: "new", blocks: [], validations: validationsOf(ws), merges, columnWidths };
}

export async function openXlsx(hf: HyperFormula, bytes: ArrayBuffer): Promise<OpenedWorkbook> {
  const unreadable = "this file is not an Excel workbook (.xlsx) that can be read: save it from Excel as .xlsx and open it again";
  // The same limits as pe-calc, from the zip directory before anything is inflated (a zip bomb
  // would otherwise freeze the page), and on the cells and formulas once loaded.
  try {
    checkZipDirectory(readZipDirectory(new Uint8Array(bytes)));
  } catch (error) {
    if (error instanceof PackageLimitError)
      throw new Error(error.kind === "damaged" ? unreadable : `this workbook is too large to open here: ${error.message}`, {
        cause: error,
      });
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    throw new Error(unreadable);
  }
  // Document settings: the add-in's web-extension part, or an older file's very hidden sheet.
  const settings = await readXlsxSettings(new Uint8Array(bytes));
  // An older file's store of the wizards' inputs is not a sheet a user works in: its contents go to the pane instead.
  const settingsSheet = workbook.getWorksheet(XLSX_SETTINGS_SHEET);
  if (settingsSheet) workbook.removeWorksheet(settingsSheet.id);
  if (workbook.worksheets.length === 0) throw new Error("this workbook has no sheets to open");
  const model = await readXlsx(bytes);
  model.sheets = model.sheets.filter((sheet) => sheet.name !== XLSX_SETTINGS_SHEET);
  try {
    checkModelLimits(model);
  } catch (error) {
    if (error instanceof WorkbookLimitError)
      throw new Error(`this workbook cannot be opened here: ${error.message}`, { cause: error });
    throw error;
  }
  const loaded = loadXlsxIntoEngine(hf, model);
  const cellFormats = new Map<string, Map<string, string>>();
  const sheets = workbook.worksheets.map((ws) => {
    const formats = new Map<string, string>();
    cellFormats.set(ws.name, formats);
    return dressOf(ws, formats);
  });
  const notes =
    loaded.skippedNames.length > 0
      ? [`Names the workbench cannot compute were left out: ${loaded.skippedNames.join(", ")}.`]
      : [];
  const names = loaded.names.flatMap((name) => {
    const target = namedRange(hf.getNamedExpressionFormula(name));
    return target ? [{ name, sheet: target.sheet, range: target.address }] : [];
  });
  const plan: WorkbookPlan = { version: PLAN_VERSION, description: "opened workbook", sheets, names, settings: [] };
  return { plans: [plan], cellFormats, settings, notes };
}
