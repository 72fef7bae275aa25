/**
 * Where the active cell goes after Tab, Shift+Tab, Enter and Shift+Enter, as in Excel: Tab moves
 * right and Shift+Tab left; Enter moves down and Shift+Enter up; and Enter after a run of Tabs
 * goes down to the column where the run started, so typing a table row by row (value, Tab,
 * value, Tab, value, Enter) lands at the start of the next row.
 */
import { MAX_COLUMNS, MAX_ROWS, type CellRef } from "../../workbook/a1";

export type MoveKey = "Tab" | "Enter";

export interface Moved {
  to: CellRef;
  /** The column where the current run of Tabs started, or null when no run is going on. */
  tabRunStart: number | null;
}

export function clampCell(cell: CellRef): CellRef {
  return { row: Math.max(0, Math.min(MAX_ROWS - 1, cell.row)), col: Math.max(0, Math.min(MAX_COLUMNS - 1, cell.col)) };
}

export function moveAfter(from: CellRef, key: MoveKey, shift: boolean, tabRunStart: number | null): Moved {
  if (key === "Tab") {
    const start = tabRunStart ?? from.col;
    return { to: clampCell({ row: from.row, col: from.col + (shift ? -1 : 1) }), tabRunStart: start };
  }
  if (shift) return { to: clampCell({ row: from.row - 1, col: from.col }), tabRunStart: null };
  return { to: clampCell({ row: from.row + 1, col: tabRunStart ?? from.col }), tabRunStart: null };
}
