import JSZip from "jszip";
import ExcelJS from "exceljs";
import { createEngine } from "../../src/engine";
import { PlanConflictError } from "../../src/workbook/appliers/common";
import { applyPlanToEngine, engineValueReader } from "../../src/workbook/appliers/engine";
import { readXlsxSettings, toCachedResult, writePlanToXlsx } from "../../src/workbook/appliers/xlsx";
import { toFileFormula } from "../../src/core/file-formula";
import {
  buildQualificationPlan,
  QUALIFICATION_SETTINGS_KEY,
  restoreQualificationInput,
} from "../../src/workbook/models/qualification";
import type { CellContent } from "../../src/workbook/plan";

const PARTNERS = ["Acme", "Globex", "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)"];
const RATINGS = [
  [5, 5, 5, 4, 4],
  [4, 4, 3, 3, 2],
];

async function reopen(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

async function writeMatrix() {
  const built = buildQualificationPlan({ partners: PARTNERS, ratings: RATINGS });
  const hf = createEngine();
  const result = applyPlanToEngine(hf, built.plan);
  const buffer = await writePlanToXlsx(built.plan, engineValueReader(hf, result));
  return { ...built, hf, buffer, workbook: await reopen(buffer) };
}

describe("writePlanToXlsx", () => {
  test("round trip: every planned value and formula comes back, formulas with the engine's results cached", async () => {
    const { plan, hf, workbook } = await writeMatrix();
    const ws = workbook.getWorksheet("Qualification")!;
    const id = hf.getSheetId("Qualification")!;
    let formulas = 0;
    for (const block of plan.sheets[0].blocks) {
      const at = ws.getCell(block.at);
      block.cells.forEach((row, r) =>
        row.forEach((content: CellContent, c) => {
          const cell = ws.getCell(Number(at.row) + r, Number(at.col) + c);
          if (content.kind === "formula") {
            formulas++;
            expect(`=${cell.formula}`).toBe(toFileFormula(content.formula));
            const engineValue = hf.getCellValue({ sheet: id, row: Number(at.row) - 1 + r, col: Number(at.col) - 1 + c });
            expect(cell.result).toEqual(toCachedResult(engineValue));
            expect(cell.result).not.toBeUndefined();
          } else if (content.kind === "text") expect(cell.value).toBe(content.text);
          else if (content.kind === "blank") expect(cell.value).toBeNull();
          else expect(cell.value).toBe(content.value);
        }),
      );
    }
    expect(formulas).toBe(PARTNERS.length * 6 + 1 + 4);
    expect(ws.getCell("G11").result).toBe(95);
    expect(ws.getCell("H12").result).toBe("Tier 3");
  });

  test("user text that looks like a formula is a plain string cell, formatted as text so editing keeps it text", async () => {
    const { workbook } = await writeMatrix();
    const ws = workbook.getWorksheet("Qualification")!;
    ["=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)"].forEach((name, i) => {
      const cell = ws.getCell(13 + i, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe("@");
    });
    expect(ws.getCell("A11").numFmt).toBeUndefined();
  });

  test("names, table, formats, validation, conditional formats, widths, panes and print setup survive", async () => {
    const { layout, workbook } = await writeMatrix();
    const ws = workbook.getWorksheet("Qualification")!;
    expect(workbook.definedNames.model).toEqual([
      { name: "Qual_Weights", ranges: ["Qualification!$B$4:$F$4"] },
      { name: "Qual_Scale", ranges: ["Qualification!$B$5"] },
      { name: "Qual_Thresholds", ranges: ["Qualification!$I$4:$I$6"] },
      { name: "Qual_Labels", ranges: ["Qualification!$J$4:$J$7"] },
      { name: "Qual_Scores", ranges: [`Qualification!$G$11:$G$${10 + PARTNERS.length}`] },
    ]);
    const table = ws.getTable("QualificationMatrix") as unknown as {
      model: { tableRef?: string; ref: string; columns: { name: string }[] };
    };
    expect(table.model.tableRef ?? table.model.ref).toBe(`A10:L${10 + PARTNERS.length}`);
    expect(table.model.columns.map((c) => c.name)).toEqual([
      "Partner",
      "Strategic fit",
      "Market reach",
      "Capabilities",
      "Financial health",
      "Track record",
      "Score",
      "Tier",
      "Rank",
      "Complete?",
      "Gap to next tier",
      "Tier stable?",
    ]);
    expect(ws.getCell("G11").numFmt).toBe("0.0");
    expect(ws.getCell(layout.inputs.weightTotal).numFmt).toBe('0.##"%"');
    expect(ws.getCell("B11").dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      promptTitle: "Strategic fit",
      showErrorMessage: true,
    });
    expect(ws.getCell("B11").dataValidation.formulae[0]).toBe(0);
    const formattings = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }
    ).conditionalFormattings;
    expect(formattings.map((f) => [f.ref, f.rules[0].type, f.rules[0].formulae?.[0]])).toEqual([
      ["H11:H16", "cellIs", '"Tier 1"'],
      ["H11:H16", "cellIs", '"Tier 2"'],
      ["H11:H16", "cellIs", '"Tier 3"'],
      ["H11:H16", "cellIs", '"Not qualified"'],
      ["J11:J16", "expression", 'LEFT(J11,7)="Missing"'],
      ["L11:L16", "cellIs", "FALSE"],
      ["G4", "expression", "ROUND(G4,6)<>100"],
    ]);
    expect(ws.getColumn("A").width).toBe(28);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 10 });
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "10:10",
    });
    expect(ws.pageSetup.printArea).toBe(`A1:L${10 + PARTNERS.length}`);
  });

  test("settings are kept as the add-in's document settings and restore the wizard's inputs", async () => {
    const { workbook, plan, buffer } = await writeMatrix();
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["Qualification"]);
    const settings = await readXlsxSettings(buffer);
    expect([...settings.keys()]).toEqual([QUALIFICATION_SETTINGS_KEY]);
    const restored = restoreQualificationInput(settings.get(QUALIFICATION_SETTINGS_KEY));
    expect(restored?.criteria.map((c) => c.weight)).toEqual([30, 25, 20, 15, 10]);
    // The plan's chart is in the file too (xlsx-charts.test.ts checks its parts).
    expect(plan.sheets[0].charts?.map((c) => c.title)).toEqual(["Partners by tier"]);
    expect((await JSZip.loadAsync(buffer)).file("xl/charts/chart1.xml")).not.toBeNull();
  });

  test("settings of files from older versions are still read from their very hidden PE_Settings sheet", async () => {
    const old = new ExcelJS.Workbook();
    old.addWorksheet("Qualification").getCell("A1").value = "x";
    const store = old.addWorksheet("PE_Settings", { state: "veryHidden" });
    store.addRow(["key", "json"]);
    store.addRow([QUALIFICATION_SETTINGS_KEY, '{"version":1}']);
    const settings = await readXlsxSettings(new Uint8Array(await old.xlsx.writeBuffer()));
    expect([...settings]).toEqual([[QUALIFICATION_SETTINGS_KEY, '{"version":1}']]);
  });

  test("without cached values formulas are written without results", async () => {
    const { plan } = buildQualificationPlan({ partners: ["Acme"] });
    const workbook = await reopen(await writePlanToXlsx(plan));
    const cell = workbook.getWorksheet("Qualification")!.getCell("G11");
    expect(cell.formula).toBe("_xldudf_PE_PARTNER_SCORE(B11:F11,Qual_Weights,Qual_Scale)");
    expect(cell.result).toBeUndefined();
  });

  test("engine errors are cached as Excel errors", () => {
    expect(toCachedResult({ value: "#NUM!", type: "NUM" })).toEqual({ error: "#NUM!" });
    expect(toCachedResult({ value: "#CYCLE!", type: "CYCLE" })).toEqual({ error: "#VALUE!" });
    expect(toCachedResult(null)).toBeUndefined();
  });

  test("a plan that writes into an existing sheet cannot become a new file", async () => {
    const plan = buildQualificationPlan({ partners: ["Acme"] }).plan;
    plan.sheets[0] = { name: "Sheet1", target: "existing", blocks: [{ at: "A1", cells: [[{ kind: "number", value: 1 }]] }] };
    plan.names = [];
    await expect(writePlanToXlsx(plan)).rejects.toThrow(PlanConflictError);
  });
});
