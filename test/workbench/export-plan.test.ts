import ExcelJS from "exceljs";
import { createEngine } from "../../src/engine";
import { WorkbookStore } from "../../src/workbench/grid/workbook-store";
import { exportPlan } from "../../src/workbench/xlsx/export-plan";
import { workbookToXlsx } from "../../src/workbench/xlsx/download";
import { createEngineHost } from "../../src/taskpane/hosts/engine-host";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import { validatePlan } from "../../src/workbook/validate-plan";
import { readXlsxSettings } from "../../src/workbook/appliers/xlsx";
import { excelStructureProblems, partsOf } from "../workbook/excel-addin-structure";

async function workbenchWithMatrix() {
  const store = new WorkbookStore(createEngine());
  const host = createEngineHost(store.engineWorkbook());
  const partners = ["Acme", "=1+1", "-2"];
  const ratings = [
    [5, 5, 5, 5, 5],
    [1, 1, 1, 1, 1],
    [null, 4, 4, 4, 4],
  ];
  await host.apply(buildQualificationPlan({ partners, ratings }).plan);
  return { store, layout: buildQualificationPlan({ partners, ratings }).layout };
}

describe("the workbench's .xlsx export", () => {
  it("gives formulas over a whole table column back as the table's structured reference, grown rows included", async () => {
    const { store, layout } = await workbenchWithMatrix();
    store.setCell({ row: layout.firstDataRow + 3, col: 0 }, "Hooli", "Qualification");
    const plan = exportPlan(store.hf, store.plans, store.settings);
    const sheet = plan.sheets.find((s) => s.name === "Qualification")!;
    const formulas = sheet.blocks.flatMap((b) => b.cells.flat()).flatMap((c) => (c.kind === "formula" ? [c.formula] : []));
    expect(formulas).toContain('=COUNTIF(QualificationMatrix[Tier],J4)+COUNTIF(QualificationMatrix[Tier],J4&" (provisional)")');
    expect(formulas.some((f) => /_pe_col_/i.test(f))).toBe(false);
    expect(sheet.tables![0].range).toBe(`A10:L${layout.firstDataRow + 4}`);
  });

  it("turns the engine's sheets into a valid plan: the user's edits, formulas kept, table headers left to the table", async () => {
    const { store, layout } = await workbenchWithMatrix();
    store.activateSheet("Sheet1");
    store.setCell({ row: 0, col: 0 }, "note");
    store.setCell({ row: 1, col: 1 }, "=A3*2");
    store.activateSheet("Qualification");
    store.setCell({ row: 3, col: 1 }, "40"); // Strategic fit's weight
    const plan = exportPlan(store.hf, store.plans, store.settings, "Qualification");
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.sheets.map((s) => [s.name, s.activate])).toEqual([
      ["Sheet1", false],
      ["Qualification", true],
    ]);
    const sheet1 = plan.sheets[0];
    expect(sheet1.blocks).toEqual([
      { at: "A1", cells: [[{ kind: "text", text: "note" }]] },
      { at: "B2", cells: [[{ kind: "formula", formula: "=A3*2" }]] },
    ]);
    const qualification = plan.sheets[1];
    expect(qualification.tables?.[0].columns[0]).toBe("Partner");
    const headerRow = layout.headerRow + 1;
    expect(qualification.blocks.some((b) => b.at.endsWith(String(headerRow)) && /^[A-L]\d/.test(b.at))).toBe(false);
    expect(plan.names.map((n) => n.name)).toEqual([
      "Qual_Weights",
      "Qual_Scale",
      "Qual_Thresholds",
      "Qual_Labels",
      "Qual_Scores",
    ]);
    expect(plan.settings.map((s) => s.key)).toEqual(["PartnerEconomics.qualification"]);
  });

  it("writes a file whose cached values are the engine's and whose user text stays text", async () => {
    const { store, layout } = await workbenchWithMatrix();
    store.setCell({ row: 3, col: 1 }, "0"); // no weight on Strategic fit: "-2" now scores 80
    const file = await workbookToXlsx(store.hf, store.plans, store.settings, "Qualification");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Qualification")!;
    const at = (p: number, col: number) => sheet.getCell(layout.firstDataRow + p + 1, col + 1).value;
    expect(at(1, 0)).toBe("=1+1");
    expect(at(2, 0)).toBe("-2");
    expect((at(2, layout.columns.score) as ExcelJS.CellFormulaValue).result).toBe(80);
    expect((at(0, layout.columns.tier) as ExcelJS.CellFormulaValue).result).toBe("Tier 1");
    expect((at(1, layout.columns.rank) as ExcelJS.CellFormulaValue).result).toBe(3);
    expect(sheet.getCell("B4").value).toBe(0);
  });

  it("is stored as Excel stores it: _xldudf_PE_ formulas, the add-in reference listing the PE functions, the settings", async () => {
    const { store } = await workbenchWithMatrix();
    const file = await workbookToXlsx(store.hf, store.plans, store.settings, "Qualification");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const parts = await partsOf(bytes);
    expect(
      excelStructureProblems(parts, [
        "_xldudf_PE_PARTNER_SCORE",
        "_xldudf_PE_TIER",
        "_xldudf_PE_TIER_GAP",
        "_xldudf_PE_TIER_STABLE",
      ]),
    ).toEqual([]);
    expect([...(await readXlsxSettings(bytes)).keys()]).toEqual(["PartnerEconomics.qualification"]);
  });
});
