/**
 * Applies a WorkbookPlan inside Excel through Office.js, in one `Excel.run` batch with a fixed
 * number of round trips for any plan that fits Excel's payload limits:
 *   sync 1: read sheet, name and table names, the settings it will replace, and (for existing
 *           sheets only) a snapshot of the target cells (office-snapshot.ts); then check for
 *           conflicts without writing anything;
 *   sync 2: write everything: cells as the fewest range assignments (office-ranges.ts: one R1C1
 *           formula per column run, one value per run of equal constants, arrays only where cells
 *           differ), one call per number format, style, validation, conditional format, table,
 *           name, chart, setting.
 * When the writes would pass the per-sync byte budget (DEFAULT_SYNC_BUDGET, well under Excel on
 * the web's 5 MB request limit), they are sent in as many syncs as they need.
 * On a failure while writing, two more syncs remove what the write had added (sheets, names,
 * settings restored, existing-sheet cells put back exactly) before the error is rethrown.
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
import { absoluteAddress, columnLetters, parseRange, rangeAddress } from "../a1";
import type { CellStylePlan, ChartType, ConditionalFormatPlan, SheetPlan, ValidationPlan, WorkbookPlan } from "../plan";
import { asEnteredText } from "../text-safety";
import { assertValidPlan } from "../validate-plan";
import {
  baseSummary,
  conflictsIn,
  describeError,
  PlanApplyError,
  refuseConflicts,
  resolvePlan,
  type ApplyOptions,
  type ApplySummary,
  type CellConflict,
  type ResolvedPlan,
} from "./common";
import { CancelRequested, countWriteSyncs, progressBudget, SyncProgress, WriteCancelledError } from "./office-progress";
import {
  blockWrites,
  CALL_OVERHEAD_BYTES,
  DEFAULT_SYNC_BUDGET,
  fitToBudget,
  SyncBudget,
  utf8Bytes,
  writeBytes,
  type RangeWrite,
} from "./office-ranges";
import { queueRestore, queueSnapshot, type RangeSnapshot } from "./office-snapshot";

export { toExcelCell } from "./office-ranges";
import { planOf, type PlanApplier, type PlanSource } from "./contract";

/** `Excel.run` (or a test double): runs a batch with a request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The options every applier takes, plus the per-sync byte budget of this host and large-write progress. */
export interface OfficeApplyOptions extends ApplyOptions {
  /** Bytes one context.sync() may send (default DEFAULT_SYNC_BUDGET); more writes mean more syncs. */
  syncBudget?: number;
  /** Send a write of more than LARGE_WRITE_ROWS rows in about PROGRESS_SYNCS syncs (office-progress.ts), for progress and Cancel. */
  splitLargeWrites?: boolean;
  /** After each write sync: how many are done of how many the write takes. */
  onSyncProgress?: (done: number, total: number) => void;
  /** Cancels the write before its next sync; what it had written is rolled back (WriteCancelledError). */
  signal?: AbortSignal;
}

/** The number of context.sync() calls a successful apply makes when its writes fit one sync's budget. */
export const SYNCS_PER_APPLY = 2;

interface Preflight {
  resolved: ResolvedPlan;
  sheetNamesBefore: string[];
  /** What the ranges the plan writes in existing sheets hold now, to check conflicts and to restore. */
  existingCells: RangeSnapshot[];
  previousSettings: Map<string, unknown>;
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
  let snapshot: () => RangeSnapshot[] = known ? queueSnapshot(wb, known) : () => [];
  await readSync(context, source);
  const inventory = {
    sheetNames: sheets.items.map((s) => s.name),
    definedNames: names.items.map((n) => n.name),
    tableNames: tables.items.map((t) => t.name),
  };
  const plan = planOf(source, inventory);
  if (!known && plan.sheets.some((s) => s.target === "existing")) {
    snapshot = queueSnapshot(wb, plan);
    await readSync(context, plan);
  }
  const previousSettings = new Map<string, unknown>();
  for (const s of settings ?? []) if (!s.item.isNullObject) previousSettings.set(s.key, s.item.value);
  const keys = new Set(plan.settings.map((s) => s.key));
  for (const item of allSettings?.items ?? []) if (keys.has(item.key)) previousSettings.set(item.key, item.value);
  return {
    resolved: resolvePlan(plan, inventory),
    sheetNamesBefore: inventory.sheetNames,
    existingCells: snapshot(),
    previousSettings,
  };
}

function conflictsOf(pre: Preflight): CellConflict[] {
  return pre.existingCells
    .filter((e) => e.content)
    .flatMap((e) => conflictsIn(pre.resolved.sheetNames[e.sheet] ?? e.sheet, parseRange(e.address), e.formulas));
}

/** Non-empty cells in existing sheets that the plan would overwrite (one sync, nothing written). */
export async function findExcelConflicts(run: ExcelRun, plan: PlanSource): Promise<CellConflict[]> {
  return run(async (context) => conflictsOf(await readPreflight(context, plan)));
}

/** The Office applier under the one contract: the target is `Excel.run` (or a test double). */
export const officeApplier = {
  apply: (run: ExcelRun, plan: PlanSource, options?: OfficeApplyOptions) => applyPlanToExcel(run, plan, options),
} satisfies PlanApplier<ExcelRun>;

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
      const hostLimit = options.syncBudget ?? DEFAULT_SYNC_BUDGET;
      const rows = resolvedPlan.sheets.reduce((sum, s) => sum + s.blocks.reduce((n, b) => n + b.cells.length, 0), 0);
      const sizes = writeSizes(resolvedPlan, hostLimit);
      const limit = progressBudget(sizes, rows, hostLimit, options.splitLargeWrites === true);
      const planned = limit === hostLimit ? sizes : writeSizes(resolvedPlan, limit);
      const syncs = new SyncProgress(await countWriteSyncs(planned, limit), options.onSyncProgress, options.signal);
      options.onSyncProgress?.(0, syncs.total);
      const budget = new SyncBudget(() => syncs.sync(context), limit);
      await queueWrite(context, resolvedPlan, budget);
      await syncs.sync(context);
    } catch (error) {
      progress("rolling back");
      const undone = await rollback(context, pre);
      if (error instanceof CancelRequested) throw new WriteCancelledError(plan.description, undone);
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

/** The sizes of the writes queueWrite spends from its budget, in its order (for counting syncs ahead). */
function writeSizes(plan: WorkbookPlan, limit: number): number[] {
  const sizes: number[] = [];
  for (const sheet of plan.sheets) {
    for (const write of cellWrites(sheet)) for (const piece of fitToBudget(write, limit)) sizes.push(writeBytes(piece));
    sizes.push(CALL_OVERHEAD_BYTES * otherCalls(sheet));
  }
  sizes.push(CALL_OVERHEAD_BYTES * plan.names.length);
  for (const setting of plan.settings) sizes.push(CALL_OVERHEAD_BYTES + utf8Bytes(setting.json));
  return sizes;
}

/** Queues every write, syncing early only when `budget` says the queue would grow too large. */
async function queueWrite(context: Excel.RequestContext, plan: WorkbookPlan, budget: SyncBudget): Promise<void> {
  const wb = context.workbook;
  const worksheets = new Map<string, Excel.Worksheet>();
  for (const sheet of plan.sheets) {
    const ws = sheet.target === "existing" ? wb.worksheets.getItem(sheet.name) : wb.worksheets.add(sheet.name);
    worksheets.set(sheet.name, ws);
    await writeCells(ws, sheet, budget);
    // The remaining calls are few and small whatever the plan's size; count each as one call.
    await budget.spend(CALL_OVERHEAD_BYTES * otherCalls(sheet));
    writeSheet(ws, sheet);
  }
  await budget.spend(CALL_OVERHEAD_BYTES * plan.names.length);
  // A name on a table column is added as its formula (`=QualificationMatrix[Score]`), so it grows with the table.
  for (const item of plan.names)
    wb.names.add(item.name, item.refersTo ?? worksheets.get(item.sheet)!.getRange(item.range), item.comment);
  for (const setting of plan.settings) {
    // A wizard's saved inputs can hold its whole partner list.
    await budget.spend(CALL_OVERHEAD_BYTES + utf8Bytes(setting.json));
    wb.settings.add(setting.key, setting.json);
  }
  const active = plan.sheets.find((s) => s.activate);
  if (active) worksheets.get(active.name)!.activate();
}

/** The tables' header rows: written before the tables are added over them, so the columns get these names. */
function headerWrites(sheet: SheetPlan): RangeWrite[] {
  return (sheet.tables ?? []).map((table): RangeWrite => {
    const r = parseRange(table.range);
    const address = rangeAddress({ start: r.start, end: { row: r.start.row, col: r.end.col } });
    return { address, property: "formulas", rows: [table.columns.map(asEnteredText)] };
  });
}

/** Cell contents and number formats: the writes whose size grows with the plan. */
function cellWrites(sheet: SheetPlan): RangeWrite[] {
  const blanks = sheet.target === "existing" ? "clear" : "skip";
  const formats = (sheet.numberFormats ?? []).map((f): RangeWrite => ({
    address: f.range,
    property: "numberFormat",
    value: f.format,
  }));
  return [...sheet.blocks.flatMap((block) => blockWrites(block, blanks)), ...formats];
}

/**
 * Headers, then the tables, then the cells: a formula naming a table (`QualificationMatrix[@Score]`)
 * is only valid once the table exists. A calculated column's formula is the same in every row, so
 * blockWrites sends it as one value for the column's whole data range, and one formula set on a
 * whole table column is what makes Excel keep it as a calculated column that fills rows added
 * later ("Use calculated columns in an Excel table", support.microsoft.com; Excel's AutoCorrect
 * option "Fill formulas in tables to create calculated columns", OfficeDev/office-js#2093 and
 * #5909). On the README's "Verified in real Excel" list.
 */
async function writeCells(ws: Excel.Worksheet, sheet: SheetPlan, budget: SyncBudget): Promise<void> {
  const send = async (writes: RangeWrite[]) => {
    for (const write of writes)
      for (const piece of fitToBudget(write, budget.limit)) {
        await budget.spend(writeBytes(piece));
        assign(ws.getRange(piece.address), piece);
      }
  };
  await send(headerWrites(sheet));
  for (const table of sheet.tables ?? []) {
    const t = ws.tables.add(ws.getRange(table.range), true);
    t.name = table.name;
    if (table.style) t.style = table.style;
    if (table.showBandedRows !== undefined) t.showBandedRows = table.showBandedRows;
  }
  await send(cellWrites(sheet));
}

/**
 * One value for a whole range is how Office.js fills every cell with it ("Update all cells in a
 * range", Performance optimization using the Excel JavaScript API); its typings only declare the
 * 2-D form, hence the cast.
 */
function assign(range: Excel.Range, write: RangeWrite): void {
  const target = range as unknown as Record<RangeWrite["property"], unknown>;
  target[write.property] = "rows" in write ? write.rows : write.value;
}

function otherCalls(sheet: SheetPlan): number {
  const lists = [
    sheet.cellStyles,
    sheet.merges,
    sheet.tables,
    sheet.validations,
    sheet.conditionalFormats,
    sheet.columnWidths,
    sheet.charts,
  ];
  return 4 + lists.reduce((sum, list) => sum + 8 * (list?.length ?? 0), 0);
}

function writeSheet(ws: Excel.Worksheet, sheet: SheetPlan): void {
  for (const style of sheet.cellStyles ?? []) applyStyle(ws.getRange(style.range), style);
  for (const merge of sheet.merges ?? []) ws.getRange(merge).merge(false);
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
    // Absolute, as Excel itself keeps a print area ('Charter'!$A$1:$D$80).
    if (sheet.print.area) layout.setPrintArea(absoluteAddress(sheet.print.area));
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
  // A list source may be a formula such as "=Names" (Office's ListDataValidation.source: a range reference).
  else if (v.rule.kind === "listFrom") dv.rule = { list: { inCellDropDown: true, source: v.rule.source } };
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
    queueRestore(wb, pre.existingCells, (planned) => pre.resolved.sheetNames[planned] ?? planned);
    await context.sync();
    return true;
  } catch {
    return false;
  }
}
