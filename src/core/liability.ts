import { fail, guarded, isExcelError } from "./errors";
import { readNumber, toGrid, type FunctionResult } from "./excel-values";
import { checkAmount, formatNumber, readOptionalArgumentNumber, requireFinite } from "./rates";
import { oneCell } from "./result-shapes";

/**
 * PE.LIABILITY_CAP: a liability or indemnity cap, the greater of a floor and a multiple of fees
 * paid, at most a ceiling. "12 months of fees or $500K, whichever is greater" is a floor of
 * 500000 over twelve monthly fees; "indemnity at 2× annual value" is a multiple of 2.
 */

export const DEFAULT_FLOOR = 0;
export const DEFAULT_MULTIPLE = 1;

export function liabilityCap(fees: number, floor = DEFAULT_FLOOR, multiple = DEFAULT_MULTIPLE, ceiling?: number): number {
  checkAmount(fees, "fees_paid total");
  checkAmount(floor, "floor");
  checkAmount(multiple, "multiple");
  if (ceiling !== undefined) {
    if (!Number.isFinite(ceiling)) fail("#NUM!", `ceiling is ${ceiling}: enter a finite number, or leave it out for no ceiling`);
    if (ceiling < floor) {
      fail(
        "#NUM!",
        `ceiling ${formatNumber(ceiling)} is below floor ${formatNumber(floor)}: the ceiling must be at least the floor`,
      );
    }
  }
  const uncapped = Math.max(floor, multiple * fees);
  return requireFinite(ceiling === undefined ? uncapped : Math.min(ceiling, uncapped), "the cap");
}

/**
 * fees_paid always arrives as a 2-D array. One cell reads like a typed number (numeric text
 * accepted, other text refused); a larger range adds up like SUM: only numbers count, blanks,
 * text and booleans are skipped, and an errored cell passes its error on.
 */
export function totalFeesPaid(argument: unknown): number {
  const grid = toGrid(argument, "fees_paid");
  if (grid.length === 1 && grid[0].length === 1) return readNumber(grid[0][0], "fees_paid", "zero");
  let total = 0;
  grid.forEach((cells, row) =>
    cells.forEach((cell, col) => {
      if (isExcelError(cell)) throw cell;
      if (typeof cell !== "number") return;
      if (!Number.isFinite(cell)) fail("#NUM!", `fees_paid row ${row + 1}, column ${col + 1} is ${cell}: enter a finite number`);
      total += cell;
    }),
  );
  if (!Number.isFinite(total)) fail("#NUM!", "fees_paid adds up to more than can be computed: check for a typing slip");
  return total;
}

export function liabilityCapCells(feesPaid: unknown, floor?: unknown, multiple?: unknown, ceiling?: unknown): FunctionResult {
  return guarded(() => {
    const total = totalFeesPaid(feesPaid);
    const floorValue = readOptionalArgumentNumber(floor, "floor") ?? DEFAULT_FLOOR;
    const multipleValue = readOptionalArgumentNumber(multiple, "multiple") ?? DEFAULT_MULTIPLE;
    const ceilingValue = readOptionalArgumentNumber(ceiling, "ceiling");
    return liabilityCap(total, floorValue, multipleValue, ceilingValue);
  });
}
liabilityCapCells.resultShape = oneCell;
