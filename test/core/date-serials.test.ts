import { ExcelError } from "../../src/core/errors";
import { dateOfSerial, excelDate, isoDate, MAX_DATE_SERIAL } from "../../src/core/date-serials";

/** Excel's 1900 date system and DATE's roll-over ([MS-OI29500] §2.1.919; KB 214326 for 1900-02-29). */
describe("Excel date serials", () => {
  it("numbers days from 1900-01-01 = 1, with the fictitious 1900-02-29 as 60", () => {
    expect(excelDate(1900, 1, 1)).toBe(1);
    expect(excelDate(1900, 2, 28)).toBe(59);
    expect(excelDate(1900, 2, 29)).toBe(60);
    expect(excelDate(1900, 3, 1)).toBe(61);
    expect(excelDate(2024, 2, 29)).toBe(45351);
    expect(excelDate(9999, 12, 31)).toBe(MAX_DATE_SERIAL);
  });

  it("reads serials around 60 the way YEAR, MONTH and DAY do", () => {
    expect(isoDate(59)).toBe("1900-02-28");
    expect(isoDate(60)).toBe("1900-02-29");
    expect(isoDate(61)).toBe("1900-03-01");
    expect(isoDate(1)).toBe("1900-01-01");
    expect(dateOfSerial(45351.75)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isoDate(MAX_DATE_SERIAL)).toBe("9999-12-31");
  });

  it("round-trips every serial of the first years and a sample of the rest", () => {
    for (let serial = 1; serial <= 3000; serial++) {
      const { year, month, day } = dateOfSerial(serial);
      expect(excelDate(year, month, day)).toBe(serial);
    }
    for (let serial = 3001; serial <= MAX_DATE_SERIAL; serial += 997) {
      const { year, month, day } = dateOfSerial(serial);
      expect(excelDate(year, month, day)).toBe(serial);
    }
  });

  it("rolls an overflowing month into the year and an overflowing day into the next month", () => {
    expect(isoDate(excelDate(2008, 14, 2))).toBe("2009-02-02");
    expect(isoDate(excelDate(2008, 1, 35))).toBe("2008-02-04");
    expect(isoDate(excelDate(2008, -6, 15))).toBe("2007-06-15");
    expect(isoDate(excelDate(2008, 5, -15))).toBe("2008-04-15");
    expect(isoDate(excelDate(2025, 2, 29))).toBe("2025-03-01");
    expect(isoDate(excelDate(2026, 4, 31))).toBe("2026-05-01");
    expect(excelDate(2007, 12, 32)).toBe(excelDate(2008, 1, 1));
    expect(excelDate(2007, 13, 1)).toBe(excelDate(2008, 1, 1));
  });

  it("counts the fictitious day when rolling over in early 1900, as Excel does", () => {
    // DATE(1900,2,31) is 1 February + 30 days: serial 62, which Excel shows as 1900-03-02.
    expect(excelDate(1900, 2, 31)).toBe(62);
    expect(excelDate(1900, 3, 0)).toBe(60);
    expect(excelDate(1900, 1, 60)).toBe(60);
    expect(excelDate(1900, 1, 0)).toBe(0);
  });

  it("gives the values Excel itself cached for DATE in saved workbooks", () => {
    // Read from <v> elements of Excel-saved test workbooks (Apache POI's FormulaEvalTestData, the
    // formulas project's test.xlsx); only the numbers are kept here.
    expect(excelDate(1900, 1, 1)).toBe(1);
    expect(excelDate(1900, 1, 32)).toBe(32);
    expect(excelDate(1900, 222, 1)).toBe(6727);
    expect(excelDate(2007, 1, 1)).toBe(39083);
    expect(excelDate(1900, 2, 29)).toBe(60);
    expect(excelDate(1900, 1, 22222)).toBe(22222);
    expect(excelDate(0, 1, 0)).toBe(0);
    expect(excelDate(1, 0, 0)).toBe(335);
    expect(() => excelDate(0.9, 0.9, 0.9)).toThrow(ExcelError);
  });

  it("adds 1900 to a year from 0 to 1899, truncates fractions and refuses dates Excel does not have", () => {
    expect(excelDate(124, 2, 29)).toBe(45351);
    expect(excelDate(2024.9, 2.5, 29.99)).toBe(45351);
    for (const [year, month, day] of [
      [10000, 1, 1],
      [-1, 1, 1],
      [9999, 13, 1],
      [9999, 12, 32],
      [1900, 0, 1],
      [1900, 1, -1],
      [NaN, 1, 1],
    ]) {
      expect(() => excelDate(year, month, day)).toThrow(ExcelError);
    }
  });
});
