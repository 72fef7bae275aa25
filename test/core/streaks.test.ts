import { ExcelError } from "../../src/core/errors";
import { partnerStatusCells, streakCells } from "../../src/core/streaks";
import { expectError } from "./function-results";

/** Issue 15: "3+ quarters below target → exit review", "2+ quarters met → expand". */
describe("PE.STREAK", () => {
  const actuals = [[90, 110, 120, 80, 70, 95]];
  const target = [[100]];

  it("counts periods below target back from the last one (the default)", () => {
    expect(streakCells(actuals, target)).toBe(3);
    expect(streakCells(actuals, target, "below")).toBe(3);
    expect(streakCells([[90, 110, 120]], target)).toBe(0);
  });

  it('counts periods that met target with which "met", case-insensitively', () => {
    expect(streakCells([[90, 110, 120]], target, "met")).toBe(2);
    expect(streakCells([[90, 110, 120]], target, " MET ")).toBe(2);
    expect(streakCells(actuals, target, "Met")).toBe(0);
    expect(streakCells(actuals, target, "BELOW")).toBe(3);
  });

  it("meets a target within the tiers' 1e-9 relative tolerance, and no further", () => {
    expect(streakCells([[100 - 1e-8]], [[100]], "met")).toBe(1);
    expect(streakCells([[100 - 1e-6]], [[100]], "met")).toBe(0);
    expect(streakCells([[0.1 + 0.2]], [[0.3]], "met")).toBe(1);
    expect(streakCells([[0.3]], [[0.1 + 0.2]], "met")).toBe(1);
  });

  it("takes one target per period in the same shape, or one for all", () => {
    expect(streakCells([[100], [100], [100]], [[90], [100], [110]], "below")).toBe(1);
    expect(streakCells([[100], [100], [100]], [[90], [100], [110]], "met")).toBe(0);
    expect(streakCells([[100, 100, 100]], [[110, 90, 100]], "met")).toBe(2);
  });

  it("skips trailing blanks (periods not yet reported); a blank between reported periods ends the streak", () => {
    expect(streakCells([[80, 70, 60, null, ""]], target)).toBe(3);
    expect(streakCells([[80, null, 70, 60, null]], target)).toBe(2);
    expect(streakCells([[80, 70, "", 60]], target)).toBe(1);
    expect(streakCells([[120, undefined, 130]], target, "met")).toBe(1);
  });

  it("gives 0 when no period has been reported", () => {
    expect(streakCells([[null, "", null]], target)).toBe(0);
    expect(streakCells([[null]], target, "met")).toBe(0);
    expect(streakCells(null, 100)).toBe(0);
  });

  it("reads numbers typed as text and counts a blank target as 0", () => {
    expect(streakCells([["90", " 95 "]], [[100]])).toBe(2);
    expect(streakCells([[5, 5]], [[null, 10]])).toBe(1);
  });

  it("refuses an unknown which with #VALUE! listing the valid ones", () => {
    expectError(streakCells(actuals, target, "missed"), "#VALUE!", 'which "missed" is unknown', '"below"', '"met"');
    expectError(streakCells(actuals, target, 1), "#VALUE!", "which 1 is unknown", '"below"', '"met"');
    expectError(streakCells(actuals, target, true), "#VALUE!", "which TRUE is unknown", '"below"', '"met"');
    expectError(streakCells(actuals, target, [["met", "below"]]), "#VALUE!", "which must be a single value", '"below"', '"met"');
  });

  it("refuses shapes that differ with #VALUE! naming both", () => {
    expectError(streakCells([[1, 2, 3]], [[1, 2]]), "#VALUE!", "targets is 1×2 but actuals is 1×3");
    expectError(streakCells([[1, 2, 3]], [[1], [2], [3]]), "#VALUE!", "targets is 3×1 but actuals is 1×3");
    expectError(
      streakCells(
        [
          [1, 2],
          [3, 4],
        ],
        100,
      ),
      "#VALUE!",
      "actuals must be one row or one column",
    );
  });

  it("refuses text that is not a number with #VALUE! naming the position", () => {
    expectError(streakCells([[90, "n/a", 80]], target), "#VALUE!", 'actuals item 2 is "n/a", not a number');
    expectError(streakCells([[90, 80]], [[100, "tbd"]]), "#VALUE!", 'targets item 2 is "tbd", not a number');
    expectError(streakCells([[90, 80]], "high"), "#VALUE!", 'targets is "high", not a number');
    expectError(streakCells([[90, true]], target), "#VALUE!", "actuals item 2 is TRUE");
  });

  it("passes on an errored cell", () => {
    const upstream = new ExcelError("#DIV/0!", "from a referenced cell");
    expect(streakCells([[90, upstream]], target)).toBe(upstream);
    expect(streakCells([[90, 80]], [[upstream, 100]])).toBe(upstream);
    expect(streakCells([[90]], target, upstream)).toBe(upstream);
  });
});

describe("PE.PARTNER_STATUS", () => {
  const target = [[100]];

  it("is Exit review after 3 quarters below target running (the default exit_after)", () => {
    expect(partnerStatusCells([[120, 90, 80, 70]], target)).toBe("Exit review");
    expect(partnerStatusCells([[90, 80, 70, null]], target)).toBe("Exit review");
  });

  it("is Expand after 2 quarters met running (the default expand_after)", () => {
    expect(partnerStatusCells([[90, 100, 110]], target)).toBe("Expand");
  });

  it("is Course-correct when the last reported quarter was below target, short of an exit review", () => {
    expect(partnerStatusCells([[120, 130, 90]], target)).toBe("Course-correct");
    expect(partnerStatusCells([[120, 80, 90]], target)).toBe("Course-correct");
  });

  it("is Maintain when the last quarter met target, short of expanding", () => {
    expect(partnerStatusCells([[80, 90, 100]], target)).toBe("Maintain");
    expect(partnerStatusCells([[120, null, 110]], target)).toBe("Maintain");
  });

  it("takes the first status that holds: an exit review before expanding", () => {
    // With expand_after 1 and exit_after 1 the one reported quarter decides: below → exit review, met → expand.
    expect(partnerStatusCells([[90]], target, 1, 1)).toBe("Exit review");
    expect(partnerStatusCells([[100]], target, 1, 1)).toBe("Expand");
    expect(partnerStatusCells([[80, 90]], target, 3, 2)).toBe("Exit review");
    expect(partnerStatusCells([[80, 90]], target, 3, 3)).toBe("Course-correct");
    expect(partnerStatusCells([[100, 110, 120]], target, 4)).toBe("Maintain");
    expect(partnerStatusCells([[100, 110, 120, 130]], target, 4)).toBe("Expand");
  });

  it("takes omitted or blank thresholds as their defaults", () => {
    expect(partnerStatusCells([[90, 100, 110]], target, null, null)).toBe("Expand");
    expect(partnerStatusCells([[90, 80, 70]], target, "", [[null]])).toBe("Exit review");
  });

  it("is #N/A when no period has been reported", () => {
    expectError(partnerStatusCells([[null, null]], target), "#N/A", "no reported period");
  });

  it("refuses thresholds that are not whole numbers of 1 or more with #NUM!", () => {
    expectError(partnerStatusCells([[100]], target, 0), "#NUM!", "expand_after is 0", "whole number");
    expectError(partnerStatusCells([[100]], target, 2, 1.5), "#NUM!", "exit_after is 1.5");
    expectError(partnerStatusCells([[100]], target, -1), "#NUM!", "expand_after is -1");
    expectError(partnerStatusCells([[100]], target, 2, "three"), "#VALUE!", 'exit_after is "three", not a number');
  });

  it("has the same input errors as PE.STREAK", () => {
    expectError(partnerStatusCells([[1, 2, 3]], [[1, 2]]), "#VALUE!", "targets is 1×2 but actuals is 1×3");
    expectError(partnerStatusCells([["x"]], target), "#VALUE!", 'actuals item 1 is "x"');
  });
});
