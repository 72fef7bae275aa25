import { DetailedCellError, type CellValue } from "hyperformula";

/**
 * What a formula evaluates to, independent of HyperFormula's types: a value, a 2-D array (a spill),
 * or an Excel error with its code and message. A blank is null.
 */
export class ErrorResult {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}

  toString(): string {
    return this.message ? `${this.code} ${this.message}` : this.code;
  }
}

export type ResultCell = number | string | boolean | null | ErrorResult;
export type FormulaResult = ResultCell | ResultCell[][];

function toResultCell(value: CellValue): ResultCell {
  if (value instanceof DetailedCellError) return new ErrorResult(value.value, value.message);
  return value;
}

/** From an engine value (getCellValue, calculateFormula): a 1×1 array shows as its one value, as in Excel. */
export function toFormulaResult(value: CellValue | CellValue[][]): FormulaResult {
  if (!Array.isArray(value)) return toResultCell(value);
  if (value.length === 1 && value[0].length === 1) return toResultCell(value[0][0]);
  return value.map((row) => row.map(toResultCell));
}
