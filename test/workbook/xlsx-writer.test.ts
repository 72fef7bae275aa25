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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

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
            // An empty text result ("" for an unrated partner's score) reads back as no cached value.
            if (engineValue === "") expect(cell.result ?? "").toBe("");
            else {
              expect(cell.result).toEqual(toCachedResult(engineValue));
              expect(cell.result).not.toBeUndefined();
            }
          } else if (content.kind === "text") expect(cell.value).toBe(content.text);
          else if (content.kind === "blank") expect(cell.value).toBeNull();
          else expect(cell.value).toBe(content.value);
        }),
      );
    }
    expect(formulas).toBe(PARTNERS.length * 6 + 1 + 4 + 1);
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
    ]);
    const table = ws.getTable("QualificationMatrix") as unknown as {
      model: { tableRef?: string; ref: string; columns: { name: string }[] };
    };
    expect(table.model.tableRef ?? table.model.ref).toBe(`A10:L${10 + PARTNERS.length}`);
    // ExcelJS reads a table's columns only up to the first calculated one; the next test reads the part itself.
    expect(table.model.columns.map((c) => c.name).slice(0, 2)).toEqual(["Partner", "Strategic fit"]);
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
      ["H11:H16", "cellIs", '"Tier 1 (provisional)"'],
      ["H11:H16", "cellIs", '"Tier 2"'],
      ["H11:H16", "cellIs", '"Tier 2 (provisional)"'],
      ["H11:H16", "cellIs", '"Tier 3"'],
      ["H11:H16", "cellIs", '"Tier 3 (provisional)"'],
      ["H11:H16", "cellIs", '"Not qualified"'],
      ["H11:H16", "cellIs", '"Not qualified (provisional)"'],
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
    expect(cell.formula).toBe(
      'IF(COUNT(QualificationMatrix[[#This Row],[Strategic fit]:[Track record]])=0,"",_xldudf_PE_PARTNER_SCORE(QualificationMatrix[[#This Row],[Strategic fit]:[Track record]],Qual_Weights*ISNUMBER(QualificationMatrix[[#This Row],[Strategic fit]:[Track record]]),Qual_Scale))',
    );
    expect(cell.result).toBeUndefined();
  });

  test("the formula columns are the table's calculated columns and Qual_Scores names the Score column, as Excel stores them", async () => {
    const { plan, buffer } = await writeMatrix();
    const zip = await JSZip.loadAsync(buffer);
    const tableXml = await zip.file("xl/tables/table1.xml")!.async("string");
    const calculated = [...tableXml.matchAll(/<tableColumn\b[^>]*name="([^"]*)"[^>]*><calculatedColumnFormula>([^<]*)</g)].map(
      (m) => [
        m[1],
        m[2]
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&")
          .replace(/&gt;/g, ">"),
      ],
    );
    const table = plan.sheets[0].tables![0];
    expect(calculated).toEqual(
      Object.entries(table.calculatedColumns!).map(([column, f]) => [column, toFileFormula(f).slice(1)]),
    );
    expect(calculated.map(([column]) => column)).toEqual([
      "Score",
      "Tier",
      "Rank",
      "Complete?",
      "Gap to next tier",
      "Tier stable?",
    ]);
    expect(calculated[2][1]).toBe(
      'IF(ISNUMBER(QualificationMatrix[[#This Row],[Score]]),RANK(QualificationMatrix[[#This Row],[Score]],Qual_Scores),"")',
    );
    expect(tableXml).not.toContain("<filterColumn");
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain('<definedName name="Qual_Scores">QualificationMatrix[Score]</definedName>');
    // Every data row's cell holds the column's formula (so Excel sees no inconsistent formula).
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    for (let row = 11; row < 11 + PARTNERS.length; row++)
      expect(
        new RegExp(`<c r="I${row}" s="11"( t="str")?><f>${escapeRegExp(calculated[2][1].replace(/"/g, "&quot;"))}</f>`).test(
          sheetXml,
        ),
      ).toBe(true);
    expect([...tableXml.matchAll(/<tableColumn\b[^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual(table.columns);
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
