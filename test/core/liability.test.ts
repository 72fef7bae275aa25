import { ExcelError } from "../../src/core/errors";
import { liabilityCap, liabilityCapCells, totalFeesPaid } from "../../src/core/liability";
import { expectError } from "./function-results";

const column = (values: unknown[]): unknown[][] => values.map((value) => [value]);

describe("PE.LIABILITY_CAP worked examples (READING.md, issue 2)", () => {
  it('"12 months of fees or $500K, whichever is greater" is PE.LIABILITY_CAP(B2:B13, 500000)', () => {
    const smallFees = column(new Array(12).fill(30000)); // 360K a year
    expect(liabilityCapCells(smallFees, 500000)).toBe(500000);
    const largeFees = column(new Array(12).fill(60000)); // 720K a year
    expect(liabilityCapCells(largeFees, 500000)).toBe(720000);
  });

  it('"indemnity at 2× annual value" is PE.LIABILITY_CAP(C2, 0, 2)', () => {
    expect(liabilityCapCells([[250000]], 0, 2)).toBe(500000);
    expect(liabilityCapCells(250000, 0, 2)).toBe(500000);
  });

  it("README examples: a floor, a larger total, a ceiling", () => {
    expect(liabilityCapCells([[360000]], 500000)).toBe(500000);
    expect(liabilityCapCells([[800000]], 500000)).toBe(800000);
    expect(liabilityCapCells([[800000]], 500000, 1, 750000)).toBe(750000);
  });

  it("defaults to floor 0, multiple 1 and no ceiling; a blank argument counts as omitted", () => {
    expect(liabilityCapCells([[123456]])).toBe(123456);
    expect(liabilityCapCells([[123456]], null, undefined, "")).toBe(123456);
    expect(liabilityCapCells([[123456]], [[null]], [[""]], [[null]])).toBe(123456);
  });

  it("lets the ceiling equal the floor", () => {
    expect(liabilityCapCells([[1000000]], 500000, 1, 500000)).toBe(500000);
  });
});

describe("fees_paid: one cell like a typed number, a range like SUM", () => {
  it("sums a range, skipping blanks, text and booleans", () => {
    expect(totalFeesPaid([[1000], [null], [""], ["notes"], ["2000"], [true], [3000]])).toBe(4000);
    expect(
      liabilityCapCells([
        [1000, 2000],
        [null, 500],
      ]),
    ).toBe(3500);
  });

  it("passes an errored cell of the range on", () => {
    const upstream = new ExcelError("#N/A", "missing month");
    expect(liabilityCapCells([[1000], [upstream], [2000]], 0)).toBe(upstream);
  });

  it("reads one cell like a typed number: numeric text counts, blank is 0, other text is #VALUE!", () => {
    expect(liabilityCapCells([["250000"]], 0, 2)).toBe(500000);
    expect(liabilityCapCells([[null]], 500000)).toBe(500000);
    expect(liabilityCapCells("", 500000)).toBe(500000);
    expectError(liabilityCapCells([["lots"]]), "#VALUE!", 'fees_paid is "lots", not a number');
    expectError(liabilityCapCells([[true]]), "#VALUE!", "fees_paid is TRUE, not a number");
  });

  it("allows refunds inside a range as long as the total is not negative", () => {
    expect(liabilityCapCells([[1000], [-200]])).toBe(800);
    expectError(liabilityCapCells([[100], [-200]]), "#NUM!", "fees_paid total is -100, below 0");
  });
});

describe("PE.LIABILITY_CAP errors", () => {
  it("refuses negative fees, floor and multiple", () => {
    expectError(liabilityCapCells(-1), "#NUM!", "fees_paid total is -1, below 0");
    expectError(liabilityCapCells(100, -5), "#NUM!", "floor is -5, below 0");
    expectError(liabilityCapCells(100, 0, -2), "#NUM!", "multiple is -2, below 0");
  });

  it("refuses a ceiling below the floor", () => {
    expectError(liabilityCapCells(100, 500000, 1, 400000), "#NUM!", "ceiling 400000 is below floor 500000");
    expectError(liabilityCapCells(100, 0, 1, -1), "#NUM!", "ceiling -1 is below floor 0");
  });

  it("refuses text in the optional arguments and a range where one value is expected", () => {
    expectError(liabilityCapCells(100, "half a million"), "#VALUE!", 'floor is "half a million", not a number');
    expectError(liabilityCapCells(100, 0, [[1, 2]]), "#VALUE!", "multiple must be a single value");
  });

  it("reports an overflowing cap rather than returning Infinity", () => {
    expectError(liabilityCapCells(1e308, 0, 10), "#NUM!", "the cap is too large");
    expect(liabilityCapCells(1e308, 0, 10, 1e9)).toBe(1e9);
  });
});

describe("pure liabilityCap", () => {
  it("is min(ceiling, max(floor, multiple × fees))", () => {
    expect(liabilityCap(360000, 500000)).toBe(500000);
    expect(liabilityCap(250000, 0, 2)).toBe(500000);
    expect(liabilityCap(800000, 500000, 1, 750000)).toBe(750000);
    expect(liabilityCap(100)).toBe(100);
  });

  it("throws a typed error for invalid terms", () => {
    expect(() => liabilityCap(-1)).toThrow(ExcelError);
    expect(() => liabilityCap(1, 10, 1, 5)).toThrow("ceiling 5 is below floor 10");
    expect(() => liabilityCap(1, 0, 1, Number.NaN)).toThrow(ExcelError);
  });
});
