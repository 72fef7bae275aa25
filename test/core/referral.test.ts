import { ExcelError } from "../../src/core/errors";
import { checkRate, readAmount, readOptionalRate, readRate } from "../../src/core/rates";
import { referralFee, referralFeeCells } from "../../src/core/referral";
import { expectError } from "./function-results";

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (caught) {
    return caught;
  }
  return undefined;
}

describe("PE.REFERRAL_FEE", () => {
  it("is rate × first-year revenue (READING.md: 10–30% of first-year revenue)", () => {
    expect(referralFeeCells(200000, 0.1)).toBe(20000);
    expect(referralFeeCells(200000, "30%")).toBe(60000);
    expect(referralFeeCells(0, 0.2)).toBe(0);
  });

  it("is raised to the minimum and cut to the maximum when given", () => {
    expect(referralFeeCells(20000, 0.1, 5000)).toBe(5000);
    expect(referralFeeCells(200000, 0.2, null, 25000)).toBe(25000);
    expect(referralFeeCells(200000, 0.2, "", 25000)).toBe(25000);
    expect(referralFeeCells(100000, 0.1, 5000, 25000)).toBe(10000);
    expect(referralFeeCells(0, 0.1, 500, 5000)).toBe(500); // READING.md: a flat $500–$5,000 floor
    expect(referralFeeCells(100000, 0.1, 5000, 5000)).toBe(5000);
  });

  it("refuses a rate outside 0–1, suggesting the percentage meant", () => {
    expectError(referralFeeCells(100000, 30), "#NUM!", "rate 30 is above 1: write 30% or 0.3");
    expectError(referralFeeCells(100000, -0.1), "#NUM!", "rate -0.1 is below 0");
  });

  it("refuses negative amounts and a minimum above the maximum", () => {
    expectError(referralFeeCells(-1, 0.1), "#NUM!", "first_year_revenue is -1, below 0");
    expectError(referralFeeCells(100, 0.1, -5), "#NUM!", "minimum is -5, below 0");
    expectError(referralFeeCells(100, 0.1, null, -5), "#NUM!", "maximum is -5, below 0");
    expectError(referralFeeCells(100, 0.1, 5000, 500), "#NUM!", "minimum 5000 is above maximum 500");
  });

  it("refuses text and passes errors on", () => {
    expectError(referralFeeCells("big", 0.1), "#VALUE!", 'first_year_revenue is "big", not a number');
    expectError(referralFeeCells(100, 0.1, "some"), "#VALUE!", 'minimum is "some", not a number');
    const upstream = new ExcelError("#N/A", "no revenue yet");
    expect(referralFeeCells(upstream, 0.1)).toBe(upstream);
  });

  it("exposes the pure rule", () => {
    expect(referralFee(200000, 0.1)).toBe(20000);
    expect(referralFee(20000, 0.1, 5000)).toBe(5000);
    expect(() => referralFee(1, 0.1, 2, 1)).toThrow(ExcelError);
  });
});

describe("shared rate and amount readers", () => {
  it("readRate accepts fractions and percentage text, and explains a rate above 1 with the value as typed", () => {
    expect(readRate(0.3, "rate")).toBe(0.3);
    expect(readRate("30%", "rate")).toBe(0.3);
    expect(readRate(null, "rate")).toBe(0);
    expect(readRate(1, "rate")).toBe(1);
    const error = thrown(() => readRate(30, "rate")) as ExcelError;
    expect(error).toBeInstanceOf(ExcelError);
    expect(error.code).toBe("#NUM!");
    expect(error.message).toBe("rate 30 is above 1: write 30% or 0.3");
    expect((thrown(() => readRate("45", "discount")) as ExcelError).message).toBe("discount 45 is above 1: write 45% or 0.45");
    expect((thrown(() => readRate(-0.5, "rate")) as ExcelError).code).toBe("#NUM!");
    expect((thrown(() => readRate("abc", "rate")) as ExcelError).code).toBe("#VALUE!");
    expect((thrown(() => checkRate(Number.NaN, "rate")) as ExcelError).code).toBe("#NUM!");
    expect((thrown(() => checkRate(12, "rate")) as ExcelError).message).toBe("rate 12 is above 1: write 12% or 0.12");
  });

  it("readOptionalRate falls back when omitted", () => {
    expect(readOptionalRate(null, "threshold", 0.2)).toBe(0.2);
    expect(readOptionalRate("", "threshold", 0.2)).toBe(0.2);
    expect(readOptionalRate([["25%"]], "threshold", 0.2)).toBe(0.25);
  });

  it("readAmount refuses negatives", () => {
    expect(readAmount("1000", "price")).toBe(1000);
    expect(readAmount(undefined, "price")).toBe(0);
    expect((thrown(() => readAmount(-1, "price")) as ExcelError).message).toBe("price is -1, below 0: enter 0 or more");
  });
});
