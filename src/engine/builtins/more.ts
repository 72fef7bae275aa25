/** Smaller Excel built-ins the engine lacks: TYPE, GESTEP, PERCENTOF, FIXED, VALUETOTEXT, NUMBERVALUE, FREQUENCY, CHOOSECOLS/CHOOSEROWS, TOCOL/TOROW, MODE.MULT, AREAS, FORECAST. */
import { CellError } from "hyperformula";
import * as SSF from "ssf";
import {
  asMatrix,
  divError,
  flatten,
  isMatrix,
  naError,
  numberAsText,
  toBoolean,
  toNumber,
  toText,
  valueError,
  type Matrix,
  type Scalar,
  type Value,
} from "./values";

export function type(args: (Value | undefined)[]): Value {
  const value = args[0] ?? null;
  if (isMatrix(value)) return value.length === 1 && value[0].length === 1 ? type([value[0][0]]) : 64;
  if (value instanceof CellError) return 16;
  if (typeof value === "string") return 2;
  if (typeof value === "boolean") return 4;
  return 1;
}

export function gestep(args: (Value | undefined)[]): Value {
  const n = toNumber(args[0]);
  const step = args[1] === undefined ? 0 : toNumber(args[1]);
  if (n instanceof CellError) return n;
  if (step instanceof CellError) return step;
  return n >= step ? 1 : 0;
}

function sumOf(value: Value | undefined): number | CellError {
  let total = 0;
  for (const cell of value === undefined ? [] : flatten(value)) {
    if (cell instanceof CellError) return cell;
    if (typeof cell === "number") total += cell;
  }
  return total;
}

export function percentof(args: (Value | undefined)[]): Value {
  const part = sumOf(args[0]);
  const whole = sumOf(args[1]);
  if (part instanceof CellError) return part;
  if (whole instanceof CellError) return whole;
  return whole === 0 ? divError() : part / whole;
}

/** FIXED(number, [decimals=2], [no_commas=FALSE]). */
export function fixed(args: (Value | undefined)[]): Value {
  const number = toNumber(args[0]);
  const decimals = args[1] === undefined || args[1] === null ? 2 : toNumber(args[1]);
  const noCommas = toBoolean(args[2], false);
  if (number instanceof CellError) return number;
  if (decimals instanceof CellError) return decimals;
  if (noCommas instanceof CellError) return noCommas;
  const places = Math.trunc(decimals);
  if (places > 127) return valueError();
  const factor = 10 ** places;
  const rounded = (Math.sign(number) * Math.round(Math.abs(number) * factor)) / factor;
  const digits = places > 0 ? `.${"0".repeat(places)}` : "";
  return SSF.format(`${noCommas ? "0" : "#,##0"}${digits}`, rounded);
}

function valueText(cell: Scalar, strict: boolean): string {
  if (cell === null) return "";
  if (cell instanceof CellError)
    return `#${cell.type === "DIV_BY_ZERO" ? "DIV/0!" : cell.type === "NA" ? "N/A" : cell.type === "NAME" ? "NAME?" : `${cell.type}!`}`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return numberAsText(cell);
  return strict ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function valuetotext(args: (Value | undefined)[]): Value {
  const format = args[1] === undefined ? 0 : toNumber(args[1]);
  if (format instanceof CellError) return format;
  if (format !== 0 && format !== 1) return valueError();
  const value = args[0] ?? null;
  if (isMatrix(value)) return value.map((row) => row.map((cell) => valueText(cell, format === 1)));
  return valueText(value, format === 1);
}

export function arraytotext(args: (Value | undefined)[]): Value {
  const format = args[1] === undefined ? 0 : toNumber(args[1]);
  if (format instanceof CellError) return format;
  if (format !== 0 && format !== 1) return valueError();
  const matrix = asMatrix(args[0] ?? null);
  if (format === 0)
    return matrix
      .flat()
      .map((cell) => valueText(cell, false))
      .join(", ");
  return `{${matrix.map((row) => row.map((cell) => valueText(cell, true)).join(",")).join(";")}}`;
}

/** NUMBERVALUE(text, [decimal_separator], [group_separator]). */
export function numbervalue(args: (Value | undefined)[]): Value {
  const text = toText(args[0]);
  const decimal = args[1] === undefined ? "." : toText(args[1]);
  const group = args[2] === undefined ? "," : toText(args[2]);
  if (text instanceof CellError) return text;
  if (decimal instanceof CellError) return decimal;
  if (group instanceof CellError) return group;
  const d = decimal[0] ?? "";
  const g = group[0] ?? "";
  if (d === "" || d === g) return valueError();
  let body = text.replace(/\s+/g, "");
  if (body === "") return 0;
  let percent = 0;
  while (body.endsWith("%")) {
    percent++;
    body = body.slice(0, -1);
  }
  const decimalAt = body.indexOf(d);
  if (decimalAt >= 0 && body.indexOf(d, decimalAt + 1) >= 0) return valueError();
  const integerPart = (decimalAt >= 0 ? body.slice(0, decimalAt) : body).split(g).join("");
  if (decimalAt >= 0 && body.slice(decimalAt).includes(g)) return valueError();
  const normalised = decimalAt >= 0 ? `${integerPart}.${body.slice(decimalAt + 1)}` : integerPart;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return valueError();
  return Number(normalised) / 100 ** percent;
}

/** FREQUENCY(data, bins): counts per bin (≤ bin, above the previous), one more for values above the last. */
export function frequency(args: (Value | undefined)[]): Value {
  const data = flatten(args[0] ?? null).filter((c): c is number => typeof c === "number");
  const bins = flatten(args[1] ?? null).filter((c): c is number => typeof c === "number");
  const order = bins.map((b, i) => ({ b, i })).sort((x, y) => x.b - y.b);
  const counts = new Array<number>(bins.length + 1).fill(0);
  for (const x of data) {
    const slot = order.find((o) => x <= o.b);
    counts[slot ? slot.i : bins.length]++;
  }
  return counts.map((c) => [c]);
}

function indices(args: (Value | undefined)[], size: number): number[] | CellError {
  const out: number[] = [];
  for (const arg of args.slice(1)) {
    for (const cell of arg === undefined ? [] : flatten(arg)) {
      const n = toNumber(cell);
      if (n instanceof CellError) return n;
      const k = Math.trunc(n);
      if (k === 0 || Math.abs(k) > size) return valueError("index out of range");
      out.push(k > 0 ? k - 1 : size + k);
    }
  }
  return out;
}

export function choosecols(args: (Value | undefined)[]): Value {
  const matrix = asMatrix(args[0] ?? null);
  const picked = indices(args, matrix[0]?.length ?? 0);
  if (picked instanceof CellError) return picked;
  return matrix.map((row) => picked.map((c) => row[c]));
}

export function chooserows(args: (Value | undefined)[]): Value {
  const matrix = asMatrix(args[0] ?? null);
  const picked = indices(args, matrix.length);
  if (picked instanceof CellError) return picked;
  return picked.map((r) => matrix[r]);
}

function keptCells(args: (Value | undefined)[], byColumn: boolean): Scalar[] | CellError {
  const matrix = asMatrix(args[0] ?? null);
  const ignore = args[1] === undefined ? 0 : toNumber(args[1]);
  const scan = args[2] === undefined ? false : toBoolean(args[2], false);
  if (ignore instanceof CellError) return ignore;
  if (scan instanceof CellError) return scan;
  const cells: Scalar[] = [];
  const height = matrix.length;
  const width = matrix[0]?.length ?? 0;
  const columnFirst = byColumn ? scan : scan;
  for (let a = 0; a < (columnFirst ? width : height); a++)
    for (let b = 0; b < (columnFirst ? height : width); b++) {
      const cell = columnFirst ? matrix[b][a] : matrix[a][b];
      if ((ignore === 1 || ignore === 3) && cell === null) continue;
      if ((ignore === 2 || ignore === 3) && cell instanceof CellError) continue;
      cells.push(cell);
    }
  return cells.length === 0 ? [naError()] : cells;
}

export function tocol(args: (Value | undefined)[]): Value {
  const cells = keptCells(args, true);
  return cells instanceof CellError ? cells : cells.map((c) => [c]);
}

export function torow(args: (Value | undefined)[]): Value {
  const cells = keptCells(args, false);
  return cells instanceof CellError ? cells : [cells];
}

/** MODE.MULT: every most frequent number, in order of first appearance, as a column. */
export function modeMult(args: (Value | undefined)[]): Value {
  const xs: number[] = [];
  for (const arg of args)
    for (const cell of arg === undefined ? [] : flatten(arg)) {
      if (cell instanceof CellError) return cell;
      if (typeof cell === "number") xs.push(cell);
    }
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  const best = Math.max(0, ...counts.values());
  if (best < 2) return naError("no value repeats");
  const modes = [...counts.entries()].filter(([, c]) => c === best).map(([x]) => [x] as Scalar[]);
  return modes as Matrix;
}

/** AREAS of a single reference: the engine has no multiple-area references, so one. */
export function areas(args: (Value | undefined)[]): Value {
  const value = args[0];
  return !isMatrix(value ?? null) && value instanceof CellError ? value : 1;
}

/** FORECAST / FORECAST.LINEAR(x, known_y, known_x). */
export function forecast(args: (Value | undefined)[]): Value {
  const x = toNumber(args[0]);
  if (x instanceof CellError) return x;
  const ys = flatten(args[1] ?? null);
  const xs = flatten(args[2] ?? null);
  if (ys.length !== xs.length) return naError();
  const pairs: [number, number][] = [];
  for (let i = 0; i < ys.length; i++) {
    if (ys[i] instanceof CellError) return ys[i] as CellError;
    if (xs[i] instanceof CellError) return xs[i] as CellError;
    if (typeof ys[i] === "number" && typeof xs[i] === "number") pairs.push([xs[i] as number, ys[i] as number]);
  }
  if (pairs.length === 0) return divError();
  const mx = pairs.reduce((s, p) => s + p[0], 0) / pairs.length;
  const my = pairs.reduce((s, p) => s + p[1], 0) / pairs.length;
  const sxx = pairs.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  if (sxx === 0) return divError();
  const slope = pairs.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / sxx;
  return my + slope * (x - mx);
}
