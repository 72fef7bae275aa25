/**
 * Applies a WorkbookPlan inside Excel through Office.js, in one `Excel.run` batch with a fixed
 * number of round trips whatever the plan's size:
 *   sync 1: read sheet, name and table names, the settings it will replace, and (for existing
 *           sheets only) the target cells; then check for conflicts without writing anything;
 *   sync 2: write everything: each block as one 2-D `formulas` assignment, one call per number
 *           format, style, validation, conditional format, table, name, chart, setting.
 * On a failure in sync 2 two more syncs remove what the write had added (sheets, names,
 * settings restored, existing-sheet cells put back) before the error is rethrown with the reason.
 *
 * Text cells use Excel's quote prefix where Excel would otherwise parse them (text-safety.ts):
 * `range.formulas`/`range.values` go through Excel's cell-entry parser, like typing, and a
 * leading apostrophe there means "literal text" and is not part of the value. We prefer it to
 * giving the cells the Text number format "@": that format would stick to the cell, so a rating
 * or formula typed there later would silently stay text too.
 *
 * Enum values are passed as their strings ("CellValue", "Between", …), so this module needs no
 * Office.js at run time, only its types; tests hand it office-addin-mock objects.
 */
import { columnLetters, parseCell, parseRange, rangeAddress, rangeFrom } from "../a1";
import type {
  CellContent,
  CellStylePlan,
  ChartType,
  ConditionalFormatPlan,
  SheetPlan,
  ValidationPlan,
  WorkbookPlan,
} from "../plan";
import { asEnteredText } from "../text-safety";
import { assertValidPlan } from "../validate-plan";
import {
  baseSummary,
  conflictsIn,
  describeError,
  PlanApplyError,
  refuseConflicts,
  resolvePlan,
  writtenRanges,
  type ApplyOptions,
  type ApplySummary,
  type CellConflict,
  type ResolvedPlan,
} from "./common";
import { planOf, type PlanApplier, type PlanSource } from "./contract";

/** `Excel.run` (or a test double): runs a batch with a request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The options every applier takes (progress phases: "checking", "writing", "rolling back", "done"). */
export type OfficeApplyOptions = ApplyOptions;

/** The number of context.sync() calls a successful apply makes, whatever the plan's size. */
export const SYNCS_PER_APPLY = 2;

export function toExcelCell(cell: CellContent): string | number | boolean {
  switch (cell.kind) {
    case "text":
      return asEnteredText(cell.text);
    case "number":
      return cell.value;
    case "boolean":
      return cell.value;
    case "formula":
      return cell.formula;
    case "blank":
      return "";
  }
}

interface Preflight {
  resolved: ResolvedPlan;
  sheetNamesBefore: string[];
  /** Current formulas of every range the plan writes in existing sheets. */
  existingCells: { sheet: string; address: string; formulas: unknown[][] }[];
  previousSettings: Map<string, unknown>;
}

/** The reads of the ranges a plan writes in existing sheets (their current formulas, for conflicts and rollback). */
function queueExistingCells(wb: Excel.Workbook, plan: WorkbookPlan) {
  return plan.sheets
    .filter((s) => s.target === "existing")
    .flatMap((sheet) =>
      writtenRanges(sheet).map((range) => {
        const address = rangeAddress(range);
        return { sheet: sheet.name, address, range: wb.worksheets.getItem(sheet.name).getRange(address).load("formulas") };
      }),
    );
}

/** A read sync: its failure means nothing was written. */
async function readSync(context: Excel.RequestContext, source: PlanSource): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    const what = typeof source === "function" ? "the plan" : `the ${source.description}`;
    throw new PlanApplyError(
      `could not read the workbook before writing ${what}: ${describeError(error)}; nothing was written`,
      false,
      error,
    );
  }
}

/**
 * Sync 1: reads the names in use and the settings the plan replaces (all settings when the plan is
 * built from the names, as its keys are not known yet), builds the plan and resolves it. Only a
 * built-from-names plan that writes into existing sheets needs one more sync, for their cells.
 */
async function readPreflight(context: Excel.RequestContext, source: PlanSource): Promise<Preflight> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const names = wb.names.load("items/name");
  const tables = wb.tables.load("items/name");
  const known = typeof source === "function" ? undefined : source;
  const settings = known?.settings.map((s) => ({
    key: s.key,
    item: wb.settings.getItemOrNullObject(s.key).load("isNullObject, value"),
  }));
  const allSettings = known ? undefined : wb.settings.load("items/key,value");
  let existing = known ? queueExistingCells(wb, known) : [];
  await readSync(context, source);
  const inventory = {
    sheetNames: sheets.items.map((s) => s.name),
    definedNames: names.items.map((n) => n.name),
    tableNames: tables.items.map((t) => t.name),
  };
  const plan = planOf(source, inventory);
  if (!known && plan.sheets.some((s) => s.target === "existing")) {
    existing = queueExistingCells(wb, plan);
    await readSync(context, plan);
  }
  const previousSettings = new Map<string, unknown>();
  for (const s of settings ?? []) if (!s.item.isNullObject) previousSettings.set(s.key, s.item.value);
  const keys = new Set(plan.settings.map((s) => s.key));
  for (const item of allSettings?.items ?? []) if (keys.has(item.key)) previousSettings.set(item.key, item.value);
  return {
    resolved: resolvePlan(plan, inventory),
    sheetNamesBefore: inventory.sheetNames,
    existingCells: existing.map((e) => ({ sheet: e.sheet, address: e.address, formulas: e.range.formulas })),
    previousSettings,
  };
}

function conflictsOf(pre: Preflight): CellConflict[] {
  return pre.existingCells.flatMap((e) =>
    conflictsIn(pre.resolved.sheetNames[e.sheet] ?? e.sheet, parseRange(e.address), e.formulas),
  );
}

/** Non-empty cells in existing sheets that the plan would overwrite (one sync, nothing written). */
export async function findExcelConflicts(run: ExcelRun, plan: PlanSource): Promise<CellConflict[]> {
  return run(async (context) => conflictsOf(await readPreflight(context, plan)));
}

/** The Office applier under the one contract: the target is `Excel.run` (or a test double). */
export const officeApplier: PlanApplier<ExcelRun> = { apply: (run, plan, options) => applyPlanToExcel(run, plan, options) };

/**
 * Writes the plan in one `Excel.run`: sync 1 reads (and builds the plan from what it read),
 * sync 2 writes. Conflicts the user has not agreed to overwrite stop it before any write, as a
 * PlanConflictError listing them.
 */
export async function applyPlanToExcel(
  run: ExcelRun,
  source: PlanSource,
  options: OfficeApplyOptions = {},
): Promise<ApplySummary> {
  if (typeof source !== "function") assertValidPlan(source);
  const progress = options.onProgress ?? (() => undefined);
  return run(async (context) => {
    progress("checking");
    const pre = await readPreflight(context, source);
    const plan = pre.resolved.plan;
    refuseConflicts(plan, conflictsOf(pre), options);

    progress("writing");
    const { plan: resolvedPlan } = pre.resolved;
    try {
      queueWrite(context, resolvedPlan);
      await context.sync();
    } catch (error) {
      progress("rolling back");
      const undone = await rollback(context, pre);
      const reason = describeError(error);
      throw new PlanApplyError(
        undone
          ? `could not write the ${plan.description}: ${reason}; the workbook was put back as it was`
          : `could not write the ${plan.description}: ${reason}; undoing it failed too, so check for a partly written sheet ${resolvedPlan.sheets.map((s) => `"${s.name}"`).join(", ")}`,
        undone,
        error,
      );
    }
    progress("done");
    const summary = baseSummary(pre.resolved, pre.sheetNamesBefore);
    return summary;
  });
}

function queueWrite(context: Excel.RequestContext, plan: WorkbookPlan): void {
  const wb = context.workbook;
  const worksheets = new Map<string, Excel.Worksheet>();
  for (const sheet of plan.sheets) {
    const ws = sheet.target === "existing" ? wb.worksheets.getItem(sheet.name) : wb.worksheets.add(sheet.name);
    worksheets.set(sheet.name, ws);
    writeSheet(ws, sheet);
  }
  for (const item of plan.names) wb.names.add(item.name, worksheets.get(item.sheet)!.getRange(item.range), item.comment);
  for (const setting of plan.settings) wb.settings.add(setting.key, setting.json);
  const active = plan.sheets.find((s) => s.activate);
  if (active) worksheets.get(active.name)!.activate();
}

function filled<T>(address: string, value: T): T[][] {
  const r = parseRange(address);
  return Array.from({ length: r.end.row - r.start.row + 1 }, () => new Array<T>(r.end.col - r.start.col + 1).fill(value));
}

function writeSheet(ws: Excel.Worksheet, sheet: SheetPlan): void {
  for (const block of sheet.blocks) {
    const address = rangeAddress(rangeFrom(parseCell(block.at), block.cells.length, block.cells[0].length));
    ws.getRange(address).formulas = block.cells.map((row) => row.map(toExcelCell));
  }
  for (const table of sheet.tables ?? []) {
    const r = parseRange(table.range);
    ws.getRange(rangeAddress({ start: r.start, end: { row: r.start.row, col: r.end.col } })).formulas = [
      table.columns.map(asEnteredText),
    ];
  }
  for (const f of sheet.numberFormats ?? []) ws.getRange(f.range).numberFormat = filled(f.range, f.format);
  for (const style of sheet.cellStyles ?? []) applyStyle(ws.getRange(style.range), style);
  for (const merge of sheet.merges ?? []) ws.getRange(merge).merge(false);
  for (const table of sheet.tables ?? []) {
    const t = ws.tables.add(ws.getRange(table.range), true);
    t.name = table.name;
    if (table.style) t.style = table.style;
    if (table.showBandedRows !== undefined) t.showBandedRows = table.showBandedRows;
  }
  for (const v of sheet.validations ?? []) applyValidation(ws.getRange(v.range), v);
  for (const cf of sheet.conditionalFormats ?? []) applyConditionalFormat(ws.getRange(cf.range), cf);
  for (const w of sheet.columnWidths ?? [])
    ws.getRange(`${w.column}:${w.column}`).format.columnWidth = charactersToPoints(w.width);
  if (sheet.freeze) freeze(ws, sheet.freeze.rows, sheet.freeze.columns);
  for (const chart of sheet.charts ?? []) {
    const c = ws.charts.add(EXCEL_CHART_TYPES[chart.type], ws.getRange(chart.source), "Auto");
    c.title.text = chart.title;
    c.setPosition(chart.from, chart.to);
  }
  if (sheet.print) {
    const layout = ws.pageLayout;
    if (sheet.print.area) layout.setPrintArea(sheet.print.area);
    if (sheet.print.orientation) layout.orientation = sheet.print.orientation === "landscape" ? "Landscape" : "Portrait";
    // verticalFitToPages 0 = "automatic", Excel's "fit all columns on one page" setting.
    if (sheet.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (sheet.print.titleRows) layout.setPrintTitleRows(absoluteRows(sheet.print.titleRows));
  }
}

const EXCEL_CHART_TYPES: Record<ChartType, "ColumnClustered" | "BarClustered" | "Line" | "Pie"> = {
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  line: "Line",
  pie: "Pie",
};

/** Excel widths are characters of the default font; Office.js wants points (7 px per character + 5 px padding, 0.75 pt per px). */
export function charactersToPoints(characters: number): number {
  return characters === 0 ? 0 : Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function absoluteRows(span: string): string {
  return span
    .split(":")
    .map((part) => `$${part.replace(/\$/g, "")}`)
    .join(":");
}

function freeze(ws: Excel.Worksheet, rows: number, columns: number): void {
  if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(columns - 1)}${rows}`));
  else if (rows > 0) ws.freezePanes.freezeRows(rows);
  else if (columns > 0) ws.freezePanes.freezeColumns(columns);
}

function applyStyle(range: Excel.Range, style: CellStylePlan): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fill) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal)
    format.horizontalAlignment = style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
  if (style.vertical)
    format.verticalAlignment = style.vertical === "top" ? "Top" : style.vertical === "center" ? "Center" : "Bottom";
  if (style.borderBottom) format.borders.getItem("EdgeBottom").style = "Continuous";
  if (style.borderTop) format.borders.getItem("EdgeTop").style = "Continuous";
}

function applyValidation(range: Excel.Range, v: ValidationPlan): void {
  const dv = range.dataValidation;
  const bound = (b: number | { formula: string }): string | number => (typeof b === "number" ? b : b.formula);
  if (v.rule.kind === "list") dv.rule = { list: { inCellDropDown: true, source: v.rule.items.join(",") } };
  else if (v.rule.kind === "listFrom") dv.rule = { list: { inCellDropDown: true, source: v.rule.formula } };
  else dv.rule = { [v.rule.kind]: { formula1: bound(v.rule.min), formula2: bound(v.rule.max), operator: "Between" } };
  dv.errorAlert = { message: v.error, showAlert: true, style: "Stop", title: "Not a valid value" };
  if (v.prompt) dv.prompt = { message: v.prompt.message, showPrompt: true, title: v.prompt.title };
}

/** A value as a formula literal: text quoted with doubled quotes, booleans as TRUE/FALSE. */
export function formulaLiteral(value: string | number | boolean): string {
  if (typeof value === "string") return `="${value.replace(/"/g, '""')}"`;
  if (typeof value === "boolean") return value ? "=TRUE" : "=FALSE";
  return `=${value}`;
}

function applyConditionalFormat(range: Excel.Range, cf: ConditionalFormatPlan): void {
  let format: Excel.ConditionalRangeFormat;
  if (cf.rule.kind === "equals") {
    const added = range.conditionalFormats.add("CellValue");
    added.cellValue.rule = { formula1: formulaLiteral(cf.rule.value), operator: "EqualTo" };
    format = added.cellValue.format;
  } else {
    const added = range.conditionalFormats.add("Custom");
    added.custom.rule.formula = cf.rule.formula;
    format = added.custom.format;
  }
  if (cf.format.fill) format.fill.color = cf.format.fill;
  if (cf.format.fontColor) format.font.color = cf.format.fontColor;
  if (cf.format.bold !== undefined) format.font.bold = cf.format.bold;
}

/** Removes what a failed write added; two syncs (probe, then delete/restore). Returns false if that failed too. */
async function rollback(context: Excel.RequestContext, pre: Preflight): Promise<boolean> {
  try {
    const wb = context.workbook;
    const { plan } = pre.resolved;
    const addedSheets = plan.sheets
      .filter((s) => s.target !== "existing")
      .map((s) => wb.worksheets.getItemOrNullObject(s.name).load("isNullObject"));
    const addedNames = plan.names.map((n) => wb.names.getItemOrNullObject(n.name).load("isNullObject"));
    const settings = plan.settings.map((s) => ({
      key: s.key,
      item: wb.settings.getItemOrNullObject(s.key).load("isNullObject"),
    }));
    await context.sync();
    for (const name of addedNames) if (!name.isNullObject) name.delete();
    for (const sheet of addedSheets) if (!sheet.isNullObject) sheet.delete();
    for (const s of settings) {
      if (pre.previousSettings.has(s.key)) wb.settings.add(s.key, pre.previousSettings.get(s.key));
      else if (!s.item.isNullObject) s.item.delete();
    }
    for (const cells of pre.existingCells) {
      wb.worksheets.getItem(pre.resolved.sheetNames[cells.sheet] ?? cells.sheet).getRange(cells.address).formulas =
        cells.formulas as (string | number | boolean)[][];
    }
    await context.sync();
    return true;
  } catch {
    return false;
  }
}
