import fc from "fast-check";
import { ERROR_CODES, ExcelError, INTERNAL_ERROR_PREFIX } from "../../src/core/errors";

/**
 * Shared generators and the result contract for the deal-economics property tests: whatever a
 * host passes, an `xxxCells` entry point returns a finite number, text, a boolean, a typed error
 * (never an internal one) or a non-empty rectangular grid of those.
 */

export const edgeNumbers = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.2,
  0.7,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e-300,
  NaN,
  Infinity,
  -Infinity,
);

export const excelErrors = fc.constantFrom(...ERROR_CODES).map((code) => new ExcelError(code, "from a referenced cell"));

export const anyScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  edgeNumbers,
  fc.string({ maxLength: 8 }),
  fc.constantFrom("", " ", "30%", "1e3", "-5", "12", "abc", "marginal", " Retroactive ", "by_year", "higher", "LOWER", "1e400"),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  excelErrors,
);

/** Any value including nested arrays of any shape: ragged, empty, deeper than two levels. */
export const anyArgument: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; array: unknown[] }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, anyScalar, tie("array")),
  array: fc.array(tie("value"), { maxLength: 4 }),
})).value;

/** A rectangular, non-empty grid of any cell values. */
export function gridOf<T>(cell: fc.Arbitrary<T>, maxSide = 4): fc.Arbitrary<T[][]> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxSide }), fc.integer({ min: 1, max: maxSide }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    );
}

/** Any argument, with a bias towards rectangular grids so the computing paths get exercised. */
export const anyGridOrArgument: fc.Arbitrary<unknown> = fc.oneof(anyArgument, gridOf(anyScalar));

export function isValidCell(value: unknown): boolean {
  if (value instanceof ExcelError) return !value.message.startsWith(INTERNAL_ERROR_PREFIX);
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" || typeof value === "boolean";
}

export function isValidResult(result: unknown): boolean {
  if (!Array.isArray(result)) return isValidCell(result);
  if (result.length === 0 || !result.every(Array.isArray)) return false;
  const width = (result[0] as unknown[]).length;
  return width > 0 && result.every((row: unknown[]) => row.length === width && row.every(isValidCell));
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
