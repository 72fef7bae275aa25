/** Statistical built-ins HyperFormula lacks: AGGREGATE, AVERAGEIFS, MODE, PERCENTRANK.INC, RANK.AVG, ERROR.TYPE. */
import { CellError, ErrorType } from "hyperformula";
import { parseCriterion } from "./criteria";
import {
  asMatrix,
  divError,
  flatten,
  isMatrix,
  naError,
  numError,
  toNumber,
  valueError,
  type Scalar,
  type Value,
} from "./values";

/** The numbers of the arguments as Excel's statistical functions read them from ranges (text, booleans, blanks skipped). */
function numbersOf(args: (Value | undefined)[], ignoreErrors: boolean): number[] | CellError {
  const numbers: number[] = [];
  for (const arg of args) {
    if (arg === undefined) continue;
    if (!isMatrix(arg)) {
      if (arg instanceof CellError) {
        if (ignoreErrors) continue;
        return arg;
      }
      const n = toNumber(arg);
      if (n instanceof CellError) return n;
      numbers.push(n);
      continue;
    }
    for (const cell of arg.flat()) {
      if (cell instanceof CellError) {
        if (ignoreErrors) continue;
        return cell;
      }
      if (typeof cell === "number") numbers.push(cell);
    }
  }
  return numbers;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => sum(xs) / xs.length;
function variance(xs: number[], sample: boolean): number | CellError {
  if (xs.length < (sample ? 2 : 1)) return divError();
  const m = mean(xs);
  return sum(xs.map((x) => (x - m) ** 2)) / (xs.length - (sample ? 1 : 0));
}

function modeOf(xs: number[]): number | CellError {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestCount = 1;
  for (const x of xs) {
    const c = (counts.get(x) ?? 0) + 1;
    counts.set(x, c);
    if (c > bestCount) {
      bestCount = c;
      best = x;
    }
  }
  // Excel returns the value whose repeat comes first in reading order among the most frequent.
  if (best === undefined) return naError("no value repeats");
  for (const x of xs) if (counts.get(x) === bestCount) return x;
  return best;
}

function percentileInc(xs: number[], k: number): number | CellError {
  if (xs.length === 0 || k < 0 || k > 1) return numError();
  const sorted = [...xs].sort((a, b) => a - b);
  const position = k * (sorted.length - 1);
  const low = Math.floor(position);
  return sorted[low] + (position - low) * ((sorted[low + 1] ?? sorted[low]) - sorted[low]);
}

function percentileExc(xs: number[], k: number): number | CellError {
  const n = xs.length;
  if (n === 0 || k <= 0 || k >= 1) return numError();
  const position = k * (n + 1);
  if (position < 1 || position > n) return numError();
  const sorted = [...xs].sort((a, b) => a - b);
  const low = Math.floor(position);
  return sorted[low - 1] + (position - low) * ((sorted[low] ?? sorted[low - 1]) - sorted[low - 1]);
}

function median(xs: number[]): number | CellError {
  if (xs.length === 0) return numError();
  return percentileInc(xs, 0.5);
}

/** The top-left cell of a range argument in the workbook. */
export interface CellArea {
  sheet: number;
  row: number;
  col: number;
}

interface AggregateContext {
  areas: (CellArea | undefined)[];
  facts?: {
    hiddenRows: Map<number, Set<number>>;
    subtotalCells: Map<number, Set<number>>;
  };
}

/** A range argument with the cells AGGREGATE's options skip (hidden rows, nested SUBTOTAL/AGGREGATE) blanked. */
function skipping(
  value: Value | undefined,
  area: CellArea | undefined,
  context: AggregateContext,
  hidden: boolean,
  nested: boolean,
): Value | undefined {
  if (value === undefined || !isMatrix(value) || !area || !context.facts) return value;
  const hiddenRows = hidden ? context.facts.hiddenRows.get(area.sheet) : undefined;
  const subtotals = nested ? context.facts.subtotalCells.get(area.sheet) : undefined;
  if (!hiddenRows?.size && !subtotals?.size) return value;
  return value.map((row, r) =>
    row.map((cell, c) => {
      const at = area.row + r;
      if (hiddenRows?.has(at)) return null;
      if (subtotals?.has(at * 16_384 + area.col + c)) return null;
      return cell;
    }),
  );
}

/**
 * AGGREGATE(function_num, options, ref1, …) and AGGREGATE(function_num, options, array, k).
 * Options 0–3 skip nested SUBTOTAL and AGGREGATE cells, 1, 3, 5 and 7 hidden rows, 2, 3, 6 and 7 errors.
 */
export function aggregate(args: (Value | undefined)[], context: AggregateContext = { areas: [] }): Value {
  const fn = toNumber(args[0]);
  const options = args[1] === undefined || args[1] === null ? 0 : toNumber(args[1]);
  if (fn instanceof CellError) return fn;
  if (options instanceof CellError) return options;
  const f = Math.trunc(fn);
  const o = Math.trunc(options);
  if (f < 1 || f > 19 || o < 0 || o > 7) return valueError("AGGREGATE's function number is 1 to 19 and options 0 to 7");
  const ignoreErrors = [2, 3, 6, 7].includes(o);
  const hidden = [1, 3, 5, 7].includes(o);
  const nested = o <= 3;
  args = args.map((arg, i) => (i >= 2 ? skipping(arg, context.areas[i], context, hidden, nested) : arg));
  if (f >= 14) {
    const xs = numbersOf([args[2]], ignoreErrors);
    if (xs instanceof CellError) return xs;
    const k = toNumber(args[3]);
    if (k instanceof CellError) return k;
    const sorted = [...xs].sort((a, b) => a - b);
    switch (f) {
      case 14:
        return k >= 1 && k <= sorted.length ? sorted[sorted.length - Math.ceil(k)] : numError();
      case 15:
        return k >= 1 && k <= sorted.length ? sorted[Math.ceil(k) - 1] : numError();
      case 16:
        return percentileInc(xs, k);
      case 17:
        return k >= 0 && k <= 4 ? percentileInc(xs, Math.trunc(k) / 4) : numError();
      case 18:
        return percentileExc(xs, k);
      default:
        return k > 0 && k < 4 ? percentileExc(xs, Math.trunc(k) / 4) : numError();
    }
  }
  const refs = args.slice(2);
  if (f === 3) {
    let count = 0;
    for (const ref of refs)
      for (const cell of ref === undefined ? [] : flatten(ref))
        if (cell !== null && !(ignoreErrors && cell instanceof CellError)) count++;
    return count;
  }
  const xs = numbersOf(refs, ignoreErrors);
  if (xs instanceof CellError) return xs;
  switch (f) {
    case 1:
      return xs.length ? mean(xs) : divError();
    case 2:
      return xs.length;
    case 4:
      return xs.length ? Math.max(...xs) : 0;
    case 5:
      return xs.length ? Math.min(...xs) : 0;
    case 6:
      return xs.reduce((a, b) => a * b, 1);
    case 7:
    case 8: {
      const v = variance(xs, f === 7);
      return v instanceof CellError ? v : Math.sqrt(v);
    }
    case 9:
      return sum(xs);
    case 10:
    case 11:
      return variance(xs, f === 10);
    case 12:
      return median(xs);
    default:
      return modeOf(xs);
  }
}

/** AVERAGEIFS(average_range, criteria_range1, criteria1, …). */
export function averageifs(args: (Value | undefined)[]): Value {
  if (args.length < 3 || args.length % 2 === 0)
    return naError("AVERAGEIFS takes an average range and criteria range/criterion pairs");
  const target = asMatrix(args[0] ?? null);
  const height = target.length;
  const width = target[0]?.length ?? 0;
  const tests: { range: Scalar[][]; test: (cell: Scalar) => boolean }[] = [];
  for (let i = 1; i < args.length; i += 2) {
    const range = asMatrix(args[i] ?? null);
    if (range.length !== height || (range[0]?.length ?? 0) !== width)
      return valueError("AVERAGEIFS's ranges must be the same size");
    const criterion = args[i + 1];
    const scalar = criterion === undefined ? null : isMatrix(criterion) ? (criterion[0]?.[0] ?? null) : criterion;
    tests.push({ range, test: parseCriterion(scalar) });
  }
  let total = 0;
  let count = 0;
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) {
      if (!tests.every((t) => t.test(t.range[r][c]))) continue;
      const cell = target[r][c];
      if (cell instanceof CellError) return cell;
      if (typeof cell === "number") {
        total += cell;
        count++;
      }
    }
  return count === 0 ? divError("no cell meets the criteria") : total / count;
}

export function mode(args: (Value | undefined)[]): Value {
  const xs = numbersOf(args, false);
  return xs instanceof CellError ? xs : modeOf(xs);
}

/** PERCENTRANK.INC(array, x, [significance=3]). */
export function percentrankInc(args: (Value | undefined)[]): Value {
  const xs = numbersOf([args[0]], false);
  const x = toNumber(args[1]);
  const digits = args[2] === undefined ? 3 : toNumber(args[2]);
  if (xs instanceof CellError) return xs;
  if (x instanceof CellError) return x;
  if (digits instanceof CellError) return digits;
  if (xs.length === 0 || digits < 1) return numError();
  const sorted = [...xs].sort((a, b) => a - b);
  if (x < sorted[0] || x > sorted[sorted.length - 1]) return naError();
  const n = sorted.length;
  let rank: number;
  const below = sorted.filter((v) => v < x).length;
  if (sorted.includes(x)) rank = n === 1 ? 1 : below / (n - 1);
  else {
    const lo = sorted[below - 1];
    const hi = sorted[below];
    rank = (below - 1 + (x - lo) / (hi - lo)) / (n - 1);
  }
  const factor = 10 ** Math.trunc(digits);
  return Math.floor(rank * factor + 1e-9) / factor;
}

/** RANK.AVG(number, ref, [order]): ties share the average of their ranks. */
export function rankAvg(args: (Value | undefined)[]): Value {
  const x = toNumber(args[0]);
  const xs = numbersOf([args[1]], false);
  const order = args[2] === undefined ? 0 : toNumber(args[2]);
  if (x instanceof CellError) return x;
  if (xs instanceof CellError) return xs;
  if (order instanceof CellError) return order;
  const equal = xs.filter((v) => v === x).length;
  if (equal === 0) return naError(`${x} is not among the numbers ranked`);
  const ahead = xs.filter((v) => (order !== 0 ? v < x : v > x)).length;
  return ahead + (equal + 1) / 2;
}

const ERROR_TYPE_NUMBERS: Partial<Record<ErrorType, number>> = {
  [ErrorType.DIV_BY_ZERO]: 2,
  [ErrorType.VALUE]: 3,
  [ErrorType.REF]: 4,
  [ErrorType.NAME]: 5,
  [ErrorType.NUM]: 6,
  [ErrorType.NA]: 7,
  [ErrorType.SPILL]: 9,
};

/** ERROR.TYPE(error): 1 #NULL!, 2 #DIV/0!, 3 #VALUE!, 4 #REF!, 5 #NAME?, 6 #NUM!, 7 #N/A, 9 #SPILL!; #N/A for a non-error. */
export function errorType(args: (Value | undefined)[]): Value {
  const value = args[0] === undefined ? null : isMatrix(args[0]) ? (args[0][0]?.[0] ?? null) : args[0];
  if (!(value instanceof CellError)) return naError("not an error");
  return ERROR_TYPE_NUMBERS[value.type] ?? naError();
}
