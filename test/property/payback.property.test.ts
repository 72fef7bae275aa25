import fc from "fast-check";
import { isExcelError } from "../../src/core/errors";
import { payback, paybackCells } from "../../src/core/payback";
import { anyArgument, anyGridOrArgument, isValidResult, neverThrows } from "./arbitraries";

const flows = fc
  .tuple(
    fc.integer({ min: -100_000, max: 1_000 }),
    fc.array(
      fc.oneof(
        fc.integer({ min: -20_000, max: 40_000 }),
        fc.double({ min: -1e4, max: 1e5, noNaN: true, noDefaultInfinity: true }),
      ),
      { maxLength: 15 },
    ),
  )
  .map(([first, rest]) => [first, ...rest]);
const discountRate = fc.oneof(fc.constant(0), fc.double({ min: -0.9, max: 1, noNaN: true }));

function discountedCumulative(cashflows: readonly number[], rate: number): number[] {
  let total = 0;
  return cashflows.map((flow, t) => (total += flow / (1 + rate) ** t));
}

describe("PE.PAYBACK contract", () => {
  it("never throws and returns only a finite number or a typed error, whatever it is given", () => {
    fc.assert(
      fc.property(anyGridOrArgument, anyArgument, (cashflows, rate) => {
        expect(isValidResult(neverThrows(() => paybackCells(cashflows, rate)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("lands in the period where the cumulative flow first reaches 0, and is #N/A exactly when it never does", () => {
    fc.assert(
      fc.property(flows, discountRate, (cashflows, rate) => {
        const cumulative = discountedCumulative(cashflows, rate);
        const first = cumulative.findIndex((total) => total >= 0);
        const result = paybackCells([cashflows], rate);
        if (first < 0) {
          // Rounding of the two summations may differ at the very edge; outside it, never reached is #N/A.
          if (Math.max(...cumulative) < -1e-6) expect(isExcelError(result) && result.code === "#N/A").toBe(true);
          return;
        }
        if (isExcelError(result)) {
          expect(Math.abs(cumulative[first])).toBeLessThan(1e-6);
          return;
        }
        const periods = result as number;
        if (first === 0) expect(periods).toBe(0);
        else {
          expect(periods).toBeGreaterThanOrEqual(first - 1 - 1e-9);
          expect(periods).toBeLessThanOrEqual(first + 1e-9);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("is the linear interpolation (t − 1) + (−Cₜ₋₁) / (discounted cₜ)", () => {
    fc.assert(
      fc.property(flows, discountRate, (cashflows, rate) => {
        const cumulative = discountedCumulative(cashflows, rate);
        const first = cumulative.findIndex((total) => total >= 0);
        if (first <= 0 || Math.abs(cumulative[first]) < 1e-6 || Math.abs(cumulative[first - 1]) < 1e-6) return;
        const discounted = cashflows[first] / (1 + rate) ** first;
        expect(payback(cashflows, rate)).toBeCloseTo(first - 1 + -cumulative[first - 1] / discounted, 6);
      }),
      { numRuns: 1000 },
    );
  });

  it("never falls as the discount rate rises, for an investment followed by non-negative flows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 12 }),
        discountRate,
        discountRate,
        (investment, later, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const atLow = paybackCells([[-investment, ...later]], low);
          const atHigh = paybackCells([[-investment, ...later]], high);
          if (isExcelError(atHigh) || isExcelError(atLow)) return;
          expect(atHigh as number).toBeGreaterThanOrEqual((atLow as number) - 1e-9);
        },
      ),
      { numRuns: 500 },
    );
  });
});
