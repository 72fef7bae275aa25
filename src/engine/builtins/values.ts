/**
 * Values as our own Excel built-ins see them: plain numbers, text, booleans, blanks (null) and
 * HyperFormula's CellError, one cell each, and 2-D arrays of them for ranges and array constants.
 */
import { ErrorType } from "hyperformula";
import { CellError, EmptyValue, SimpleRangeValue } from "../hyperformula-values";
import { FICTITIOUS_LEAP_DAY_SERIAL, dateOfSerial, excelDate } from "../../core/date-serials";

export type Scalar = number | string | boolean | null | CellError;
export type Matrix = Scalar[][];
export type Value = Scalar | Matrix;

export function isMatrix(value: Value): value is Matrix {
  return Array.isArray(value);
}

/** One engine value (range, array or cell) as a Scalar or a Matrix. */
export function fromEngine(value: unknown): Value {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(scalarFromEngine));
  return scalarFromEngine(value);
}

export function scalarFromEngine(value: unknown): Scalar {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (value instanceof CellError) return value;
  if (typeof value === "object" && typeof (value as { val?: unknown }).val === "number") return (value as { val: number }).val;
  return value as Scalar;
}

export function asMatrix(value: Value): Matrix {
  return isMatrix(value) ? value : [[value]];
}

/** The cells of a range read row by row. */
export function flatten(value: Value): Scalar[] {
  return isMatrix(value) ? value.flat() : [value];
}

export const valueError = (message = "") => new CellError(ErrorType.VALUE, message);
export const numError = (message = "") => new CellError(ErrorType.NUM, message);
export const naError = (message = "") => new CellError(ErrorType.NA, message);
export const divError = (message = "") => new CellError(ErrorType.DIV_BY_ZERO, message);

/**
 * A scalar argument as a number, the way Excel coerces one typed directly: blank is 0, TRUE is 1,
 * numeric text is its number; other text is #VALUE!. A range given where one value is expected
 * takes its first cell (the engine does the same for its own functions).
 */
export function toNumber(value: Value | undefined, fallback?: number): number | CellError {
  if (value === undefined) return fallback ?? valueError("missing argument");
  const scalar = isMatrix(value) ? (value[0]?.[0] ?? null) : value;
  if (scalar instanceof CellError) return scalar;
  if (scalar === null) return fallback ?? 0;
  if (typeof scalar === "number") return scalar;
  if (typeof scalar === "boolean") return scalar ? 1 : 0;
  const trimmed = scalar.trim();
  const number = trimmed === "" ? NaN : Number(trimmed.replace(/,/g, ""));
  if (Number.isFinite(number)) return number;
  if (/%$/.test(trimmed) && Number.isFinite(Number(trimmed.slice(0, -1)))) return Number(trimmed.slice(0, -1)) / 100;
  const date = dateTextSerial(trimmed);
  if (date !== undefined) return date;
  return valueError(`"${scalar}" is not a number`);
}

/**
 * A date typed as text, the way Excel's value conversion reads "29/02/1900", "3/14/2024" or "1987-08-26": day
 * and month in either order when only one order is a date (month first, as en-US, when both are).
 */
export function dateTextSerial(text: string): number | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const match = iso ? [iso[0], iso[2], iso[3], iso[1]] : /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (!match) return undefined;
  const [a, b, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [month, day] = a <= 12 ? [a, b] : [b, a];
  if (month > 12 || day < 1 || day > 31) return undefined;
  try {
    const serial = excelDate(year, month, day);
    // Roll-over is DATE's, not typing's: "31/02/2024" is not a date.
    return dateOfSerial(serial).day === day || serial === FICTITIOUS_LEAP_DAY_SERIAL ? serial : undefined;
  } catch {
    return undefined;
  }
}

export function toText(value: Value | undefined): string | CellError {
  const scalar = value === undefined ? null : isMatrix(value) ? (value[0]?.[0] ?? null) : value;
  if (scalar instanceof CellError) return scalar;
  if (scalar === null) return "";
  if (typeof scalar === "boolean") return scalar ? "TRUE" : "FALSE";
  if (typeof scalar === "number") return numberAsText(scalar);
  return scalar;
}

/** A number as Excel's General format writes it into text: up to 15 significant digits. */
export function numberAsText(value: number): string {
  if (value === 0) return "0";
  const precise = Number(value.toPrecision(15));
  const text = String(precise);
  if (!/e/.test(text)) return text;
  const [mantissa, exponent] = precise.toExponential().split("e");
  const power = Number(exponent);
  return `${mantissa.replace(/\.?0+$/, "")}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}

export function toBoolean(value: Value | undefined, fallback: boolean): boolean | CellError {
  if (value === undefined) return fallback;
  const scalar = isMatrix(value) ? (value[0]?.[0] ?? null) : value;
  if (scalar instanceof CellError) return scalar;
  if (scalar === null) return false;
  if (typeof scalar === "boolean") return scalar;
  if (typeof scalar === "number") return scalar !== 0;
  if (/^true$/i.test(scalar)) return true;
  if (/^false$/i.test(scalar)) return false;
  return valueError(`"${scalar}" is not TRUE or FALSE`);
}

export function firstError(values: readonly Scalar[]): CellError | undefined {
  return values.find((v): v is CellError => v instanceof CellError);
}
