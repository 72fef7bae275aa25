import fc from "fast-check";
import { ERROR_CODES, ExcelError, INTERNAL_ERROR_PREFIX } from "../../src/core/errors";

/**
 * What every property test shares: generators for anything a host (or a careless caller) might
 * pass an `xxxCells` entry point, and the contract every result keeps: a finite number, text, a
 * boolean, a typed error (never an internal one) or a non-empty rectangular grid of those.
 */

/** Signed zeros, the ends of the double range, NaN, ±Infinity, and the default tier thresholds. */
export const edgeNumbers = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.2,
  0.7,
  85,
  70,
  50,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e-300,
  NaN,
  Infinity,
  -Infinity,
);

/** Text typed where a number or a keyword belongs: numbers and percentages as text, keywords in odd case and spacing. */
export const edgeTexts = fc.constantFrom(
  "",
  " ",
  "4",
  " 3.5 ",
  "5",
  "12",
  "72",
  " 85 ",
  "30%",
  "1e3",
  "1e400",
  "-2",
  "-5",
  "abc",
  "TRUE",
  "Tier 1",
  "marginal",
  " Retroactive ",
  "by_year",
  "higher",
  "LOWER",
);

export const excelErrors = fc.constantFrom(...ERROR_CODES).map((code) => new ExcelError(code, "from a referenced cell"));

/** Any one cell value: numbers (ratings and scores, wide, edge), text, booleans, blanks and errors. */
export const anyScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -10, max: 120 }),
  fc.integer({ min: -1000, max: 1000 }),
  edgeNumbers,
  fc.string({ maxLength: 8 }),
  edgeTexts,
  fc.boolean(),
  fc.constantFrom(null, "", undefined),
  excelErrors,
);

/** A rectangular, non-empty grid of any cell values. */
export function gridOf<T>(cell: fc.Arbitrary<T>, maxRows = 4, maxColumns = 6): fc.Arbitrary<T[][]> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxColumns }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    );
}

/** Values and arrays of any shape: ragged, empty, deeper than two levels. */
const nested: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; array: unknown[] }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, anyScalar, tie("array")),
  array: fc.array(tie("value"), { maxLength: 4 }),
})).value;

/** Any argument: a value, a rectangular grid, any nesting of arrays, an empty array or an empty row. */
export const anyArgument: fc.Arbitrary<unknown> = fc.oneof(
  anyScalar,
  gridOf(anyScalar),
  nested,
  fc.constant([]),
  fc.constant([[]]),
);

/** Any argument, with a further bias towards rectangular grids so the computing paths get exercised. */
export const anyGridOrArgument: fc.Arbitrary<unknown> = fc.oneof(anyArgument, gridOf(anyScalar));

export function isValidCell(value: unknown): boolean {
  if (value instanceof ExcelError) return ERROR_CODES.includes(value.code) && !value.message.startsWith(INTERNAL_ERROR_PREFIX);
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" || typeof value === "boolean";
}

/** How `result` breaks the contract, or undefined when it keeps it. */
export function contractBreach(result: unknown): string | undefined {
  if (!Array.isArray(result)) return isValidCell(result) ? undefined : `malformed value ${String(result)}`;
  if (result.length === 0) return "an empty array";
  if (!result.every(Array.isArray)) return "an array that is not a grid of rows";
  const width = (result[0] as unknown[]).length;
  if (width === 0) return "a grid with empty rows";
  if (result.some((row: unknown[]) => row.length !== width)) return "a ragged grid";
  for (const row of result as unknown[][]) {
    for (const cell of row) if (!isValidCell(cell)) return `malformed cell ${String(cell)}`;
  }
  return undefined;
}

export function isValidResult(result: unknown): boolean {
  return contractBreach(result) === undefined;
}

/** The contract as an expectation, so a failure says what was wrong. */
export function expectValidResult(result: unknown): void {
  expect(contractBreach(result)).toBeUndefined();
}

/** Every cell of a result, a single value as one cell. */
export function cellsOf(result: unknown): unknown[] {
  return Array.isArray(result) ? result.flat() : [result];
}

export const rate = fc.double({ min: 0, max: 1, noNaN: true });
export const amount = fc.double({ min: 0, max: 1e12, noNaN: true });

/** Runs `run`, failing the property if it throws: the contract says never. */
export function neverThrows<T>(run: () => T): T {
  try {
    return run();
  } catch (caught) {
    throw new Error(`threw instead of returning: ${String(caught)}`, { cause: caught });
  }
}
