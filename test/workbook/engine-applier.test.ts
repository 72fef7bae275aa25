import type { HyperFormula } from "hyperformula";
import { createEngine } from "../../src/engine";
import { parseCell, parseRange } from "../../src/workbook/a1";
import { PlanApplyError, PlanConflictError } from "../../src/workbook/appliers/common";
import { applyPlanToEngine, findEngineConflicts } from "../../src/workbook/appliers/engine";
import {
  buildQualificationPlan,
  QUALIFICATION_SETTINGS_KEY,
  type QualificationLayout,
} from "../../src/workbook/models/qualification";
import { emptyPlan, num, text, type WorkbookPlan } from "../../src/workbook/plan";

// Five partners rated on the default criteria (weights 30/25/20/15/10, scale 5). Score = 100 × Σwᵢrᵢ / (Σw × 5):
//   Acme     5,5,5,4,4  → 150+125+100+60+40 = 475 → 95  Tier 1
//   Globex   4,4,3,3,2  → 120+100+ 60+45+20 = 345 → 69  Tier 3 (one point short of Tier 2)
//   Initech  3,4,4,4,5  →  90+100+ 80+60+50 = 380 → 76  Tier 2
//   Umbrella 2,2,1,1,1  →  60+ 50+ 20+15+10 = 155 → 31  Not qualified
//   Hooli    4,5,4,5,–  → 120+125+ 80+75    = 400 of 90×5 → 88.9  Tier 1 (provisional): track record is not
//            rated yet, so the score is over the four rated criteria (PE.PARTNER_SCORE alone would count it as 0: 80)
const PARTNERS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli"];
const RATINGS = [
  [5, 5, 5, 4, 4],
  [4, 4, 3, 3, 2],
  [3, 4, 4, 4, 5],
  [2, 2, 1, 1, 1],
  [4, 5, 4, 5, null],
];

function build(partners = PARTNERS, ratings: (number | null)[][] = RATINGS) {
  return buildQualificationPlan({ partners, ratings });
}

function column(hf: HyperFormula, sheet: string, layout: QualificationLayout, col: number): unknown[] {
  const id = hf.getSheetId(sheet)!;
  return layout.tierCounts.length > 0
    ? Array.from({ length: layout.partnerCount }, (_, i) => hf.getCellValue({ sheet: id, row: layout.firstDataRow + i, col }))
    : [];
}

function valueAt(hf: HyperFormula, sheet: string, address: string): unknown {
  return hf.getCellValue({ sheet: hf.getSheetId(sheet)!, ...parseCell(address) });
}

describe("the qualification matrix in the engine", () => {
  test("a five-partner matrix gives the hand-computed scores, tiers, ranks, flags and counts", () => {
    const hf = createEngine();
    const { plan, layout } = build();
    const result = applyPlanToEngine(hf, plan);
    const sheet = result.sheetNames.Qualification;
    const c = layout.columns;

    const scores = column(hf, sheet, layout, c.score) as number[];
    expect(scores.slice(0, 4)).toEqual([95, 69, 76, 31]);
    expect(scores[4]).toBeCloseTo(400 / 4.5, 12);
    expect(column(hf, sheet, layout, c.tier)).toEqual(["Tier 1", "Tier 3", "Tier 2", "Not qualified", "Tier 1 (provisional)"]);
    expect(column(hf, sheet, layout, c.rank)).toEqual([1, 4, 3, 5, 2]);
    expect(column(hf, sheet, layout, c.complete)).toEqual(["Yes", "Yes", "Yes", "Yes", "Missing 1"]);
    // Gap: points to the next tier up (85, 70, 50 thresholds); 0 in the top tier.
    expect(column(hf, sheet, layout, c.gap)).toEqual([0, 1, 9, 19, 0]);
    // Globex at 69: dropping track record's weight by 5 points gives 335/475 = 70.53, Tier 2, so it is not stable.
    expect(column(hf, sheet, layout, c.stable).slice(0, 4)).toEqual([true, false, true, true]);
    // A provisional tier counts with its tier.
    expect(layout.tierCounts.map((t) => [t.label, valueAt(hf, sheet, t.countCell)])).toEqual([
      ["Tier 1", 2],
      ["Tier 2", 1],
      ["Tier 3", 1],
      ["Not qualified", 1],
    ]);
    expect(valueAt(hf, sheet, layout.notRated.countCell)).toBe(0);
    expect(valueAt(hf, sheet, layout.inputs.weightTotal)).toBe(100);
  });

  test("changing a named weight cell re-scores, re-tiers and re-ranks every partner", () => {
    const hf = createEngine();
    const { plan, layout } = build();
    const sheet = applyPlanToEngine(hf, plan).sheetNames.Qualification;
    const id = hf.getSheetId(sheet)!;
    const trackRecordWeight = { sheet: id, row: 3, col: layout.columns.criteria[4] };
    expect(hf.getCellValue(trackRecordWeight)).toBe(10);
    expect(hf.getNamedExpressionFormula(layout.names.weights)).toBe("=Qualification!$B$4:$F$4");

    hf.setCellContents(trackRecordWeight, 0);
    // Weights 30/25/20/15/0 (sum 90): Acme 435/450, Globex 325/450, Initech 330/450, Umbrella 145/450, Hooli 400/450.
    const scores = column(hf, sheet, layout, layout.columns.score) as number[];
    [96.6667, 72.2222, 73.3333, 32.2222, 88.8889].forEach((expected, i) => expect(scores[i]).toBeCloseTo(expected, 4));
    expect(column(hf, sheet, layout, layout.columns.tier)).toEqual([
      "Tier 1",
      "Tier 2",
      "Tier 2",
      "Not qualified",
      "Tier 1 (provisional)",
    ]);
    expect(column(hf, sheet, layout, layout.columns.rank)).toEqual([1, 4, 3, 5, 2]);
    expect(layout.tierCounts.map((t) => valueAt(hf, sheet, t.countCell))).toEqual([2, 2, 0, 1]);
    expect(valueAt(hf, sheet, layout.inputs.weightTotal)).toBe(90);
  });

  test("the scale and thresholds are live inputs too", () => {
    const hf = createEngine();
    const { plan, layout } = build();
    const sheet = applyPlanToEngine(hf, plan).sheetNames.Qualification;
    const id = hf.getSheetId(sheet)!;
    hf.setCellContents({ sheet: id, ...parseCell(layout.inputs.scale) }, 10);
    const scores = column(hf, sheet, layout, layout.columns.score) as number[];
    expect(scores.slice(0, 4)).toEqual([47.5, 34.5, 38, 15.5]);
    expect(scores[4]).toBeCloseTo(400 / 9, 12);
    hf.setCellContents({ sheet: id, ...parseCell(layout.inputs.scale) }, 5);
    // Tier 3 now starts at 70 (third threshold row): Globex at 69 is not qualified any more.
    hf.setCellContents({ sheet: id, row: 5, col: parseRange(layout.inputs.thresholds).start.col }, 70.5);
    expect(column(hf, sheet, layout, layout.columns.tier)[1]).toBe("Not qualified");
  });

  test("equal scores share a rank, as RANK.EQ does", () => {
    const hf = createEngine();
    const { plan, layout } = build(
      ["A", "B", "C"],
      [
        [3, 3, 3, 3, 3],
        [5, 5, 5, 5, 5],
        [3, 3, 3, 3, 3],
      ],
    );
    const sheet = applyPlanToEngine(hf, plan).sheetNames.Qualification;
    expect(column(hf, sheet, layout, layout.columns.rank)).toEqual([2, 1, 2]);
  });

  test("blank rows are not rated: no score, tier, rank or gap, and no tier counts them", () => {
    const hf = createEngine();
    const { plan, layout } = buildQualificationPlan({ partners: ["", ""] });
    const sheet = applyPlanToEngine(hf, plan).sheetNames.Qualification;
    const c = layout.columns;
    expect(column(hf, sheet, layout, c.complete)).toEqual(["Not rated", "Not rated"]);
    expect(column(hf, sheet, layout, c.tier)).toEqual(["Not rated", "Not rated"]);
    for (const col of [c.score, c.rank, c.gap, c.stable]) expect(column(hf, sheet, layout, col)).toEqual(["", ""]);
    expect(layout.tierCounts.map((t) => valueAt(hf, sheet, t.countCell))).toEqual([0, 0, 0, 0]);
    expect(valueAt(hf, sheet, layout.notRated.countCell)).toBe(2);
  });
});

describe("applyPlanToEngine", () => {
  test("writes each new sheet in one setSheetContent inside one batch, never cell by cell", () => {
    const hf = createEngine();
    const batch = jest.spyOn(hf, "batch");
    const setSheetContent = jest.spyOn(hf, "setSheetContent");
    const setCellContents = jest.spyOn(hf, "setCellContents");
    applyPlanToEngine(
      hf,
      build(
        Array.from({ length: 300 }, (_, i) => `P${i}`),
        [],
      ).plan,
    );
    expect(batch).toHaveBeenCalledTimes(1);
    expect(setSheetContent).toHaveBeenCalledTimes(1);
    expect(setCellContents).not.toHaveBeenCalled();
  });

  test("partner names that look like formulas, numbers or booleans stay exactly that text", () => {
    const names = ["=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)", "'quoted", "true", "12", "5%", "#N/A", "1/2/2024"];
    const hf = createEngine();
    const { plan, layout } = build(names, []);
    const sheet = applyPlanToEngine(hf, plan).sheetNames.Qualification;
    const id = hf.getSheetId(sheet)!;
    names.forEach((name, i) => {
      const address = { sheet: id, row: layout.firstDataRow + i, col: 0 };
      expect(hf.getCellValue(address)).toBe(name);
      expect(hf.doesCellHaveFormula(address)).toBe(false);
    });
  });

  test("settings go to the host's settings map", () => {
    const hf = createEngine();
    const settings = new Map<string, string>();
    applyPlanToEngine(hf, build().plan, { settings });
    expect(JSON.parse(settings.get(QUALIFICATION_SETTINGS_KEY)!)).toMatchObject({ wizard: "qualification", partnerCount: 5 });
  });

  test("a taken sheet name gets the next free one, and the names and formulas follow", () => {
    const hf = createEngine();
    hf.addSheet("QUALIFICATION");
    const { plan, layout } = build();
    const result = applyPlanToEngine(hf, plan);
    expect(result.sheetNames.Qualification).toBe("Qualification (2)");
    expect(result.sheets).toEqual([{ planned: "Qualification", name: "Qualification (2)", created: true }]);
    expect(hf.getNamedExpressionFormula(layout.names.scale)).toBe("='Qualification (2)'!$B$5");
    expect(column(hf, "Qualification (2)", layout, layout.columns.score).slice(0, 4)).toEqual([95, 69, 76, 31]);
    expect(hf.getSheetValues(hf.getSheetId("QUALIFICATION")!)).toEqual([]);
  });

  test("a second matrix in the same engine gets its own names and sheet", () => {
    const hf = createEngine();
    applyPlanToEngine(hf, build().plan);
    const second = buildQualificationPlan(
      { partners: ["Zeta"], ratings: [[5, 5, 5, 5, 5]] },
      hf.getSheetNames(),
      hf.listNamedExpressions(),
    );
    const result = applyPlanToEngine(hf, second.plan);
    expect(second.layout.sheet).toBe("Qualification (2)");
    expect(result.sheetNames["Qualification (2)"]).toBe("Qualification (2)");
    expect(second.layout.names.weights).toBe("Qual2_Weights");
    expect(column(hf, "Qualification (2)", second.layout, second.layout.columns.score)).toEqual([100]);
  });

  test("an existing named expression stops the write before anything changes", () => {
    const hf = createEngine();
    hf.addSheet("Sheet1");
    hf.addNamedExpression("qual_scale", "=1");
    expect(() => applyPlanToEngine(hf, build().plan)).toThrow(PlanConflictError);
    expect(hf.getSheetNames()).toEqual(["Sheet1"]);
  });

  function intoSheet1(): WorkbookPlan {
    const plan = emptyPlan("notes");
    plan.sheets.push({ name: "sheet1", target: "existing", blocks: [{ at: "B2", cells: [[text("=1+1"), num(3)]] }] });
    return plan;
  }

  test("non-empty cells of an existing sheet are reported, kept, and replaced only with consent", () => {
    const hf = createEngine();
    const id = hf.getSheetId(hf.addSheet("Sheet1"))!;
    hf.setCellContents({ sheet: id, row: 1, col: 2 }, "=40+2");
    expect(findEngineConflicts(hf, intoSheet1())).toEqual([{ sheet: "Sheet1", address: "C2", existing: "=40+2" }]);
    expect(() => applyPlanToEngine(hf, intoSheet1())).toThrow(/overwrite 1 non-empty cell: Sheet1!C2/);
    expect(hf.getCellValue({ sheet: id, row: 1, col: 2 })).toBe(42);
    applyPlanToEngine(hf, intoSheet1(), { overwrite: true });
    expect(hf.getCellValue({ sheet: id, row: 1, col: 1 })).toBe("=1+1");
    expect(hf.getCellValue({ sheet: id, row: 1, col: 2 })).toBe(3);
  });

  test("a failure midway removes the sheets, names and settings it added and explains why", () => {
    const hf = createEngine();
    hf.addSheet("Sheet1");
    const settings = new Map([[QUALIFICATION_SETTINGS_KEY, "older"]]);
    const original = hf.addNamedExpression.bind(hf);
    let calls = 0;
    jest.spyOn(hf, "addNamedExpression").mockImplementation((...args: Parameters<HyperFormula["addNamedExpression"]>) => {
      if (++calls === 3) throw new Error("engine refused the name");
      return original(...args);
    });
    let caught: unknown;
    try {
      applyPlanToEngine(hf, build().plan, { settings });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PlanApplyError);
    expect((caught as Error).message).toBe(
      "could not write the qualification matrix into the workbook: engine refused the name; everything it had added was removed again",
    );
    expect(hf.getSheetNames()).toEqual(["Sheet1"]);
    expect(hf.listNamedExpressions()).toEqual([]);
    expect(settings.get(QUALIFICATION_SETTINGS_KEY)).toBe("older");
  });

  test("a failed write into an existing sheet puts its cells back", () => {
    const hf = createEngine();
    const id = hf.getSheetId(hf.addSheet("Sheet1"))!;
    hf.setCellContents({ sheet: id, row: 1, col: 2 }, 7);
    const plan = intoSheet1();
    plan.names.push({ name: "Note", sheet: "sheet1", range: "B2" });
    jest.spyOn(hf, "addNamedExpression").mockImplementation(() => {
      throw new Error("no names today");
    });
    expect(() => applyPlanToEngine(hf, plan, { overwrite: true })).toThrow(/no names today/);
    expect(hf.getCellValue({ sheet: id, row: 1, col: 2 })).toBe(7);
    expect(hf.getCellValue({ sheet: id, row: 1, col: 1 })).toBeNull();
  });
});
