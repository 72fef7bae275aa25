/**
 * The qualification matrix is a table that grows: a partner added as a new table row is scored,
 * tiered, ranked and counted with no formula typed by hand, through the engine; and Not rated is
 * not zero.
 */
import type { HyperFormula } from "hyperformula";
import { createEngine } from "../../src/engine";
import { growTableInEngine, tableColumnName } from "../../src/engine/plan-tables";
import { cellAddress, parseCell } from "../../src/workbook/a1";
import { applyPlanToEngine, planTableDefinitions } from "../../src/workbook/appliers/engine";
import { buildQualificationPlan, type QualificationLayout } from "../../src/workbook/models/qualification";
import { validateQualificationInput } from "../../src/workbook/models/qualification/input";
import { growTableInPlans } from "../../src/workbook/table-growth";

const PARTNERS = ["Acme", "Globex", "Initech"];
const RATINGS = [
  [5, 5, 5, 4, 4], // 95, Tier 1
  [4, 4, 3, 3, 2], // 69, Tier 3
  [3, 4, 4, 4, 5], // 76, Tier 2
];

function matrix() {
  const hf = createEngine();
  const built = buildQualificationPlan({ partners: PARTNERS, ratings: RATINGS });
  const sheet = applyPlanToEngine(hf, built.plan).sheetNames.Qualification;
  const id = hf.getSheetId(sheet)!;
  const at = (row: number, col: number) => hf.getCellValue({ sheet: id, row, col });
  return { hf, id, sheet, ...built, at };
}

function counts(hf: HyperFormula, id: number, layout: QualificationLayout): unknown[] {
  return [...layout.tierCounts.map((t) => t.countCell), layout.notRated.countCell].map((address) =>
    hf.getCellValue({ sheet: id, ...parseCell(address) }),
  );
}

describe("a partner added as a new table row, through the engine", () => {
  test("is scored, tiered, ranked and counted, and moves the others' ranks", () => {
    const { hf, id, plan, layout, at } = matrix();
    const c = layout.columns;
    const row = layout.firstDataRow + PARTNERS.length; // the row just below the table
    expect(counts(hf, id, layout)).toEqual([1, 1, 1, 0, 0]);

    const table = planTableDefinitions(plan)[0];
    const grown = growTableInEngine(
      hf,
      {
        table,
        tables: [table],
        calculated: plan.sheets[0].tables![0].calculatedColumns!,
        names: plan.names.flatMap((n) => (n.refersTo ? [{ ...n, refersTo: n.refersTo }] : [])),
      },
      // Hooli 5,5,5,5,5 → 100: the new top partner.
      () => hf.setCellContents({ sheet: id, row, col: 0 }, [["Hooli", 5, 5, 5, 5, 5]]),
    );
    expect(grown.bottom).toBe(row);
    expect(at(row, c.score)).toBe(100);
    expect(at(row, c.tier)).toBe("Tier 1");
    expect(at(row, c.rank)).toBe(1);
    expect(at(row, c.complete)).toBe("Yes");
    expect(at(row, c.stable)).toBe(true);
    // Everyone else moves down one place; the tier count and Qual_Scores include the new row.
    expect([0, 1, 2].map((i) => at(layout.firstDataRow + i, c.rank))).toEqual([2, 4, 3]);
    expect(counts(hf, id, layout)).toEqual([2, 1, 1, 0, 0]);
    const scoresEnd = cellAddress({ row, col: c.score }).replace(/[A-Z]+/, (l) => `$${l}$`);
    expect(hf.getNamedExpressionFormula(layout.names.scores)).toBe(`=Qualification!$G$11:${scoresEnd}`);
    expect(hf.getNamedExpressionFormula(tableColumnName(layout.tableName, c.tier))).toBe(`=Qualification!$H$11:$H$${row + 1}`);

    // A rating typed later re-scores the row like any other: one criterion blank is provisional.
    hf.setCellContents({ sheet: id, row, col: c.criteria[4] }, null);
    expect(at(row, c.tier)).toBe("Tier 1 (provisional)");
    expect(at(row, c.complete)).toBe("Missing 1");
    expect(counts(hf, id, layout)).toEqual([2, 1, 1, 0, 0]);
  });

  test("the plan grows with it: the table's range, and validation and formats over its data rows", () => {
    const { plan, layout } = matrix();
    const [grown] = growTableInPlans([plan], "Qualification", layout.tableName);
    const sheet = grown.sheets[0];
    expect(sheet.tables![0].range).toBe("A10:L14");
    expect(sheet.validations![0].range).toBe("B11:B14");
    expect(sheet.numberFormats!.find((f) => f.range.startsWith("G11"))!.range).toBe("G11:G14");
    expect(sheet.conditionalFormats![0].range).toBe("H11:H14");
    expect(grown.names.find((n) => n.name === "Qual_Scores")!.range).toBe("G11:G14");
    // What lies elsewhere stays: the weights' validation, the inputs' formats.
    expect(sheet.validations!.find((v) => v.range === layout.inputs.weights)).toBeDefined();
  });
});

describe("not rated is not zero", () => {
  test("no ratings: Not rated, no score, tier, rank or gap, and counted apart; PE.PARTNER_SCORE itself still reads blanks as 0", () => {
    const hf = createEngine();
    const { plan, layout } = buildQualificationPlan({ partners: ["Acme", "Newco"], ratings: [[5, 5, 5, 4, 4]] });
    const id = hf.getSheetId(applyPlanToEngine(hf, plan).sheetNames.Qualification)!;
    const at = (col: number) => hf.getCellValue({ sheet: id, row: layout.firstDataRow + 1, col });
    const c = layout.columns;
    expect([at(c.score), at(c.tier), at(c.rank), at(c.complete), at(c.gap), at(c.stable)]).toEqual([
      "",
      "Not rated",
      "",
      "Not rated",
      "",
      "",
    ]);
    expect(hf.getCellValue({ sheet: id, row: layout.firstDataRow, col: c.rank })).toBe(1);
    expect(counts(hf, id, layout)).toEqual([1, 0, 0, 0, 1]);
    // The function's own contract is unchanged for direct calls: a blank rating is 0.
    expect(hf.calculateFormula("=PE.PARTNER_SCORE(B12:F12,Qual_Weights,Qual_Scale)", id)).toBe(0);
  });

  test("some ratings missing: the score over the rated criteria, Missing n, a provisional tier counted with its tier", () => {
    const hf = createEngine();
    // Weights 30/25/20/15/10, scale 5. Rated 5 and 4 on the first two: (150+100)/(55×5) = 90.9…
    const { plan, layout } = buildQualificationPlan({ partners: ["Partial"], ratings: [[5, 4, null, null, null]] });
    const id = hf.getSheetId(applyPlanToEngine(hf, plan).sheetNames.Qualification)!;
    const at = (col: number) => hf.getCellValue({ sheet: id, row: layout.firstDataRow, col });
    const c = layout.columns;
    expect(at(c.score)).toBeCloseTo(250 / 2.75, 12);
    expect(at(c.tier)).toBe("Tier 1 (provisional)");
    expect(at(c.complete)).toBe("Missing 3");
    expect(at(c.rank)).toBe(1);
    expect(counts(hf, id, layout)).toEqual([1, 0, 0, 0, 0]);
    // Rating the rest makes it final (and, here, lower).
    hf.setCellContents({ sheet: id, row: layout.firstDataRow, col: c.criteria[2] }, [[1, 1, 1]]);
    expect(at(c.score)).toBeCloseTo((150 + 100 + 20 + 15 + 10) / 5, 12);
    expect(at(c.tier)).toBe("Tier 3");
    expect(at(c.complete)).toBe("Yes");
  });

  test("a tier label may not be the words the matrix uses for partners without a tier", () => {
    const result = validateQualificationInput({
      partners: ["A"],
      tiers: [
        { threshold: 80, label: "Not rated" },
        { threshold: 50, label: "Silver (provisional)" },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(["tiers.0.label", "tiers.1.label"]);
  });
});
