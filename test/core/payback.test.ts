import { ExcelError } from "../../src/core/errors";
import { payback, paybackCells } from "../../src/core/payback";
import { expectError } from "./function-results";

describe("PE.PAYBACK", () => {
  it("the issue's examples: 2.6; 2.352 at 10%; #N/A at 10% when discounting keeps it below 0", () => {
    expect(paybackCells([[-1000, 300, 400, 500]])).toBeCloseTo(2.6, 12);
    expect(paybackCells([[-1000, 500, 500, 500]], 0.1)).toBeCloseTo(2.352, 12);
    expect(paybackCells([[-1000, 500, 500, 500]], "10%")).toBe(2.352);
    expectError(paybackCells([[-1000, 300, 400, 500]], 0.1), "#N/A", "not paid back within the periods given");
  });

  it("is 0 when period 0 is already 0 or more, and whole when a period ends exactly at 0", () => {
    expect(payback([0, -5, 10])).toBe(0);
    expect(payback([100])).toBe(0);
    expect(payback([-1000, 500, 500, 500])).toBe(2);
    expect(payback([-100, 0, 100])).toBe(2);
  });

  it("ignores a later dip below 0", () => {
    expect(payback([-100, 50, 100, -1000])).toBeCloseTo(1.5, 12);
  });

  it("accepts a column, blanks as 0 and numbers typed as text", () => {
    expect(paybackCells([[-1000], [null], ["300"], [""], [700]])).toBe(4); // −1000, 0, 300, 0, then 700 ends period 4 at 0
    expect(paybackCells([[-1000], [300], [400], [500]], [[null]])).toBeCloseTo(2.6, 12);
  });

  it("takes a negative rate above −1", () => {
    // Flows grow by 1 / (1 − 0.5)ᵗ: 200, 400 → cumulative −800, −400 … −1000 + 200 + 400 + 800.
    expect(payback([-1000, 100, 100, 100], -0.5)).toBeCloseTo(2 + 400 / 800, 12);
  });

  it("refuses a rate of −1 or below with #NUM!, and above 1 with the write 10% or 0.1 advice", () => {
    expectError(paybackCells([[-1, 2]], -1), "#NUM!", "rate");
    expectError(paybackCells([[-1, 2]], -2), "#NUM!", "rate");
    expectError(paybackCells([[-1, 2]], 10), "#NUM!", "rate 10 is above 1: write 10% or 0.1");
    expect(paybackCells([[-1, 2]], 1)).toBeCloseTo(0.5 + 0.5, 12); // 100% is allowed: 2 / 2 = 1 pays back 1 exactly
  });

  it("says #N/A when never paid back", () => {
    expectError(paybackCells([[-1000, 100]]), "#N/A", "not paid back within the periods given");
    expectError(paybackCells([[-5]]), "#N/A");
  });

  it("refuses text with #VALUE! naming the position, passes errors on, refuses a block", () => {
    expectError(paybackCells([[-1000, "soon", 500]]), "#VALUE!", 'cashflows item 2 is "soon"');
    const upstream = new ExcelError("#DIV/0!", "from a cell");
    expect(paybackCells([[-1000, upstream]])).toBe(upstream);
    expectError(
      paybackCells([
        [-1, 1],
        [1, 1],
      ]),
      "#VALUE!",
      "one row or one column",
    );
    expectError(paybackCells([[-1, 1]], "ten"), "#VALUE!", "rate");
  });
});
