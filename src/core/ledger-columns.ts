import { fail, isExcelError } from "./errors";
import { isBlank, positionName, readNumber, toGrid, type CellInput, type Grid } from "./excel-values";

/**
 * The ledger columns the payout functions share (PE.PAYOUT_LEDGER, PE.PAYOUT_TOTALS, PE.DISTINCT_KEYS): amounts in
 * one row or column, and partner and period keys of the same shape that match like Excel's `=`.
 */

/** A partner or period key as a cell holds it; blank is null. */
export type LedgerKey = string | number | boolean | null;

const BLANK_KEY = Symbol("blank");
/** A key as a Map compares it: equal keys are equal under Excel's `=`. */
export type NormalKey = string | number | boolean | symbol;

/** Keys compare like Excel's `=`: text case-insensitively, a number never equal to its text, blank a key of its own. */
export function normalKey(key: LedgerKey | undefined): NormalKey {
  if (typeof key === "string") return key === "" ? BLANK_KEY : key.toLowerCase();
  if (key === null || key === undefined) return BLANK_KEY;
  // A Map compares numbers by SameValueZero: 0 and -0 are one key, and a number never equals a string.
  return key;
}

export function describeShape(grid: Grid<unknown>): string {
  return `${grid.length}×${grid[0].length}`;
}

/** A row or column of keys with exactly the shape of amounts; an errored cell passes its error on. */
export function readKeys(argument: unknown, what: "partners" | "periods", amounts: Grid<unknown>): LedgerKey[] {
  const grid = toGrid(argument, what);
  if (grid.length !== amounts.length || grid[0].length !== amounts[0].length) {
    fail(
      "#VALUE!",
      `${what} is ${describeShape(grid)} but amounts is ${describeShape(amounts)}: give one ${what === "partners" ? "partner" : "period"} per amount, in the same shape`,
    );
  }
  return keysOf(grid, what);
}

/** A row or column of keys of any length (the keys to list); an errored cell passes its error on. */
export function readKeyList(argument: unknown, what: string): LedgerKey[] {
  const grid = toGrid(argument, what);
  if (grid.length !== 1 && grid[0].length !== 1) {
    fail("#VALUE!", `${what} must be one row or one column, not a ${describeShape(grid)} block`);
  }
  return keysOf(grid, what);
}

/**
 * The keys of a grid read row by row: blank is null, an errored cell passes its error on, and a
 * number no cell can hold (infinite or NaN, from a caller other than Excel) is #NUM! naming it.
 */
function keysOf(grid: Grid<CellInput>, what: string): LedgerKey[] {
  const keys: LedgerKey[] = [];
  for (let row = 0; row < grid.length; row++) {
    for (let col = 0; col < grid[row].length; col++) {
      const cell = grid[row][col];
      if (isExcelError(cell)) throw cell;
      if (typeof cell === "number" && !Number.isFinite(cell))
        fail("#NUM!", `${what} ${positionName(grid, row, col)} is ${cell}: enter a finite number or a text key`);
      keys.push(isBlank(cell) ? null : cell);
    }
  }
  return keys;
}

export function requireRowOrColumn(grid: Grid<unknown>): void {
  if (grid.length !== 1 && grid[0].length !== 1) {
    fail("#VALUE!", `amounts must be one row or one column of transactions, not a ${describeShape(grid)} block`);
  }
}

/** The amounts in order; blank counts as 0, text that is not a number fails naming its position. */
export function readAmounts(grid: Grid<unknown>): number[] {
  const amounts: number[] = [];
  for (let row = 0; row < grid.length; row++) {
    for (let col = 0; col < grid[row].length; col++) {
      const cell = grid[row][col];
      // Clean numbers first; anything else is read (and its position named) the full way.
      amounts.push(
        typeof cell === "number" && cell - cell === 0
          ? cell
          : readNumber(cell, `amounts ${positionName(grid, row, col)}`, "zero"),
      );
    }
  }
  return amounts;
}
