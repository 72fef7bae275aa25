/**
 * The criteria functions (SUMIF, SUMIFS, COUNTIF, COUNTIFS, AVERAGEIF, MAXIFS, MINIFS) and the
 * logical AND, OR, XOR over ranges, with Excel's semantics: criteria as criteria.ts reads them
 * (an empty criterion cell is 0), numbers only summed, errors in matched cells passed on, ranges
 * of different sizes #VALUE!. Ours replace the engine's, which give #VALUE! for an empty
 * criterion and, with array arithmetic on, spill AND(range) into an array.
 */
import { CellError } from "hyperformula";
import { parseCriterion } from "./criteria";
import { asMatrix, divError, isMatrix, naError, valueError, type Matrix, type Scalar, type Value } from "./values";

interface Condition {
  range: Matrix;
  test: (cell: Scalar) => boolean;
}

function criterionValue(value: Value | undefined): Scalar {
  if (value === undefined) return null;
  return isMatrix(value) ? (value[0]?.[0] ?? null) : value;
}

function conditions(args: (Value | undefined)[], from: number): Condition[] | CellError {
  const list: Condition[] = [];
  for (let i = from; i < args.length; i += 2) {
    const criterion = criterionValue(args[i + 1]);
    list.push({ range: asMatrix(args[i] ?? null), test: parseCriterion(criterion) });
  }
  const [first] = list;
  if (first && list.some((c) => c.range.length !== first.range.length || c.range[0].length !== first.range[0].length))
    return valueError("the criteria ranges must be the same size");
  return list;
}

/** Visits every position where all conditions hold; `target` (when given) must be as large as the condition ranges. */
function eachMatch(list: Condition[], visit: (row: number, col: number) => CellError | void): CellError | undefined {
  const height = list[0].range.length;
  const width = list[0].range[0].length;
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) {
      if (!list.every((condition) => condition.test(condition.range[r][c]))) continue;
      const stop = visit(r, c);
      if (stop) return stop;
    }
  return undefined;
}

function numbersAt(target: Matrix, list: Condition[]): number[] | CellError {
  const numbers: number[] = [];
  const stop = eachMatch(list, (r, c) => {
    const cell = target[r]?.[c] ?? null;
    if (cell instanceof CellError) return cell;
    if (typeof cell === "number") numbers.push(cell);
    return undefined;
  });
  return stop ?? numbers;
}

function pairs(args: (Value | undefined)[], from: number, name: string): Condition[] | CellError {
  if ((args.length - from) % 2 !== 0 || args.length - from < 2) return naError(`${name} takes range/criterion pairs`);
  return conditions(args, from);
}

export function sumif(args: (Value | undefined)[]): Value {
  const list = conditions([args[0], args[1]], 0);
  if (list instanceof CellError) return list;
  const target = args[2] === undefined ? list[0].range : asMatrix(args[2]);
  const numbers = numbersAt(target, list);
  return numbers instanceof CellError ? numbers : numbers.reduce((a, b) => a + b, 0);
}

export function sumifs(args: (Value | undefined)[]): Value {
  const list = pairs(args, 1, "SUMIFS");
  if (list instanceof CellError) return list;
  const target = asMatrix(args[0] ?? null);
  if (target.length !== list[0].range.length || target[0].length !== list[0].range[0].length)
    return valueError("SUMIFS's ranges must be the same size");
  const numbers = numbersAt(target, list);
  return numbers instanceof CellError ? numbers : numbers.reduce((a, b) => a + b, 0);
}

export function countifs(args: (Value | undefined)[]): Value {
  const list = pairs(args, 0, "COUNTIFS");
  if (list instanceof CellError) return list;
  let count = 0;
  eachMatch(list, () => {
    count++;
  });
  return count;
}

export function averageif(args: (Value | undefined)[]): Value {
  const list = conditions([args[0], args[1]], 0);
  if (list instanceof CellError) return list;
  const target = args[2] === undefined ? list[0].range : asMatrix(args[2]);
  const numbers = numbersAt(target, list);
  if (numbers instanceof CellError) return numbers;
  return numbers.length === 0 ? divError("no cell meets the criterion") : numbers.reduce((a, b) => a + b, 0) / numbers.length;
}

function extremeIfs(args: (Value | undefined)[], name: string, pick: (xs: number[]) => number): Value {
  const list = pairs(args, 1, name);
  if (list instanceof CellError) return list;
  const target = asMatrix(args[0] ?? null);
  if (target.length !== list[0].range.length || target[0].length !== list[0].range[0].length)
    return valueError(`${name}'s ranges must be the same size`);
  const numbers = numbersAt(target, list);
  if (numbers instanceof CellError) return numbers;
  return numbers.length === 0 ? 0 : pick(numbers);
}

export const maxifs = (args: (Value | undefined)[]): Value => extremeIfs(args, "MAXIFS", (xs) => Math.max(...xs));
export const minifs = (args: (Value | undefined)[]): Value => extremeIfs(args, "MINIFS", (xs) => Math.min(...xs));

/** The logical values AND/OR/XOR read: from ranges booleans and numbers (text and blanks skipped), direct values coerced. */
function logicalValues(args: (Value | undefined)[]): boolean[] | CellError {
  const values: boolean[] = [];
  for (const arg of args) {
    if (arg === undefined) continue;
    if (isMatrix(arg)) {
      for (const cell of arg.flat()) {
        if (cell instanceof CellError) return cell;
        if (typeof cell === "boolean") values.push(cell);
        else if (typeof cell === "number") values.push(cell !== 0);
      }
      continue;
    }
    if (arg instanceof CellError) return arg;
    if (arg === null) continue;
    if (typeof arg === "boolean") values.push(arg);
    else if (typeof arg === "number") values.push(arg !== 0);
    else if (/^true$/i.test(arg)) values.push(true);
    else if (/^false$/i.test(arg)) values.push(false);
    else return valueError(`"${arg}" is not TRUE or FALSE`);
  }
  return values.length === 0 ? valueError("no logical values") : values;
}

export function and(args: (Value | undefined)[]): Value {
  const values = logicalValues(args);
  return values instanceof CellError ? values : values.every(Boolean);
}

export function or(args: (Value | undefined)[]): Value {
  const values = logicalValues(args);
  return values instanceof CellError ? values : values.some(Boolean);
}

export function xor(args: (Value | undefined)[]): Value {
  const values = logicalValues(args);
  return values instanceof CellError ? values : values.filter(Boolean).length % 2 === 1;
}

/**
 * Several criteria at once (`SUMIF(E:E, UNIQUE(E:E), F:F)`, `COUNTIF(A:A, {"a","b"})`): Excel gives
 * one result per criterion, in the criteria's shape. `criteria` says which arguments are criteria.
 */
export function liftCriteria(
  fn: (args: (Value | undefined)[]) => Value,
  criteria: (index: number, count: number) => boolean,
): (args: (Value | undefined)[]) => Value {
  return (args) => {
    const lifted = args.map(
      (arg, i) => criteria(i, args.length) && arg !== undefined && isMatrix(arg) && (arg.length > 1 || arg[0].length > 1),
    );
    if (!lifted.includes(true)) return fn(args);
    const shapes = args.filter((_, i) => lifted[i]) as Matrix[];
    const rows = Math.max(...shapes.map((m) => m.length));
    const cols = Math.max(...shapes.map((m) => m[0].length));
    const out: Matrix = [];
    for (let r = 0; r < rows; r++) {
      const row: Scalar[] = [];
      for (let c = 0; c < cols; c++) {
        const at = args.map((arg, i) => {
          if (!lifted[i]) return arg;
          const m = arg as Matrix;
          return m[m.length === 1 ? 0 : r]?.[m[0].length === 1 ? 0 : c] ?? naError();
        });
        const result = fn(at);
        row.push(isMatrix(result) ? (result[0]?.[0] ?? null) : result);
      }
      out.push(row);
    }
    return out;
  };
}

/** The criteria positions: SUMIF/COUNTIF/AVERAGEIF's second argument, the *IFS functions' pairs. */
export const secondArgument = (index: number) => index === 1;
export const pairsFrom = (first: number) => (index: number) => index > first && (index - first) % 2 === 0;
