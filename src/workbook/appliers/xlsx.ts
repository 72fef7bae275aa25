/**
 * Writes a WorkbookPlan to a new .xlsx file with ExcelJS: values, formulas with cached results
 * (taken from the engine, so a viewer or Excel before the add-in loads shows numbers rather than
 * blanks), tables (with their calculated columns), defined names (a table column's among them),
 * number formats, styles, validation, conditional formats, widths, merges, frozen panes, print setup. Then ../xlsx-package/finish-package.ts makes the
 * package one Excel takes as its own: formulas as Excel stores them (`_xldudf_PE_…` dynamic-array
 * formulas, `_xlfn.` prefixes: src/core/file-formula.ts), the current calc engine id so Excel
 * keeps the cached values, and the add-in reference (web-extension parts) carrying the wizard's
 * saved inputs as document settings, the custom-function ids the book calls, and
 * Office.AutoShowTaskpaneWithDocument so Excel opens the pane with the file.
 *
 * Charts: ExcelJS cannot create them, so finishPackage adds them as DrawingML parts written by
 * ../xlsx-package/chart-parts.ts, their series over the sheet's cells with the cached values.
 *
 * Text cells are written as strings, which a file can never turn into formulas. Text that Excel
 * would re-parse when the cell is edited (see text-safety.ts) also gets the Text number format
 * "@", the file-level stand-in for the quote prefix (ExcelJS cannot write quotePrefix), so that
 * editing such a cell in Excel keeps it text.
 */
import ExcelJS from "exceljs";
import { parseCell, parseRange, rangeAddress, rangeFrom, sheetQualifiedAddress, type CellRef } from "../a1";
import type { CellContent, CellStylePlan, SheetPlan, ValidationPlan, WorkbookPlan } from "../plan";
import { printAreaForExcelJs } from "../print-area";
import { needsQuotePrefix } from "../text-safety";
import { assertValidPlan } from "../validate-plan";
import { PlanConflictError } from "./common";
import { toFileFormula } from "../../core/file-formula";
import { oncePerText } from "../../core/once-per-text";
import type { AddinStore } from "../xlsx-package/addin-reference";
import { finishPackage, type PackageAssembler } from "../xlsx-package/finish-package";
import { writtenParts } from "../xlsx-package/written-parts";
import { planChartCells } from "../xlsx-package/plan-chart-cells";
import { LEGACY_SETTINGS_SHEET, readSettingsFromPackage } from "../xlsx-package/read-settings";
import { toCachedResult } from "../cached-result";

export { toCachedResult } from "../cached-result";

/** The very hidden sheet where files written by older pe-calc versions kept document settings (still read). */
export const XLSX_SETTINGS_SHEET = LEGACY_SETTINGS_SHEET;

export interface XlsxWriteOptions {
  /** Where the add-in is installed from (default developer/Registry, i.e. sideloaded). */
  store?: AddinStore;
  /** The web-extension instance id (tests fix it; a new random one otherwise). */
  instanceId?: string;
  /** How the final archive is zipped (the CLI passes Node's zlib; JSZip otherwise). */
  assemble?: PackageAssembler;
}

/** The computed value of a planned cell (by planned sheet name), e.g. `engineValueReader(hf, result)`. */
export type CachedValues = (sheet: string, cell: CellRef) => unknown;

export async function writePlanToXlsx(
  plan: WorkbookPlan,
  cachedValues?: CachedValues,
  options: XlsxWriteOptions = {},
): Promise<Buffer> {
  assertValidPlan(plan);
  const existing = plan.sheets.filter((s) => s.target === "existing");
  if (existing.length > 0) {
    throw new PlanConflictError(
      `an .xlsx file is written from scratch, so the ${plan.description} cannot write into existing sheet "${existing[0].name}"`,
      [],
    );
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Partner Economics";
  for (const sheet of plan.sheets) writeSheet(workbook, sheet, cachedValues);
  for (const item of plan.names)
    if (item.refersTo === undefined) workbook.definedNames.add(sheetQualifiedAddress(item.sheet, item.range), item.name);
  const active = plan.sheets.findIndex((s) => s.activate);
  if (active >= 0)
    workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  // The parts before any zipping: finishPackage edits some and zips them all once.
  const finished = await finishPackage(await writtenParts(workbook), {
    settings: plan.settings,
    store: options.store,
    instanceId: options.instanceId,
    assemble: options.assemble,
    calculatedColumns: plan.sheets.flatMap((sheet) =>
      (sheet.tables ?? []).flatMap((table) =>
        table.calculatedColumns
          ? [{ table: table.name, columns: mapValues(table.calculatedColumns, (f) => toFileFormula(f).slice(1)) }]
          : [],
      ),
    ),
    formulaNames: plan.names.flatMap((item) =>
      item.refersTo === undefined ? [] : [{ name: item.name, formula: toFileFormula(item.refersTo).slice(1) }],
    ),
    charts: plan.sheets
      .filter((sheet) => (sheet.charts ?? []).length > 0)
      .map((sheet) => ({
        sheet: sheet.name,
        charts: sheet.charts ?? [],
        cells: planChartCells(sheet, (cell) => toCachedChartValue(cachedValues?.(sheet.name, cell))),
      })),
  });
  return Buffer.from(finished);
}

function mapValues(record: Record<string, string>, map: (value: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/** A computed value as a chart caches it: numbers and text; errors and non-finite numbers are gaps. */
function toCachedChartValue(value: unknown): unknown {
  const result = toCachedResult(value);
  return typeof result === "object" ? undefined : result;
}

/**
 * Document settings saved in an .xlsx (empty when there are none): the add-in's web-extension
 * part, or the very hidden XLSX_SETTINGS_SHEET of files from older versions.
 */
export function readXlsxSettings(data: Uint8Array): Promise<Map<string, string>> {
  return readSettingsFromPackage(data);
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetPlan, cachedValues?: CachedValues): void {
  const freeze = sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) ? sheet.freeze : undefined;
  const ws = workbook.addWorksheet(sheet.name, {
    views: freeze ? [{ state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows }] : undefined,
  });

  // Tables first: ExcelJS writes a table's cells itself, and re-assigning a formula cell drops a
  // cached result of 0 or FALSE (its value setter copies only truthy fields), so the blocks must
  // land on cells the table left empty.
  for (const table of sheet.tables ?? []) addTable(ws, table.range, table.name, table.columns, table.style, table.showBandedRows);
  const fileFormula = oncePerText((formula) => toFileFormula(formula).slice(1));
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    block.cells.forEach((row, r) =>
      row.forEach((content, c) => {
        const cell = { row: at.row + r, col: at.col + c };
        writeCell(ws.getCell(cell.row + 1, cell.col + 1), content, () => cachedValues?.(sheet.name, cell), fileFormula);
      }),
    );
  }
  for (const array of sheet.arrayFormulas ?? []) markArrayFormula(ws, sheet.name, array, cachedValues);
  for (const f of sheet.numberFormats ?? []) eachCell(ws, f.range, (cell) => (cell.numFmt = f.format));
  for (const style of sheet.cellStyles ?? []) eachCell(ws, style.range, (cell) => applyStyle(cell, style));
  for (const merge of sheet.merges ?? []) ws.mergeCells(merge);
  // ExcelJS keeps range validations in worksheet.dataValidations (written as one sqref) but does not declare it.
  const validations = (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of sheet.validations ?? []) validations.add(v.range, validation(v));
  (sheet.conditionalFormats ?? []).forEach((cf, i) => {
    const style = {
      fill: cf.format.fill
        ? { type: "pattern" as const, pattern: "solid" as const, bgColor: { argb: argb(cf.format.fill) } }
        : undefined,
      font:
        cf.format.fontColor || cf.format.bold !== undefined
          ? { color: cf.format.fontColor ? { argb: argb(cf.format.fontColor) } : undefined, bold: cf.format.bold }
          : undefined,
    };
    const rule: ExcelJS.ConditionalFormattingRule =
      cf.rule.kind === "equals"
        ? { type: "cellIs", operator: "equal", formulae: [literal(cf.rule.value)], style, priority: i + 1 }
        : { type: "expression", formulae: [toFileFormula(cf.rule.formula).slice(1)], style, priority: i + 1 };
    ws.addConditionalFormatting({ ref: cf.range, rules: [rule] });
  });
  for (const w of sheet.columnWidths ?? []) ws.getColumn(w.column).width = w.width;
  if (sheet.print) {
    if (sheet.print.area) ws.pageSetup.printArea = printAreaForExcelJs(sheet.print.area);
    if (sheet.print.orientation) ws.pageSetup.orientation = sheet.print.orientation;
    if (sheet.print.fitToWidth) Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    if (sheet.print.titleRows) ws.pageSetup.printTitlesRow = sheet.print.titleRows.replace(/\$/g, "");
  }
}

function writeCell(
  cell: ExcelJS.Cell,
  content: CellContent,
  cached: () => unknown,
  fileFormula: (formula: string) => string,
): void {
  switch (content.kind) {
    case "text":
      cell.value = content.text;
      if (needsQuotePrefix(content.text)) cell.numFmt = "@";
      return;
    case "number":
    case "boolean":
      cell.value = content.value;
      return;
    case "formula": {
      const result = toCachedResult(cached());
      const stored = fileFormula(content.formula);
      cell.value = result === undefined ? { formula: stored } : ({ formula: stored, result } as ExcelJS.CellFormulaValue);
      return;
    }
    case "blank":
      return;
  }
}

/**
 * A spill as a file can hold it: the top-left formula becomes a classic array formula over the
 * range (`<f t="array" ref=…>`, which every Excel computes as one formula), and the other cells
 * get the engine's values as their cached results. ExcelJS cannot write the dynamic-array
 * metadata that would let Excel resize the spill.
 */
function markArrayFormula(ws: ExcelJS.Worksheet, sheet: string, address: string, cachedValues?: CachedValues): void {
  const range = parseRange(address);
  const master = ws.getCell(range.start.row + 1, range.start.col + 1);
  const value = master.value as ExcelJS.CellFormulaValue | null;
  if (!value || typeof value !== "object" || !("formula" in value)) return;
  master.value = { ...value, shareType: "array", ref: address } as ExcelJS.CellValue;
  if (!cachedValues) return;
  for (let r = range.start.row; r <= range.end.row; r++)
    for (let c = range.start.col; c <= range.end.col; c++) {
      if (r === range.start.row && c === range.start.col) continue;
      const result = toCachedResult(cachedValues(sheet, { row: r, col: c }));
      if (result === undefined || result === "") continue;
      ws.getCell(r + 1, c + 1).value = typeof result === "object" ? (result as ExcelJS.CellErrorValue) : result;
    }
}

function eachCell(ws: ExcelJS.Worksheet, address: string, visit: (cell: ExcelJS.Cell) => void): void {
  const range = parseRange(address);
  for (let r = range.start.row; r <= range.end.row; r++)
    for (let c = range.start.col; c <= range.end.col; c++) visit(ws.getCell(r + 1, c + 1));
}

/** A table over `address`; its data rows start empty and are filled by the blocks written next. */
function addTable(
  ws: ExcelJS.Worksheet,
  address: string,
  name: string,
  columns: string[],
  style?: string,
  banded?: boolean,
): void {
  const range = parseRange(address);
  const rows: ExcelJS.CellValue[][] = Array.from({ length: range.end.row - range.start.row }, () => columns.map(() => null));
  ws.addTable({
    name,
    ref: rangeAddress(rangeFrom(range.start, 1, 1)),
    headerRow: true,
    style: { theme: (style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: banded ?? true },
    columns: columns.map((column) => ({ name: column, filterButton: true })),
    rows,
  });
  columns.forEach((column, c) => {
    if (needsQuotePrefix(column)) ws.getCell(range.start.row + 1, range.start.col + c + 1).numFmt = "@";
  });
}

function validation(v: ValidationPlan): ExcelJS.DataValidation {
  const messages = {
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: "Not a valid value",
    error: v.error,
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
  };
  if (v.rule.kind === "list") return { type: "list", allowBlank: true, formulae: [`"${v.rule.items.join(",")}"`], ...messages };
  if (v.rule.kind === "listFrom")
    return { type: "list", allowBlank: true, formulae: [toFileFormula(v.rule.source).slice(1)], ...messages };
  const bound = (b: number | { formula: string }): string | number =>
    typeof b === "number" ? b : toFileFormula(b.formula).slice(1);
  return {
    type: v.rule.kind === "wholeNumber" ? "whole" : "decimal",
    operator: "between",
    allowBlank: true,
    formulae: [bound(v.rule.min), bound(v.rule.max)],
    ...messages,
  };
}

function applyStyle(cell: ExcelJS.Cell, style: CellStylePlan): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined || style.fontColor) {
    cell.font = {
      ...cell.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.horizontal || style.vertical) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical === "center" ? "middle" : style.vertical } : {}),
    };
  }
  if (style.borderBottom || style.borderTop) {
    cell.border = {
      ...cell.border,
      ...(style.borderBottom ? { bottom: { style: "thin" } } : {}),
      ...(style.borderTop ? { top: { style: "thin" } } : {}),
    };
  }
}

function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

function literal(value: string | number | boolean): string {
  if (typeof value === "string") return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
