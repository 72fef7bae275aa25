import fc from "fast-check";
import { isExcelError } from "../../src/core/errors";
import { referralFee, referralFeeCells } from "../../src/core/referral";
import { amount, anyArgument, isValidResult, neverThrows, rate } from "./arbitraries";

describe("PE.REFERRAL_FEE contract", () => {
  it("never throws and returns a finite number or a typed error, whatever it is given", () => {
    fc.assert(
      fc.property(anyArgument, anyArgument, anyArgument, anyArgument, (revenue, r, minimum, maximum) => {
        const result = neverThrows(() => referralFeeCells(revenue, r, minimum, maximum));
        expect(isValidResult(result)).toBe(true);
        expect(Array.isArray(result)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("stays within [minimum, maximum] when they are given", () => {
    fc.assert(
      fc.property(
        amount,
        rate,
        fc.option(amount, { nil: undefined }),
        fc.option(amount, { nil: undefined }),
        (revenue, r, minimum, extra) => {
          const maximum = extra === undefined ? undefined : (minimum ?? 0) + extra;
          const result = referralFeeCells(revenue, r, minimum ?? null, maximum ?? null);
          expect(isExcelError(result)).toBe(false);
          const fee = result as number;
          if (minimum !== undefined) expect(fee).toBeGreaterThanOrEqual(minimum);
          if (maximum !== undefined) expect(fee).toBeLessThanOrEqual(maximum);
          expect(fee).toBeGreaterThanOrEqual(0);
          if (minimum === undefined && maximum === undefined) expect(fee).toBe(r * revenue);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("never falls as first-year revenue or the rate grows", () => {
    fc.assert(
      fc.property(amount, amount, rate, rate, fc.option(amount, { nil: undefined }), (a, b, r1, r2, minimum) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const [lowRate, highRate] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(referralFee(low, lowRate, minimum)).toBeLessThanOrEqual(referralFee(high, lowRate, minimum));
        expect(referralFee(low, lowRate, minimum)).toBeLessThanOrEqual(referralFee(low, highRate, minimum));
      }),
    );
  });

  it("refuses a minimum above the maximum", () => {
    fc.assert(
      fc.property(amount, rate, amount, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (revenue, r, maximum, gap) => {
        const result = referralFeeCells(revenue, r, maximum + gap, maximum);
        fc.pre(maximum + gap > maximum);
        expect(isExcelError(result) && result.code).toBe("#NUM!");
      }),
    );
  });
});
