import { ExcelError } from "../../src/core/errors";
import { health, healthCells } from "../../src/core/health";
import { partnerScoreCells } from "../../src/core/scoring";
import { tierCells } from "../../src/core/tiers";
import { expectError, single } from "./function-results";

/** 100 × Σ wᵢ·MIN(MAX(aᵢ,0),cap) / (Σ wᵢ × cap), weights as in PE.PARTNER_SCORE. */
describe("PE.HEALTH", () => {
  it("averages attainments capped at 1 with equal weights by default", () => {
    // Revenue 90% of target, new customers 120% (counts as 100%), pipeline 50%: (0.9 + 1 + 0.5) / 3.
    expect(single(healthCells([[0.9, 1.2, 0.5]]))).toBeCloseTo(80, 12);
    expect(single(healthCells([[1, 1, 1]]))).toBe(100);
    expect(single(healthCells([[0.5], [1]]))).toBe(75);
  });

  it("uses equal weights for five KPIs too (PE.PARTNER_SCORE's framework weights are for its ratings)", () => {
    expect(single(healthCells([[1, 0, 0, 0, 0]]))).toBeCloseTo(20, 12);
  });

  it("weighs KPIs by normalised weights", () => {
    expect(single(healthCells([[1, 0.5]], [[3, 1]]))).toBeCloseTo(87.5, 12);
    expect(single(healthCells([[1, 0.5]], [[0.75], [0.25]]))).toBeCloseTo(87.5, 12);
    expect(single(healthCells([[1, 0.2]], [[1, 0]]))).toBe(100);
  });

  it("counts attainments above cap as cap, below 0 as 0, and a blank as 0", () => {
    expect(single(healthCells([[2, 0]]))).toBe(50);
    expect(single(healthCells([[-0.5, 1]]))).toBe(50);
    expect(single(healthCells([[null, 1, ""]]))).toBeCloseTo(100 / 3, 12);
  });

  it("lets a raised cap reward over-delivery", () => {
    // cap 1.2: 100 × (0.9 + 1.2 + 0.5) / (3 × 1.2).
    expect(single(healthCells([[0.9, 1.2, 0.5]], null, 1.2))).toBeCloseTo((100 * 2.6) / 3.6, 12);
    expect(single(healthCells([[1.5, 1.5]], null, 1.5))).toBe(100);
  });

  it("gives exactly 100·MIN(MAX(a,0),cap)/cap for equal attainments, whatever the weights", () => {
    expect(single(healthCells([[0.7, 0.7, 0.7]], [[7, 1, 3]]))).toBe((100 * 0.7) / 1);
    expect(single(healthCells([[0.3, 0.3]], [[1, 2]], 0.9))).toBe((100 * 0.3) / 0.9);
  });

  it("spills one score per partner row for a block, problems confined to their row", () => {
    expect(
      healthCells([
        [1, 1, 1],
        [0.5, 0.5, 0.5],
        [0, 2, 1],
      ]),
    ).toEqual([[100], [50], [expect.closeTo(200 / 3, 12)]]);
    const result = healthCells([
      [1, "x"],
      [0.5, 1],
    ]) as unknown[][];
    expectError(result[0][0], "#VALUE!", 'row 1, attainment 2 is "x"');
    expect(result[1][0]).toBe(75);
  });

  it("bands with PE.TIER: Healthy ≥ 80, Watch ≥ 60, At risk ≥ 40, Critical below", () => {
    const thresholds = [[80, 60, 40]];
    const labels = [["Healthy", "Watch", "At risk", "Critical"]];
    const band = (attainments: number[]) => single(tierCells(single(healthCells([attainments])), thresholds, labels));
    // (0.9 + 1 + 0.5) / 3 is 79.99999999999999 in floating point: within the tolerance of 80.
    expect(band([0.9, 1.2, 0.5])).toBe("Healthy");
    expect(band([0.6, 0.6])).toBe("Watch");
    expect(band([0.4, 0.5])).toBe("At risk");
    expect(band([0.1, 0.3])).toBe("Critical");
  });
});

describe("PE.HEALTH errors: weights as in PE.PARTNER_SCORE", () => {
  it("refuses a weight count that differs with #VALUE!, worded as PE.PARTNER_SCORE words it", () => {
    expectError(healthCells([[1, 0.5, 0.2]], [[1, 2]]), "#VALUE!", "weights has 2 values but attainments has 3");
    expectError(partnerScoreCells([[1, 2, 3]], [[1, 2]]), "#VALUE!", "weights has 2 values but ratings has 3");
    expectError(
      healthCells(
        [
          [1, 1],
          [1, 1],
        ],
        [[1, 2, 3]],
      ),
      "#VALUE!",
      "each partner's row of attainments has 2",
    );
  });

  it("refuses a negative weight or weights summing to 0 with #NUM!", () => {
    expectError(healthCells([[1, 0.5]], [[1, -1]]), "#NUM!", "weight 2 is -1: weights cannot be negative");
    expectError(healthCells([[1, 0.5]], [[0, 0]]), "#NUM!", "weights sum to 0");
    expectError(partnerScoreCells([[1, 2]], [[0, 0]]), "#NUM!", "weights sum to 0");
  });

  it("refuses a cap that is not above 0 with #NUM!, and text with #VALUE!", () => {
    expectError(healthCells([[1]], null, 0), "#NUM!", "cap is 0");
    expectError(healthCells([[1]], null, -1), "#NUM!", "cap is -1");
    expectError(healthCells([[1]], null, "full"), "#VALUE!", 'cap is "full", not a number');
    expectError(single(healthCells([[1, "high"]])), "#VALUE!", 'attainment 2 is "high", not a number');
    expectError(healthCells([[1]], [["x"]]), "#VALUE!", 'weight 1 is "x"');
  });

  it("passes on an errored attainment in its own row", () => {
    const upstream = new ExcelError("#DIV/0!", "a target of 0");
    expect(single(healthCells([[1, upstream]]))).toBe(upstream);
  });

  it("keeps the pure rule's errors typed", () => {
    expect(() => health([], undefined)).toThrow(ExcelError);
    expect(() => health([1], [1], 0)).toThrow(ExcelError);
    expect(health([1, 0], undefined)).toBe(50);
  });
});
