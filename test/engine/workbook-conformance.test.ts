import { createEngine } from "../../src/engine/create-engine";
import { checkWorkbook, valuesAgree } from "../../src/xlsx-reader/check-workbook";
import { loadXlsxIntoEngine } from "../../src/xlsx-reader/engine-load";
import { readXlsx } from "../../src/xlsx-reader/read-xlsx";
import { buildXlsx, f, v, type Fixture } from "./xlsx-fixture";

/**
 * Each class of disagreement with Excel that the reader and the engine layer fix, reproduced with a
 * workbook built here: formulas with the cached values Excel would save. A check that agrees on
 * every cell proves the engine computed what Excel did.
 */
async function check(fixture: Fixture) {
  const model = await readXlsx(await buildXlsx(fixture));
  const hf = createEngine();
  loadXlsxIntoEngine(hf, model);
  const result = checkWorkbook(model, hf);
  const value = (sheet: string, row: number, col: number) => hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
  return { result, value, model };
}

async function expectAllAgree(fixture: Fixture, counted: number) {
  const { result } = await check(fixture);
  expect(result.disagreements).toEqual([]);
  expect(result.counted).toBe(counted);
  expect(result.agreeing).toBe(counted);
}

describe("the xlsx reader", () => {
  test("fills shared formulas from their first cell, moving relative references", async () => {
    const rows =
      v("A1", 1) +
      v("A2", 2) +
      v("A3", 3) +
      f("B1", "A1*$A$1*10", 10, ' t="shared" ref="B1:B3" si="0"') +
      '<c r="B2"><f t="shared" si="0"/><v>20</v></c><c r="B3"><f t="shared" si="0"/><v>30</v></c>';
    const { result, model } = await check({ sheets: [{ name: "S", rows }] });
    expect(model.sheets[0].cells.filter((c) => c.formula).map((c) => c.formula)).toEqual([
      "A1*$A$1*10",
      "A2*$A$1*10",
      "A3*$A$1*10",
    ]);
    expect(result.agreeing).toBe(3);
  });

  test("reads shared and inline strings, an empty cached text (<v/>) and sheet visibility", async () => {
    const rows = '<c r="A1" t="s"><v>0</v></c>' + v("A2", "inline") + '<c r="B1" t="str"><f>IF(A1="x","y","")</f><v/></c>';
    const { result, model } = await check({ sheets: [{ name: "S", rows, state: "hidden" }], sharedStrings: ["Tom & Jerry"] });
    expect(model.sheets[0].cells[0].value).toBe("Tom & Jerry");
    expect(model.sheets[0].state).toBe("hidden");
    expect(result.agreeing).toBe(1);
  });

  test("reads sheet names with apostrophes and spaces, in references too", async () => {
    await expectAllAgree(
      {
        sheets: [
          { name: "Bob's data", rows: v("A1", 5) },
          { name: "Sum", rows: f("A1", "'Bob''s data'!A1*2", 10) },
        ],
      },
      1,
    );
  });
});

describe("defined names", () => {
  test("names the engine would read as cells or not parse at all (Tax2024, AddressLine1, a\\b) work", async () => {
    await expectAllAgree(
      {
        sheets: [{ name: "S", rows: v("A1", 0.2) + v("A2", 100) + f("B1", "A2*Tax2024+AddressLine1+a\\b", 21) }],
        names:
          '<definedName name="Tax2024">S!$A$1</definedName><definedName name="AddressLine1">1</definedName><definedName name="a\\b">S!$A$1*0</definedName>',
      },
      1,
    );
  });

  test("relative and formula-valued names and sheet-local names", async () => {
    await expectAllAgree(
      {
        sheets: [
          {
            name: "S",
            rows: v("A1", 1) + v("A2", 2) + f("B1", "LeftCell*10", 10) + f("B2", "LeftCell*10", 20) + f("C1", "Doubled+Local", 7),
          },
          { name: "T", rows: v("A1", 5) },
        ],
        // Excel saves a relative name as seen from A1: "the cell to the left" is XFD1.
        names:
          '<definedName name="LeftCell">S!XFD1</definedName><definedName name="Doubled">S!$A$2*2</definedName>' +
          '<definedName name="Local" localSheetId="0">3</definedName><definedName name="Local" localSheetId="1">T!$A$1</definedName>',
      },
      3,
    );
  });
});

describe("structured references", () => {
  const tableRows =
    v("A1", "Item") +
    v("B1", "Sales Amount") +
    v("C1", "Double") +
    v("A2", "a") +
    v("B2", 10) +
    f("C2", "Sales[[#This Row],[Sales Amount]]*2", 20) +
    v("A3", "b") +
    v("B3", 30) +
    f("C3", "[@[Sales Amount]]*2", 60) +
    v("A4", "Total") +
    f("B4", "SUBTOTAL(109,[Sales Amount])", 40) +
    f("C4", "SUBTOTAL(101,Sales[Double])", 40);
  test("Table[Col], [#This Row], [@Col], SUBTOTAL over a column, totals and headers, names on them", async () => {
    await expectAllAgree(
      {
        sheets: [
          {
            name: "Data",
            rows: tableRows,
            tables: [{ name: "Sales", ref: "A1:C4", columns: ["Item", "Sales Amount", "Double"], totalsRowCount: 1 }],
          },
          {
            name: "Report",
            rows:
              f("A1", "SUM(Sales[Sales Amount])", 40) +
              f("A2", "Sales[[#Totals],[Double]]", 40) +
              f("A3", "Sales[[#Headers],[Item]]", "Item") +
              f("A4", "ROWS(Sales[#All])", 4) +
              f("A5", "SUM(Amounts)", 40) +
              f("A6", "COUNTA(Sales[[Item]:[Sales Amount]])", 4),
          },
        ],
        names: '<definedName name="Amounts">Sales[Sales Amount]</definedName>',
      },
      10,
    );
  });
});

describe("Excel semantics", () => {
  test("3-D references cover every sheet between the two", async () => {
    await expectAllAgree(
      {
        sheets: [
          { name: "Jan", rows: v("A1", 1) },
          { name: "Feb", rows: v("A1", 2) },
          { name: "Mar", rows: v("A1", 4) },
          { name: "Total", rows: f("A1", "SUM(Jan:Mar!A1)", 7) + f("A2", "SUM('Jan:Feb'!A1:A1)", 3) },
        ],
      },
      2,
    );
  });

  test("an empty cell referenced directly is 0; an empty criterion cell is the criterion 0", async () => {
    await expectAllAgree(
      {
        sheets: [
          {
            name: "S",
            rows:
              v("A1", 0) +
              v("A2", 5) +
              v("A3", 0) +
              v("B1", 1) +
              v("B2", 2) +
              v("B3", 4) +
              f("D1", "C9", 0) +
              f("D2", "SUMIF(A1:A3,C9,B1:B3)", 5) +
              f("D3", "COUNTIFS(A1:A3,C9)", 2) +
              f("D4", "AVERAGEIF(A1:A3,C9,B1:B3)", 2.5),
          },
        ],
      },
      4,
    );
  });

  test("a legacy formula intersects a range with its own row or column; a legacy array formula fits its area", async () => {
    await expectAllAgree(
      {
        sheets: [
          {
            name: "S",
            rows:
              v("A1", 1) +
              v("A2", 2) +
              v("A3", 3) +
              f("B2", "A:A", 2) +
              f("C2", "$A$1:$A$3*10", 20) +
              f("D2", "IFERROR(A1:A3,0)", 2) +
              f("E1", "A1:A3*10", 10, ' t="array" ref="E1:E1"') +
              f("F1", "SUM(A1:A3*10)", 60, ' t="array" ref="F1"') +
              f("G5", "A1:A3", "#VALUE!"),
          },
        ],
      },
      6,
    );
  });

  test("upper-case exponents as Excel writes them into files", async () => {
    await expectAllAgree({ sheets: [{ name: "S", rows: v("A1", 2) + f("B1", "A1*1E-6+2.5E+3", 2500.000002) }] }, 1);
  });

  test("#NULL! is kept as Excel's own error, not flattened", async () => {
    const { result, value } = await check({
      sheets: [{ name: "S", rows: v("A1", "#NULL!") + f("B1", "A1+1", "#NULL!") + f("B2", "ERROR.TYPE(A1)", 1) }],
    });
    expect(result.disagreements.map((d) => d.cell)).toEqual(["S!B2"]); // ERROR.TYPE sees the engine's #ERROR! (README limits)
    expect(value("S", 0, 1)).toMatchObject({ value: "#ERROR!", message: "#NULL!" });
  });
});

describe("functions the engine lacked or got wrong", () => {
  test("TEXT with Excel's format codes, CONCAT, DOLLAR", async () => {
    await expectAllAgree(
      {
        sheets: [
          {
            name: "S",
            rows:
              v("A1", 46113) +
              f("B1", 'TEXT(A1,"mmm-yy")', "Apr-26") +
              f("B2", 'TEXT(0.3,"0%")', "30%") +
              f("B3", 'TEXT(1234567.891,"#,##0.00")', "1,234,567.89") +
              f("B4", 'CONCAT("a",A1,TRUE)', "a46113TRUE") +
              f("B5", "DOLLAR(-1234.567,1)", "($1,234.6)"),
          },
        ],
      },
      5,
    );
  });

  test("lookups: LOOKUP, XMATCH, XLOOKUP (a range of lookup values no longer aborts the file)", async () => {
    await expectAllAgree(
      {
        sheets: [
          {
            name: "S",
            rows:
              v("A1", 1) +
              v("A2", 2) +
              v("A3", 3) +
              v("B1", "x") +
              v("B2", "y") +
              v("B3", "z") +
              f("C1", "LOOKUP(2.5,A1:A3,B1:B3)", "y") +
              f("C2", "XMATCH(3,A1:A3)", 3) +
              f("C3", 'XLOOKUP(9,A1:A3,B1:B3,"none")', "none") +
              f("C4", "XLOOKUP(2,A1:A3,B1:B3)", "y") +
              f("D1", "XLOOKUP(A1:A2,A1:A3,B1:B3)", "x", ' t="array" ref="D1:D2"'),
          },
        ],
      },
      5,
    );
  });

  test("AGGREGATE, AVERAGEIFS, MODE, VDB, CONVERT", async () => {
    await expectAllAgree(
      {
        sheets: [
          {
            name: "S",
            rows:
              v("A1", 4) +
              v("A2", "#DIV/0!") +
              v("A3", 4) +
              v("A4", 10) +
              f("B1", "AGGREGATE(9,6,A1:A4)", 18) +
              f("B2", "AGGREGATE(14,6,A1:A4,1)", 10) +
              f("B3", 'AVERAGEIFS(A3:A4,A3:A4,">3")', 7) +
              f("B4", "MODE(4,1,4,2)", 4) +
              f("B5", "VDB(2400,300,10,0,1)", 480) +
              f("B6", 'CONVERT(1,"km","mi")', 0.621371192237334) +
              f("B7", 'CONVERT(68,"F","C")', 20),
          },
        ],
      },
      7,
    );
  });
});

describe("criteria and loan functions as Excel reads their arguments", () => {
  test("several criteria at once give one result each; AND over a range; AGGREGATE skips hidden rows and nested subtotals", async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1"><v>1</v></c></row>' +
      '<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>b</t></is></c><c r="B2"><v>2</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>a</t></is></c><c r="B3"><v>4</v></c></row>' +
      '<row r="4"><c r="B4"><f>SUBTOTAL(9,B1:B3)</f><v>7</v></c>' +
      '<c r="C4"><f>SUM(SUMIF(A1:A3,{"a","b"},B1:B3))</f><v>7</v></c><c r="D4" t="b"><f>AND(B1:B3)</f><v>1</v></c>' +
      '<c r="E4"><f>AGGREGATE(9,5,B1:B3)</f><v>5</v></c><c r="F4"><f>AGGREGATE(9,0,B1:B4)</f><v>7</v></c></row>';
    await expectAllAgree({ sheets: [{ name: "S", rows }] }, 5);
  });

  test("IPMT, PPMT and PMT refuse what Excel refuses; CUMIPMT and DB take fractional periods as Excel does", async () => {
    await expectAllAgree(
      {
        sheets: [
          {
            name: "S",
            rows:
              f("A1", "IPMT(0.1,0,3,8000)", "#NUM!") +
              f("A2", "PPMT(0.1,5,3,8000)", "#NUM!") +
              f("A3", "PMT(-1,5,100)", "#NUM!") +
              f("A4", "DB(100,10,4,0)", "#NUM!") +
              f("A5", "DB(100,10,4,3,9.2222)", 16.5293754) +
              f("A6", "DDB(100,10.233,4.2312,3.2,1.5)", 13.532735530775124) +
              f("A7", "ROUND(PMT(0.1,3,8000),6)", -3216.918429),
          },
        ],
      },
      7,
    );
  });
});

describe("comparison", () => {
  test("numbers agree within a relative 1e-9, text exactly, errors by code", () => {
    expect(valuesAgree(1e6, 1e6 + 1e-4)).toBe(true);
    expect(valuesAgree(1, 1.00001)).toBe(false);
    expect(valuesAgree(0, 1e-13)).toBe(true);
    expect(valuesAgree("a", "A")).toBe(false);
    expect(valuesAgree({ error: "#N/A" }, { error: "#N/A" })).toBe(true);
  });

  test("volatile cells and their dependents are listed apart, not counted; a wrong cached value is a disagreement", async () => {
    const { result } = await check({
      sheets: [
        { name: "S", rows: v("A1", 2) + f("B1", "NOW()", 1) + f("B2", "B1+1", 2) + f("C1", "A1*2", 5) + f("C2", "A1*3", 6) },
      ],
    });
    expect(result.volatile.map((c) => c.cell)).toEqual(["S!B1", "S!B2"]);
    expect(result.counted).toBe(2);
    expect(result.disagreements).toEqual([{ cell: "S!C1", formula: "=A1*2", excel: 5, ours: 4, reason: "different value" }]);
  });
});
