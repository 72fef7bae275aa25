import type { ErrorCode } from "../core/errors";
import { ExcelError } from "../core/errors";
import { asGrid, type CellResult, type FunctionResult } from "../core/excel-values";

/**
 * Turns core results into what Excel's custom-functions runtime expects. Read at call time:
 * `CustomFunctions` exists only inside Excel's runtime.
 */
function excelErrorCode(code: ErrorCode): CustomFunctions.ErrorCode {
  switch (code) {
    case "#VALUE!":
      return CustomFunctions.ErrorCode.invalidValue;
    case "#NUM!":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "#N/A":
      return CustomFunctions.ErrorCode.notAvailable;
    case "#DIV/0!":
      return CustomFunctions.ErrorCode.divisionByZero;
  }
}

/** Excel displays a custom message only on #VALUE! and #N/A. */
const CODES_WITH_MESSAGE: ReadonlySet<ErrorCode> = new Set(["#VALUE!", "#N/A"]);

export function toCustomFunctionsError(error: ExcelError): CustomFunctions.Error {
  const code = excelErrorCode(error.code);
  return CODES_WITH_MESSAGE.has(error.code) ? new CustomFunctions.Error(code, error.message) : new CustomFunctions.Error(code);
}

function toExcelCell(cell: CellResult): unknown {
  return cell instanceof ExcelError ? toCustomFunctionsError(cell) : cell;
}

function containsError(grid: readonly (readonly CellResult[])[]): boolean {
  for (const row of grid) for (const cell of row) if (cell instanceof ExcelError) return true;
  return false;
}

/**
 * A matrix result (one cell shows as one value); errors inside stay per cell. Core builds a new
 * grid for every call, so one without errors is handed over as it is rather than copied: this
 * runs once per formula per recalculation.
 */
export function toExcelMatrix(result: FunctionResult): unknown[][] {
  if (result instanceof ExcelError) throw toCustomFunctionsError(result);
  const grid = asGrid(result);
  return containsError(grid) ? grid.map((row) => row.map(toExcelCell)) : grid;
}

/** A single-value result; an error is thrown, which is how the runtime expects it. */
export function toExcelScalar<T>(result: FunctionResult): T {
  if (result instanceof ExcelError) throw toCustomFunctionsError(result);
  if (Array.isArray(result)) return toExcelScalar<T>(result[0][0]);
  return result as T;
}
