import { ExcelError } from "../../src/core/errors";
import { crawlGate, crawlGateCells, crawlImprovement, walkGate, walkGateCells } from "../../src/core/gates";
import { expectError } from "./function-results";

describe("PE.CRAWL_GATE", () => {
  it("is GO at a 20% improvement on a higher-is-better metric (default)", () => {
    expect(crawlGateCells(10, 12)).toBe("GO");
    expect(crawlGateCells(10, 11.9)).toBe("NO-GO");
    expect(crawlGateCells(10, 15)).toBe("GO");
    expect(crawlGateCells(10, 8)).toBe("NO-GO");
  });

  it("is GO at a 20% improvement computed as 0.19999999999999996", () => {
    // Baseline 1, pilot 1.2: (1.2 - 1) / 1 is 0.19999999999999996 in floating point, not 0.2.
    expect(crawlImprovement(1, 1.2)).toBe(0.19999999999999996);
    expect(crawlImprovement(1, 1.2)).toBeLessThan(0.2);
    expect(crawlGateCells(1, 1.2)).toBe("GO");
    expect(crawlGateCells(1, 1.2, 0.2, "higher")).toBe("GO");
    // Onboarding from 8 hours down to 6.4 hours: (8 - 6.4) / 8 is 0.19999999999999996 too.
    expect(crawlImprovement(8, 6.4, "lower")).toBe(0.19999999999999996);
    expect(crawlGateCells(8, 6.4, 0.2, "lower")).toBe("GO");
  });

  it("measures a lower-is-better metric the other way (e.g. hours to onboard)", () => {
    expect(crawlGateCells(40, 34, 0.2, "lower")).toBe("NO-GO"); // 15% fewer hours
    expect(crawlGateCells(40, 30, 0.2, "lower")).toBe("GO"); // 25% fewer hours
    expect(crawlGateCells(40, 50, null, "LOWER")).toBe("NO-GO");
    expect(crawlGateCells(40, 30, "", " Lower ")).toBe("GO");
  });

  it("divides by |baseline|, so a negative baseline improving towards positive counts as improvement", () => {
    expect(crawlGateCells(-10, -8)).toBe("GO"); // up by 2 on a magnitude of 10
    expect(crawlGateCells(-10, -12)).toBe("NO-GO");
  });

  it("reads the threshold as a rate, with numeric text and defaults", () => {
    expect(crawlGateCells(100, 130, 0.3)).toBe("GO");
    expect(crawlGateCells(100, 129, "30%")).toBe("NO-GO");
    expect(crawlGateCells(100, 100, 0)).toBe("GO");
    expect(crawlGateCells(100, 120, null, null)).toBe("GO");
    expect(crawlGateCells([[100]], [[120]], [[null]], [[""]])).toBe("GO");
  });

  it("checks text arguments first, then better, then a zero baseline, then the threshold", () => {
    expectError(crawlGateCells("ten", 12), "#VALUE!", 'baseline is "ten", not a number');
    expectError(crawlGateCells(0, "twelve"), "#VALUE!", 'pilot is "twelve", not a number');
    expectError(crawlGateCells(0, 12, "high"), "#VALUE!", 'threshold is "high", not a number');
    expectError(
      crawlGateCells(0, 12, 0.2, "faster"),
      "#VALUE!",
      'better "faster" is unknown: use "higher" (a larger metric is better) or "lower"',
    );
    expectError(crawlGateCells(0, 12), "#DIV/0!", "baseline is 0");
    expectError(crawlGateCells(null, 12), "#DIV/0!", "baseline is 0");
    expectError(crawlGateCells(0, 12, 20), "#DIV/0!");
    expectError(crawlGateCells(10, 12, 20), "#NUM!", "threshold 20 is above 1: write 20% or 0.2");
    expectError(crawlGateCells(10, 12, -0.1), "#NUM!", "threshold -0.1 is below 0");
  });

  it("passes an errored argument on", () => {
    const upstream = new ExcelError("#N/A", "no metric yet");
    expect(crawlGateCells(10, upstream)).toBe(upstream);
  });

  it("exposes the pure rule", () => {
    expect(crawlGate(10, 12)).toBe("GO");
    expect(crawlGate(10, 11)).toBe("NO-GO");
    expect(crawlGate(40, 30, 0.2, "lower")).toBe("GO");
    expect(() => crawlGate(0, 1)).toThrow(ExcelError);
    expect(() => crawlGate(1, 2, 5)).toThrow("threshold 5 is above 1: write 5% or 0.05");
  });
});

describe("PE.WALK_GATE", () => {
  it("is GO when at least 70% of invited customers adopt (default)", () => {
    expect(walkGateCells(7, 10)).toBe("GO");
    expect(walkGateCells(6, 10)).toBe("NO-GO");
    expect(walkGateCells(10, 10)).toBe("GO");
    expect(walkGateCells(0, 5)).toBe("NO-GO");
  });

  it("uses the 1e-9 tolerance at a threshold computed with rounding noise", () => {
    const threshold = 0.1 * 7; // 0.7000000000000001
    expect(7 / 10).toBeLessThan(threshold);
    expect(walkGateCells(7, 10, threshold)).toBe("GO");
  });

  it("takes a custom threshold as a rate", () => {
    expect(walkGateCells(5, 10, 0.5)).toBe("GO");
    expect(walkGateCells(5, 10, "60%")).toBe("NO-GO");
    expect(walkGateCells(5, 10, "")).toBe("NO-GO");
  });

  it("checks invited 0 first, then negative counts and more adopters than invited", () => {
    expectError(walkGateCells(0, 0), "#DIV/0!", "invited is 0");
    expectError(walkGateCells(-3, 0), "#DIV/0!");
    expectError(walkGateCells(12, 0, 7), "#DIV/0!");
    expectError(walkGateCells(-1, 10), "#NUM!", "adopted is -1: a count of customers cannot be negative");
    expectError(walkGateCells(1, -10), "#NUM!", "invited is -10");
    expectError(walkGateCells(11, 10), "#NUM!", "adopted (11) is more than invited (10)");
    expectError(walkGateCells(7, 10, 70), "#NUM!", "threshold 70 is above 1: write 70% or 0.7");
  });

  it("refuses text counts", () => {
    expectError(walkGateCells("seven", 10), "#VALUE!", 'adopted is "seven", not a number');
    expectError(walkGateCells(7, [[10, 11]]), "#VALUE!", "invited must be a single value");
  });

  it("exposes the pure rule", () => {
    expect(walkGate(7, 10)).toBe("GO");
    expect(walkGate(69, 100)).toBe("NO-GO");
    expect(() => walkGate(1, 0)).toThrow("invited is 0");
  });
});
