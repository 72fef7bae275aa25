import fc from "fast-check";
import { ExcelError } from "../../src/core/errors";
import { dateOfSerial, MAX_DATE_SERIAL } from "../../src/core/date-serials";
import { termEndCells } from "../../src/core/term-end";
import { anyArgument, anyScalar, expectValidResult, neverThrows } from "./arbitraries";

// ---- valid contracts: a start date, whole-month terms written as years, an as-of date ----
const serial = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 61, max: 80_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 120 }) },
  { weight: 1, arbitrary: fc.double({ min: 1, max: 80_000, noNaN: true }) },
);
const months = fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(1, 3, 12, 24, 36));
const years = months.map((count) => count / 12);
const renewalYears = fc.oneof(fc.constant(0), years);
const asOf = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -10, max: 90_000 }),
  fc.double({ min: 0, max: 90_000, noNaN: true }),
);

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/**
 * DATE(YEAR(start), MONTH(start) + months, DAY(start)) − 1 by JavaScript's own calendar, whose
 * Date.UTC rolls months and days over as Excel's DATE does: an independent oracle for starts
 * from 1900-03-01 on (before that, Excel's fictitious 1900-02-29 makes the calendars differ).
 */
function oracleEnd(start: number, termMonths: number): number {
  const { year, month, day } = dateOfSerial(start);
  return Math.round((Date.UTC(year, month - 1 + termMonths, day) - EPOCH) / MS_PER_DAY) - 1;
}

function asNumber(result: unknown): number {
  if (typeof result !== "number") throw new Error(`expected a date serial, got ${String(result)}`);
  return result;
}

describe("PE.TERM_END contract", () => {
  it("never throws and returns only a whole date serial or a typed error, for any input", () => {
    fc.assert(
      fc.property(
        anyArgument,
        fc.oneof(anyScalar, anyArgument),
        fc.oneof(anyScalar, anyArgument),
        fc.oneof(anyScalar, anyArgument),
        (s, i, r, a) => {
          const result = neverThrows(() => termEndCells(s, i, r, a));
          expectValidResult(result);
          if (typeof result === "number") {
            expect(Number.isInteger(result)).toBe(true);
            expect(result).toBeGreaterThanOrEqual(1);
            expect(result).toBeLessThanOrEqual(MAX_DATE_SERIAL);
          } else {
            expect(result).toBeInstanceOf(ExcelError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("ends on or after start, and on or after as_of with renewal", () => {
    fc.assert(
      fc.property(serial, years, renewalYears, asOf, (start, initial, renewal, day) => {
        const end = asNumber(termEndCells(start, initial, renewal, day));
        expect(end).toBeGreaterThanOrEqual(Math.floor(start));
        if (renewal > 0 && day !== undefined) expect(end).toBeGreaterThanOrEqual(Math.floor(day));
      }),
      { numRuns: 500 },
    );
  });

  it("is monotone in as_of", () => {
    fc.assert(
      fc.property(serial, years, renewalYears, asOf, asOf, (start, initial, renewal, a, b) => {
        const [early, late] = (a ?? -Infinity) <= (b ?? -Infinity) ? [a, b] : [b, a];
        const earlyEnd = asNumber(termEndCells(start, initial, renewal, early));
        const lateEnd = asNumber(termEndCells(start, initial, renewal, late));
        expect(earlyEnd).toBeLessThanOrEqual(lateEnd);
      }),
      { numRuns: 500 },
    );
  });

  it("equals DATE(YEAR(start), MONTH(start) + 12·initial_years, DAY(start)) − 1 by an independent calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_900_000 }), months, (start, termMonths) => {
        expect(termEndCells(start, termMonths / 12)).toBe(oracleEnd(start, termMonths));
      }),
      { numRuns: 1000 },
    );
  });

  it("with renewal, returns the first renewal end by the same rule that is not before the as-of day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 61, max: 60_000 }),
        months,
        months,
        fc.integer({ min: 61, max: 90_000 }),
        (start, initialMonths, renewalMonths, day) => {
          const end = asNumber(termEndCells(start, initialMonths / 12, renewalMonths / 12, day));
          let k = 0;
          let expected = oracleEnd(start, initialMonths);
          while (expected < day) expected = oracleEnd(start, initialMonths + ++k * renewalMonths);
          expect(end).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("ignores as_of without renewal", () => {
    fc.assert(
      fc.property(serial, years, asOf, (start, initial, day) => {
        expect(termEndCells(start, initial, 0, day)).toBe(termEndCells(start, initial));
      }),
    );
  });
});
