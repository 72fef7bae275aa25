/** LOOKUP, XMATCH and XLOOKUP as Excel defines them. */
import { CellError } from "hyperformula";
import { findMatch, findSortedAtMost } from "./match";
import { CellError as ErrorCell, ErrorType } from "hyperformula";
import {
  asMatrix,
  flatten,
  isMatrix,
  naError,
  toBoolean,
  toNumber,
  valueError,
  type Matrix,
  type Scalar,
  type Value,
} from "./values";

const refError = (message: string) => new ErrorCell(ErrorType.REF, message);

export interface Shape {
  rows: number;
  cols: number;
}

function vector(value: Value): { cells: Scalar[]; column: boolean } {
  const matrix = asMatrix(value);
  return { cells: matrix.flat(), column: matrix.length >= (matrix[0]?.length ?? 0) };
}

/** LOOKUP(value, lookup_vector, [result_vector]) and the array form LOOKUP(value, array). */
export function lookup(args: (Value | undefined)[]): Value {
  const [value, where, result] = args;
  if (value === undefined || where === undefined) return naError("LOOKUP needs a value and where to look");
  const lookFor = isMatrix(value) ? (value[0]?.[0] ?? null) : value;
  if (lookFor instanceof CellError) return lookFor;
  const matrix = asMatrix(where);
  let searched: Scalar[];
  let returned: Scalar[];
  if (result !== undefined) {
    searched = matrix.flat();
    returned = flatten(result);
  } else {
    const height = matrix.length;
    const width = matrix[0]?.length ?? 0;
    if (width > height) {
      searched = matrix[0];
      returned = matrix[height - 1];
    } else {
      searched = matrix.map((row) => row[0]);
      returned = matrix.map((row) => row[width - 1]);
    }
  }
  const index = findSortedAtMost(lookFor, searched);
  if (index < 0) return naError("no value at most the one looked up");
  return index < returned.length ? (returned[index] ?? 0) : naError("the result vector is shorter");
}

function modes(args: (Value | undefined)[], from: number): { matchMode: number; searchMode: number } | CellError {
  const matchMode = args[from] === undefined || args[from] === null ? 0 : toNumber(args[from]);
  const searchMode = args[from + 1] === undefined || args[from + 1] === null ? 1 : toNumber(args[from + 1]);
  if (matchMode instanceof CellError) return matchMode;
  if (searchMode instanceof CellError) return searchMode;
  if (![0, -1, 1, 2].includes(Math.trunc(matchMode)) || ![1, -1, 2, -2].includes(Math.trunc(searchMode)))
    return valueError("match mode must be 0, -1, 1 or 2 and search mode 1, -1, 2 or -2");
  return { matchMode: Math.trunc(matchMode), searchMode: Math.trunc(searchMode) };
}

function eachLookupValue(value: Value, fn: (scalar: Scalar) => Scalar): Value {
  if (!isMatrix(value)) return fn(value);
  const out: Matrix = value.map((row) => row.map(fn));
  return out.length === 1 && out[0].length === 1 ? out[0][0] : out;
}

export function xmatch(args: (Value | undefined)[]): Value {
  const [value, where] = args;
  if (value === undefined || where === undefined) return naError("XMATCH needs a value and where to look");
  const mode = modes(args, 2);
  if (mode instanceof CellError) return mode;
  const { cells } = vector(where);
  return eachLookupValue(value, (scalar) => {
    if (scalar instanceof CellError) return scalar;
    const index = findMatch(scalar, cells, mode.matchMode, mode.searchMode);
    return index < 0 ? naError("no match") : index + 1;
  });
}

export function xlookup(args: (Value | undefined)[]): Value {
  const [value, where, results, ifNotFound] = args;
  if (value === undefined || where === undefined || results === undefined)
    return naError("XLOOKUP needs a value, where to look and what to return");
  const mode = modes(args, 4);
  if (mode instanceof CellError) return mode;
  const searched = asMatrix(where);
  const returned = asMatrix(results);
  const column =
    searched[0]?.length === 1 &&
    searched.length >= 1 &&
    !(searched.length === 1 && returned.length === 1 && returned[0].length > 1);
  const cells = searched.flat();
  if ((column ? returned.length : (returned[0]?.length ?? 0)) !== cells.length)
    return valueError("XLOOKUP's lookup and return arrays must be as long as each other");
  const slice = (index: number): Value => (column ? [returned[index]] : returned.map((row) => [row[index]]));
  const notFound = (): Value => (ifNotFound === undefined ? naError("no match") : ifNotFound);
  const one = (scalar: Scalar): Value => {
    if (scalar instanceof CellError) return scalar;
    const index = findMatch(scalar, cells, mode.matchMode, mode.searchMode);
    if (index < 0) return notFound();
    const found = slice(index);
    return isMatrix(found) && found.length === 1 && found[0].length === 1 ? found[0][0] : found;
  };
  if (!isMatrix(value)) return one(value);
  if (value.length === 1 && value[0].length === 1) return one(value[0][0]);
  return value.map((row) =>
    row.map((scalar) => {
      const found = one(scalar);
      return isMatrix(found) ? (found[0]?.[0] ?? null) : found;
    }),
  );
}

export function xlookupShape(shapes: (Shape | undefined)[]): Shape {
  const [value, where, results, ifNotFound] = shapes;
  if (value && value.rows * value.cols > 1) return value;
  if (!where || !results) return { rows: 1, cols: 1 };
  const column = where.cols === 1 && !(where.rows === 1 && results.rows === 1 && results.cols > 1);
  const found = column ? { rows: 1, cols: results.cols } : { rows: results.rows, cols: 1 };
  if (ifNotFound) return { rows: Math.max(found.rows, ifNotFound.rows), cols: Math.max(found.cols, ifNotFound.cols) };
  return found;
}

/**
 * VLOOKUP / HLOOKUP (value, table, index, [range_lookup=TRUE]) over ranges and array constants
 * alike. Exact lookups take wildcards in text; approximate ones the last value of the lookup
 * value's kind not greater than it (data sorted ascending); a blank lookup value is 0.
 */
function tableLookup(args: (Value | undefined)[], vertical: boolean): Value {
  const [value, table, index, approximate] = args;
  if (value === undefined || table === undefined || index === undefined)
    return valueError("the lookup needs a value, a table and an index");
  const lookFor = isMatrix(value) ? (value[0]?.[0] ?? null) : value;
  if (lookFor instanceof CellError) return lookFor;
  const matrix = asMatrix(table);
  const indexCell = isMatrix(index) ? (index[0]?.[0] ?? null) : index;
  const n = toNumber(indexCell);
  if (n instanceof CellError) return n;
  const sorted = approximate === undefined ? true : toBoolean(approximate, true);
  if (sorted instanceof CellError) return sorted;
  const which = Math.trunc(n);
  const size = vertical ? (matrix[0]?.length ?? 0) : matrix.length;
  if (which < 1) return valueError("the index must be at least 1");
  if (which > size) return refError("the index is past the table");
  const keys = vertical ? matrix.map((row) => row[0]) : matrix[0];
  const target = lookFor ?? 0;
  const found = sorted ? findSortedAtMost(target, keys) : findMatch(target, keys, typeof target === "string" ? 2 : 0, 1);
  if (found < 0) return naError("the value is not in the table");
  const result = vertical ? matrix[found][which - 1] : matrix[which - 1][found];
  return result ?? 0;
}

export const vlookup = (args: (Value | undefined)[]): Value => tableLookup(args, true);
export const hlookup = (args: (Value | undefined)[]): Value => tableLookup(args, false);
