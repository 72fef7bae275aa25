/**
 * What every applier shares: fitting a plan into a workbook that already has sheets, names and
 * tables (the no-overwrite rules), the summary it returns, and the errors it throws.
 */
import { cellAddress, offsetCell, parseCell, parseRange, rangeColumns, rangeFrom, rangeRows, type RangeRef } from "../a1";
import { sameDefinedName, uniqueDefinedName } from "../defined-names";
import { renameSheetInFormula } from "../formula-refs";
import { renameTableInFormula } from "../../core/structured-ref-text";
import type { CellBlock, CellContent, SheetPlan, WorkbookPlan } from "../plan";
import { sameSheetName, uniqueSheetName } from "../sheet-names";

export interface WorkbookInventory {
  sheetNames: string[];
  /** Workbook-scoped defined names already present. */
  definedNames: string[];
  tableNames: string[];
}

/** Every defined and table name in use (they share one namespace in Excel). */
export function namesInUse(inventory: WorkbookInventory): string[] {
  return [...inventory.definedNames, ...inventory.tableNames];
}

export interface ResolvedPlan {
  plan: WorkbookPlan;
  /** Planned sheet name → the name it has in the workbook. */
  sheetNames: Record<string, string>;
  /** Planned table name → the name it gets. */
  tableNames: Record<string, string>;
}

export interface CellConflict {
  sheet: string;
  /** A1 address of a non-empty cell the plan would write. */
  address: string;
  /** What the cell holds now (its formula or value as text). */
  existing: string;
}

export interface ApplySummary {
  description: string;
  sheets: { planned: string; name: string; created: boolean }[];
  tables: { name: string; sheet: string; address: string; rows: number }[];
  names: string[];
  cells: number;
  formulas: number;
  settings: string[];
  /** What this host could not write (e.g. charts in .xlsx), for the caller to tell the user. */
  limitations: string[];
}

/** The plan could not be applied; the workbook was put back as it was (see `rolledBack`). */
export class PlanApplyError extends Error {
  constructor(
    message: string,
    readonly rolledBack: boolean,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = "PlanApplyError";
  }
}

/** The plan would write over non-empty cells or reuse a defined name; nothing was written. */
export class PlanConflictError extends Error {
  constructor(
    message: string,
    readonly conflicts: CellConflict[],
  ) {
    super(message);
    this.name = "PlanConflictError";
  }
}

/** Where an apply has got to, for a progress indicator. */
export type ApplyPhase = "checking" | "writing" | "rolling back" | "done";

/** The options every applier takes (appliers/contract.ts). */
export interface ApplyOptions {
  /** The user agreed to replace the non-empty cells a PlanConflictError reported. Default false. */
  overwrite?: boolean;
  /** Called as the apply moves from phase to phase. */
  onProgress?: (phase: ApplyPhase) => void;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Fits the plan into a workbook: new sheets get unique names (formulas that name them follow),
 * tables get unique names, existing-sheet targets must exist, and a defined name that already
 * exists is a conflict (formulas rely on it, so it cannot be renamed silently).
 */
export function resolvePlan(plan: WorkbookPlan, inventory: WorkbookInventory): ResolvedPlan {
  const taken = [...inventory.sheetNames];
  const sheetNames: Record<string, string> = {};
  for (const sheet of plan.sheets) {
    if (sheet.target === "existing") {
      const actual = inventory.sheetNames.find((name) => sameSheetName(name, sheet.name));
      if (!actual)
        throw new PlanConflictError(
          `sheet "${sheet.name}" is not in the workbook any more, so the ${plan.description} cannot be written into it`,
          [],
        );
      sheetNames[sheet.name] = actual;
    } else {
      const name = uniqueSheetName(sheet.name, taken);
      taken.push(name);
      sheetNames[sheet.name] = name;
    }
  }

  const clashes = plan.names.filter((item) =>
    [...inventory.definedNames, ...inventory.tableNames].some((n) => sameDefinedName(n, item.name)),
  );
  if (clashes.length > 0) {
    const list = clashes.map((c) => c.name).join(", ");
    throw new PlanConflictError(
      `the workbook already defines ${list}; the ${plan.description} needs ${clashes.length > 1 ? "these names" : "this name"} for its inputs, so nothing was written (rename or delete the existing name, or build again to get fresh names)`,
      [],
    );
  }

  const usedNames = [...inventory.definedNames, ...inventory.tableNames, ...plan.names.map((n) => n.name)];
  const tableNames: Record<string, string> = {};
  for (const sheet of plan.sheets) {
    for (const table of sheet.tables ?? []) {
      const name = uniqueDefinedName(table.name, usedNames);
      usedNames.push(name);
      tableNames[table.name] = name;
    }
  }

  const renamed = Object.entries(sheetNames).filter(([from, to]) => from !== to);
  // A table whose name was taken meanwhile gets another: the plan's structured references follow it.
  const renamedTables = Object.entries(tableNames).filter(([from, to]) => from !== to);
  const rewrite = (source: string): string =>
    renamedTables.reduce(
      (f, [from, to]) => renameTableInFormula(f, from, to),
      renamed.reduce((f, [from, to]) => renameSheetInFormula(f, from, to), source),
    );
  const rewrites = renamed.length > 0 || renamedTables.length > 0;
  const mapContent = (cell: CellContent): CellContent =>
    cell.kind === "formula" && rewrites ? { kind: "formula", formula: rewrite(cell.formula) } : cell;
  const mapCalculated = (columns: Record<string, string> | undefined) =>
    columns && rewrites ? Object.fromEntries(Object.entries(columns).map(([c, f]) => [c, rewrite(f)])) : columns;

  const sheets: SheetPlan[] = plan.sheets.map((sheet) => ({
    ...sheet,
    name: sheetNames[sheet.name],
    blocks: rewrites ? sheet.blocks.map((b) => ({ at: b.at, cells: b.cells.map((row) => row.map(mapContent)) })) : sheet.blocks,
    tables: sheet.tables?.map((t) =>
      t.calculatedColumns
        ? { ...t, name: tableNames[t.name], calculatedColumns: mapCalculated(t.calculatedColumns) }
        : { ...t, name: tableNames[t.name] },
    ),
  }));
  const names = plan.names.map((n) => ({
    ...n,
    sheet: sheetNames[n.sheet],
    ...(n.refersTo !== undefined && rewrites ? { refersTo: rewrite(n.refersTo) } : {}),
  }));
  return { plan: { ...plan, sheets, names }, sheetNames, tableNames };
}

export function blockRange(block: CellBlock): RangeRef {
  return rangeFrom(parseCell(block.at), block.cells.length, block.cells[0].length);
}

/**
 * Every range of `sheet` the plan writes cell contents into: blocks and table header rows.
 * (Formats and styles do not count as content.)
 */
export function writtenRanges(sheet: SheetPlan): RangeRef[] {
  const headers = (sheet.tables ?? []).map((t) => {
    const r = parseRange(t.range);
    return { start: r.start, end: { row: r.start.row, col: r.end.col } };
  });
  return [...sheet.blocks.map(blockRange), ...headers];
}

/** Non-empty cells of `current` (the host's formulas/values for `range`, row-major) as conflicts. */
export function conflictsIn(sheetName: string, range: RangeRef, current: unknown[][]): CellConflict[] {
  const conflicts: CellConflict[] = [];
  for (let r = 0; r < rangeRows(range); r++) {
    for (let c = 0; c < rangeColumns(range); c++) {
      const value = current[r]?.[c];
      if (value === null || value === undefined || value === "") continue;
      conflicts.push({ sheet: sheetName, address: cellAddress(offsetCell(range.start, r, c)), existing: String(value) });
    }
  }
  return conflicts;
}

/** Stops the apply before anything is written when it would overwrite non-empty cells the user has not agreed to replace. */
export function refuseConflicts(plan: WorkbookPlan, conflicts: CellConflict[], options: ApplyOptions): void {
  if (conflicts.length > 0 && !options.overwrite)
    throw new PlanConflictError(conflictMessage(plan.description, conflicts), conflicts);
}

export function conflictMessage(description: string, conflicts: CellConflict[]): string {
  const shown = conflicts.slice(0, 3).map((c) => `${c.sheet}!${c.address} ("${c.existing.slice(0, 30)}")`);
  const more = conflicts.length > 3 ? ` and ${conflicts.length - 3} more` : "";
  return `the ${description} would overwrite ${conflicts.length} non-empty cell${conflicts.length > 1 ? "s" : ""}: ${shown.join(", ")}${more}; nothing was written (confirm to overwrite, or choose empty cells)`;
}

export function countContents(plan: WorkbookPlan): { cells: number; formulas: number } {
  let cells = 0;
  let formulas = 0;
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      for (const row of block.cells) {
        for (const cell of row) {
          if (cell.kind === "blank") continue;
          cells++;
          if (cell.kind === "formula") formulas++;
        }
      }
    }
    for (const table of sheet.tables ?? []) cells += table.columns.length;
  }
  return { cells, formulas };
}

export function baseSummary(resolved: ResolvedPlan, existingBefore: string[]): ApplySummary {
  const { plan } = resolved;
  const { cells, formulas } = countContents(plan);
  return {
    description: plan.description,
    sheets: Object.entries(resolved.sheetNames).map(([planned, name]) => ({
      planned,
      name,
      created: !existingBefore.some((n) => sameSheetName(n, name)),
    })),
    tables: plan.sheets.flatMap((sheet) =>
      (sheet.tables ?? []).map((t) => ({
        name: t.name,
        sheet: sheet.name,
        address: t.range,
        rows: rangeRows(parseRange(t.range)) - 1,
      })),
    ),
    names: plan.names.map((n) => n.name),
    cells,
    formulas,
    settings: plan.settings.map((s) => s.key),
    limitations: [],
  };
}
