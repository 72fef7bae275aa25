import fc from "fast-check";
import { periodCells, periodKey } from "../../src/core/period";
import { anyArgument, anyGridOrArgument, isValidResult, neverThrows } from "./arbitraries";

/** Serials from 1900-03-01 (61) to 9999-12-31, where Excel's day count matches the proleptic calendar. */
const modernSerial = fc.integer({ min: 61, max: 2_958_465 });
const frequency = fc.constantFrom<"month" | "quarter" | "year">("month", "quarter", "year");
const startMonth = fc.integer({ min: 1, max: 12 });

function calendarOf(serial: number): { year: number; month: number } {
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

describe("PE.PERIOD contract", () => {
  it("never throws and returns only text, typed errors or a grid of them, whatever it is given", () => {
    fc.assert(
      fc.property(anyGridOrArgument, anyArgument, anyArgument, (date, freq, start) => {
        expect(isValidResult(neverThrows(() => periodCells(date, freq, start)))).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it("month keys are the calendar year and month of the date, whatever the fiscal year", () => {
    fc.assert(
      fc.property(modernSerial, startMonth, fc.double({ min: 0, max: 0.999, noNaN: true }), (serial, start, time) => {
        const { year, month } = calendarOf(serial);
        expect(periodKey(serial + time, "month", start)).toBe(
          `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`,
        );
      }),
    );
  });

  it("a fiscal quarter key is its fiscal year key plus Q1–Q4, and the fiscal year ends in the year it is named after", () => {
    fc.assert(
      fc.property(modernSerial, startMonth, (serial, start) => {
        const year = periodKey(serial, "year", start);
        const quarter = periodKey(serial, "quarter", start);
        expect(quarter).toMatch(new RegExp(`^${year}-Q[1-4]$`));
        const { year: calendarYear, month } = calendarOf(serial);
        if (start === 1) expect(year).toBe(String(calendarYear));
        else expect(year).toBe(`FY${month >= start ? calendarYear + 1 : calendarYear}`);
      }),
    );
  });

  it("consecutive days never go back to an earlier period, and quarters hold three calendar months", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_000 }), startMonth, frequency, (serial, start, freq) => {
        const keys = [serial, serial + 1].map((day) => periodKey(day, freq, start));
        expect(keys[0] <= keys[1]).toBe(true);
        const months = new Set<string>();
        for (let day = serial; day < serial + 400; day += 10) {
          if (periodKey(day, "quarter", start) === periodKey(serial, "quarter", start))
            months.add(periodKey(day, "month", start));
        }
        expect(months.size).toBeLessThanOrEqual(3);
      }),
      { numRuns: 200 },
    );
  });

  it("a range gives a same-shaped range of keys", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(modernSerial, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        frequency,
        (grid, freq) => {
          const result = periodCells(grid, freq) as string[][];
          expect(result.map((row) => row.length)).toEqual(grid.map((row) => row.length));
          grid.forEach((row, r) => row.forEach((serial, c) => expect(result[r][c]).toBe(periodKey(serial, freq))));
        },
      ),
      { numRuns: 200 },
    );
  });
});
