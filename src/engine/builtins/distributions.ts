/**
 * Counting and distribution built-ins HyperFormula lacks: PERMUT, PERMUTATIONA, KURT, TRIMMEAN,
 * PROB, PERCENTRANK.EXC, INTERCEPT, BINOM.DIST.RANGE. Arguments are read as Excel reads them:
 * every argument converted first (the first error wins), then the range checks (#NUM!).
 */
import { CellError } from "hyperformula";
import type { CallContext } from "../builtins-plugin";
import { divError, flatten, isMatrix, naError, numError, toNumber, type Scalar, type Value } from "./values";

type Args = (Value | undefined)[];

/** Each argument as a number, in order; the first that is an error (or not a number) is returned instead. */
export function numbers(args: Args, defaults: (number | undefined)[] = []): number[] | CellError {
  const out: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const n = arg === undefined ? (defaults[i] ?? 0) : toNumber(arg);
    if (n instanceof CellError) return n;
    out.push(n);
  }
  return out;
}

/**
 * The numbers a statistical function reads from its arguments: from references and arrays only
 * the numbers (text, booleans and blanks skipped, errors returned); a value typed directly is
 * converted, and text that is not a number is #VALUE!.
 */
export function sampleOf(args: Args, context?: CallContext): number[] | CellError {
  const out: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === undefined) continue;
    if (isMatrix(arg) || context?.references?.[i]) {
      for (const cell of flatten(arg)) {
        if (cell instanceof CellError) return cell;
        if (typeof cell === "number") out.push(cell);
      }
      continue;
    }
    const n = toNumber(arg);
    if (n instanceof CellError) return n;
    out.push(n);
  }
  return out;
}

function factorialRatio(n: number, k: number): number {
  let product = 1;
  for (let i = 0; i < k; i++) product *= n - i;
  return product;
}

export function permut(args: Args): Value {
  const xs = numbers(args.slice(0, 2));
  if (xs instanceof CellError) return xs;
  const [n, k] = xs.map(Math.trunc);
  if (n < 0 || k < 0 || n < k || (n === 0 && k > 0)) return numError("PERMUT needs 0 ≤ number_chosen ≤ number");
  return finite(factorialRatio(n, k));
}

export function permutationa(args: Args): Value {
  const xs = numbers(args.slice(0, 2));
  if (xs instanceof CellError) return xs;
  const [n, k] = xs.map(Math.trunc);
  if (n < 0 || k < 0) return numError("PERMUTATIONA needs numbers ≥ 0");
  return finite(n ** k);
}

function finite(x: number): Value {
  return Number.isFinite(x) ? x : numError("the result is too large");
}

/** KURT(number1, …): the sample excess kurtosis; fewer than 4 numbers or no spread is #DIV/0!. */
export function kurt(args: Args, context: CallContext): Value {
  const xs = sampleOf(args, context);
  if (xs instanceof CellError) return xs;
  const n = xs.length;
  if (n < 4) return divError("KURT needs at least 4 numbers");
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const s2 = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  if (s2 === 0) return divError("the numbers have no spread");
  const s = Math.sqrt(s2);
  const fourth = xs.reduce((a, x) => a + ((x - mean) / s) ** 4, 0);
  return ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * fourth - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
}

/** TRIMMEAN(array, percent): the mean without the smallest and largest values, percent/2 of them at each end (rounded down). */
export function trimmean(args: Args, context: CallContext): Value {
  const xs = sampleOf([args[0]], { ...context, references: [true] });
  const percent = toNumber(args[1]);
  if (xs instanceof CellError) return xs;
  if (percent instanceof CellError) return percent;
  if (percent < 0 || percent >= 1 || xs.length === 0) return numError("TRIMMEAN's percent must be from 0 to less than 1");
  const cut = Math.floor((xs.length * percent) / 2);
  const kept = [...xs].sort((a, b) => a - b).slice(cut, xs.length - cut);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

/** PROB(x_range, prob_range, lower_limit, [upper_limit]). */
export function prob(args: Args): Value {
  const xs = flatten(args[0] ?? null);
  const ps = flatten(args[1] ?? null);
  const error = [...xs, ...ps].find((c): c is CellError => c instanceof CellError);
  if (error) return error;
  if (xs.length !== ps.length) return naError("x_range and prob_range differ in size");
  const limit = (value: Value | undefined): number | CellError | undefined => {
    const cell: Scalar = value === undefined ? null : isMatrix(value) ? (value[0]?.[0] ?? null) : value;
    if (cell instanceof CellError) return cell;
    if (typeof cell === "string") {
      const n = toNumber(cell);
      return n instanceof CellError ? undefined : n;
    }
    return typeof cell === "boolean" ? (cell ? 1 : 0) : (cell ?? 0);
  };
  const lower = limit(args[2]);
  const upper = args[3] === undefined ? lower : limit(args[3]);
  if (lower instanceof CellError) return lower;
  if (upper instanceof CellError) return upper;
  let total = 0;
  let within = 0;
  for (let i = 0; i < xs.length; i++) {
    const p = ps[i];
    if (typeof p !== "number") continue;
    if (p < 0 || p > 1) return numError("a probability is outside 0–1");
    total += p;
    const x = xs[i];
    if (typeof x === "number" && lower !== undefined && upper !== undefined && x >= lower && x <= upper) within += p;
  }
  if (Math.abs(total - 1) > 1e-7) return numError("the probabilities do not add up to 1");
  return within;
}

/** PERCENTRANK.EXC(array, x, [significance=3]): the rank of x as (position + 1)/(n + 1), cut (not rounded) to significance digits. */
export function percentrankExc(args: Args): Value {
  const xs = sampleOf([args[0]], { areas: [], references: [true] });
  const parsed = numbers([args[1], args[2]], [undefined, 3]);
  if (xs instanceof CellError) return xs;
  if (parsed instanceof CellError) return parsed;
  const [x, significance] = parsed;
  const digits = Math.trunc(significance);
  if (xs.length === 0 || digits < 1) return numError();
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  if (x < sorted[0] || x > sorted[n - 1]) return naError(`${x} is outside the numbers ranked`);
  const below = sorted.filter((v) => v < x).length;
  let position: number;
  if (sorted[below] === x) position = below + 1;
  else {
    const lo = sorted[below - 1];
    const hi = sorted[below];
    position = below + (x - lo) / (hi - lo);
  }
  const factor = 10 ** digits;
  return Math.floor((position / (n + 1)) * factor + 1e-9) / factor;
}

/** The (x, y) pairs where both cells are numbers; errors in either come back. */
function pairsOf(ys: Value | undefined, xs: Value | undefined): { x: number[]; y: number[] } | CellError {
  const y = flatten(ys ?? null);
  const x = flatten(xs ?? null);
  if (x.length !== y.length) return naError("the two ranges differ in size");
  // Excel reads the ranges pair by pair, so the first pair holding an error decides (y before x).
  for (let i = 0; i < x.length; i++) {
    if (y[i] instanceof CellError) return y[i] as CellError;
    if (x[i] instanceof CellError) return x[i] as CellError;
  }
  const out = { x: [] as number[], y: [] as number[] };
  for (let i = 0; i < x.length; i++) {
    const [xi, yi] = [x[i], y[i]];
    if (typeof xi === "number" && typeof yi === "number") {
      out.x.push(xi);
      out.y.push(yi);
    }
  }
  return out;
}

/** INTERCEPT(known_y's, known_x's): where the least-squares line crosses x = 0. */
export function intercept(args: Args): Value {
  const pairs = pairsOf(args[0], args[1]);
  if (pairs instanceof CellError) return pairs;
  const n = pairs.x.length;
  if (n === 0) return divError();
  const mx = pairs.x.reduce((a, b) => a + b, 0) / n;
  const my = pairs.y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (pairs.x[i] - mx) ** 2;
    sxy += (pairs.x[i] - mx) * (pairs.y[i] - my);
  }
  if (sxx === 0) return divError("the x values have no spread");
  return my - (sxy / sxx) * mx;
}

function binomial(n: number, k: number, p: number): number {
  let log = 0;
  for (let i = 1; i <= k; i++) log += Math.log(n - k + i) - Math.log(i);
  const pk = k === 0 ? 1 : p ** k;
  const qk = n - k === 0 ? 1 : (1 - p) ** (n - k);
  return Math.exp(log) * pk * qk;
}

/** BINOM.DIST.RANGE(trials, probability_s, number_s, [number_s2]): the chance of number_s to number_s2 successes. */
export function binomDistRange(args: Args): Value {
  const parsed = numbers(args.slice(0, 4));
  if (parsed instanceof CellError) return parsed;
  const [trials, p, s] = [Math.trunc(parsed[0]), parsed[1], Math.trunc(parsed[2])];
  const s2 = args[3] === undefined ? s : Math.trunc(parsed[3]);
  if (trials < 0 || p < 0 || p > 1 || s < 0 || s > trials || s2 < s || s2 > trials)
    return numError("BINOM.DIST.RANGE needs 0 ≤ successes ≤ trials and a probability from 0 to 1");
  let total = 0;
  for (let k = s; k <= s2; k++) total += binomial(trials, k, p);
  return total;
}
