import fc from "fast-check";
import { isExcelError } from "../../src/core/errors";
import { resellerMargin, resellerMarginCells } from "../../src/core/reseller";
import { amount, anyArgument, isValidResult, neverThrows } from "./arbitraries";

const discount = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const quantity = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true }));

describe("PE.RESELLER_MARGIN contract", () => {
  it("never throws and returns a finite number or a typed error, whatever it is given", () => {
    fc.assert(
      fc.property(anyArgument, anyArgument, anyArgument, (price, off, units) => {
        const result = neverThrows(() => resellerMarginCells(price, off, units));
        expect(isValidResult(result)).toBe(true);
        expect(Array.isArray(result)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("never falls as quantity grows", () => {
    fc.assert(
      fc.property(amount, discount, quantity, quantity, (price, off, a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(resellerMargin(price, off, fewer)).toBeLessThanOrEqual(resellerMargin(price, off, more));
      }),
      { numRuns: 1000 },
    );
  });

  it("is a share of revenue at list: from 0 up to (not above) list price × quantity", () => {
    fc.assert(
      fc.property(amount, discount, quantity, (price, off, units) => {
        const result = resellerMarginCells(price, off, units);
        expect(isExcelError(result)).toBe(false);
        expect(result).toBeGreaterThanOrEqual(0);
        expect(result).toBeLessThanOrEqual(price * units);
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses any discount of 1 or more", () => {
    fc.assert(
      fc.property(amount, fc.double({ min: 1, max: 1e6, noNaN: true }), (price, off) => {
        const result = resellerMarginCells(price, off);
        expect(isExcelError(result) && result.code).toBe("#NUM!");
      }),
    );
  });
});
