/**
 * Typing in the row just below a table extends it, as in Excel: the plans that dress the sheet
 * get the longer table (formats, validation and conditional formats over its data rows follow),
 * and the engine gets the new row's calculated-column formulas and the table's column names over
 * the new row (src/engine/plan-tables.ts), so Score, Tier, Rank and every count over the column
 * include the new partner. A formula typed with a structured reference is read against the same
 * tables.
 */
import type { HyperFormula } from "hyperformula";
import type { CellRef } from "../../workbook/a1";
import { planTableDefinitions } from "../../workbook/appliers/engine";
import type { WorkbookPlan } from "../../workbook/plan";
import { growTableInPlans, tableJustAbove } from "../../workbook/table-growth";
import { growTableInEngine, planFormulaForEngine, refersToTable, type TableDefinition } from "../../engine/plan-tables";

export interface TableExtension {
  /** The plans once the table is one row longer. */
  plans: WorkbookPlan[];
  /** Grows the table in the engine in one batch that also runs `andThen` (the typed entry). */
  grow(hf: HyperFormula, andThen: () => void): void;
}

/** The tables the plans wrote, as the engine's translator takes them. */
export function planTables(plans: readonly WorkbookPlan[]): TableDefinition[] {
  return plans.flatMap(planTableDefinitions);
}

/** What typing into `cell` of `sheet` does to a table just above it, or undefined when there is none. */
export function tableExtensionAt(plans: readonly WorkbookPlan[], sheet: string, cell: CellRef): TableExtension | undefined {
  const below = tableJustAbove(plans, sheet, cell);
  if (!below) return undefined;
  const tables = planTables(plans);
  const table = tables.find((t) => t.sheet === sheet && t.name === below.table.name);
  if (!table) return undefined;
  const names = plans
    .flatMap((p) => p.names)
    .flatMap((n) => (n.refersTo !== undefined && refersToTable(n.refersTo, table.name) ? [{ ...n, refersTo: n.refersTo }] : []));
  return {
    plans: growTableInPlans(plans, sheet, below.table.name),
    grow: (hf, andThen) =>
      growTableInEngine(hf, { table, tables, calculated: below.table.calculatedColumns ?? {}, names }, andThen),
  };
}

/** A typed formula as the engine reads it at `cell`: structured references to the plans' tables translated. */
export function typedFormulaForEngine(formula: string, plans: readonly WorkbookPlan[], sheet: string, cell: CellRef): string {
  if (!formula.includes("[")) return formula;
  return planFormulaForEngine(formula, planTables(plans), { sheet, row: cell.row, col: cell.col });
}
