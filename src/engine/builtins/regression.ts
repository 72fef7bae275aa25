/**
 * Least-squares regression as Excel's LINEST, LOGEST, TREND and GROWTH compute it: known_y's as a
 * column (each column of known_x's a variable) or a row (each row one), known_x's {1,2,…} when
 * omitted, an intercept unless const is FALSE. Every cell must be a number (#VALUE!); sizes that
 * do not fit are #REF!. Solved through the normal equations; LOGEST and GROWTH fit ln(y).
 */
import { CellError, ErrorType } from "hyperformula";
import type { Shape } from "./lookup";
import { asMatrix, naError, numError, toBoolean, valueError, type Matrix, type Value } from "./values";

type Args = (Value | undefined)[];
const refError = () => new CellError(ErrorType.REF, "the ranges' sizes do not fit together");

interface Fit {
  /** Coefficients m1…mk, then b (0 without an intercept). */
  m: number[];
  b: number;
  /** One row of k values per observation. */
  rows: number[][];
  y: number[];
  intercept: boolean;
  /** The inverse of X'X (for the standard errors). */
  inverse: number[][];
  byColumn: boolean;
}

function numbersOf(matrix: Matrix): number[][] | CellError {
  // Any cell that is not a number, an error included, is #VALUE! in these functions.
  for (const row of matrix)
    for (const cell of row) if (typeof cell !== "number") return valueError("every value must be a number");
  return matrix as number[][];
}

function invert(a: number[][]): number[][] | undefined {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    if (Math.abs(m[pivot][c]) < 1e-300) return undefined;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      if (f !== 0) for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(n));
}

/** The fit of y on x, or the error Excel gives. */
function fit(yArg: Value | undefined, xArg: Value | undefined, constArg: Value | undefined, log: boolean): Fit | CellError {
  const yMatrix = numbersOf(asMatrix(yArg ?? null));
  if (yMatrix instanceof CellError) return yMatrix;
  const byColumn = yMatrix[0].length === 1;
  const y = yMatrix.flat();
  if (log && y.some((v) => v <= 0)) return numError("every known y must be above 0");
  const ys = log ? y.map(Math.log) : y;
  const n = y.length;
  let rows: number[][];
  if (xArg === undefined || xArg === null) rows = ys.map((_, i) => [i + 1]);
  else {
    const x = numbersOf(asMatrix(xArg));
    if (x instanceof CellError) return x;
    if (x.length * x[0].length === n && (x.length === 1 || x[0].length === 1)) rows = x.flat().map((v) => [v]);
    else if (byColumn && x.length === n) rows = x.map((row) => [...row]);
    else if (!byColumn && yMatrix.length === 1 && x[0].length === n) rows = x[0].map((_, i) => x.map((row) => row[i]));
    else return refError();
  }
  const intercept = constArg === undefined || constArg === null ? true : toBoolean(constArg, true);
  if (intercept instanceof CellError) return valueError("const must be TRUE or FALSE");
  const design = rows.map((row) => (intercept ? [...row, 1] : row));
  const p = design[0].length;
  const xtx = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => design.reduce((s, r) => s + r[i] * r[j], 0)),
  );
  const xty = Array.from({ length: p }, (_, i) => design.reduce((s, r, k) => s + r[i] * ys[k], 0));
  const inverse = invert(xtx);
  if (!inverse) return numError("the x values are collinear");
  const beta = inverse.map((row) => row.reduce((s, v, j) => s + v * xty[j], 0));
  return { m: intercept ? beta.slice(0, -1) : beta, b: intercept ? beta[p - 1] : 0, rows, y: ys, intercept, inverse, byColumn };
}

function predict(f: Fit, row: number[]): number {
  return f.m.reduce((s, m, i) => s + m * row[i], f.b);
}

function estimate(args: Args, log: boolean): Value {
  const stats = args[3] === undefined || args[3] === null ? false : toBoolean(args[3], false);
  if (stats instanceof CellError) return valueError("stats must be TRUE or FALSE");
  const f = fit(args[0], args[1], args[2], log);
  if (f instanceof CellError) return f;
  const out = (v: number) => (log ? Math.exp(v) : v);
  const first = [...[...f.m].reverse(), f.b].map(out);
  if (!stats) return [first];
  const k = f.m.length;
  const p = k + (f.intercept ? 1 : 0);
  const n = f.y.length;
  const df = n - p;
  const fitted = f.rows.map((row) => predict(f, row));
  const ssresid = f.y.reduce((s, v, i) => s + (v - fitted[i]) ** 2, 0);
  const mean = f.y.reduce((s, v) => s + v, 0) / n;
  const ssreg = fitted.reduce((s, v) => s + (f.intercept ? (v - mean) ** 2 : v ** 2), 0);
  const na = naError();
  const width = k + 1;
  const pad = (cells: (number | CellError)[]) => [...cells, ...Array.from({ length: width - cells.length }, () => na)];
  const variance = df > 0 ? ssresid / df : NaN;
  const se = f.inverse.map((row, i) => Math.sqrt(row[i] * variance));
  const seM = [...se.slice(0, k)].reverse();
  const seRow = [...seM, f.intercept ? se[k] : na];
  return [
    first,
    seRow.map((v) => (typeof v === "number" && !Number.isFinite(v) ? numError() : v)),
    pad([ssreg / (ssreg + ssresid), Math.sqrt(variance)]),
    pad([df > 0 ? ssreg / k / variance : numError(), df]),
    pad([ssreg, ssresid]),
  ];
}

export const linest = (args: Args): Value => estimate(args, false);
export const logest = (args: Args): Value => estimate(args, true);

function forecastAt(args: Args, log: boolean): Value {
  const f = fit(args[0], args[1], args[3], log);
  if (f instanceof CellError) return f;
  const k = f.m.length;
  let points: number[][];
  let shape: { rows: number; cols: number };
  if (args[2] === undefined || args[2] === null) {
    points = f.rows;
    shape = f.byColumn ? { rows: points.length, cols: 1 } : { rows: 1, cols: points.length };
  } else {
    const x = numbersOf(asMatrix(args[2]));
    if (x instanceof CellError) return x;
    if (k === 1) {
      points = x.flat().map((v) => [v]);
      shape = { rows: x.length, cols: x[0].length };
    } else if (f.byColumn && x[0].length === k) {
      points = x.map((row) => [...row]);
      shape = { rows: x.length, cols: 1 };
    } else if (!f.byColumn && x.length === k) {
      points = x[0].map((_, i) => x.map((row) => row[i]));
      shape = { rows: 1, cols: x[0].length };
    } else return refError();
  }
  const values = points.map((row) => (log ? Math.exp(predict(f, row)) : predict(f, row)));
  return Array.from({ length: shape.rows }, (_, r) => Array.from({ length: shape.cols }, (_, c) => values[r * shape.cols + c]));
}

export const trend = (args: Args): Value => forecastAt(args, false);
export const growth = (args: Args): Value => forecastAt(args, true);

const ONE: Shape = { rows: 1, cols: 1 };

/** LINEST/LOGEST: one coefficient per x variable and the intercept, in 1 row (5 with stats). */
export function linestShape(shapes: (Shape | undefined)[], literals: (number | undefined)[]): Shape {
  const y = shapes[0] ?? ONE;
  const x = shapes[1];
  const variables = !x
    ? 1
    : x.rows * x.cols === y.rows * y.cols && (x.rows === 1 || x.cols === 1)
      ? 1
      : y.cols === 1
        ? x.cols
        : x.rows;
  // Sizes that do not fit give one #REF!, not a spill.
  const sameCount = x && x.rows * x.cols === y.rows * y.cols && (x.rows === 1 || x.cols === 1);
  if (x && !sameCount && (y.cols === 1 ? x.rows !== y.rows : x.cols !== y.cols)) return ONE;
  const stats = shapes[3] !== undefined && literals[3] !== 0;
  return { rows: stats ? 5 : 1, cols: variables + 1 };
}

/** TREND/GROWTH: one value per new x (per known y when new x's are omitted). */
export function trendShape(shapes: (Shape | undefined)[]): Shape {
  const y = shapes[0] ?? ONE;
  const x = shapes[1];
  const points = shapes[2];
  if (!points) return y;
  const variables = !x
    ? 1
    : x.rows * x.cols === y.rows * y.cols && (x.rows === 1 || x.cols === 1)
      ? 1
      : y.cols === 1
        ? x.cols
        : x.rows;
  if (variables === 1) return points;
  return y.cols === 1 ? { rows: points.rows, cols: 1 } : { rows: 1, cols: points.cols };
}
