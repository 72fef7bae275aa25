import fc from "fast-check";
import { FormulaEvaluator } from "../../src/engine";
import { errorOf, sheetEngine } from "./engine-helpers";

/**
 * Issue 15's functions typed as formulas in a HyperFormula sheet, as a partner manager's
 * portfolio sheet uses them: quarters in columns, one partner a row, blanks for quarters not yet
 * reported, a named as-of date, spills and recalculation.
 */
describe("PE.STREAK and PE.PARTNER_STATUS in the engine", () => {
  it("skips trailing blank cells and stops at a blank between reported quarters", () => {
    const { value } = sheetEngine([
      [90, 110, 80, 70, null, null, "=PE.STREAK(A1:F1,100)", '=PE.STREAK(A1:F1,100,"met")'],
      [120, null, 80, 70, 60, null, "=PE.STREAK(A2:F2,100)", "=PE.PARTNER_STATUS(A2:F2,100)"],
      [null, null, null, null, null, null, "=PE.STREAK(A3:F3,100)", "=PE.PARTNER_STATUS(A3:F3,100)"],
    ]);
    expect(value("G1")).toBe(2);
    expect(value("H1")).toBe(0);
    expect(value("G2")).toBe(3);
    expect(value("H2")).toBe("Exit review");
    expect(value("G3")).toBe(0);
    expect(errorOf(value("H3"))).toEqual({ type: "NA", message: "no reported period: actuals has no number yet" });
  });

  it("reads one target per quarter from a range of the same shape, or one target cell for all", () => {
    const { value } = sheetEngine([
      [100, 100, 100, "=PE.STREAK(A1:C1,A2:C2)", '=PE.STREAK(A1:C1,D2,"MET")'],
      [90, 100, 110, 100],
    ]);
    expect(value("D1")).toBe(1);
    expect(value("E1")).toBe(3);
  });

  it("changes a partner's status when the next quarter's actual is typed", () => {
    const { engine, value } = sheetEngine([[110, 80, 70, null, "=PE.PARTNER_STATUS(A1:D1,100)"]]);
    expect(value("E1")).toBe("Course-correct");
    engine.setCellContents({ sheet: 0, row: 0, col: 3 }, 60);
    expect(value("E1")).toBe("Exit review");
    engine.setCellContents({ sheet: 0, row: 0, col: 3 }, 100);
    expect(value("E1")).toBe("Maintain");
  });

  it("takes thresholds as arguments, an omitted middle one as its default", () => {
    const { value } = sheetEngine([[90, 100, 110, "=PE.PARTNER_STATUS(A1:C1,100,,1)", "=PE.PARTNER_STATUS(A1:C1,100,3)"]]);
    expect(value("D1")).toBe("Expand");
    expect(value("E1")).toBe("Maintain");
  });

  it("reports errors with their messages: shapes, text, which, thresholds", () => {
    const { value } = sheetEngine([
      [1, 2, 3, "=PE.STREAK(A1:C1,A2:B2)", '=PE.STREAK(A1:C1,100,"up")', "=PE.PARTNER_STATUS(A1:C1,100,1.5)"],
      [1, "n/a", 3, "=PE.STREAK(A2:C2,100)"],
    ]);
    expect(errorOf(value("D1"))).toEqual({
      type: "VALUE",
      message: expect.stringContaining("targets is 1×2 but actuals is 1×3"),
    });
    expect(errorOf(value("E1")).message).toBe('which "up" is unknown: use "below" (periods below target, the default) or "met"');
    expect(errorOf(value("F1")).type).toBe("NUM");
    expect(errorOf(value("D2")).message).toBe('actuals item 2 is "n/a", not a number');
  });
});

describe("PE.TERM_END in the engine", () => {
  it("gives the issue's examples from DATE", () => {
    const { value } = sheetEngine([
      [
        "=PE.TERM_END(DATE(2024,2,29),1)",
        "=PE.TERM_END(DATE(2026,1,31),0.25)",
        '=TEXT(A1,"yyyy-mm-dd")',
        '=TEXT(B1,"yyyy-mm-dd")',
      ],
    ]);
    expect(value("A1")).toBe(45716);
    expect(value("B1")).toBe(46142);
    expect(value("C1")).toBe("2025-02-28");
    expect(value("D1")).toBe("2026-04-30");
  });

  it("moves to the renewal term in force on a named as-of date, and follows it when it changes", () => {
    const { engine, value } = sheetEngine([[45292, "=PE.TERM_END(A1,2,1,AsOf)", "=PE.TERM_END(A1,2,,AsOf)", 46096]]);
    engine.addNamedExpression("AsOf", "=Sheet1!$D$1");
    engine.setCellContents({ sheet: 0, row: 0, col: 1 }, "=PE.TERM_END(A1,2,1,AsOf)");
    engine.setCellContents({ sheet: 0, row: 0, col: 2 }, "=PE.TERM_END(A1,2,,AsOf)");
    expect(value("B1")).toBe(46387); // 2026-03-15 is in the first renewal, ending 2026-12-31
    expect(value("C1")).toBe(46022); // no renewal: 2025-12-31
    engine.setCellContents({ sheet: 0, row: 0, col: 3 }, 46500); // 2027-04-22
    expect(value("B1")).toBe(46752); // 2027-12-31
  });

  it("gives Excel's serials around the fictitious 1900-02-29 (serial 60)", () => {
    const { value } = sheetEngine([["=PE.TERM_END(1,2/12)", "=PE.TERM_END(31,1/12)", "=PE.TERM_END(60,1)"]]);
    expect(value("A1")).toBe(60);
    expect(value("B1")).toBe(61);
    expect(value("C1")).toBe(425); // 1901-02-28
  });

  it("reports #NUM! for terms that are not whole months and #VALUE! for a date typed as text", () => {
    const { value } = sheetEngine([["=PE.TERM_END(45292,0.1)", '=PE.TERM_END("2024-01-01",1)', "=PE.TERM_END(0,1)"]]);
    expect(errorOf(value("A1")).type).toBe("NUM");
    expect(errorOf(value("B1"))).toEqual({ type: "VALUE", message: 'start is "2024-01-01", not a number' });
    expect(errorOf(value("C1")).type).toBe("NUM");
  });

  it("equals DATE(YEAR(s),MONTH(s)+12·years,DAY(s))−1 computed by the engine's built-ins, from 1900-03-01 on", () => {
    const evaluator = new FormulaEvaluator();
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_900_000 }), fc.integer({ min: 1, max: 120 }), (start, months) => {
        const ours = evaluator.evaluate(`=PE.TERM_END(${start},${months}/12)`);
        const builtIn = evaluator.evaluate(`=DATE(YEAR(${start}),MONTH(${start})+${months},DAY(${start}))-1`);
        expect(ours).toEqual(builtIn);
      }),
      { numRuns: 300 },
    );
  });
});

describe("PE.HEALTH in the engine", () => {
  it("spills one score per partner row and bands them with PE.TIER", () => {
    const { value, values } = sheetEngine([
      [0.9, 1.2, 0.5, "=PE.HEALTH(A1:C3)", '=PE.TIER(D1:D3,{80,60,40},{"Healthy","Watch","At risk","Critical"})'],
      [0.6, 0.7, 0.5],
      [0.1, 0.3, 0.2],
    ]);
    expect((values("D1:D3") as number[][]).map(([score]) => Number(score.toPrecision(12)))).toEqual([80, 60, 20]);
    expect(values("E1:E3")).toEqual([["Healthy"], ["Watch"], ["Critical"]]);
    expect(value("F1")).toBeNull();
  });

  it("weighs KPIs by a weights range, a blank attainment counting as 0, and rescores when a weight changes", () => {
    const { engine, value } = sheetEngine([
      [1, null, "=PE.HEALTH(A1:B1,A2:B2)", "=PE.HEALTH(A1:B1,A2:B2,2)"],
      [3, 1],
    ]);
    expect(value("C1")).toBe(75);
    expect(value("D1")).toBe(37.5);
    engine.setCellContents({ sheet: 0, row: 1, col: 1 }, 0);
    expect(value("C1")).toBe(100);
  });

  it("reports weight errors as PE.PARTNER_SCORE does", () => {
    const { value } = sheetEngine([[1, 0.5, "=PE.HEALTH(A1:B1,{1,2,3})", "=PE.HEALTH(A1:B1,{1,-1})", "=PE.HEALTH(A1:B1,,0)"]]);
    expect(errorOf(value("C1"))).toEqual({
      type: "VALUE",
      message: "weights has 3 values but attainments has 2: give one weight per attainment",
    });
    expect(errorOf(value("D1"))).toEqual({ type: "NUM", message: "weight 2 is -1: weights cannot be negative" });
    expect(errorOf(value("E1")).type).toBe("NUM");
  });
});
