/**
 * A table of a written plan, one row longer: what the workbench keeps about a table when a user
 * types in the row just below it (Excel's AutoExpansion: "the table expands to include the new
 * row", and calculated columns fill it; support.microsoft.com "Use calculated columns in an Excel
 * table" and "Resize a table by adding or removing rows and columns"). The plan's range grows, and
 * so does the dressing Excel carries along with a table's columns: number formats, styles, data
 * validation and conditional formats laid over exactly the table's data rows, and names on them.
 */
import { parseRange, rangeAddress, type CellRef, type RangeRef } from "./a1";
import type { SheetPlan, TablePlan, WorkbookPlan } from "./plan";

export interface TableBelow {
  sheet: string;
  table: TablePlan;
}

/**
 * The table whose row just below holds `cell` on `sheet`, if any (the newest plan's table wins, as
 * the workbench dresses sheets with the newest plan on top).
 */
export function tableJustAbove(plans: readonly WorkbookPlan[], sheet: string, cell: CellRef): TableBelow | undefined {
  for (const plan of [...plans].reverse())
    for (const planned of plan.sheets) {
      if (planned.name !== sheet) continue;
      for (const table of planned.tables ?? []) {
        const range = parseRange(table.range);
        if (cell.row === range.end.row + 1 && cell.col >= range.start.col && cell.col <= range.end.col) return { sheet, table };
      }
    }
  return undefined;
}

/** `range` one row longer when it lies over exactly the data rows `data` spans, within its columns. */
function grownOver(address: string, data: RangeRef): string {
  let range: RangeRef;
  try {
    range = parseRange(address);
  } catch {
    return address;
  }
  const over =
    range.start.row === data.start.row &&
    range.end.row === data.end.row &&
    range.start.col >= data.start.col &&
    range.end.col <= data.end.col;
  return over ? rangeAddress({ start: range.start, end: { row: range.end.row + 1, col: range.end.col } }) : address;
}

function grownSheet(sheet: SheetPlan, tableName: string): SheetPlan {
  const table = (sheet.tables ?? []).find((t) => t.name === tableName);
  if (!table) return sheet;
  const range = parseRange(table.range);
  const data: RangeRef = { start: { row: range.start.row + 1, col: range.start.col }, end: range.end };
  const grow = <T extends { range: string }>(items: T[] | undefined): T[] | undefined =>
    items?.map((item) => ({ ...item, range: grownOver(item.range, data) }));
  return {
    ...sheet,
    tables: sheet.tables?.map((t) =>
      t === table
        ? { ...t, range: rangeAddress({ start: range.start, end: { row: range.end.row + 1, col: range.end.col } }) }
        : t,
    ),
    numberFormats: grow(sheet.numberFormats),
    cellStyles: grow(sheet.cellStyles),
    validations: grow(sheet.validations),
    conditionalFormats: grow(sheet.conditionalFormats),
  };
}

/** The plans with table `tableName` of `sheet` one data row longer, and what is laid over its data rows with it. */
export function growTableInPlans(plans: readonly WorkbookPlan[], sheet: string, tableName: string): WorkbookPlan[] {
  return plans.map((plan) => {
    const planned = plan.sheets.find((s) => s.name === sheet && (s.tables ?? []).some((t) => t.name === tableName));
    if (!planned) return plan;
    const range = parseRange(planned.tables!.find((t) => t.name === tableName)!.range);
    const data: RangeRef = { start: { row: range.start.row + 1, col: range.start.col }, end: range.end };
    return {
      ...plan,
      sheets: plan.sheets.map((s) => (s === planned ? grownSheet(s, tableName) : s)),
      names: plan.names.map((item) => (item.sheet === sheet ? { ...item, range: grownOver(item.range, data) } : item)),
    };
  });
}
