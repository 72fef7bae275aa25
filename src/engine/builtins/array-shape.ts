/**
 * Array-shaping built-ins HyperFormula lacks: MUNIT, EXPAND, TAKE and DROP. Counts are truncated
 * to whole numbers, blank is 0, a count that leaves nothing is #VALUE! (Excel's result for these).
 */
import { CellError } from "hyperformula";
import { asMatrix, isMatrix, naError, toNumber, valueError, type Matrix, type Scalar, type Value } from "./values";

type Args = (Value | undefined)[];

/** A count argument: its first cell when an array is given; undefined when omitted. */
function count(value: Value | undefined): number | undefined | CellError {
  if (value === undefined) return undefined;
  const n = toNumber(isMatrix(value) ? (value[0]?.[0] ?? null) : value);
  return n instanceof CellError ? n : Math.trunc(n);
}

/** MUNIT(dimension): the identity matrix. */
export function munit(args: Args): Value {
  if (args[0] !== undefined && isMatrix(args[0]) && args[0].flat().length > 1) return valueError("MUNIT takes one number");
  const n = count(args[0] ?? null);
  if (n instanceof CellError) return n;
  if (n === undefined || n < 1) return valueError("MUNIT's dimension must be at least 1");
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r === c ? 1 : 0)));
}

/** EXPAND(array, rows, [columns], [pad_with=#N/A]). */
export function expand(args: Args): Value {
  const array = asMatrix(args[0] ?? null);
  const rows = count(args[1] === undefined ? undefined : args[1]);
  const cols = count(args[2]);
  if (rows instanceof CellError) return rows;
  if (cols instanceof CellError) return cols;
  const height = rows ?? array.length;
  const width = cols ?? array[0].length;
  if (height < array.length || width < array[0].length) return valueError("EXPAND cannot make an array smaller");
  const padCell = args[3] === undefined ? undefined : isMatrix(args[3]) ? (args[3][0]?.[0] ?? null) : args[3];
  const pad: Scalar = padCell === undefined ? naError("padding") : padCell;
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => array[r]?.[c] ?? pad));
}

function slice(array: Matrix, rows: number | undefined, cols: number | undefined, take: boolean): Value {
  const pick = <T>(list: T[], n: number | undefined): T[] => {
    if (n === undefined) return list;
    if (take) return n >= 0 ? list.slice(0, n) : list.slice(Math.max(0, list.length + n));
    return n >= 0 ? list.slice(n) : list.slice(0, Math.max(0, list.length + n));
  };
  const out = pick(array, rows).map((row) => pick(row, cols));
  return out.length === 0 || out[0].length === 0 ? valueError("nothing is left of the array") : out;
}

function takeOrDrop(args: Args, take: boolean): Value {
  const array = asMatrix(args[0] ?? null);
  const rows = count(args[1]);
  const cols = count(args[2]);
  if (rows instanceof CellError) return rows;
  if (cols instanceof CellError) return cols;
  return slice(array, rows, cols, take);
}

export const take = (args: Args): Value => takeOrDrop(args, true);
export const drop = (args: Args): Value => takeOrDrop(args, false);

/**
 * The size TAKE or DROP gives when the counts are written in the formula. A count read from a cell
 * is known only when computing, after the engine has reserved the spill: then one cell is reserved
 * (the result's first cell; an upper bound would block neighbouring cells Excel leaves free).
 */
export function sliceShape(take: boolean) {
  return (shapes: ({ rows: number; cols: number } | undefined)[], literals: (number | undefined)[]) => {
    const whole = shapes[0] ?? { rows: 1, cols: 1 };
    const size = (n: number | undefined, all: number, given: boolean) => {
      if (!given) return all;
      if (n === undefined) return 1;
      const k = Math.min(Math.abs(Math.trunc(n)), all);
      return Math.max(1, take ? k : all - k);
    };
    return {
      rows: size(literals[1], whole.rows, shapes[1] !== undefined),
      cols: size(literals[2], whole.cols, shapes[2] !== undefined),
    };
  };
}
