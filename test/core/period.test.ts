import { ExcelError } from "../../src/core/errors";
import { periodCells, periodKey } from "../../src/core/period";
import { expectError, single } from "./function-results";

/** The Excel serial of a date from 1900-03-01 on (serial 61), where Excel's count has no fictitious day. */
function serialOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

describe("PE.PERIOD", () => {
  it("keys by month (default), quarter and year", () => {
    const march15 = serialOf(2026, 3, 15);
    expect(march15).toBe(46096);
    expect(single(periodCells(march15))).toBe("2026-03");
    expect(single(periodCells(march15, "quarter"))).toBe("2026-Q1");
    expect(single(periodCells(march15, "year"))).toBe("2026");
    expect(single(periodCells(serialOf(2026, 12, 31), "quarter"))).toBe("2026-Q4");
    expect(single(periodCells(serialOf(2026, 7, 1), "quarter"))).toBe("2026-Q3");
  });

  it("the issue's fiscal year from April: 2026-03-15 → FY2026-Q4, 2026-04-01 → FY2027-Q1 and FY2027, months stay calendar", () => {
    expect(single(periodCells(serialOf(2026, 3, 15), "quarter", 4))).toBe("FY2026-Q4");
    expect(single(periodCells(serialOf(2026, 4, 1), "quarter", 4))).toBe("FY2027-Q1");
    expect(single(periodCells(serialOf(2026, 4, 1), "year", 4))).toBe("FY2027");
    expect(single(periodCells(serialOf(2026, 4, 1), "month", 4))).toBe("2026-04");
    expect(single(periodCells(serialOf(2026, 3, 31), "year", 4))).toBe("FY2026");
  });

  it("names every fiscal year after the calendar year it ends in, for every start month", () => {
    for (let start = 2; start <= 12; start++) {
      for (let month = 1; month <= 12; month++) {
        const key = periodKey(serialOf(2026, month, 10), "year", start);
        expect(key).toBe(month >= start ? "FY2027" : "FY2026");
        const quarter = Math.floor(((month - start + 12) % 12) / 3) + 1;
        expect(periodKey(serialOf(2026, month, 10), "quarter", start)).toBe(`${key}-Q${quarter}`);
      }
    }
    expect(periodKey(serialOf(2026, 12, 1), "quarter", 12)).toBe("FY2027-Q1");
    expect(periodKey(serialOf(2026, 11, 30), "quarter", 12)).toBe("FY2026-Q4");
  });

  it("ignores the time of day, and takes 9999-12-31 as the last date", () => {
    expect(single(periodCells(46096.99))).toBe("2026-03");
    expect(single(periodCells(2958465.5, "quarter"))).toBe("9999-Q4");
    expect(single(periodCells(2958465, "year", 7))).toBe("FY10000");
  });

  it("maps serials up to 60 as Excel's YEAR and MONTH do", () => {
    expect(single(periodCells(1))).toBe("1900-01");
    expect(single(periodCells(59))).toBe("1900-02");
    expect(single(periodCells(60))).toBe("1900-02");
    expect(single(periodCells(61))).toBe("1900-03");
    expect(single(periodCells(60, "quarter", 2))).toBe("FY1901-Q1");
  });

  it("gives a same-shaped result for a range, a bad date an error in its own cell", () => {
    const upstream = new ExcelError("#N/A", "from a cell");
    const result = periodCells(
      [
        [46096, "46113"],
        ["soon", upstream],
        [0, null],
      ],
      "quarter",
    ) as unknown[][];
    expect(result[0]).toEqual(["2026-Q1", "2026-Q2"]);
    expectError(result[1][0], "#VALUE!", 'date row 2, column 1 is "soon", not a number');
    expect(result[1][1]).toBe(upstream);
    expectError(result[2][0], "#NUM!", "date row 3, column 1 is 0");
    expectError(result[2][1], "#NUM!", "date row 3, column 2 is 0");
  });

  it("reads the frequency case-insensitively and refuses an unknown one with #VALUE! listing the valid ones", () => {
    expect(single(periodCells(46096, " QUARTER "))).toBe("2026-Q1");
    expect(single(periodCells(46096, [[""]]))).toBe("2026-03");
    expectError(periodCells(46096, "week"), "#VALUE!", 'frequency "week" is unknown: use "month", "quarter" or "year"');
  });

  it("refuses a fiscal_year_start outside 1–12 with #NUM!, cutting a fraction to the month", () => {
    for (const start of [0, 13, -1, 0.5]) expectError(periodCells(46096, "quarter", start), "#NUM!", "fiscal_year_start");
    expect(single(periodCells(46096, "quarter", 4.9))).toBe("FY2026-Q4");
    expect(single(periodCells(46096, "quarter", null))).toBe("2026-Q1");
    expectError(periodCells(46096, "quarter", "April"), "#VALUE!", "fiscal_year_start");
  });

  it("refuses a date below 1 or after 9999-12-31 with #NUM!, and text with #VALUE!", () => {
    expectError(single(periodCells(-3)), "#NUM!", "date is -3");
    expectError(single(periodCells(3e6)), "#NUM!", "9999-12-31");
    expectError(single(periodCells("2026-03-15")), "#VALUE!", "not a number");
  });
});
