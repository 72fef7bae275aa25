import ExcelJS from "exceljs";
import JSZip from "jszip";
import { partText, writtenParts } from "../../src/workbook/xlsx-package/written-parts";

/** A workbook with what plans write: two sheets, a table, formulas with results, styles, names, a merge. */
function sampleWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Partner Economics";
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 11, 8));
  const sheet = workbook.addWorksheet("Qualification", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addTable({
    name: "Matrix",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "Partner" }, { name: "Fit" }, { name: "Score" }],
    rows: [
      ["North", 5, { formula: "Matrix[[#This Row],[Fit]]*20", result: 100 }],
      ["Süd ✓", 2, { formula: "Matrix[[#This Row],[Fit]]*20", result: 40 }],
    ],
  });
  sheet.getCell("E1").value = { formula: "SUM(C2:C3)", result: 140 } as ExcelJS.CellFormulaValue;
  sheet.getCell("E1").numFmt = "0.0";
  sheet.mergeCells("E3:F4");
  sheet.getColumn(1).width = 24;
  const notes = workbook.addWorksheet("Notes");
  notes.getCell("A1").value = 'Text with <markup> & "quotes"';
  workbook.definedNames.add("Qualification!$B$2:$B$3", "Fits");
  return workbook;
}

test("ExcelJS's parts without its zip are exactly the parts of its own archive, in its order", async () => {
  const parts = await writtenParts(sampleWorkbook());
  const archive = await JSZip.loadAsync(await sampleWorkbook().xlsx.writeBuffer());
  const names = Object.values(archive.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  expect([...parts.keys()]).toEqual(names);
  for (const name of names) expect(partText(parts.get(name)!)).toBe(await archive.file(name)!.async("string"));
  expect(partText(parts.get("xl/worksheets/sheet1.xml")!)).toContain("Matrix[[#This Row],[Fit]]*20");
});
