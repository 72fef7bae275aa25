import ExcelJS from "exceljs";
import fc from "fast-check";
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

/** Styles a cell may get; equal contents in separate objects, and fields left undefined, on purpose. */
const STYLE_PIECES: ((cell: ExcelJS.Cell) => void)[] = [
  () => {},
  (cell) => (cell.numFmt = "0.0%"),
  (cell) => (cell.numFmt = "@"),
  (cell) => (cell.font = { bold: true }),
  (cell) => (cell.font = { bold: true, italic: undefined }),
  (cell) => (cell.font = { color: { argb: "FF0070C0" }, size: 9 }),
  (cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } }),
  (cell) => (cell.border = { bottom: { style: "thin" } }),
  (cell) => (cell.alignment = { wrapText: true, vertical: "top" }),
];
const VALUES: ExcelJS.CellValue[] = [
  null,
  42,
  "text",
  true,
  new Date(Date.UTC(2026, 0, 31)),
  { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue,
  { formula: 'A1&"x"', result: "ax" } as ExcelJS.CellFormulaValue,
  { formula: "2*3", result: 6 } as ExcelJS.CellFormulaValue,
];

function styledWorkbook(cells: { value: number; pieces: number[] }[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 11, 8));
  const sheet = workbook.addWorksheet("Styled");
  cells.forEach((spec, i) => {
    const cell = sheet.getCell(Math.floor(i / 4) + 1, (i % 4) + 1);
    cell.value = VALUES[spec.value];
    for (const piece of spec.pieces) STYLE_PIECES[piece](cell);
  });
  return workbook;
}

test("a cell's style id is the one ExcelJS gives it, whatever the mix of styles and value types", async () => {
  const cell = fc.record({
    value: fc.nat({ max: VALUES.length - 1 }),
    pieces: fc.array(fc.nat({ max: STYLE_PIECES.length - 1 }), { maxLength: 3 }),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 24 }), async (cells) => {
      const parts = await writtenParts(styledWorkbook(cells));
      const archive = await JSZip.loadAsync(await styledWorkbook(cells).xlsx.writeBuffer());
      for (const name of ["xl/worksheets/sheet1.xml", "xl/styles.xml"])
        expect(partText(parts.get(name)!)).toBe(await archive.file(name)!.async("string"));
    }),
    { numRuns: 40 },
  );
});
