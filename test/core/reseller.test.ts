import { ExcelError } from "../../src/core/errors";
import { resellerMargin, resellerMarginCells } from "../../src/core/reseller";
import { expectError } from "./function-results";

describe("PE.RESELLER_MARGIN", () => {
  it("READING.md: 35% off list leaves the partner 35% of list", () => {
    expect(resellerMarginCells(1000, 0.35)).toBe(350);
    expect(resellerMarginCells(1000, "35%")).toBe(350);
  });

  it("multiplies by quantity (default 1)", () => {
    expect(resellerMarginCells(1000, 0.35, 10)).toBe(3500);
    expect(resellerMarginCells(1000, 0.35, null)).toBe(350);
    expect(resellerMarginCells(1000, 0.35, "")).toBe(350);
    expect(resellerMarginCells(1000, 0.2, 0)).toBe(0);
    expect(resellerMarginCells(499, 0.4, 3)).toBeCloseTo(598.8, 9);
  });

  it("accepts a discount of 0 and refuses one of 1 or more", () => {
    expect(resellerMarginCells(1000, 0)).toBe(0);
    expectError(resellerMarginCells(1000, 1), "#NUM!", "discount is 1 (100% off list)");
    expectError(resellerMarginCells(1000, "100%"), "#NUM!", "discount is 1");
    expectError(resellerMarginCells(1000, 35), "#NUM!", "discount 35 is above 1: write 35% or 0.35");
    expectError(resellerMarginCells(1000, -0.1), "#NUM!", "discount -0.1 is below 0");
  });

  it("refuses a negative price or quantity", () => {
    expectError(resellerMarginCells(-1000, 0.3), "#NUM!", "list_price is -1000, below 0");
    expectError(resellerMarginCells(1000, 0.3, -2), "#NUM!", "quantity is -2, below 0");
  });

  it("refuses text, passes errors on and reports an overflow", () => {
    expectError(resellerMarginCells("list", 0.3), "#VALUE!", 'list_price is "list", not a number');
    expectError(resellerMarginCells(1000, 0.3, [[1], [2]]), "#VALUE!", "quantity must be a single value");
    const upstream = new ExcelError("#DIV/0!", "upstream");
    expect(resellerMarginCells(1000, upstream)).toBe(upstream);
    expectError(resellerMarginCells(1e308, 0.5, 1e10), "#NUM!", "the margin is too large");
  });

  it("exposes the pure rule", () => {
    expect(resellerMargin(1000, 0.35)).toBe(350);
    expect(resellerMargin(1000, 0.35, 10)).toBe(3500);
    expect(() => resellerMargin(1000, 1)).toThrow(ExcelError);
  });
});
