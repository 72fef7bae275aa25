import { cellAddress, parseCell } from "../../src/workbook/a1";
import { applyPlanToExcel, SYNCS_PER_APPLY } from "../../src/workbook/appliers/office";
import { blockWrites, DEFAULT_SYNC_BUDGET, toExcelCell } from "../../src/workbook/appliers/office-ranges";
import { a1ToR1C1, r1c1ToA1 } from "../../src/workbook/appliers/office-r1c1";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import { blank, formula, num, text, type WorkbookPlan } from "../../src/workbook/plan";
import { enterCell, FakeExcel } from "./excel-mock";

/**
 * Issue 9 item 5: the pane's write stays far inside Excel on the web's 5 MB request limit. The
 * mock serialises every queued call of each sync (excel-mock.ts, `syncPayloads`); these are the
 * figures the README quotes.
 */
const ONE_MB = 1_000_000;

function matrix(partners: number): WorkbookPlan {
  return buildQualificationPlan({ partners: Array.from({ length: partners }, (_, i) => `Partner ${i + 1}`) }).plan;
}

/** Every planned cell is in the mock exactly as a whole-array write would have left it. */
function expectEveryCellAsPlanned(excel: FakeExcel, plan: WorkbookPlan): void {
  const mismatches: string[] = [];
  for (const sheet of plan.sheets) {
    const cells = excel.sheet(sheet.name)!.cells;
    for (const block of sheet.blocks) {
      const origin = parseCell(block.at);
      block.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const key = cellAddress({ row: origin.row + r, col: origin.col + c });
          const expected = JSON.stringify(enterCell(toExcelCell(cell)) ?? undefined);
          const actual = JSON.stringify(cells.get(key));
          if (expected !== actual) mismatches.push(`${key}: ${actual} instead of ${expected}`);
        }),
      );
    }
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
}

describe("request bytes per context.sync() of the qualification matrix", () => {
  test.each([
    [1_000, 40_000],
    [10_000, 250_000],
  ])("%d partners: two syncs, the write under %d bytes (1 MB budget, 5 MB limit)", async (partners, ceiling) => {
    const excel = new FakeExcel();
    const plan = matrix(partners);
    await applyPlanToExcel(excel.run, plan);

    expect(excel.syncCount).toBe(SYNCS_PER_APPLY);
    const [read, write] = excel.syncPayloads;
    expect(read).toBeLessThan(1_000);
    // Before: every block as a filled 2-D formulas array and every number format as an array:
    // 397,216 bytes for 1,000 partners and 3,970,388 for 10,000. Now ~30,600 and ~192,700.
    expect(write).toBeLessThan(ceiling);
    expect(Math.max(...excel.syncPayloads)).toBeLessThan(ONE_MB);
    expectEveryCellAsPlanned(excel, plan);
  });

  test("the score columns go out as one R1C1 formula per column, not one per partner", async () => {
    const excel = new FakeExcel();
    await applyPlanToExcel(excel.run, matrix(2_000));
    const r1c1Writes = excel.calls.filter((c) => c.endsWith(".formulasR1C1"));
    expect(r1c1Writes).toEqual(
      expect.arrayContaining(["Qualification!G11:G2010.formulasR1C1", "Qualification!L11:L2010.formulasR1C1"]),
    );
    const sheet = excel.sheet("Qualification")!;
    expect(sheet.cells.get("G2010")).toEqual({
      kind: "formula",
      formula: matrix(1).sheets[0].tables![0].calculatedColumns!.Score,
    });
    expect(sheet.numberFormats.get("G2010")).toBe("0.0");
    expect(excel.calls.filter((c) => c.endsWith(".numberFormat")).length).toBeLessThan(20);
  });

  test("a write larger than the budget is split: 10,000 partners at a 50,000-byte budget take 8 syncs", async () => {
    const budget = 50_000;
    const excel = new FakeExcel();
    const plan = matrix(10_000);
    await applyPlanToExcel(excel.run, plan, { syncBudget: budget });

    // 1 read, then 7 writes: the top of the sheet, the ~190 KB of partner names split by rows into
    // four, the sheet's other calls (counted at a fixed cost each), names and settings last.
    expect(excel.syncCount).toBe(8);
    for (const bytes of excel.syncPayloads) expect(bytes).toBeLessThanOrEqual(budget);
    expectEveryCellAsPlanned(excel, plan);
    expect(excel.sheet("Qualification")!.cells.get("A10010")).toEqual({
      kind: "text",
      value: "Partner 10000",
      quotePrefix: true,
    });
  });

  test("a failure in a later write sync still rolls everything back", async () => {
    const excel = new FakeExcel();
    excel.failOn({ callStartsWith: "settings.add", mode: "sync" });
    await expect(applyPlanToExcel(excel.run, matrix(2_000), { syncBudget: 10_000 })).rejects.toThrow(/put back as it was/);
    expect(excel.syncCount).toBeGreaterThan(4);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(excel.names).toEqual([]);
  });

  test("the default budget is a fifth of Excel on the web's 5 MB", () => {
    expect(DEFAULT_SYNC_BUDGET).toBe(ONE_MB);
  });
});

describe("blockWrites", () => {
  test("a small mixed block goes out whole: one array is cheaper than many calls", () => {
    const writes = blockWrites({ at: "B2", cells: [[text("Weight"), num(30), formula("=SUM(C2:D2)")]] }, "skip");
    expect(writes).toEqual([{ address: "B2:D2", property: "formulas", rows: [["Weight", 30, "=SUM(C2:D2)"]] }]);
  });

  test("a long block becomes column runs: names as an array, blanks skipped, formulas as R1C1", () => {
    const rows = Array.from({ length: 50 }, (_, i) => [text(`P${i}`), blank(), formula(`=B${i + 3}*2`), num(1)]);
    const writes = blockWrites({ at: "A3", cells: rows }, "skip");
    expect(writes).toEqual([
      { address: "C3:C52", property: "formulasR1C1", value: "=RC[-1]*2" },
      { address: "D3:D52", property: "formulas", value: 1 },
      { address: "A3:A52", property: "formulas", rows: rows.map((r) => [toExcelCell(r[0])]) },
    ]);
  });

  test("in an existing sheet, blanks are written (they empty the cell)", () => {
    const rows = Array.from({ length: 500 }, (_, i) => [text(`P${i}`), blank()]);
    const writes = blockWrites({ at: "A1", cells: rows }, "clear");
    expect(writes).toContainEqual({ address: "B1:B500", property: "formulas", value: "" });
  });
});

describe("A1 ⇄ R1C1", () => {
  test.each([
    ["=PE.PARTNER_SCORE(B11:F11,Qual_Weights,Qual_Scale)", "=PE.PARTNER_SCORE(RC[-5]:RC[-1],Qual_Weights,Qual_Scale)"],
    ["=RANK(G11,Qual_Scores)", "=RANK(RC,Qual_Scores)"],
    ['=IF(H11="B11",LOG10(2),0)', '=IF(R[0]C[1]="B11",LOG10(2),0)'.replace("R[0]", "R")],
    ["=COUNTIF($H$11:$H$20,J4)", "=COUNTIF(R11C8:R20C8,R[-7]C[3])"],
    ["='My Sheet'!A1+Sheet2!$B3", "='My Sheet'!R[-10]C[-6]+Sheet2!R[-8]C2"],
  ])("%s at G11 is %s and back", (a1, r1c1) => {
    const at = { row: 10, col: 6 };
    expect(a1ToR1C1(a1, at)).toBe(r1c1);
    expect(r1c1ToA1(r1c1, at)).toBe(a1);
  });

  test("whole-column references are left to the A1 path", () => {
    expect(a1ToR1C1("=SUM(A:A)", { row: 0, col: 1 })).toBeUndefined();
    expect(a1ToR1C1("=SUM(1:3)", { row: 5, col: 1 })).toBeUndefined();
  });

  test("a reference moved off the sheet is refused", () => {
    expect(r1c1ToA1("=R[-5]C", { row: 2, col: 0 })).toBeUndefined();
  });
});
