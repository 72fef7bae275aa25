import { ExcelError } from "../../src/core/errors";
import {
  buildTierScheme,
  DEFAULT_TIER_SCHEME,
  readTierScheme,
  tierCells,
  tierGap,
  tierGapCells,
  tierOf,
  tierPosition,
} from "../../src/core/tiers";
import { expectError, single } from "./function-results";

describe("PE.TIER with the default tiers (READING.md: 85–100, 70–84, 50–69, below 50)", () => {
  it.each([
    [100, "Tier 1"],
    [85, "Tier 1"],
    [84.99, "Tier 2"],
    [73, "Tier 2"],
    [70, "Tier 2"],
    [69.999, "Tier 3"],
    [50, "Tier 3"],
    [49.999999999999986, "Tier 3"],
    [49.9999, "Not qualified"],
    [0, "Not qualified"],
  ])("calls %p %p", (score, label) => {
    expect(single(tierCells(score))).toBe(label);
    expect(tierOf(score, DEFAULT_TIER_SCHEME)).toBe(label);
  });

  it("counts a score within a relative 1e-9 of a threshold as reaching it, and no further", () => {
    expect(single(tierCells(70 - 1e-8))).toBe("Tier 2");
    expect(single(tierCells(70 - 1e-7))).toBe("Tier 3");
  });

  it("refuses a score outside 0–100 with #NUM!", () => {
    expectError(single(tierCells(101)), "#NUM!", "score is 101", "outside 0–100");
    expectError(single(tierCells(-0.5)), "#NUM!", "-0.5");
  });

  it("counts a blank score as 0 and reads numeric text", () => {
    expect(single(tierCells(null))).toBe("Not qualified");
    expect(single(tierCells([[""]]))).toBe("Not qualified");
    expect(single(tierCells("72.5"))).toBe("Tier 2");
  });

  it("refuses a non-numeric score with #VALUE! and passes on an errored one", () => {
    expectError(single(tierCells("high")), "#VALUE!", "score", '"high"');
    expectError(single(tierCells(true)), "#VALUE!", "TRUE");
    const upstream = new ExcelError("#NUM!", "from PARTNER_SCORE");
    expect(single(tierCells(upstream))).toBe(upstream);
  });

  it("gives a same-shaped grid of labels for a range of scores, problems confined to their cells", () => {
    expect(tierCells([[90], [75], [55], [10]])).toEqual([["Tier 1"], ["Tier 2"], ["Tier 3"], ["Not qualified"]]);
    const result = tierCells([
      [90, "x"],
      [120, 60],
    ]) as unknown[][];
    expect(result[0][0]).toBe("Tier 1");
    expectError(result[0][1], "#VALUE!", "score at row 1, column 2");
    expectError(result[1][0], "#NUM!", "score at row 2, column 1");
    expect(result[1][1]).toBe("Tier 3");
    const row = tierCells([[90, 95, "x"]]) as unknown[][];
    expect(row[0].slice(0, 2)).toEqual(["Tier 1", "Tier 1"]);
    expectError(row[0][2], "#VALUE!", "score 3");
    expectError((tierCells([[90], [101]]) as unknown[][])[1][0], "#NUM!", "score 2 is 101");
  });
});

describe("PE.TIER with custom thresholds and labels", () => {
  it("pairs thresholds with labels in order, in any order of thresholds", () => {
    const thresholds = [[50, 80, 65]];
    const labels = [["Bronze", "Gold", "Silver"]];
    expect(single(tierCells(85, thresholds, labels))).toBe("Gold");
    expect(single(tierCells(80, thresholds, labels))).toBe("Gold");
    expect(single(tierCells(70, thresholds, labels))).toBe("Silver");
    expect(single(tierCells(50, thresholds, labels))).toBe("Bronze");
  });

  it("gives #N/A below every threshold unless an extra last label names that band", () => {
    expectError(
      single(tierCells(10, [[50, 80]], [["Silver", "Gold"]])),
      "#N/A",
      "score is 10, below every threshold",
      "add one more label",
    );
    expect(single(tierCells(10, [[50, 80]], [["Silver", "Gold", "Watch list"]]))).toBe("Watch list");
  });

  it("does not limit custom tiers to 0–100", () => {
    expect(single(tierCells(150, [[50, 80]], [["Silver", "Gold", "None"]]))).toBe("Gold");
    expect(single(tierCells(-20, [[50, 80]], [["Silver", "Gold", "None"]]))).toBe("None");
    expect(single(tierCells(-20, [[-50, 0]], [["Low", "High"]]))).toBe("Low");
  });

  it("accepts thresholds and labels as rows or columns, labels as numbers", () => {
    expect(single(tierCells(72, [[85], [70], [50]], [[1, 2, 3, 4]]))).toBe(2);
    expect(single(tierCells(72, [[85, 70, 50]], [["A"], ["B"], ["C"]]))).toBe("B");
  });

  it("counts a blank threshold as 0, as Excel desktop passes it", () => {
    expect(single(tierCells(10, [[50, null]], [["Pass", "Entry"]]))).toBe("Entry");
  });

  it("refuses a label count other than thresholds or thresholds + 1 with #VALUE! naming both counts", () => {
    expectError(tierCells(72, [[85, 70]], [["A", "B", "C", "D"]]), "#VALUE!", "labels has 4 values but thresholds has 2");
    expectError(
      tierCells(72, [[85, 70, 50]], [["A"]]),
      "#VALUE!",
      "labels has 1 values but thresholds has 3",
      "give 3 labels, or 4",
    );
  });

  it("refuses thresholds without labels and labels without thresholds with #VALUE!", () => {
    expectError(tierCells(72, [[85, 70]]), "#VALUE!", "thresholds needs labels");
    expectError(tierCells(72, null, [["A", "B"]]), "#VALUE!", "labels needs thresholds");
  });

  it("refuses duplicate thresholds with #VALUE! naming them", () => {
    expectError(tierCells(72, [[70, 85, 70]], [["A", "B", "C"]]), "#VALUE!", "thresholds 1 and 3 are both 70");
  });

  it("refuses blank or boolean labels and non-numeric thresholds", () => {
    expectError(tierCells(72, [[85, 70]], [["A", ""]]), "#VALUE!", "label 2 is blank");
    expectError(tierCells(72, [[85, 70]], [["A", true]]), "#VALUE!", "label 2 is TRUE");
    expectError(tierCells(72, [[85, "seventy"]], [["A", "B"]]), "#VALUE!", "threshold 2", '"seventy"');
    const upstream = new ExcelError("#N/A", "missing label");
    expect(tierCells(72, [[85, 70]], [["A", upstream]])).toBe(upstream);
  });

  it("makes a scheme problem one error for the whole range", () => {
    expectError(tierCells([[10, 20, 30]], [[85, 70]], [["A"]]), "#VALUE!", "labels has 1 values");
  });
});

describe("PE.TIER_GAP", () => {
  it.each([
    [73, 12],
    [84, 1],
    [85, 0],
    [100, 0],
    [60, 10],
    [50, 20],
    [40, 10],
    [0, 50],
  ])("gives score %p a gap of %p under the default tiers", (score, gap) => {
    expect(single(tierGapCells(score))).toBeCloseTo(gap, 12);
    expect(tierGap(score, DEFAULT_TIER_SCHEME)).toBeCloseTo(gap, 12);
  });

  it("counts a score within the tolerance of a threshold as in that tier, with its gap to the next one up", () => {
    expect(single(tierGapCells(49.999999999999986))).toBeCloseTo(20, 12);
    expect(single(tierGapCells(70 - 1e-8))).toBeCloseTo(15 + 1e-8, 12);
    expect(single(tierGapCells(85 - 1e-8))).toBe(0);
  });

  it("gives a score below every threshold its gap to the lowest threshold, with or without a label for that band", () => {
    expect(single(tierGapCells(10, [[50, 80]], [["Silver", "Gold"]]))).toBe(40);
    expect(single(tierGapCells(10, [[50, 80]], [["Silver", "Gold", "None"]]))).toBe(40);
    expect(single(tierGapCells(60, [[80, 50]], [["Gold", "Silver"]]))).toBe(20);
  });

  it("gives a same-shaped grid for a range of scores", () => {
    expect(tierGapCells([[90, 73, 40]])).toEqual([[0, 12, 10]]);
  });

  it("shares PE.TIER's argument rules and errors", () => {
    expectError(single(tierGapCells(101)), "#NUM!", "outside 0–100");
    expectError(single(tierGapCells("x")), "#VALUE!", '"x"');
    expectError(tierGapCells(72, [[85, 70]], [["A", "B", "C", "D"]]), "#VALUE!", "labels has 4 values but thresholds has 2");
    expectError(tierGapCells(72, [[85, 70]]), "#VALUE!", "thresholds needs labels");
    expectError(tierGapCells(72, [[70, 70]], [["A", "B"]]), "#VALUE!", "thresholds 1 and 2 are both 70");
  });
});

describe("tier schemes as a pure API", () => {
  it("reads the default scheme when both arguments are omitted", () => {
    expect(readTierScheme(null, undefined)).toBe(DEFAULT_TIER_SCHEME);
    expect(readTierScheme([[null]], "")).toBe(DEFAULT_TIER_SCHEME);
  });

  it("orders tiers by threshold, highest first, and keeps the extra label for below every threshold", () => {
    const scheme = buildTierScheme([50, 80, 65], ["Bronze", "Gold", "Silver", "None"]);
    expect(scheme.tiers.map((tier) => tier.label)).toEqual(["Gold", "Silver", "Bronze"]);
    expect(scheme.belowAll).toBe("None");
    expect(scheme.scoreRange).toBeUndefined();
    expect(tierPosition(90, scheme)).toBe(0);
    expect(tierPosition(10, scheme)).toBe(3);
  });

  it("fails with typed errors for bad schemes and scores", () => {
    expect(() => buildTierScheme([], [])).toThrow("thresholds is empty");
    expect(() => tierOf(Number.NaN, DEFAULT_TIER_SCHEME)).toThrow("finite");
    expect(() => tierOf(10, buildTierScheme([50], ["Pass"]))).toThrow("below every threshold");
  });
});
