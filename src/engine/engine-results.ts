import { CellError, ErrorType, SimpleRangeValue } from "hyperformula";
import { INTERNAL_ERROR_PREFIX, isExcelError } from "../core/errors";
import type { Shape } from "../core/excel-values";
import { toEngineError } from "./error-codes";

/**
 * Turns a core result into an engine value: an ExcelError becomes a CellError with the same code
 * and message, a grid a SimpleRangeValue (a 1×1 grid its single value, as Excel shows it).
 */
type EngineCell = number | string | boolean | CellError;
export type EngineValue = EngineCell | SimpleRangeValue;

function internalError(detail: string): CellError {
  return new CellError(ErrorType.VALUE, `${INTERNAL_ERROR_PREFIX}: ${detail} (please report this)`);
}

function toEngineCell(cell: unknown): EngineCell {
  if (isExcelError(cell)) return toEngineError(cell);
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : internalError(`the result ${cell} is not a finite number`);
  if (typeof cell === "string" || typeof cell === "boolean") return cell;
  return internalError(`the result ${String(cell)} is not a cell value`);
}

function describeShape(shape: Shape): string {
  return `${shape.rows}×${shape.cols}`;
}

/**
 * `reservedShape` gives the spill area sized from the formula's syntax before computing (asked
 * only for a grid). A result that does not fit cannot be written (HyperFormula would fail), so it
 * becomes an error that says why.
 */
export function toEngineValue(result: unknown, functionName: string, reservedShape: () => Shape): EngineValue {
  if (!Array.isArray(result)) return toEngineCell(result);
  const rows = result.length;
  const cols = Array.isArray(result[0]) ? result[0].length : 0;
  if (rows === 0 || cols === 0 || !result.every((row) => Array.isArray(row) && row.length === cols)) {
    return internalError(`${functionName} returned an empty or ragged array`);
  }
  if (rows === 1 && cols === 1) return toEngineCell(result[0][0]);
  const reserved = reservedShape();
  if (rows > reserved.rows || cols > reserved.cols) {
    return new CellError(
      ErrorType.VALUE,
      `${functionName} gives a ${describeShape({ rows, cols })} result but the engine could only size ${describeShape(reserved)} ` +
        "from the formula: pass the range itself (e.g. B2:F100) rather than a name or a computed range, and type a size as a number (e.g. 30)",
    );
  }
  return SimpleRangeValue.onlyValues((result as unknown[][]).map((row) => row.map(toEngineCell)));
}
