import fc from "fast-check";
import { isExcelError } from "../../src/core/errors";
import { revshareByYear, revshareMarginal, revshareRetroactive, revshareTieredCells } from "../../src/core/revshare";
import { amount, anyArgument, anyGridOrArgument, anyScalar, gridOf, isValidResult, neverThrows, rate } from "./arbitraries";

/** A valid amount schedule: 1–6 strictly ascending non-negative starts, one rate in 0–1 each. */
const schedule = fc
  .uniqueArray(fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }), {
    minLength: 1,
    maxLength: 6,
    comparator: "SameValueZero",
  })
  .map((starts) => starts.map((start) => start + 0).sort((a, b) => a - b))
  .chain((starts) => fc.tuple(fc.constant(starts), fc.array(rate, { minLength: starts.length, maxLength: starts.length })));

const revenue = fc.oneof(amount, fc.double({ min: 0, max: 1.2e9, noNaN: true }), fc.constantFrom(0, 1e-300, 1e308));

const methods = fc.constantFrom(null, undefined, "", "marginal", "retroactive", "by_year", "Marginal ", "BY_YEAR", "flat");

describe("PE.REVSHARE_TIERED contract", () => {
  it("never throws and returns only finite numbers, text, booleans, typed errors or a grid of them, whatever it is given", () => {
    fc.assert(
      fc.property(anyGridOrArgument, anyArgument, anyArgument, anyArgument, (rev, starts, rates, method) => {
        const result = neverThrows(() => revshareTieredCells(rev, starts, rates, method));
        expect(isValidResult(result)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("shapes its result like revenue (a grid even for one value), unless the call itself is in error", () => {
    fc.assert(
      fc.property(fc.oneof(gridOf(anyScalar, 5), anyScalar), schedule, methods, (rev, [starts, rates], method) => {
        const yearStarts = starts.map((_, index) => index + 1);
        const byYear = typeof method === "string" && method.trim().toLowerCase() === "by_year";
        const result = neverThrows(() => revshareTieredCells(rev, [byYear ? yearStarts : starts], [rates], method));
        expect(isValidResult(result)).toBe(true);
        if (isExcelError(result)) return;
        const expected = Array.isArray(rev) ? rev : [[rev]];
        expect(Array.isArray(result)).toBe(true);
        const grid = result as unknown[][];
        expect(grid.length).toBe(expected.length);
        grid.forEach((row, index) => expect(row.length).toBe(expected[index].length));
      }),
      { numRuns: 500 },
    );
  });

  it("marginal share never decreases as revenue grows", () => {
    fc.assert(
      fc.property(schedule, revenue, revenue, ([starts, rates], a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(revshareMarginal(low, starts, rates)).toBeLessThanOrEqual(revshareMarginal(high, starts, rates));
      }),
      { numRuns: 1000 },
    );
  });

  it("marginal share is never negative nor above revenue × the highest rate", () => {
    fc.assert(
      fc.property(schedule, revenue, ([starts, rates], x) => {
        const share = revshareMarginal(x, starts, rates);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(x * Math.max(...rates));
      }),
      { numRuns: 1000 },
    );
  });

  it("retroactive share is at least the marginal share when rates never fall from tier to tier", () => {
    fc.assert(
      fc.property(schedule, revenue, ([starts, rates], x) => {
        const rising = [...rates].sort((a, b) => a - b);
        expect(revshareRetroactive(x, starts, rising)).toBeGreaterThanOrEqual(revshareMarginal(x, starts, rising));
      }),
      { numRuns: 1000 },
    );
  });

  it("marginal share equals the classic SUMPRODUCT((x>t)*(x-t)*(r-prev_r)) to within rounding", () => {
    fc.assert(
      fc.property(schedule, revenue, ([starts, rates], x) => {
        let classic = 0;
        starts.forEach((start, tier) => {
          if (x > start) classic += (x - start) * (rates[tier] - (tier > 0 ? rates[tier - 1] : 0));
        });
        const share = revshareMarginal(x, starts, rates);
        expect(Math.abs(share - classic)).toBeLessThanOrEqual(1e-9 * Math.max(1, x) * starts.length);
      }),
      { numRuns: 1000 },
    );
  });

  it("the Excel entry point agrees with the pure rules cell by cell", () => {
    fc.assert(
      fc.property(schedule, fc.array(revenue, { minLength: 1, maxLength: 6 }), ([starts, rates], revenues) => {
        const marginal = revshareTieredCells(
          [revenues],
          [starts],
          rates.map((r) => [r]),
          "marginal",
        ) as number[][];
        const retroactive = revshareTieredCells(
          revenues.map((r) => [r]),
          [starts],
          [rates],
          "retroactive",
        ) as number[][];
        revenues.forEach((x, index) => {
          expect(marginal[0][index]).toBe(revshareMarginal(x, starts, rates));
          expect(retroactive[index][0]).toBe(revshareRetroactive(x, starts, rates));
        });
      }),
    );
  });

  it("by_year gives each year's revenue × the rate in force that year", () => {
    const yearSchedule = fc
      .uniqueArray(fc.integer({ min: 2, max: 12 }), { maxLength: 4 })
      .map((later) => [1, ...later.sort((a, b) => a - b)])
      .chain((years) => fc.tuple(fc.constant(years), fc.array(rate, { minLength: years.length, maxLength: years.length })));
    fc.assert(
      fc.property(yearSchedule, fc.array(amount, { minLength: 1, maxLength: 15 }), ([years, rates], revenues) => {
        const shares = revshareByYear(revenues, years, rates);
        const column = revshareTieredCells(
          revenues.map((r) => [r]),
          [years],
          [rates],
          "by_year",
        ) as number[][];
        revenues.forEach((x, index) => {
          const year = index + 1;
          let inForce = rates[0];
          years.forEach((start, tier) => {
            if (start <= year) inForce = rates[tier];
          });
          expect(shares[index]).toBe(x * inForce);
          expect(column[index]).toEqual([x * inForce]);
        });
      }),
    );
  });
});
