import { newWorksheetXml, writeSheetCells, type CellWrite } from "../../src/workbook/xlsx-package/cell-writes";
import { StylesEditor } from "../../src/workbook/xlsx-package/styles-patch";
import { schemaOrderProblems } from "./chart-schema-order";

const writes = (entries: [number, number, CellWrite][]) => {
  const map = new Map<number, Map<number, CellWrite>>();
  for (const [row, col, write] of entries) {
    if (!map.has(row)) map.set(row, new Map());
    map.get(row)!.set(col, write);
  }
  return map;
};

const SHEET = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

describe("writeSheetCells", () => {
  test("rewrites changed cells keeping their style, and leaves every other byte alone", () => {
    const before = SHEET(
      '<row r="1" spans="1:3"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1" s="4"><v>5</v></c><c r="C1" s="5" t="s"><v>1</v></c></row>' +
        '<row r="3"><c r="A3" s="7"><f>B1*2</f><v>10</v></c></row>',
    );
    const after = writeSheetCells(
      before,
      writes([
        [0, 1, { kind: "text", text: "a < b & 'c'" }],
        [2, 0, { kind: "formula", formula: "_xlfn.XLOOKUP(1,A1:A2,B1:B2)" }],
        [0, 2, { kind: "blank" }],
      ]),
      () => undefined,
    );
    expect(after).toBe(
      SHEET(
        '<row r="1"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1" s="4" t="inlineStr"><is><t xml:space="preserve">a &lt; b &amp; \'c\'</t></is></c><c r="C1" s="5"/></row>' +
          '<row r="3"><c r="A3" s="7"><f>_xlfn.XLOOKUP(1,A1:A2,B1:B2)</f></c></row>',
      ),
    );
  });

  test("new cells land in column order and new rows in row order, also before, between and after rows", () => {
    const before = SHEET('<row r="2"><c r="B2"><v>1</v></c><c r="D2"><v>2</v></c></row><row r="5"><c r="A5"><v>3</v></c></row>');
    const after = writeSheetCells(
      before,
      writes([
        [0, 0, { kind: "number", value: 7 }],
        [1, 0, { kind: "boolean", value: true }],
        [1, 2, { kind: "number", value: 0.5 }],
        [1, 4, { kind: "number", value: -1 }],
        [3, 1, { kind: "text", text: "mid" }],
        [9, 27, { kind: "number", value: 1e21 }],
        [6, 0, { kind: "blank" }],
      ]),
      () => undefined,
    );
    expect(after).toBe(
      SHEET(
        '<row r="1"><c r="A1"><v>7</v></c></row>' +
          '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2"><v>1</v></c><c r="C2"><v>0.5</v></c><c r="D2"><v>2</v></c><c r="E2"><v>-1</v></c></row>' +
          '<row r="4"><c r="B4" t="inlineStr"><is><t xml:space="preserve">mid</t></is></c></row>' +
          '<row r="5"><c r="A5"><v>3</v></c></row>' +
          '<row r="10"><c r="AB10"><v>1e+21</v></c></row>',
      ),
    );
  });

  test("rewriting the first cell of a shared formula gives the group's other cells formulas of their own", () => {
    const before = SHEET(
      '<row r="1"><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>' +
        '<row r="2"><c r="B2" s="1"><f t="shared" si="0"/><v>4</v></c></row>' +
        '<row r="3"><c r="B3"><f t="shared" si="0"/><v>6</v></c><c r="C3"><f t="shared" ref="C3:C4" si="1">A3</f><v>3</v></c></row>',
    );
    const after = writeSheetCells(before, writes([[0, 1, { kind: "number", value: 0 }]]), (row, col) => `A${row + 1}*${col + 1}`);
    expect(after).toContain('<c r="B1"><v>0</v></c>');
    expect(after).toContain('<c r="B2" s="1"><f>A2*2</f></c>');
    expect(after).toContain('<c r="B3"><f>A3*2</f></c>');
    // Another group is left as it was.
    expect(after).toContain('<c r="C3"><f t="shared" ref="C3:C4" si="1">A3</f><v>3</v></c>');
  });

  test("a new sheet holds its cells in a worksheet whose elements are in schema order", () => {
    const xml = newWorksheetXml(writes([[0, 0, { kind: "text", text: "Hello" }]]));
    expect(xml).toContain(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">Hello</t></is></c></row></sheetData>',
    );
    expect(schemaOrderProblems(xml, true)).toEqual([]);
  });
});

describe("StylesEditor", () => {
  const STYLES =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;$&quot;#,##0"/></numFmts><fonts count="1"><font/></fonts>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="2" borderId="1" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf></cellXfs></styleSheet>';

  test("a new number format copies the cell's own format, appended, so its fill, border and alignment stay", () => {
    const styles = new StylesEditor(STYLES);
    expect(styles.styleWith("1", '"$"#,##0')).toBe("1"); // already shows it
    expect(styles.styleWith(undefined, "General")).toBeUndefined();
    expect(styles.styleWith("1", "0%")).toBe("2"); // built-in 9
    expect(styles.styleWith("1", "0%")).toBe("2"); // once
    expect(styles.styleWith(undefined, "m/d/yyyy")).toBe("3"); // a new custom format
    const xml = styles.xml();
    expect(xml).toContain(
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;$&quot;#,##0"/><numFmt numFmtId="165" formatCode="m/d/yyyy"/></numFmts>',
    );
    expect(xml).toContain(
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="2" borderId="1" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf>' +
        '<xf numFmtId="9" fontId="0" fillId="2" borderId="1" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf>' +
        '<xf applyNumberFormat="1" numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
    );
  });

  test("without changes it gives the part back as it was; cell writes use the new style", () => {
    expect(new StylesEditor(STYLES).xml()).toBe(STYLES);
    const styles = new StylesEditor(STYLES);
    const sheet = writeSheetCells(
      SHEET('<row r="1"><c r="A1" s="1"><v>5</v></c></row>'),
      writes([
        [0, 0, { kind: "number", value: 0.3, numberFormat: "0%" }],
        [0, 1, { kind: "number", value: 46000, numberFormat: "m/d/yyyy" }],
      ]),
      () => undefined,
      (style, code) => styles.styleWith(style, code),
    );
    expect(sheet).toContain('<row r="1"><c r="A1" s="2"><v>0.3</v></c><c r="B1" s="3"><v>46000</v></c></row>');
  });
});
