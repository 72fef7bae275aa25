import { CellError, EmptyValue, SimpleRangeValue } from "./hyperformula-values";
import type { ExcelError } from "../core/errors";
import type { CellInput, Grid } from "../core/excel-values";
import { toCoreError } from "./error-codes";

/**
 * Turns what HyperFormula evaluated for one argument into what core expects from any host: blanks
 * as null, ranges and array constants as 2-D arrays, and errors core understands as ExcelError
 * values (core passes them on). Any other engine error (#REF!, #NAME?, …) stops the call: it is
 * returned as an `EngineAbort` and the function yields that error without calling core.
 */
export class EngineAbort extends Error {
  constructor(readonly error: CellError) {
    super(`engine error ${error.type} in an argument`);
  }
}

/** A blank / number / text / boolean / error cell in engine terms (numbers may carry a format). */
type EngineScalar = unknown;

function isFormattedNumber(value: unknown): value is { val: number } {
  // HyperFormula wraps numbers typed as percent, currency or date in a RichNumber with `val`.
  return typeof value === "object" && value !== null && typeof (value as { val?: unknown }).val === "number";
}

function toCoreCell(value: EngineScalar): CellInput | ExcelError {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (value instanceof CellError) {
    const coreError = toCoreError(value);
    if (coreError === undefined) throw new EngineAbort(value);
    return coreError;
  }
  if (isFormattedNumber(value)) return value.val;
  return value as CellInput;
}

function toCoreGrid(range: SimpleRangeValue): Grid<CellInput> {
  return range.rawData().map((row) => row.map(toCoreCell));
}

/**
 * One argument for core. `omitted` is true when the user left the argument out (`PE.F(a,,c)` or a
 * trailing one): core gets null, as Excel passes it. A matrix parameter always gets a 2-D array,
 * as Excel passes a single value to it (`[[x]]`); a scalar parameter gets a single value or, when
 * given a range, the 2-D array (core refuses it with a message naming the argument).
 */
export function toCoreArgument(value: unknown, matrix: boolean, omitted: boolean): unknown {
  if (omitted) return null;
  if (value instanceof SimpleRangeValue) return toCoreGrid(value);
  const cell = toCoreCell(value);
  return matrix ? [[cell]] : cell;
}
