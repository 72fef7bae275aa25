import { columnLetters } from "../../src/workbook/a1";
import { buildScorecardPlan } from "../../src/workbook/models/scorecard";
import { planInEngine } from "./engine-sheet";
import { expectedFromCore, scorecardFixture } from "./scorecard-fixture";

/** The scorecard written by the engine applier: its values agree with core, and stay live as data is typed. */
describe("scorecard in the engine", () => {
  const draft = scorecardFixture(30, 6);
  const { plan, layout, qbr } = buildScorecardPlan(draft);
  const c = layout.columns;
  const cell = (col: number, p: number): string => `${columnLetters(col)}${layout.firstDataRow + 1 + p}`;

  test("statuses and renewal flags equal core's for all 30 partners; the counts add up", () => {
    const e = planInEngine(plan, layout.sheet);
    const statuses = draft.partners!.map((_, p) => e.at(cell(c.status, p)));
    const flags = draft.partners!.map((_, p) => e.at(cell(c.renewal, p)));
    const expected = draft.partners!.map((partner) => expectedFromCore(partner, draft.asOf));
    expect(statuses).toEqual(expected.map((x) => x.status));
    expect(flags).toEqual(expected.map((x) => x.renewal));
    // the fixture reaches every status and both flags
    expect(new Set(statuses)).toEqual(new Set(["Expand", "Maintain", "Course-correct", "Exit review"]));
    expect(new Set(flags)).toEqual(new Set(["", "Review now", "Ended"]));
    const counts = Object.fromEntries(layout.counts.map(({ label, cell: at }) => [label, e.at(at)]));
    for (const status of ["Expand", "Maintain", "Course-correct", "Exit review"])
      expect(counts[status]).toBe(statuses.filter((s) => s === status).length);
    expect(counts["Review now"]).toBe(flags.filter((f) => f === "Review now").length);
  });

  test("health is PE.HEALTH of revenue and KPI attainment, banded by the named thresholds", () => {
    const e = planInEngine(plan, layout.sheet);
    // Partner 02: revenue attainment averages 111/110, 90/110 ×3; new customers 6/8; pipeline 51/60
    const revenue = (111 / 110 + (3 * 90) / 110) / 4;
    const expected = (100 * (50 * Math.min(revenue, 1) + 25 * (6 / 8) + 25 * (51 / 60))) / 100;
    expect(e.at(cell(c.health, 1))).toBeCloseTo(expected, 9);
    expect(e.at(cell(c.band, 1))).toBe("Healthy");
    e.set("D5", 90); // Healthy now from 90
    expect(e.at(cell(c.band, 1))).toBe("Watch");
  });

  test("a seventh quarter typed into the spare columns changes a status, the counts and the QBR", () => {
    const e = planInEngine(plan, layout.sheet);
    const qbrSheet = e.hf.getSheetId(qbr.partnerCell && layout.qbrSheet)!;
    const qbrAt = (address: string) =>
      e.hf.getCellValue({ sheet: qbrSheet, col: address.charCodeAt(0) - 65, row: Number(address.slice(1)) - 1 });
    // Partner 03 missed the last quarter by 1: course-correct; QBR shows Partner 01 first
    expect(e.at(cell(c.status, 2))).toBe("Course-correct");
    const before = e.at(layout.counts[0].cell) as number;
    e.set(cell(c.targets[6], 2), 120_000);
    e.set(cell(c.actuals[6], 2), 130_000);
    expect(e.at(cell(c.status, 2))).toBe("Maintain");
    e.set(cell(c.targets[7], 2), 120_000);
    e.set(cell(c.actuals[7], 2), 130_000);
    expect(e.at(cell(c.status, 2))).toBe("Expand");
    expect(e.at(layout.counts[0].cell)).toBe(before + 1);
    expect(e.at(cell(c.reported, 2))).toBe(8);
    e.hf.setCellContents({ sheet: qbrSheet, row: 3, col: 1 }, "Partner 03");
    expect(qbrAt(qbr.statusCell)).toBe("Expand");
    expect(qbrAt(qbr.decisionCell)).toBe("Expand");
    expect(qbrAt(qbr.quarterCell)).toBe("2026-Q4");
    expect(qbrAt(`C${qbr.dashboardRow + 3}`)).toBe(130_000);
  });

  test("a partner row added under the table counts once its formulas are filled in", () => {
    const e = planInEngine(plan, layout.sheet);
    const before = e.at(layout.counts[3].cell) as number; // Exit review
    const p = 30;
    const row = layout.firstDataRow + 1 + p;
    const source = plan.sheets[0].blocks.find((b) => b.cells.length === 30)!;
    // what Excel's calculated columns do for a new table row: the row above's formulas, moved down one row
    const formulas = source.cells[29]
      .slice(c.reported)
      .map((x) => (x.kind === "formula" ? x.formula.replace(new RegExp(`(?<=[A-Z])${row - 1}\\b`, "g"), String(row)) : null));
    e.hf.setCellContents({ sheet: e.sheet, row: row - 1, col: 0 }, [["Partner 31"]]);
    e.hf.setCellContents({ sheet: e.sheet, row: row - 1, col: c.targets[0] }, [[10, 10, 10]]);
    e.hf.setCellContents({ sheet: e.sheet, row: row - 1, col: c.actuals[0] }, [[1, 1, 1]]);
    e.hf.setCellContents({ sheet: e.sheet, row: row - 1, col: c.reported }, [formulas]);
    expect(e.at(cell(c.status, p))).toBe("Exit review");
    expect(e.at(layout.counts[3].cell)).toBe(before + 1);
  });
});
