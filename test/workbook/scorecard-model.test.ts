import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildScorecardPlan,
  restoreScorecardInput,
  SCORECARD_SETTINGS_KEY,
  ScorecardInputError,
} from "../../src/workbook/models/scorecard";
import { validateScorecardInput } from "../../src/workbook/models/scorecard/input";
import { spareQuarterLabels } from "../../src/workbook/models/scorecard/layout";
import type { CellContent, SheetPlan } from "../../src/workbook/plan";
import { validatePlan } from "../../src/workbook/validate-plan";
import { columnLetters, parseRange } from "../../src/workbook/a1";
import { scorecardFixture } from "./scorecard-fixture";

function cellsOf(sheet: SheetPlan): Map<string, CellContent> {
  const cells = new Map<string, CellContent>();
  for (const block of sheet.blocks) {
    const at = parseRange(block.at).start;
    block.cells.forEach((row, r) =>
      row.forEach((content, c) => cells.set(`${columnLetters(at.col + c)}${at.row + r + 1}`, content)),
    );
  }
  return cells;
}

function errorsOf(draft: unknown): Record<string, string> {
  const result = validateScorecardInput(draft);
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
}

describe("scorecard plan", () => {
  const { plan, layout, qbr } = buildScorecardPlan(scorecardFixture(30, 6));
  const [portfolio, qbrSheet] = plan.sheets;
  const cells = cellsOf(portfolio);
  const c = layout.columns;
  const row = layout.firstDataRow + 1;
  const at = (col: number, r = row): CellContent | undefined => cells.get(`${columnLetters(col)}${r}`);

  test("is a valid plan of two sheets, a portfolio table of 30 partners and the QBR sheet", () => {
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.sheets.map((s) => s.name)).toEqual(["Portfolio", "QBR"]);
    expect(portfolio.tables).toHaveLength(1);
    const table = portfolio.tables![0];
    expect(table.name).toBe("Scorecard");
    expect(parseRange(table.range).end.row - parseRange(table.range).start.row).toBe(30);
    expect(table.columns.slice(0, 7)).toEqual([
      "Partner",
      "Contract start",
      "Initial term (years)",
      "Renewal term (years)",
      "Notice (days)",
      "New customers",
      "Joint pipeline",
    ]);
    // 6 quarters in the data and 4 spare ones, labelled on from the last
    expect(layout.quarters).toEqual([
      "2025-Q1",
      "2025-Q2",
      "2025-Q3",
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2027-Q1",
      "2027-Q2",
    ]);
    expect(table.columns).toContain("Target 2027-Q2");
    expect(table.columns.slice(-9)).toEqual([
      "Quarters below",
      "Quarters met",
      "Status",
      "Health",
      "Band",
      "Term end",
      "Notice by",
      "Review from",
      "Renewal",
    ]);
  });

  test("each row's formulas call the partner-health functions over its own row and the named inputs", () => {
    const T = `${columnLetters(c.targets[0])}${row}:${columnLetters(c.targets[9])}${row}`;
    const A = `${columnLetters(c.actuals[0])}${row}:${columnLetters(c.actuals[9])}${row}`;
    expect(at(c.belowStreak)).toEqual({ kind: "formula", formula: `=PE.STREAK(${A},${T},"below")` });
    expect(at(c.metStreak)).toEqual({ kind: "formula", formula: `=PE.STREAK(${A},${T},"met")` });
    expect((at(c.status) as { formula: string }).formula).toContain(
      `PE.PARTNER_STATUS(${A},${T},Score_ExpandAfter,Score_ExitAfter)`,
    );
    expect((at(c.health) as { formula: string }).formula).toMatch(/^=PE\.HEALTH\([A-Z]+\d+:[A-Z]+\d+,Score_Weights,Score_Cap\)$/);
    expect((at(c.band) as { formula: string }).formula).toBe(
      `=PE.TIER(${columnLetters(c.health)}${row},Score_HealthFrom,Score_HealthBands)`,
    );
    expect((at(c.termEnd) as { formula: string }).formula).toContain(`PE.TERM_END(B${row},C${row},D${row},Score_AsOf)`);
    expect(at(0)).toEqual({ kind: "text", text: "Partner 01" });
    expect(at(c.start)).toEqual({ kind: "number", value: 44927 }); // 2023-01-01
  });

  test("counts and quarter totals read whole columns, so rows and quarters added later count", () => {
    const formulas = portfolio.blocks.flatMap((b) => b.cells.flat()).flatMap((x) => (x.kind === "formula" ? [x.formula] : []));
    const status = columnLetters(c.status);
    expect(formulas).toContain(`=COUNTIF($${status}:$${status},"Exit review")`);
    const a7 = columnLetters(c.actuals[6]);
    const t7 = columnLetters(c.targets[6]);
    expect(formulas).toContain(`=IFERROR(SUM($${a7}:$${a7})/SUMIFS($${t7}:$${t7},$${a7}:$${a7},"<>"),"")`);
    // nothing but the table in those columns: every block above the table stays in columns A–E
    for (const block of portfolio.blocks) {
      const start = parseRange(block.at).start;
      if (start.row < layout.headerRow) expect(start.col + block.cells[0].length).toBeLessThanOrEqual(5);
    }
  });

  test("named inputs, editable health bands and a chart of attainment by quarter", () => {
    const names = Object.fromEntries(plan.names.map((n) => [n.name, `${n.sheet}!${n.range}`]));
    expect(names.Score_AsOf).toBe(`Portfolio!${layout.inputs.asOf}`);
    expect(names.Score_HealthFrom).toBe("Portfolio!D5:D7");
    expect(names.Score_HealthBands).toBe("Portfolio!E5:E8");
    expect(cells.get("D5")).toEqual({ kind: "number", value: 80 });
    expect(cells.get("E8")).toEqual({ kind: "text", text: "Critical" });
    expect(names.Score_QbrPartner).toBe("QBR!B4");
    expect(portfolio.charts).toEqual([
      expect.objectContaining({ source: layout.chartSource, title: "Portfolio attainment by quarter" }),
    ]);
    expect(portfolio.conditionalFormats!.some((f) => f.rule.kind === "equals" && f.rule.value === "Review now")).toBe(true);
  });

  test("the QBR sheet: a drop-down of the partners, the seed's seven sections, decision from the status, one page wide", () => {
    const q = cellsOf(qbrSheet);
    expect(qbrSheet.validations).toContainEqual(
      expect.objectContaining({ range: "B4", rule: { kind: "listFrom", source: "=Score_Partners" } }),
    );
    const texts = [...q.values()].flatMap((x) => (x.kind === "text" ? [x.text] : []));
    for (const section of [
      "1. Executive summary",
      "2. KPI dashboard: target vs actual",
      "3. Key wins and case studies",
      "4. Challenges and action plans",
      "5. Upcoming initiatives (next quarter)",
      "6. Strategic discussion and decisions",
      "7. Action items and next steps",
    ])
      expect(texts).toContain(section);
    expect((q.get(qbr.decisionCell) as { formula: string }).formula).toContain(
      `INDEX('Portfolio'!$${columnLetters(c.status)}:$${columnLetters(c.status)},$B$6)`.replace("'Portfolio'", "Portfolio"),
    );
    expect(qbrSheet.print).toEqual({ area: qbr.printArea, orientation: "portrait", fitToWidth: true });
  });

  test("saves the answers without the data, in the one saved-input format; they restore", () => {
    const saved = JSON.parse(plan.settings[0].json);
    expect(plan.settings[0].key).toBe(SCORECARD_SETTINGS_KEY);
    expect(saved).toMatchObject({ wizard: "scorecard", version: 1, asOf: "2026-06-30", partnerCount: 30, quarterCount: 6 });
    expect(saved.partners).toBeUndefined();
    const restored = restoreScorecardInput(plan.settings[0].json)!;
    expect(restored.kpis.map((k) => k.name)).toEqual(["New customers", "Joint pipeline"]);
    expect(restored.partners).toEqual([]);
  });

  test("the example plan is exactly such saved answers", () => {
    const example = readFileSync(join(__dirname, "../../docs/examples/scorecard-plan.json"), "utf8");
    expect(restoreScorecardInput(example)).not.toBeNull();
  });

  test("a second scorecard gets its own sheets and names", () => {
    const again = buildScorecardPlan(
      scorecardFixture(2, 2),
      ["Portfolio", "QBR"],
      plan.names.map((n) => n.name).concat("Scorecard"),
    );
    expect(again.plan.sheets.map((s) => s.name)).toEqual(["Portfolio (2)", "QBR (2)"]);
    expect(again.plan.names.map((n) => n.name)).toContain("Score2_AsOf");
    expect(again.layout.tableName).toBe("Scorecard2");
  });
});

describe("scorecard input", () => {
  const base = scorecardFixture(3, 2);

  test("field-level messages for the rules a user can break", () => {
    expect(errorsOf({ ...base, asOf: "30/06/2026" }).asOf).toMatch(/YYYY-MM-DD/);
    expect(errorsOf({ ...base, expandAfter: 0 }).expandAfter).toMatch(/whole number of quarters from 1/);
    expect(errorsOf({ ...base, healthBands: [{ from: 80, label: "Good*" }] })["healthBands.0.label"]).toMatch(/may not/);
    expect(errorsOf({ ...base, kpis: [{ name: "Revenue", weight: 1, target: 1 }] })["kpis.0.name"]).toMatch(/twice/);
    const twice = { ...base, partners: [base.partners![0], base.partners![0]] };
    expect(errorsOf(twice)["partners.1.name"]).toMatch(/listed twice/);
    const negative = { ...base, partners: [{ ...base.partners![0], actuals: [-1, 5] }] };
    expect(errorsOf(negative)["partners.0.actuals.0"]).toMatch(/enter 0 or more/);
    expect(errorsOf({ ...base, asOf: undefined }).asOf).toMatch(/expected a text/);
    expect(errorsOf({ ...base, colour: "red" }).colour).toMatch(/unknown field/);
    expect(() => buildScorecardPlan({ ...base, periods: [] })).toThrow(ScorecardInputError);
  });

  test("a quarter missing between reported ones is a warning", () => {
    const gap = {
      ...base,
      periods: ["2025-Q1", "2025-Q2", "2025-Q3"],
      partners: [{ name: "A", targets: [1, 1, 1], actuals: [1, null, 1] }],
    };
    const result = validateScorecardInput(gap);
    expect(result.ok && result.warnings.map((w) => w.path)).toEqual(["partners.0.actuals.1"]);
  });

  test("spare quarters continue the labels", () => {
    expect(spareQuarterLabels(["2025-Q3", "2025-Q4"], 2)).toEqual(["2026-Q1", "2026-Q2"]);
    expect(spareQuarterLabels(["Q4 2025"], 1)).toEqual(["Q1 2026"]);
    expect(spareQuarterLabels(["Spring", "Summer"], 2)).toEqual(["Quarter 3", "Quarter 4"]);
  });
});
