import { ExcelError } from "../../src/core/errors";
import { excelDate, isoDate } from "../../src/core/date-serials";
import { termEnd, termEndCells, wholeMonths } from "../../src/core/term-end";
import { expectError } from "./function-results";

const date = excelDate;
const endOf = (...args: unknown[]) => {
  const result = termEndCells(...args);
  if (typeof result !== "number") throw new Error(`expected a date serial, got ${String(result)}`);
  return isoDate(result);
};

describe("PE.TERM_END: the initial term", () => {
  it("ends the day before the same day 12·initial_years months later", () => {
    expect(endOf(date(2024, 1, 1), 2)).toBe("2025-12-31");
    expect(endOf(date(2025, 7, 15), 1)).toBe("2026-07-14");
    expect(termEndCells(date(2024, 1, 1), 2)).toBe(46022);
  });

  it("rolls an overflowing day into the next month, as DATE does (the issue's examples)", () => {
    // 2024-02-29 + 1 year: DATE(2024,14,29) is 2025-03-01, minus 1.
    expect(endOf(date(2024, 2, 29), 1)).toBe("2025-02-28");
    expect(termEndCells(45351, 1)).toBe(45716);
    // 3 months = 0.25 years from 2026-01-31: DATE(2026,4,31) is 2026-05-01, minus 1.
    expect(endOf(date(2026, 1, 31), 0.25)).toBe("2026-04-30");
    expect(termEndCells(46053, 0.25)).toBe(46142);
    // One month from 2024-01-31: DATE(2024,2,31) is 2024-03-02, minus 1.
    expect(endOf(date(2024, 1, 31), 1 / 12)).toBe("2024-03-01");
  });

  it("returns the initial end whatever as_of when there is no renewal", () => {
    expect(endOf(date(2024, 1, 1), 2, 0, date(2030, 6, 1))).toBe("2025-12-31");
    expect(endOf(date(2024, 1, 1), 2, null, date(2030, 6, 1))).toBe("2025-12-31");
    expect(endOf(date(2024, 1, 1), 2, 1)).toBe("2025-12-31");
  });

  it("drops a time of day from start, as YEAR, MONTH and DAY do", () => {
    expect(termEndCells(45351.75, 1)).toBe(45716);
  });

  it("takes whole months given as fractions of a year, within the 1e-9 tolerance", () => {
    expect(wholeMonths(0.25)).toBe(3);
    expect(wholeMonths(5 / 12)).toBe(5);
    expect(wholeMonths(1 / 12)).toBe(1);
    expect(wholeMonths(0.1)).toBeUndefined();
    expect(endOf(date(2026, 1, 31), 7 / 12)).toBe("2026-08-30");
  });
});

describe("PE.TERM_END: auto-renewal", () => {
  const start = date(2024, 1, 1);

  it("moves on by renewal terms while the term's end is before as_of", () => {
    expect(endOf(start, 2, 1, date(2025, 6, 30))).toBe("2025-12-31");
    expect(endOf(start, 2, 1, date(2025, 12, 31))).toBe("2025-12-31");
    expect(endOf(start, 2, 1, date(2026, 1, 1))).toBe("2026-12-31");
    expect(endOf(start, 2, 1, date(2026, 3, 15))).toBe("2026-12-31");
    expect(endOf(start, 2, 1, date(2027, 1, 1))).toBe("2027-12-31");
    expect(endOf(start, 1, 2, date(2025, 1, 1))).toBe("2026-12-31");
    expect(endOf(start, 2, 1, date(2020, 1, 1))).toBe("2025-12-31");
  });

  it("counts every renewal from start, so a term from the 31st does not drift to the 28th", () => {
    const lastOfJanuary = date(2024, 1, 31);
    expect(endOf(lastOfJanuary, 1 / 12, 1 / 12, date(2024, 3, 2))).toBe("2024-03-30");
    expect(endOf(lastOfJanuary, 1 / 12, 1 / 12, date(2024, 3, 31))).toBe("2024-04-30");
    expect(endOf(lastOfJanuary, 1 / 12, 1 / 12, date(2024, 5, 1))).toBe("2024-05-30");
    expect(endOf(date(2024, 2, 29), 1, 1, date(2027, 3, 1))).toBe("2028-02-28");
  });

  it("treats as_of as a day: a term is in force through its last day", () => {
    expect(endOf(start, 2, 1, date(2025, 12, 31) + 0.9)).toBe("2025-12-31");
  });

  it("finds the term in force after many renewals", () => {
    expect(endOf(date(1900, 1, 31), 1 / 12, 1 / 12, date(9999, 12, 15))).toBe("9999-12-30");
    // The formula's DATE(10000,1,1) − 1 is #NUM! in Excel, though 9999-12-31 itself is a date.
    expectError(termEndCells(start, 1, 1, date(9999, 12, 31)), "#NUM!", "after 9999-12-31");
    expect(endOf(date(2024, 7, 1), 1, 1, date(9999, 1, 15))).toBe("9999-06-30");
  });
});

describe("PE.TERM_END: dates around Excel's fictitious 1900-02-29 (serial 60)", () => {
  it("ends a two-month term from 1900-01-01 on serial 60, the day Excel shows as 1900-02-29", () => {
    expect(termEndCells(1, 2 / 12)).toBe(60);
  });

  it("counts serial 60 as a day of February 1900 when a day rolls over", () => {
    // DATE(1900,2,31) − 1 = 62 − 1 = 61, 1900-03-01; the real calendar would say 1900-03-02.
    expect(termEndCells(31, 1 / 12)).toBe(61);
    expect(termEndCells(date(1900, 1, 29), 1 / 12)).toBe(59);
    expect(termEndCells(date(1900, 1, 30), 1 / 12)).toBe(60);
  });

  it("starts from serial 60 as 1900-02-29", () => {
    // DATE(1901,2,29) − 1: 1901-03-01 minus a day.
    expect(endOf(60, 1)).toBe("1901-02-28");
    expect(endOf(59, 1)).toBe("1901-02-27");
    expect(endOf(61, 1)).toBe("1901-02-28");
  });
});

describe("PE.TERM_END: errors", () => {
  it("refuses a start below 1 or after 9999-12-31 with #NUM!", () => {
    expectError(termEndCells(0, 1), "#NUM!", "start is 0", "1900-01-01");
    expectError(termEndCells(-5, 1), "#NUM!", "start is -5");
    expectError(termEndCells(0.5, 1), "#NUM!", "start is 0.5");
    expectError(termEndCells(null, 1), "#NUM!", "start is 0");
    expectError(termEndCells(2958466, 1), "#NUM!", "after 9999-12-31");
  });

  it("refuses an initial term that is not above 0 or not whole months with #NUM!", () => {
    expectError(termEndCells(45351, 0), "#NUM!", "initial_years is 0", "above 0");
    expectError(termEndCells(45351, -1), "#NUM!", "initial_years is -1");
    expectError(termEndCells(45351, 0.1), "#NUM!", "initial_years is 0.1, which is 1.2 months", "whole months");
    expectError(termEndCells(45351, 1e-12), "#NUM!", "whole months");
  });

  it("refuses a renewal term below 0 or not whole months with #NUM!", () => {
    expectError(termEndCells(45351, 1, -1), "#NUM!", "renewal_years is -1");
    expectError(termEndCells(45351, 1, 0.3, 46000), "#NUM!", "renewal_years is 0.3, which is 3.6 months");
    expectError(termEndCells(45351, 1, 1e-15), "#NUM!", "renewal_years", "whole months");
  });

  it("refuses text with #VALUE! and passes on an errored argument", () => {
    expectError(termEndCells("2024-02-29", 1), "#VALUE!", 'start is "2024-02-29", not a number');
    expectError(termEndCells(45351, "one"), "#VALUE!", "initial_years");
    expectError(termEndCells(45351, 1, "yearly"), "#VALUE!", "renewal_years");
    expectError(termEndCells(45351, 1, 1, "today"), "#VALUE!", "as_of");
    expectError(termEndCells(45351, 1, 1, true), "#VALUE!", "as_of is TRUE");
    const upstream = new ExcelError("#N/A", "from a lookup");
    expect(termEndCells(upstream, 1)).toBe(upstream);
  });

  it("refuses a term that ends after 9999-12-31 with #NUM!", () => {
    expectError(termEndCells(date(9999, 6, 1), 1), "#NUM!", "after 9999-12-31");
    expectError(termEndCells(45351, 1e300), "#NUM!", "after 9999-12-31");
    expectError(termEndCells(45351, 1, 1, 3e6), "#NUM!", "after 9999-12-31");
  });

  it("keeps the pure rule's errors typed", () => {
    expect(() => termEnd(0, 1)).toThrow(ExcelError);
    expect(termEnd(45351, 1)).toBe(45716);
  });
});
