import { createEngine } from "../../src/engine/create-engine";
import { checkWorkbook } from "../../src/workbook/check-workbook";
import { loadXlsxIntoEngine } from "../../src/workbook/xlsx-engine";
import { readXlsx } from "../../src/workbook/xlsx-reader/read-xlsx";
import { buildXlsx, f, v, type Fixture } from "./xlsx-fixture";

/**
 * Classes of disagreement with Excel closed in our function plugin, each reproduced with a workbook
 * built here: formulas with the values Excel caches for them. Every cell agreeing proves the engine
 * computed what Excel did.
 */
async function expectAllAgree(fixture: Fixture, counted: number) {
  const model = await readXlsx(await buildXlsx(fixture));
  const hf = createEngine();
  loadXlsxIntoEngine(hf, model);
  const result = checkWorkbook(model, hf);
  expect(result.disagreements).toEqual([]);
  expect(result.counted).toBe(counted);
  hf.destroy();
}

const sheet = (rows: string): Fixture => ({ sheets: [{ name: "S", rows }] });

describe("CHAR and CODE use the character set of the Excel that saved the file", () => {
  const cells = f("A1", "CHAR(128)", "€") + f("A2", 'CODE("€")', 128) + f("A3", "CHAR(233)", "é") + f("A4", "CHAR(0)", "#VALUE!");

  test("Excel for Windows: code page 1252", async () => {
    await expectAllAgree({ ...sheet(cells), application: "Microsoft Excel" }, 4);
    await expectAllAgree(sheet(cells), 4);
  });

  test("Excel for Mac: Mac Roman, also through UNICODE", async () => {
    const mac =
      f("A1", "CHAR(128)", "Ä") +
      f("A2", "CHAR(157)", "ù") +
      f("A3", 'CODE("Ä")', 128) +
      f("A4", "UNICODE(CHAR(128))", 196) +
      f("A5", "CHAR(219)", "€");
    await expectAllAgree({ ...sheet(mac), application: "Microsoft Macintosh Excel" }, 5);
  });
});

describe("statistics the engine lacked", () => {
  test("PERMUT, PERMUTATIONA, KURT, TRIMMEAN, PROB, PERCENTRANK.EXC, INTERCEPT, BINOM.DIST.RANGE", async () => {
    const rows =
      v("A1", 4) +
      v("A2", 0.1) +
      v("A3", 0.2) +
      v("A4", 0.3) +
      v("A5", 5) +
      v("A6", "text is skipped") +
      f("B1", "PERMUT(10,2.3)", 90) +
      f("B2", "PERMUTATIONA(10,2.3)", 100) +
      f("B3", "PERMUT(0,1)", "#NUM!") +
      f("B4", "KURT(A1:A6)", -2.7514684363561024) +
      f("B5", 'KURT(A1:A5,"")', "#VALUE!") +
      f("B6", "TRIMMEAN({1,2,3,4,100},0.4)", 3) +
      f("B7", "PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.1},0,5)", 1.0000000000000002) +
      f("B8", "PROB({1,2,3,4,5},{0.1,0.2,0.3,0.2,0.1},1)", "#NUM!") +
      f("B9", "PERCENTRANK.EXC({1,2,3,4,5},4)", 0.666) +
      f("B10", "INTERCEPT({0,0.1,0.2},{0.2,0.3,-0.1})", 0.14615384615384616) +
      f("B11", "BINOM.DIST.RANGE(5,0.1,0.2,FALSE)", 0.59049) +
      f("B12", 'BINOM.DIST.RANGE(3,-1,0.2,"TRUE")', "#VALUE!") +
      f("B13", 'PERMUT("1900-03-01",1)', 61);
    await expectAllAgree(sheet(rows), 13);
  });
});

describe("text search the engine lacked", () => {
  test("REGEXTEST, REGEXEXTRACT, REGEXREPLACE, TEXTBEFORE, TEXTAFTER, TEXTSPLIT, ASC", async () => {
    const list = '"1,2,3,4,5,6,7,8"';
    const rows =
      f("A1", 'REGEXTEST("ciao","^ciaO$",1)', true) +
      f("A2", 'REGEXTEST("ciao","^ciaO$")', false) +
      f("A3", 'REGEXTEST("1","^\\d+$",2)', "#VALUE!") +
      f("A4", 'REGEXEXTRACT("10 apples, 12 oranges","[0-9]+")', "10") +
      f("A5", 'REGEXEXTRACT("pears","[0-9]+")', "#N/A") +
      f("A6", 'REGEXREPLACE("10","^\\d+$","pi")', "pi") +
      f("A7", `TEXTBEFORE(${list},{"3","4"},2)`, "1,2,3,") +
      f("A8", `TEXTBEFORE(${list},{"3","4"},-1)`, "1,2,3,") +
      f("A9", `TEXTAFTER(${list},{"3","4"},1.9)`, ",4,5,6,7,8") +
      f("A10", `TEXTAFTER(${list},{"3","4"},10)`, "#N/A") +
      f("A11", `TEXTAFTER(${list},{"3","4"},0)`, "#VALUE!") +
      f("A12", 'TEXTSPLIT("123434,43r23123-1,2.3",2.3)', "123434,43r23123-1,") +
      f("A13", 'TEXTSPLIT("abc","")', "#VALUE!") +
      f("A14", 'ASC("ＡＢＣ１")', "ABC1");
    await expectAllAgree(sheet(rows), 14);
  });
});

describe("complex numbers written as Excel writes them", () => {
  test("15 significant digits, the inputs' suffix, no unit coefficient; mixed suffixes and ranges refused", async () => {
    const rows =
      v("A1", "7+25j") +
      v("A2", "13+5j") +
      v("A3", "-3+2i") +
      v("A4", true) +
      f("B1", 'IMSUM(A1:A2,"3.1+2j")', "23.1+32j") +
      f("B2", "IMSUM(A2,A3)", "#VALUE!") +
      f("B3", "IMDIV(A2,A3)", "#NUM!") +
      f("B4", "IMCOS(A1)", "27142327967.109-23653126953.379j") +
      f("B5", "IMTAN(A1)", "3.82126757337684E-22+j") +
      f("B6", 'IMEXP("-13+25j")', "2.24044486393732E-06-2.99158552811404E-07j") +
      f("B7", 'COMPLEX(99,-1,"j")', "99-j") +
      f("B8", "IMABS(A4)", "#VALUE!") +
      f("B9", "IMABS(A1:A2)", "#VALUE!") +
      f("B10", 'IMABS("yvj")', "#NUM!") +
      f("B11", "IMCONJUGATE(A3)", "-3-2i");
    await expectAllAgree(sheet(rows), 11);
  });
});

describe("array shapes, ISREF, NORMSDIST and table lookups over array constants", () => {
  test("MUNIT, EXPAND, TAKE, DROP", async () => {
    const m = "{1,2,3;4,5,6;7,8,9}";
    const rows =
      f("A1", "SUM(MUNIT(3))", 3) +
      f("A2", "MUNIT(0)", "#VALUE!") +
      f("A3", "SUM(EXPAND({1},2,2,0))", 1) +
      f("A4", "EXPAND({1,2},1,1)", "#VALUE!") +
      f("A5", `SUM(TAKE(${m},-2))`, 39) +
      f("A6", `SUM(DROP(${m},1,1))`, 28) +
      f("A7", `DROP(${m},4)`, "#VALUE!") +
      f("A8", `TAKE(${m},0)`, "#VALUE!");
    await expectAllAgree(sheet(rows), 8);
  });

  test("ISREF knows a reference; NORMSDIST takes one argument", async () => {
    const rows =
      v("A1", "#N/A") +
      f("B1", "ISREF(A1)", true) +
      f("B2", "ISREF(A1:A3)", true) +
      f("B3", "ISREF(1)", false) +
      f("B4", "NORMSDIST(-0.1)", 0.46017216272297101) +
      f("B5", "NORMSDIST(3)", 0.9986501019683699);
    await expectAllAgree(sheet(rows), 5);
  });

  test("VLOOKUP and HLOOKUP over array constants, exact and approximate", async () => {
    const table = "{-1.1,5;2.1,6;3.1,7;4.1,8}";
    const rows =
      f("A1", `VLOOKUP(2.1,${table},2,0)`, 6) +
      f("A2", `VLOOKUP(3,${table},2,-2)`, 6) +
      f("A3", `VLOOKUP(3,${table},2,FALSE)`, "#N/A") +
      f("A4", `VLOOKUP(3,${table},3)`, "#REF!") +
      f("A5", `VLOOKUP(3,${table},0)`, "#VALUE!") +
      f("A6", "HLOOKUP(4.1,{-1.1,2.1,3.1,4.1;5,6,7,8},2,0)", 8) +
      f("A7", 'VLOOKUP("b*",{"abc",1;"BCD",2},2,FALSE)', 2);
    await expectAllAgree(sheet(rows), 7);
  });
});

describe("dates before 1900-03-01 as Excel's calendar has them", () => {
  test("DATE, YEAR, MONTH, DAY: serial 0 is 1900-01-00, 60 is the fictitious 1900-02-29, outside 0–2958465 is #NUM!", async () => {
    const rows =
      f("A1", "DATE(0,1,0)", 0) +
      f("A2", "DATE(1,0,0)", 335) +
      f("A3", "DATE(1900,2,29)", 60) +
      f("A4", "DATE(1900,1,1)", 1) +
      f("A5", "DATE(0.9,0.9,0.9)", "#NUM!") +
      f("B1", "YEAR(0)", 1900) +
      f("B2", "MONTH(0.7)", 1) +
      f("B3", "DAY(0)", 0) +
      f("B4", "DAY(60)", 29) +
      f("B5", "MONTH(60)", 2) +
      f("B6", "DAY(-1)", "#NUM!") +
      f("B7", "DAY(2958466)", "#NUM!") +
      f("B8", 'YEAR("600")', 1901);
    await expectAllAgree(sheet(rows), 13);
  });
});

describe("TEXT where Excel refuses or drops a sign", () => {
  test("a date format with digit placeholders or a number that is no date is #VALUE!; a negative rounded to 0 has no sign", async () => {
    const rows =
      f("A1", 'TEXT(55321,"mm###")', "#VALUE!") +
      f("A2", 'TEXT(-1,"m/d/y")', "#VALUE!") +
      f("A3", 'TEXT(2958466,"dd/mm--yy")', "#VALUE!") +
      f("A4", 'TEXT(2958465,"m/d/y")', "12/31/99") +
      f("A5", 'TEXT(-1/3,"#,##0")', "0") +
      f("A6", 'TEXT(-12,"#,##0")', "-12") +
      f("A7", 'TEXT(-0.2,"0;(0)")', "(0)");
    await expectAllAgree(sheet(rows), 7);
  });
});

describe("an error as a criterion", () => {
  test("COUNTIF, COUNTIFS, SUMIF and AVERAGEIF match the cells holding that error", async () => {
    const rows =
      v("A1", "#N/A") +
      v("A2", 1) +
      v("A3", "#N/A") +
      v("B1", "#DIV/0!") +
      v("B2", 5) +
      v("B3", 7) +
      f("C1", "COUNTIF(A1:A3,A1)", 2) +
      f("C2", "COUNTIFS(A1:A3,A1,B1:B3,B1)", 1) +
      f("C3", "COUNTIF(A1:A3,1/0)", 0) +
      f("C4", "SUMIF(A1:A3,A1,B1:B3)", "#DIV/0!") +
      f("C5", "SUMIF(A2:A3,A3,B2:B3)", 7) +
      f("C6", "AVERAGEIF(A2:A3,A3,B2:B3)", 7);
    await expectAllAgree(sheet(rows), 6);
  });
});

describe("least-squares regression", () => {
  test("LINEST, LOGEST, TREND and GROWTH, with and without an intercept; sizes that do not fit and non-numbers refused", async () => {
    const y = "{2;3;4;21;2}";
    const x = "{2,1;2,2;5,3;2,4;4,1}";
    const rows =
      f("A1", "LINEST({4,0.1,0.2})", -1.9) +
      f("A2", "LINEST({0.2,0.3,5},{4,0.1,0.2},0,0)", 0.11401869158878508) +
      f("A3", "LOGEST({4,0.1,0.2},{0.2,0.3,5},0,0)", 0.71413909436484291) +
      f("A4", `TREND(${y},${x},{4,0.1})`, -6.594117647058825) +
      f("A5", `GROWTH(${y},${x},{4,0.1})`, 0.7854753011891914) +
      f("A6", "INDEX(LINEST({1;2;4},{1;2;3},TRUE,TRUE),3,1)", 0.9642857142857143) +
      f("A7", "LINEST({1,2,3},{1,2})", "#REF!") +
      f("A8", 'TREND({1,2,3},{1,"x",3})', "#VALUE!");
    await expectAllAgree(sheet(rows), 8);
  });
});
