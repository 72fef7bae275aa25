import type { HyperFormula } from "hyperformula";
import { parseRange, rangeContains, type CellRef } from "../workbook/a1";
import type { WorkbookPlan } from "../workbook/plan";
import { engineValueReader, type EngineApplyResult } from "../workbook/appliers/engine";

/**
 * A model's workbook as the engine computed it, addressed by the plan's sheet names: what a
 * model's `--csv` reads its rows from (new-command.ts writes them with sheet-csv.ts).
 */
export interface ComputedBook {
  /** A computed cell of a planned sheet. */
  valueAt(plannedSheet: string, cell: CellRef): unknown;
  /**
   * A planned table's computed values, header row first. Columns the plan formats as dates come
   * as YYYY-MM-DD text, so the CSV reads as the sheet does.
   */
  table(plannedSheet: string, tableName: string): unknown[][];
}

export function computedBook(hf: HyperFormula, plan: WorkbookPlan, applied: Pick<EngineApplyResult, "sheetNames">): ComputedBook {
  return {
    valueAt: engineValueReader(hf, applied),
    table: (plannedSheet, tableName) =>
      tableValues(hf, plan, applied.sheetNames[plannedSheet] ?? plannedSheet, plannedSheet, tableName),
  };
}

function tableValues(
  hf: HyperFormula,
  plan: WorkbookPlan,
  engineSheet: string,
  plannedSheet: string,
  tableName: string,
): unknown[][] {
  const planned = plan.sheets.find((s) => s.name === plannedSheet);
  const table = planned?.tables?.find((t) => t.name === tableName);
  const id = hf.getSheetId(engineSheet);
  if (!planned || !table || id === undefined) throw new Error(`no table ${tableName} on ${engineSheet}`);
  const range = parseRange(table.range);
  const dateColumns = new Set<number>();
  for (const format of planned.numberFormats ?? []) {
    if (!/y{2,4}-m{1,2}-d{1,2}/i.test(format.format)) continue;
    const formatted = parseRange(format.range);
    for (let col = formatted.start.col; col <= formatted.end.col; col++) {
      const column = { start: { row: range.start.row + 1, col }, end: { row: range.start.row + 1, col } };
      if (rangeContains(formatted, column)) dateColumns.add(col - range.start.col);
    }
  }
  const values = hf.getRangeValues({
    start: { sheet: id, row: range.start.row, col: range.start.col },
    end: { sheet: id, row: range.end.row, col: range.end.col },
  });
  return values.map((row, r) => row.map((value, c) => (r > 0 && dateColumns.has(c) ? isoDate(value) : value)));
}

function isoDate(value: unknown): unknown {
  if (typeof value !== "number" || value < 61) return value;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000).toISOString().slice(0, 10);
}
