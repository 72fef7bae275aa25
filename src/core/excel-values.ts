import { asErrorValue, ExcelError, fail, isExcelError } from "./errors";

/**
 * Coercion of what a host hands a function (scalars, 2-D arrays, blanks as null / "" / undefined,
 * numbers typed as text, errors from referenced cells) into clean values, with messages that tell
 * the user what to fix. Every host (Excel desktop, Excel on the web, the engine, the CLI) goes
 * through here, so they agree.
 */
export type CellValue = number | string | boolean | null;
/** One cell as a host passes it: blank may be null, undefined or ""; an errored cell is its error. */
export type CellInput = CellValue | undefined | ExcelError;
export type Grid<T> = T[][];
/** One cell of a result: never null (Excel shows null inside an array as 0). */
export type CellResult = number | string | boolean | ExcelError;
export type FunctionResult = CellResult | Grid<CellResult>;

export interface Shape {
  rows: number;
  cols: number;
}

export function isBlank(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/** An optional argument the user left out (hosts pass null or undefined; "" from a blank cell). */
export function isOmitted(argument: unknown): boolean {
  return isBlank(argument);
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

/** A number from a number or from numeric text ("12", " 1.5e3 ", "30%"); undefined otherwise. */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (!NUMERIC_TEXT.test(text)) return undefined;
  return text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
}

function describe(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return "an array";
  return String(value);
}

export type BlankPolicy = "zero" | "error";

/**
 * One number, or a typed failure naming `what` (e.g. "rating 3", "scale"). An error value in the
 * cell is passed on as it is, the way Excel built-ins propagate errors from referenced cells.
 */
export function readNumber(value: unknown, what: string, blank: BlankPolicy = "error"): number {
  if (typeof value === "number" && value - value === 0) return value; // finite: the common case first
  if (isExcelError(value)) throw value;
  if (isBlank(value)) {
    if (blank === "zero") return 0;
    fail("#VALUE!", `${what} is blank: enter a number`);
  }
  const parsed = parseNumber(value);
  if (parsed === undefined) fail("#VALUE!", `${what} is ${describe(value)}, not a number`);
  if (!Number.isFinite(parsed)) fail("#NUM!", `${what} is ${describe(value)}: enter a finite number`);
  return parsed;
}

/** A scalar argument that a range may also have been passed to: a 1×1 range is its one cell. */
export function readScalar(argument: unknown, what: string): unknown {
  if (!Array.isArray(argument)) return argument;
  const grid = toGrid(argument, what);
  if (grid.length !== 1 || grid[0].length !== 1) {
    fail("#VALUE!", `${what} must be a single value, not a ${grid.length}×${grid[0].length} range`);
  }
  return grid[0][0];
}

export function readOptionalNumber(argument: unknown, what: string, fallback: number): number {
  const value = readScalar(argument, what);
  return isOmitted(value) ? fallback : readNumber(value, what);
}

export function readOptionalText(argument: unknown, what: string, fallback: string): string {
  const value = readScalar(argument, what);
  if (isExcelError(value)) throw value;
  if (isOmitted(value)) return fallback;
  if (typeof value !== "string") fail("#VALUE!", `${what} is ${describe(value)}: enter text`);
  return value;
}

/**
 * Any argument as a rectangular 2-D array: a scalar becomes 1×1, a flat array one row. Ragged,
 * empty or nested arrays are refused rather than guessed at.
 */
export function toGrid(argument: unknown, what: string): Grid<CellInput> {
  if (!Array.isArray(argument)) return [[argument as CellInput]];
  if (argument.length === 0) fail("#VALUE!", `${what} is empty`);
  let rowCount = 0;
  for (let index = 0; index < argument.length; index++) if (Array.isArray(argument[index])) rowCount++;
  if (rowCount !== 0 && rowCount !== argument.length) fail("#VALUE!", `${what} mixes single values and rows`);
  const rows: unknown[][] = rowCount === 0 ? [argument] : argument;
  const width = rows[0].length;
  if (width === 0) fail("#VALUE!", `${what} is empty`);
  // Indexed loops without callbacks: hosts call this for every argument of every call.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== width) fail("#VALUE!", `${what} is not rectangular: its rows have different lengths`);
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      if (typeof cell === "number" || typeof cell === "string") continue;
      if (Array.isArray(cell)) fail("#VALUE!", `${what} contains a nested array`);
      if (!isCellInput(cell)) fail("#VALUE!", `${what} contains ${describe(cell)}, which is not a cell value`);
    }
  }
  return rows as Grid<CellInput>;
}

function isCellInput(value: unknown): value is CellInput {
  return (
    value === null ||
    value === undefined ||
    typeof value === "number" ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    isExcelError(value)
  );
}

export function shapeOf(grid: Grid<unknown>): Shape {
  return { rows: grid.length, cols: grid[0]?.length ?? 0 };
}

export function isVector(grid: Grid<unknown>): boolean {
  return grid.length === 1 || grid[0].length === 1;
}

/** The cells of a single row or single column, in order; a block of both is refused. */
export function toVector(grid: Grid<CellInput>, what: string): CellInput[] {
  if (grid.length === 1) return grid[0];
  if (grid[0].length === 1) return grid.map((row) => row[0]);
  fail("#VALUE!", `${what} must be one row or one column, not a ${grid.length}×${grid[0].length} block`);
}

/** An optional row or column in either orientation; undefined when omitted (a single blank cell counts as omitted). */
export function readOptionalVector(argument: unknown, what: string): CellInput[] | undefined {
  if (isOmitted(argument)) return undefined;
  const grid = toGrid(argument, what);
  if (grid.length === 1 && grid[0].length === 1 && isBlank(grid[0][0])) return undefined;
  return toVector(grid, what);
}

/** "item 3" for a vector, "row 2, column 3" for a block: how messages name a position. */
export function positionName(grid: Grid<unknown>, row: number, col: number): string {
  if (grid.length === 1) return `item ${col + 1}`;
  if (grid[0].length === 1) return `item ${row + 1}`;
  return `row ${row + 1}, column ${col + 1}`;
}

/** Applies a per-cell computation; a failing cell becomes an error in that cell only. */
export function mapCells<T>(grid: Grid<T>, compute: (value: T, row: number, col: number) => CellResult): Grid<CellResult> {
  // Indexed loops and an inline guard, not map() with a closure per cell: this runs for every
  // cell of every call, and the closures cost more than the rules themselves.
  const result: Grid<CellResult> = new Array(grid.length);
  for (let row = 0; row < grid.length; row++) {
    const cells = grid[row];
    const out: CellResult[] = new Array(cells.length);
    for (let col = 0; col < cells.length; col++) {
      try {
        out[col] = compute(cells[col], row, col);
      } catch (caught) {
        out[col] = asErrorValue(caught);
      }
    }
    result[row] = out;
  }
  return result;
}

/** The first error among the cells, so a function can pass it on like Excel built-ins do. */
export function firstError(cells: Iterable<unknown>): ExcelError | undefined {
  for (const cell of cells) if (isExcelError(cell)) return cell;
  return undefined;
}

/** A single result shown in one cell by hosts that expect a matrix result. */
export function asGrid(result: FunctionResult): Grid<CellResult> {
  return Array.isArray(result) ? result : [[result]];
}
