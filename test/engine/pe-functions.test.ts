import { sheetEngine, errorOf } from "./engine-helpers";

/**
 * Every PE function typed as a formula in a HyperFormula sheet, the way a user types it in Excel:
 * spills, omitted arguments, errors with their messages, and recalculation.
 */
describe("PE.PARTNER_SCORE in the engine", () => {
  it("scores one row with the framework's default weights", () => {
    const { value } = sheetEngine([[5, 4, 3, 2, 1, "=PE.PARTNER_SCORE(A1:E1)"]]);
    expect(value("F1")).toBe(70);
  });

  it("spills a column of scores for a block of partners, one per row", () => {
    const { value, values } = sheetEngine([
      [5, 4, 3, 2, 1, "=PE.PARTNER_SCORE(A1:E3)"],
      [5, 5, 5, 5, 5],
      [0, 0, 0, 0, 0],
    ]);
    expect(values("F1:F3")).toEqual([[70], [100], [0]]);
    expect(value("G1")).toBeNull();
  });

  it("takes an omitted middle argument as its default (PE.PARTNER_SCORE(A1:E1,,4))", () => {
    const { value } = sheetEngine([[2, 2, 2, 2, 2, "=PE.PARTNER_SCORE(A1:E1,,4)", "=PE.PARTNER_SCORE(A1:E1,)"]]);
    expect(value("F1")).toBe(50);
    expect(value("G1")).toBe(40);
  });

  it("normalises explicit weights given as a range or as an array constant", () => {
    const { value } = sheetEngine([
      [5, 0, "=PE.PARTNER_SCORE(A1:B1,A2:B2)", "=PE.PARTNER_SCORE(A1:B1,{1,3})"],
      [3, 1],
    ]);
    expect(value("C1")).toBeCloseTo(75, 12);
    expect(value("D1")).toBeCloseTo(25, 12);
  });

  it("counts a blank rating as 0", () => {
    const { value } = sheetEngine([[5, null, 5, 5, 5, "=PE.PARTNER_SCORE(A1:E1)"]]);
    expect(value("F1")).toBeCloseTo(75, 12);
  });

  it("reports a rating above the scale as #NUM! with a message naming it", () => {
    const { value } = sheetEngine([[5, 4, 3, 2, 6, "=PE.PARTNER_SCORE(A1:E1)"]]);
    const error = errorOf(value("F1"));
    expect(error.type).toBe("NUM");
    expect(error.message).toMatch(/rating 5 is 6/);
  });

  it("rescores when a rating cell changes", () => {
    const { engine, value } = sheetEngine([[5, 4, 3, 2, 1, "=PE.PARTNER_SCORE(A1:E1)"]]);
    engine.setCellContents({ sheet: 0, row: 0, col: 4 }, 5);
    expect(value("F1")).toBeCloseTo(78, 12);
  });

  it("rescores every spilled partner when a weight cell changes", () => {
    const { engine, values } = sheetEngine([
      [5, 1, "=PE.PARTNER_SCORE(A2:B3,A1:B1)"],
      [5, 1],
      [1, 5],
    ]);
    const scores = () => values("C1:C2").flat() as number[];
    engine.setCellContents({ sheet: 0, row: 0, col: 0 }, 1);
    scores().forEach((score) => expect(score).toBeCloseTo(60, 12));
    engine.setCellContents({ sheet: 0, row: 0, col: 1 }, 0);
    expect(scores()).toEqual([100, 20]);
  });
  it("reads weights from a named range, and rescores when a named weight changes", () => {
    const { engine, value } = sheetEngine([
      [30, 25, 20, 15, 10],
      [5, 4, 3, 2, 1],
    ]);
    engine.addNamedExpression("Weights", "=Sheet1!$A$1:$E$1");
    engine.setCellContents({ sheet: 0, row: 1, col: 5 }, "=PE.PARTNER_SCORE(A2:E2,Weights)");
    expect(value("F2")).toBeCloseTo(70, 12);
    engine.setCellContents({ sheet: 0, row: 0, col: 4 }, 110);
    expect(value("F2")).toBeCloseTo(((5 * 30 + 4 * 25 + 3 * 20 + 2 * 15 + 1 * 110) / (200 * 5)) * 100, 12);
  });
});

describe("PE.TIER in the engine", () => {
  it("names the tier of one score, with default and custom tiers", () => {
    const { value } = sheetEngine([
      [72, "=PE.TIER(A1)", '=PE.TIER(A1,{60,80},{"Silver","Gold","Bronze"})', "=PE.TIER(49.999999999999986)"],
    ]);
    expect(value("B1")).toBe("Tier 2");
    expect(value("C1")).toBe("Silver");
    expect(value("D1")).toBe("Tier 3");
  });

  it("spills a same-shaped range of labels for a range of scores", () => {
    const { values } = sheetEngine([
      [90, 75, "=PE.TIER(A1:B2)"],
      [55, 10],
    ]);
    expect(values("C1:D2")).toEqual([
      ["Tier 1", "Tier 2"],
      ["Tier 3", "Not qualified"],
    ]);
  });

  it("tiers a thousand partners in one formula: PE.TIER(PE.PARTNER_SCORE(A1:E1000))", () => {
    const rows = Array.from({ length: 1000 }, (_, i) =>
      i % 10 === 0 ? [5, 5, 5, 5, 5] : [i % 6, (i * 7) % 6, (i * 11) % 6, (i * 13) % 6, (i * 17) % 6],
    );
    const perRowFormulas = rows.map((_, i) => `=PE.TIER(PE.PARTNER_SCORE(A${i + 1}:E${i + 1}))`);
    const { values } = sheetEngine(
      rows.map((ratings, i) => [...ratings, i === 0 ? "=PE.TIER(PE.PARTNER_SCORE(A1:E1000))" : null, perRowFormulas[i]]),
    );
    const spilled = values("F1:F1000");
    expect(spilled).toHaveLength(1000);
    expect(spilled).toEqual(values("G1:G1000"));
    expect(new Set(spilled.flat())).toEqual(new Set(["Tier 1", "Tier 2", "Tier 3", "Not qualified"]));
  });

  it("gives #N/A with a message below every custom threshold", () => {
    const { value } = sheetEngine([['=PE.TIER(40,{50,80},{"Silver","Gold"})']]);
    const error = errorOf(value("A1"));
    expect(error.type).toBe("NA");
    expect(error.message).toMatch(/below every threshold/);
  });

  it("reports a spill blocked by a filled cell as #SPILL!", () => {
    const { value } = sheetEngine([
      [90, "=PE.TIER(A1:A2)"],
      [40, "in the way"],
    ]);
    expect(errorOf(value("B1")).type).toBe("SPILL");
  });
});

describe("PE.REVSHARE_TIERED in the engine", () => {
  it("computes marginal (the default) and retroactive shares", () => {
    const { value } = sheetEngine([
      [
        "=PE.REVSHARE_TIERED(100000,{0,50000},{0.1,0.2})",
        '=PE.REVSHARE_TIERED(100000,{0,50000},{0.1,0.2},"RETROACTIVE")',
        "=PE.REVSHARE_TIERED(100000,{0,50000},{10%,20%})",
      ],
    ]);
    expect(value("A1")).toBeCloseTo(15000, 9);
    expect(value("B1")).toBeCloseTo(20000, 9);
    expect(value("C1")).toBeCloseTo(15000, 9);
  });

  it("spills one share per revenue for a column of deals, and sums inside a built-in", () => {
    const { values, value } = sheetEngine([
      [100000, "=PE.REVSHARE_TIERED(A1:A3,{0,50000},{0.1,0.2})", "=SUM(PE.REVSHARE_TIERED(A1:A3,{0,50000},{0.1,0.2}))"],
      [200000],
      [20000],
    ]);
    const shares = values("B1:B3").flat() as number[];
    expect(shares[0]).toBeCloseTo(15000, 9);
    expect(shares[1]).toBeCloseTo(35000, 9);
    expect(shares[2]).toBeCloseTo(2000, 9);
    expect(value("C1")).toBeCloseTo(52000, 9);
  });

  it('spills a row of yearly shares for "by_year" on a row of revenue per year', () => {
    const { values } = sheetEngine([
      [100000, 100000, 100000, 100000],
      ['=PE.REVSHARE_TIERED(A1:D1,{1,2,3},{0.3,0.2,0.15},"by_year")'],
    ]);
    const shares = values("A2:D2")[0] as number[];
    [30000, 20000, 15000, 15000].forEach((expected, i) => expect(shares[i]).toBeCloseTo(expected, 9));
  });

  it("says how to write a rate typed as 30", () => {
    const { value } = sheetEngine([["=PE.REVSHARE_TIERED(100000,{0},{30})"]]);
    const error = errorOf(value("A1"));
    expect(error.type).toBe("NUM");
    expect(error.message).toContain("rate 30 is above 1: write 30% or 0.3");
  });

  it("lists the valid methods for an unknown one", () => {
    const { value } = sheetEngine([['=PE.REVSHARE_TIERED(100,{0},{0.1},"flat")']]);
    const error = errorOf(value("A1"));
    expect(error.type).toBe("VALUE");
    expect(error.message).toMatch(/marginal/);
    expect(error.message).toMatch(/by_year/);
  });
});

describe("PE.LIABILITY_CAP in the engine", () => {
  it("takes the greater of 12 months of fees and $500K, ignoring blanks and text like SUM", () => {
    const fees = Array.from({ length: 12 }, (_, i) => [i === 3 ? null : i === 5 ? "n/a" : 50000]);
    const { value } = sheetEngine([...fees, ["=PE.LIABILITY_CAP(A1:A12, 500000)", "=PE.LIABILITY_CAP(A1:A12, 400000)"]]);
    expect(value("A13")).toBe(500000);
    expect(value("B13")).toBe(500000);
  });

  it("caps indemnity at 2× the annual value, and at a ceiling given after omitted arguments", () => {
    const { value } = sheetEngine([[300000, "=PE.LIABILITY_CAP(A1, 0, 2)", "=PE.LIABILITY_CAP(A1,,,250000)"]]);
    expect(value("B1")).toBe(600000);
    expect(value("C1")).toBe(250000);
  });
});

describe("the issue-6 functions in the engine", () => {
  it("PE.CRAWL_GATE: GO at exactly 20% better, for higher and for lower is better", () => {
    const { value } = sheetEngine([
      ["=PE.CRAWL_GATE(100,120)", '=PE.CRAWL_GATE(10,8,,"lower")', "=PE.CRAWL_GATE(100,119)", "=PE.CRAWL_GATE(0,5)"],
    ]);
    expect(value("A1")).toBe("GO");
    expect(value("B1")).toBe("GO");
    expect(value("C1")).toBe("NO-GO");
    expect(errorOf(value("D1")).type).toBe("DIV_BY_ZERO");
  });

  it("PE.WALK_GATE: GO at 70% adoption; more adopted than invited is #NUM!", () => {
    const { value } = sheetEngine([["=PE.WALK_GATE(7,10)", "=PE.WALK_GATE(6,10)", "=PE.WALK_GATE(11,10)", "=PE.WALK_GATE(1,0)"]]);
    expect(value("A1")).toBe("GO");
    expect(value("B1")).toBe("NO-GO");
    expect(errorOf(value("C1")).type).toBe("NUM");
    expect(errorOf(value("D1")).type).toBe("DIV_BY_ZERO");
  });

  it("PE.TIER_GAP: points to the next tier, 0 at the top, same-shaped for a range", () => {
    const { value, values } = sheetEngine([[72, 90, "=PE.TIER_GAP(A1)", "=PE.TIER_GAP(B1)"], ["=PE.TIER_GAP(A1:B1)"]]);
    expect(value("C1")).toBeCloseTo(13, 9);
    expect(value("D1")).toBe(0);
    const gaps = values("A2:B2")[0] as number[];
    expect(gaps[0]).toBeCloseTo(13, 9);
    expect(gaps[1]).toBe(0);
  });

  it("PE.TIER_STABLE: TRUE far from a threshold, FALSE on one, one per row for a block", () => {
    const { value, values } = sheetEngine([
      [5, 5, 5, 5, 5, "=PE.TIER_STABLE(A1:E1)", "=PE.TIER_STABLE(A1:E2)"],
      [5, 4, 3, 2, 1, "=PE.TIER_STABLE(A2:E2)"],
    ]);
    expect(value("F1")).toBe(true);
    expect(value("F2")).toBe(false);
    expect(values("G1:G2")).toEqual([[true], [false]]);
  });

  it("PE.REFERRAL_FEE: rate × revenue, raised to a minimum and cut to a maximum", () => {
    const { value } = sheetEngine([
      [
        "=PE.REFERRAL_FEE(100000,0.2)",
        "=PE.REFERRAL_FEE(10000,0.1,5000)",
        "=PE.REFERRAL_FEE(1000000,0.3,,50000)",
        "=PE.REFERRAL_FEE(1000,1.5)",
      ],
    ]);
    expect(value("A1")).toBe(20000);
    expect(value("B1")).toBe(5000);
    expect(value("C1")).toBe(50000);
    expect(errorOf(value("D1")).type).toBe("NUM");
  });

  it("PE.RESELLER_MARGIN: list × discount × quantity; a discount of 100% is #NUM!", () => {
    const { value } = sheetEngine([
      ["=PE.RESELLER_MARGIN(1000,35%)", "=PE.RESELLER_MARGIN(1000,0.35,3)", "=PE.RESELLER_MARGIN(1000,1)"],
    ]);
    expect(value("A1")).toBeCloseTo(350, 9);
    expect(value("B1")).toBeCloseTo(1050, 9);
    expect(errorOf(value("C1")).type).toBe("NUM");
  });
});

describe("errors flowing through the engine", () => {
  it("passes an error from a referenced cell on, keeping a PE function's message", () => {
    const { value } = sheetEngine([
      [5, "=1/0", 3, 2, 1, "=PE.PARTNER_SCORE(A1:E1)"],
      ["=PE.REVSHARE_TIERED(100000,{0},{30})", "=PE.TIER(A2)", "=PE.TIER(A2:A2)", "=PE.LIABILITY_CAP(A2)"],
    ]);
    expect(errorOf(value("F1")).type).toBe("DIV_BY_ZERO");
    for (const cell of ["B2", "C2", "D2"]) {
      const error = errorOf(value(cell));
      expect(error.type).toBe("NUM");
      expect(error.message).toContain("rate 30 is above 1");
    }
  });

  it("returns engine-only errors (#NAME?, #REF!) as they are, without calling core", () => {
    const { value } = sheetEngine([
      [5, "=NOSUCH()", 3, 2, 1, "=PE.PARTNER_SCORE(A1:E1)", "=PE.TIER(NOSUCH())", "=PE.TIER(#REF!)"],
    ]);
    expect(errorOf(value("F1")).type).toBe("NAME");
    expect(errorOf(value("G1")).type).toBe("NAME");
    expect(errorOf(value("H1")).type).toBe("REF");
  });

  it("answers a wrong number of arguments with #N/A naming the signature", () => {
    const { value } = sheetEngine([["=PE.REVSHARE_TIERED(100000,{0})", "=PE.WALK_GATE(1,2,0.5,9)"]]);
    expect(errorOf(value("A1"))).toEqual({ type: "NA", message: expect.stringContaining("needs rates (argument 3)") });
    expect(errorOf(value("B1"))).toEqual({
      type: "NA",
      message: expect.stringContaining("PE.WALK_GATE(adopted, invited, [threshold])"),
    });
  });

  it("refuses, with a reason and without failing, a spill it cannot size from the formula (a named range)", () => {
    const { engine, value } = sheetEngine([[90], [40], [70]]);
    engine.addNamedExpression("Scores", "=Sheet1!$A$1:$A$3");
    engine.setCellContents({ sheet: 0, row: 0, col: 1 }, "=PE.TIER(Scores)");
    const error = errorOf(value("B1"));
    expect(error.type).toBe("VALUE");
    expect(error.message).toMatch(/pass the range itself/);
  });
});
