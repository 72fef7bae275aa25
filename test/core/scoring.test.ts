import { ExcelError } from "../../src/core/errors";
import { defaultWeights, FRAMEWORK_WEIGHTS, partnerScore, partnerScoreCells } from "../../src/core/scoring";
import { tierCells } from "../../src/core/tiers";
import { expectError, single } from "./function-results";

describe("PE.PARTNER_SCORE worked examples", () => {
  // READING.md's qualification framework: strategic fit 30, market reach 25, capabilities 20,
  // financial health 15, track record 10. Ratings 4,3,5,2,4 out of 5:
  // 0.30·4 + 0.25·3 + 0.20·5 + 0.15·2 + 0.10·4 = 1.2 + 0.75 + 1 + 0.3 + 0.4 = 3.65 → 3.65 / 5 = 73%.
  const framework = [[4, 3, 5, 2, 4]];

  it("uses the framework's 30/25/20/15/10 weights by default for five ratings", () => {
    expect(FRAMEWORK_WEIGHTS).toEqual([30, 25, 20, 15, 10]);
    expect(single(partnerScoreCells(framework))).toBe(73);
    expect(partnerScore([4, 3, 5, 2, 4], undefined, 5)).toBe(73);
  });

  it("gives the same score for weights as percentages or as fractions", () => {
    const asPercentages = single(partnerScoreCells(framework, [[30, 25, 20, 15, 10]]));
    const asFractions = single(partnerScoreCells(framework, [[0.3, 0.25, 0.2, 0.15, 0.1]]));
    expect(asPercentages).toBe(73);
    expect(asFractions).toBe(asPercentages);
    expect(single(partnerScoreCells(framework, [["30%", "25%", "20%", "15%", "10%"]]))).toBe(73);
  });

  it("accepts weights as a column for ratings in a row, and the reverse", () => {
    expect(single(partnerScoreCells(framework, [[30], [25], [20], [15], [10]]))).toBe(73);
    expect(single(partnerScoreCells([[4], [3], [5], [2], [4]], [[30, 25, 20, 15, 10]]))).toBe(73);
  });

  it("weights criteria equally when there are not exactly five ratings", () => {
    expect(defaultWeights(3)).toEqual([1, 1, 1]);
    // (4 + 2 + 3) / 3 = 3 out of 5 → 60.
    expect(single(partnerScoreCells([[4, 2, 3]]))).toBeCloseTo(60, 12);
    // (8 + 10 + 6 + 4) / 4 = 7 out of 10 → 70.
    expect(single(partnerScoreCells([[8, 10, 6, 4]], null, 10))).toBeCloseTo(70, 12);
  });

  it("scores the bottom of the scale 0 and the top exactly 100, whatever the weights", () => {
    expect(single(partnerScoreCells([[0, 0, 0, 0, 0]]))).toBe(0);
    expect(single(partnerScoreCells([[5, 5, 5, 5, 5]]))).toBe(100);
    expect(single(partnerScoreCells([[7, 7, 7]], [[0.1, 0.7, 0.2333]], 7))).toBe(100);
    expect(single(partnerScoreCells([[3.3, 3.3, 3.3, 3.3]], [[1e-9, 3, 0.7, 1e9]], 3.3))).toBe(100);
    expect(single(tierCells(partnerScoreCells([[7, 7, 7]], [[0.1, 0.7, 0.2333]], 7)))).toBe("Tier 1");
  });

  it("uses scale as the top of the rating scale", () => {
    // 0.3·8 + 0.25·6 + 0.2·10 + 0.15·4 + 0.1·10 = 2.4 + 1.5 + 2 + 0.6 + 1 = 7.5 out of 10 → 75.
    expect(single(partnerScoreCells([[8, 6, 10, 4, 10]], null, 10))).toBeCloseTo(75, 12);
    expect(single(partnerScoreCells([[8, 6, 10, 4, 10]], null, [[10]]))).toBeCloseTo(75, 12);
  });

  it("counts blank ratings as 0, however the host passes them", () => {
    // 0.3·4 + 0.2·5 + 0.1·4 = 2.6 → 52.
    const expected = 52;
    expect(single(partnerScoreCells([[4, null, 5, 0, 4]]))).toBeCloseTo(expected, 12);
    expect(single(partnerScoreCells([[4, "", 5, undefined, 4]]))).toBeCloseTo(expected, 12);
  });

  it("reads numbers typed as text", () => {
    expect(single(partnerScoreCells([["4", "3", " 5 ", "2", "4"]]))).toBe(73);
    expect(single(partnerScoreCells(framework, [["30", "25", "20", "15", "10"]], "5"))).toBe(73);
  });

  it("counts a blank weight as 0", () => {
    // Only the first two criteria count: (30·4 + 25·3) / 55 = 195 / 55 out of 5 → 70.909…
    expect(single(partnerScoreCells(framework, [[30, 25, null, "", 0]]))).toBeCloseTo((100 * 195) / 55 / 5, 12);
  });

  it("treats omitted optional arguments the way every host passes them", () => {
    for (const omitted of [null, undefined, "", [[null]], [[""]]]) {
      expect(single(partnerScoreCells(framework, omitted, omitted))).toBe(73);
    }
  });

  it("lands a hair below 50 in floating point for a score that is exactly 50, which PE.TIER still calls Tier 3", () => {
    // Exactly: (0.3·1.5 + 0.25·2.5 + 0.2·3.5 + 0.15·4.5 + 0.1·0.5) / (1 · 5) = 2.5 / 5 = 50%, the
    // issue's own example: the framework weights written as fractions land at 49.999999999999986.
    const ratings = [[1.5, 2.5, 3.5, 4.5, 0.5]];
    const weights = [[0.3, 0.25, 0.2, 0.15, 0.1]];
    const raw = single(partnerScoreCells(ratings, weights)) as number;
    expect(raw).toBeLessThan(50);
    expect(raw).toBe(49.999999999999986);
    expect(single(tierCells(raw))).toBe("Tier 3");
    expect(single(tierCells(partnerScoreCells(ratings, weights)))).toBe("Tier 3");
  });
});

describe("PE.PARTNER_SCORE over a block of partners", () => {
  const block = [
    [4, 3, 5, 2, 4],
    [5, 5, 5, 5, 5],
    [0, 0, 0, 0, 0],
    [2, 4, 4, 4, 5],
  ];

  it("gives one score per row as a column", () => {
    const result = partnerScoreCells(block) as unknown[][];
    expect(result).toHaveLength(4);
    expect(result.every((row) => row.length === 1)).toBe(true);
    expect(result[0][0]).toBe(73);
    expect(result[1][0]).toBe(100);
    expect(result[2][0]).toBe(0);
    // 0.6 + 1 + 0.8 + 0.6 + 0.5 = 3.5 → 70.
    expect(result[3][0]).toBeCloseTo(70, 12);
  });

  it("confines a problem in one partner's ratings to that partner's cell", () => {
    const upstream = new ExcelError("#DIV/0!", "division by zero in C4");
    const result = partnerScoreCells([
      [4, 3, 5, 2, 4],
      [4, 3, 9, 2, 4],
      [4, "n/a", 5, 2, 4],
      [4, 3, upstream, 2, 4],
      [5, 5, 5, 5, 5],
    ]) as unknown[][];
    expect(result.map((row) => row.length)).toEqual([1, 1, 1, 1, 1]);
    expect(result[0][0]).toBe(73);
    expectError(result[1][0], "#NUM!", "row 2, rating 3", "9");
    expectError(result[2][0], "#VALUE!", "row 3, rating 2", '"n/a"');
    expect(result[3][0]).toBe(upstream);
    expect(result[4][0]).toBe(100);
  });

  it("reads one set of weights for every row", () => {
    const result = partnerScoreCells(block, [[1, 1, 1, 1, 1]]) as unknown[][];
    // (4 + 3 + 5 + 2 + 4) / 5 = 3.6 → 72.
    expect(result[0][0]).toBeCloseTo(72, 12);
    expectError(partnerScoreCells(block, [[1, 1, 1]]), "#VALUE!", "weights has 3 values", "5");
  });
});

describe("PE.PARTNER_SCORE errors", () => {
  it("refuses a rating below 0 or above the scale with #NUM! naming the rating", () => {
    expectError(single(partnerScoreCells([[4, -1, 5, 2, 4]])), "#NUM!", "rating 2", "-1", "below 0");
    expectError(single(partnerScoreCells([[4, 3, 5, 6, 4]])), "#NUM!", "rating 4", "6", "above the top of the scale (5)");
    expectError(single(partnerScoreCells([[4], [3], [11]], null, 10)), "#NUM!", "rating 3", "11");
  });

  it("refuses text and booleans as ratings with #VALUE! naming the rating", () => {
    expectError(single(partnerScoreCells([[4, 3, "high", 2, 4]])), "#VALUE!", "rating 3", '"high"', "not a number");
    expectError(single(partnerScoreCells([[4, 3, 5, true, 4]])), "#VALUE!", "rating 4", "TRUE");
  });

  it("passes on an error from a rating cell", () => {
    const upstream = new ExcelError("#N/A", "lookup failed");
    expect(single(partnerScoreCells([[4, upstream, 5, 2, 4]]))).toBe(upstream);
  });

  it("refuses a weight count that differs from the rating count with #VALUE! naming both", () => {
    expectError(partnerScoreCells([[4, 3, 5, 2, 4]], [[30, 25, 20, 25]]), "#VALUE!", "weights has 4 values but ratings has 5");
    expectError(partnerScoreCells([[4, 3]], [[1, 2, 3]]), "#VALUE!", "weights has 3 values but ratings has 2");
  });

  it("refuses a negative weight with #NUM! naming it", () => {
    expectError(partnerScoreCells([[4, 3, 5, 2, 4]], [[30, 25, -20, 15, 10]]), "#NUM!", "weight 3", "-20", "negative");
  });

  it("refuses weights that sum to 0 with #NUM!", () => {
    expectError(partnerScoreCells([[4, 3, 5]], [[0, 0, 0]]), "#NUM!", "sum to 0");
    expectError(partnerScoreCells([[4, 3, 5]], [[null, "", 0]]), "#NUM!", "sum to 0");
  });

  it("refuses non-numeric weights with #VALUE! and passes on errored weights", () => {
    expectError(partnerScoreCells([[4, 3, 5]], [[1, "heavy", 1]]), "#VALUE!", "weight 2", '"heavy"');
    expectError(partnerScoreCells([[4, 3, 5]], [[1, 1, false]]), "#VALUE!", "weight 3", "FALSE");
    const upstream = new ExcelError("#DIV/0!", "bad weight");
    expect(partnerScoreCells([[4, 3, 5]], [[1, upstream, 1]])).toBe(upstream);
  });

  it("refuses weights given as a block", () => {
    expectError(
      partnerScoreCells(
        [[4, 3, 5, 2]],
        [
          [1, 2],
          [3, 4],
        ],
      ),
      "#VALUE!",
      "weights must be one row or one column",
    );
  });

  it("refuses a scale of 0 or below with #NUM!, and a non-numeric scale with #VALUE!", () => {
    expectError(partnerScoreCells([[4, 3, 5]], null, 0), "#NUM!", "scale is 0", "above 0");
    expectError(partnerScoreCells([[4, 3, 5]], null, -5), "#NUM!", "scale is -5");
    expectError(partnerScoreCells([[4, 3, 5]], null, "five"), "#VALUE!", "scale", '"five"');
    expectError(partnerScoreCells([[4, 3, 5]], null, [[5, 10]]), "#VALUE!", "scale must be a single value");
  });

  it("makes a weights or scale problem one error for the whole block", () => {
    const block = [
      [1, 2],
      [3, 4],
    ];
    expectError(partnerScoreCells(block, [[1, -1]]), "#NUM!", "weight 2");
    expectError(partnerScoreCells(block, null, 0), "#NUM!", "scale");
  });

  it("refuses ratings that are empty, ragged or nested", () => {
    expectError(partnerScoreCells([]), "#VALUE!", "ratings is empty");
    expectError(partnerScoreCells([[1, 2], [3]]), "#VALUE!", "not rectangular");
    expectError(partnerScoreCells([[1, [2]]]), "#VALUE!", "nested array");
  });

  it("fails the pure rule with the same typed errors", () => {
    expect(() => partnerScore([4, 3], [1, 2, 3], 5)).toThrow("weights has 3 values but ratings has 2");
    expect(() => partnerScore([4, 6], undefined, 5)).toThrow("rating 2 is 6");
    expect(() => partnerScore([4, 3], undefined, 0)).toThrow("scale is 0");
    expect(() => partnerScore([], undefined, 5)).toThrow("ratings is empty");
  });
});
