/**
 * Text functions whose Excel behaviour HyperFormula lacks or gets wrong: TEXT with Excel's
 * number-format codes (through SheetJS's `ssf`, the formatter the workbench uses for display
 * too), CONCAT, DOLLAR.
 */
import { CellError } from "hyperformula";
import * as SSF from "ssf";
import { MAX_DATE_SERIAL } from "../../core/date-serials";
import { flatten, isMatrix, toNumber, toText, valueError, type Scalar, type Value } from "./values";

/** A number formatted with an Excel format code, as TEXT and the cell display show it. */
export function formatNumber(value: number, code: string): string {
  return SSF.format(code, value);
}

function scalarOf(value: Value | undefined): Scalar {
  if (value === undefined) return null;
  return isMatrix(value) ? (value[0]?.[0] ?? null) : value;
}

/** The format code without its quoted text and escaped characters. */
function unquoted(code: string): string {
  return code.replace(/"[^"]*"/g, "").replace(/\\./g, "");
}

/**
 * A negative number that a one-section format rounds to zero shows without its sign in Excel
 * ("0", not "-0"); with a negative section of its own, that section decides.
 */
function withoutNegativeZero(out: string, code: string, number: number): string {
  if (number >= 0 || unquoted(code).includes(";") || /[1-9]/.test(out)) return out;
  return out.replace("-", "");
}

/** TEXT(value, format_text). Text that reads as a number is formatted as that number. */
export function text(args: (Value | undefined)[]): Value {
  const value = scalarOf(args[0]);
  const code = toText(args[1]);
  if (value instanceof CellError) return value;
  if (code instanceof CellError) return code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  let number: number | undefined;
  if (typeof value === "number") number = value;
  else if (value === null) number = 0;
  else {
    const parsed = toNumber(value);
    if (!(parsed instanceof CellError)) number = parsed;
  }
  try {
    if (number === undefined) return SSF.format(code, value as string);
    if (SSF.is_date(code)) {
      // Excel refuses a date format that also has digit placeholders, and a number that is no date.
      if (/#/.test(unquoted(code))) return valueError(`"${code}" mixes date parts and digit placeholders`);
      if (number < 0 || number >= MAX_DATE_SERIAL + 1) return valueError(`${number} is not a date Excel can show`);
    }
    return withoutNegativeZero(SSF.format(code, number), code, number);
  } catch (error) {
    return valueError(`TEXT cannot use the format "${code}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** CONCAT(text1, …): every cell of every argument, in reading order; blanks add nothing. */
export function concat(args: (Value | undefined)[]): Value {
  let out = "";
  for (const arg of args) {
    if (arg === undefined) continue;
    for (const cell of flatten(arg)) {
      const piece = toText(cell);
      if (piece instanceof CellError) return piece;
      out += piece;
    }
  }
  if (out.length > 32_767) return valueError("the result is longer than 32,767 characters");
  return out;
}

/** DOLLAR(number, [decimals=2]): the number rounded and written in currency format. */
export function dollar(args: (Value | undefined)[]): Value {
  const number = toNumber(args[0]);
  const decimals = args[1] === undefined || args[1] === null ? 2 : toNumber(args[1]);
  if (number instanceof CellError) return number;
  if (decimals instanceof CellError) return decimals;
  const places = Math.trunc(decimals);
  if (places > 127) return valueError("DOLLAR's decimals must be at most 127");
  const factor = 10 ** places;
  const rounded = places >= 0 ? Math.round(Math.abs(number) * factor) / factor : Math.round(Math.abs(number) * factor) / factor;
  const digits = places > 0 ? `.${"0".repeat(places)}` : "";
  const body = SSF.format(`#,##0${digits}`, rounded);
  return number < 0 && rounded !== 0 ? `($${body})` : `$${body}`;
}
