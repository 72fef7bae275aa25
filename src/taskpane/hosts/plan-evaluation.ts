/**
 * A plan written into a private engine workbook (as the standalone host writes) and the cells asked
 * for read back: how the pane shows what a sheet will compute before it is written, from the plan
 * itself rather than a second copy of its rules. Loaded on demand, which keeps HyperFormula out of
 * the bundle Excel loads.
 */
import { createEngine } from "../../engine";
import type { CellRef } from "../../workbook/a1";
import { applyPlanToEngine } from "../../workbook/appliers/engine";
import type { WorkbookPlan } from "../../workbook/plan";

/** Each cell's computed value on the plan's sheet `sheet` (a number, text, boolean, an engine error or null). */
export function evaluatePlanCells(plan: WorkbookPlan, sheet: string, cells: CellRef[]): unknown[] {
  const hf = createEngine();
  try {
    const written = applyPlanToEngine(hf, plan);
    const id = hf.getSheetId(written.sheetNames[sheet] ?? sheet);
    if (id === undefined) throw new Error(`the plan has no sheet "${sheet}"`);
    return cells.map(({ row, col }) => hf.getCellValue({ sheet: id, row, col }));
  } finally {
    hf.destroy();
  }
}
