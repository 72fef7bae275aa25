import fc from "fast-check";
import { isExcelError } from "../../src/core/errors";
import { liabilityCap, liabilityCapCells } from "../../src/core/liability";
import { amount, anyArgument, anyGridOrArgument, anyScalar, gridOf, isValidResult, neverThrows } from "./arbitraries";

const multiple = fc.double({ min: 0, max: 10, noNaN: true });

describe("PE.LIABILITY_CAP contract", () => {
  it("never throws and returns a finite number or a typed error, whatever it is given", () => {
    fc.assert(
      fc.property(anyGridOrArgument, anyArgument, anyArgument, anyArgument, (fees, floor, times, ceiling) => {
        const result = neverThrows(() => liabilityCapCells(fees, floor, times, ceiling));
        expect(isValidResult(result)).toBe(true);
        expect(Array.isArray(result)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("is never below the floor nor above the ceiling", () => {
    fc.assert(
      fc.property(
        fc.oneof(amount, gridOf(fc.oneof(amount, anyScalar))),
        amount,
        multiple,
        fc.option(amount, { nil: undefined }),
        (fees, floor, times, extra) => {
          const ceiling = extra === undefined ? undefined : floor + extra;
          const result = liabilityCapCells(fees, floor, times, ceiling ?? null);
          if (isExcelError(result)) return;
          expect(result).toBeGreaterThanOrEqual(floor);
          if (ceiling !== undefined) expect(result).toBeLessThanOrEqual(ceiling);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("adds up a range like SUM: only the numbers count", () => {
    fc.assert(
      fc.property(gridOf(fc.oneof(amount, fc.constantFrom(null, "", "text", "12", true, false))), (fees) => {
        fc.pre(fees.length * fees[0].length > 1);
        let sum = 0;
        for (const row of fees) for (const cell of row) if (typeof cell === "number") sum += cell;
        expect(liabilityCapCells(fees)).toBe(sum === 0 ? 0 : sum);
      }),
    );
  });

  it("never falls as fees, floor or multiple grow", () => {
    fc.assert(
      fc.property(amount, amount, amount, multiple, multiple, (feesA, feesB, floor, timesA, timesB) => {
        const [lowFees, highFees] = feesA <= feesB ? [feesA, feesB] : [feesB, feesA];
        const [lowTimes, highTimes] = timesA <= timesB ? [timesA, timesB] : [timesB, timesA];
        expect(liabilityCap(lowFees, floor, lowTimes)).toBeLessThanOrEqual(liabilityCap(highFees, floor, lowTimes));
        expect(liabilityCap(lowFees, floor, lowTimes)).toBeLessThanOrEqual(liabilityCap(lowFees, floor, highTimes));
      }),
    );
  });
});
