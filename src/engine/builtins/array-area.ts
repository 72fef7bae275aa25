/**
 * A legacy array formula (entered with Ctrl+Shift+Enter over an area) shows its result fitted to
 * that area: a single value fills every cell, a single row repeats down and a single column
 * across, and cells beyond a larger result's edge are #N/A. Used only by the file reader's
 * translation (workbook-formula.ts), never typed by users.
 */
import { asMatrix, naError, toNumber, type Matrix, type Value } from "./values";

export function arrayArea(args: (Value | undefined)[]): Value {
  const result = asMatrix(args[0] ?? null);
  const rows = toNumber(args[1]);
  const cols = toNumber(args[2]);
  if (typeof rows !== "number" || typeof cols !== "number") return naError();
  const height = result.length;
  const width = result[0]?.length ?? 0;
  const out: Matrix = [];
  for (let r = 0; r < rows; r++) {
    const row: Matrix[number] = [];
    for (let c = 0; c < cols; c++) {
      const sr = height === 1 ? 0 : r;
      const sc = width === 1 ? 0 : c;
      row.push(sr < height && sc < width ? result[sr][sc] : naError());
    }
    out.push(row);
  }
  return out;
}
