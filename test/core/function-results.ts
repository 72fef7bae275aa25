import { ExcelError, type ErrorCode } from "../../src/core/errors";
import type { FunctionResult } from "../../src/core/excel-values";

/** Expects a typed error with `code` whose message holds every fragment (text, or a pattern it matches). */
export function expectError(result: unknown, code: ErrorCode, ...fragments: (string | RegExp)[]): void {
  expect(result).toBeInstanceOf(ExcelError);
  const error = result as ExcelError;
  expect(error.code).toBe(code);
  for (const fragment of fragments) {
    if (typeof fragment === "string") expect(error.message).toContain(fragment);
    else expect(error.message).toMatch(fragment);
  }
}

/** The one value of a `[[x]]` result. */
export function single(result: FunctionResult): unknown {
  expect(Array.isArray(result)).toBe(true);
  const grid = result as unknown[][];
  expect(grid).toHaveLength(1);
  expect(grid[0]).toHaveLength(1);
  return grid[0][0];
}
