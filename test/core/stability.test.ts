import { partnerScore } from "../../src/core/scoring";
import { DEFAULT_SHIFT, isTierStable, tierStableCells } from "../../src/core/stability";
import { buildTierScheme, DEFAULT_TIER_SCHEME } from "../../src/core/tiers";
import { expectError, single } from "./function-results";

const FRAMEWORK = [30, 25, 20, 15, 10];

describe("PE.TIER_STABLE worked examples (framework weights 30/25/20/15/10, tiers 85/70/50)", () => {
  it("moves weights by 5 percentage points by default", () => {
    expect(DEFAULT_SHIFT).toBe(5);
  });

  it("calls a Tier 2 partner at 73 stable: no single ±5-point move takes it below 70", () => {
    // Base 73. The move that hurts most is financial health (rated 2) up to 20 points:
    // (30·4 + 25·3 + 20·5 + 20·2 + 10·4) / 105 = 375 / 105 = 3.571 → 71.4, still Tier 2.
    expect(partnerScore([4, 3, 5, 2, 4], [30, 25, 20, 20, 10], 5)).toBeCloseTo((100 * 375) / 105 / 5, 12);
    expect(single(tierStableCells([[4, 3, 5, 2, 4]]))).toBe(true);
  });

  it("keeps a move that lands exactly on a threshold in that tier", () => {
    // Shift 10: capabilities (rated 5) down to 10 points gives (120 + 75 + 50 + 30 + 40) / 90 = 3.5 → exactly 70.
    expect(partnerScore([4, 3, 5, 2, 4], [30, 25, 10, 15, 10], 5)).toBeCloseTo(70, 12);
    expect(single(tierStableCells([[4, 3, 5, 2, 4]], null, null, 10))).toBe(true);
  });

  it("calls a partner exactly at 70 unstable: strategic fit (rated 2) up 5 points drops it to Tier 3", () => {
    // Base: 0.3·2 + 0.25·4 + 0.2·4 + 0.15·4 + 0.1·5 = 3.5 → 70, Tier 2.
    // Strategic fit to 35 points: (70 + 100 + 80 + 60 + 50) / 105 = 360 / 105 = 3.429 → 68.6, Tier 3.
    expect(partnerScore([2, 4, 4, 4, 5], FRAMEWORK, 5)).toBeCloseTo(70, 12);
    expect(partnerScore([2, 4, 4, 4, 5], [35, 25, 20, 15, 10], 5)).toBeCloseTo((100 * 360) / 105 / 5, 12);
    expect(single(tierStableCells([[2, 4, 4, 4, 5]]))).toBe(false);
  });

  it("depends on how far the weights move", () => {
    // Base 72. At 5 points the worst move is strategic fit (rated 2) to 35: 370 / 105 → 70.48, Tier 2.
    // At 10 points it goes to 40: (80 + 100 + 100 + 60 + 40) / 110 = 380 / 110 → 69.09, Tier 3.
    const ratings = [[2, 4, 5, 4, 4]];
    expect(single(tierStableCells(ratings))).toBe(true);
    expect(single(tierStableCells(ratings, null, null, 10))).toBe(false);
    expect(single(tierStableCells(ratings, null, null, "10"))).toBe(false);
  });

  it("is TRUE with a shift of 0, and whenever all ratings are equal", () => {
    expect(single(tierStableCells([[2, 4, 4, 4, 5]], null, null, 0))).toBe(true);
    expect(single(tierStableCells([[3.5, 3.5, 3.5, 3.5, 3.5]], null, null, 50))).toBe(true);
  });

  it("expresses moves in points of the total, so weights as fractions behave like percentages", () => {
    const fractions = [[0.3, 0.25, 0.2, 0.15, 0.1]];
    expect(single(tierStableCells([[2, 4, 4, 4, 5]], fractions))).toBe(false);
    expect(single(tierStableCells([[4, 3, 5, 2, 4]], fractions))).toBe(true);
    // The same proportions written at another scale move by the same points of the total.
    expect(single(tierStableCells([[2, 4, 5, 4, 4]], [[3, 2.5, 2, 1.5, 1]]))).toBe(true);
  });

  it("treats 'below every threshold' as a tier position of its own, even without a label for it", () => {
    // One tier at 80, no label below it. 4,3,5,2,4 scores 73: below 80 whatever the move (the best move reaches 75.5 at shift 10).
    expect(single(tierStableCells([[4, 3, 5, 2, 4]], null, null, 10, [[80]], [["Top"]]))).toBe(true);
    // 5,5,5,5,3 scores 96 (4.5 + 0.3 = 4.8 of 5). At shift 50, track record (rated 3) goes to 60 points of 150:
    // (90·5 + 60·3) / 150 = 630 / 150 = 4.2 → 84, below the bar at 90.
    expect(single(tierStableCells([[5, 5, 5, 5, 3]], null, null, 50, [[90]], [["Top"]]))).toBe(false);
  });

  it("skips a move that would leave every weight at 0", () => {
    // One criterion: moving its only weight down by more than 100 points would leave no weights at all.
    expect(single(tierStableCells([[3]], null, null, 500))).toBe(true);
    // Base 80 (only the first criterion counts). Moving the first weight down 100 points leaves none: skipped, not an
    // error. Moving the second up 100 points gives (4 + 1) / 2 = 2.5 → 50, Tier 3.
    expect(isTierStable([4, 1], [1, 0], 5, 100, DEFAULT_TIER_SCHEME)).toBe(false);
  });

  it("gives one result per row for a block of partners, problems confined to their rows", () => {
    const result = tierStableCells([
      [4, 3, 5, 2, 4],
      [2, 4, 4, 4, 5],
      [2, 4, 9, 4, 5],
      [5, 5, 5, 5, 5],
    ]) as unknown[][];
    expect(result.map((row) => row.length)).toEqual([1, 1, 1, 1]);
    expect(result[0][0]).toBe(true);
    expect(result[1][0]).toBe(false);
    expectError(result[2][0], "#NUM!", "row 3, rating 3");
    expect(result[3][0]).toBe(true);
  });

  it("uses custom thresholds and labels", () => {
    // 73 against a bar at 72.5: the worst ±5 move (financial health up, 71.4) falls below it; against 60 nothing does.
    expect(single(tierStableCells([[4, 3, 5, 2, 4]], null, null, null, [[72.5, 0]], [["Pass", "Fail"]]))).toBe(false);
    expect(single(tierStableCells([[4, 3, 5, 2, 4]], null, null, null, [[60, 0]], [["Pass", "Fail"]]))).toBe(true);
  });
});

describe("PE.TIER_STABLE errors", () => {
  it("refuses a negative shift with #NUM! and a non-numeric one with #VALUE!", () => {
    expectError(tierStableCells([[4, 3, 5, 2, 4]], null, null, -1), "#NUM!", "shift is -1");
    expectError(tierStableCells([[4, 3, 5, 2, 4]], null, null, "a lot"), "#VALUE!", "shift", '"a lot"');
  });

  it("refuses ratings, weights and scale as PE.PARTNER_SCORE does", () => {
    expectError(single(tierStableCells([[4, -3, 5, 2, 4]])), "#NUM!", "rating 2");
    expectError(single(tierStableCells([[4, "x", 5, 2, 4]])), "#VALUE!", "rating 2");
    expectError(tierStableCells([[4, 3, 5, 2, 4]], [[1, 2]]), "#VALUE!", "weights has 2 values but ratings has 5");
    expectError(tierStableCells([[4, 3, 5, 2, 4]], [[1, 2, -3, 4, 5]]), "#NUM!", "weight 3");
    expectError(tierStableCells([[4, 3, 5, 2, 4]], [[0, 0, 0, 0, 0]]), "#NUM!", "sum to 0");
    expectError(tierStableCells([[4, 3, 5, 2, 4]], null, 0), "#NUM!", "scale is 0");
  });

  it("refuses thresholds and labels as PE.TIER does", () => {
    expectError(tierStableCells([[4, 3, 5, 2, 4]], null, null, null, [[80, 60]]), "#VALUE!", "thresholds needs labels");
    expectError(tierStableCells([[4, 3, 5, 2, 4]], null, null, null, null, [["A"]]), "#VALUE!", "labels needs thresholds");
    expectError(
      tierStableCells([[4, 3, 5, 2, 4]], null, null, null, [[80, 60]], [["A"]]),
      "#VALUE!",
      "labels has 1 values but thresholds has 2",
    );
    expectError(tierStableCells([[4, 3, 5, 2, 4]], null, null, null, [[60, 60]], [["A", "B"]]), "#VALUE!", "both 60");
  });

  it("fails the pure rule with typed errors", () => {
    expect(() => isTierStable([4, 3], undefined, 5, -2)).toThrow("shift is -2");
    expect(() => isTierStable([4, 3], [1], 5, 5)).toThrow("weights has 1 values");
    expect(isTierStable([4, 3, 5, 2, 4], undefined, 5, 5, buildTierScheme([50], ["Pass"]))).toBe(true);
  });
});
