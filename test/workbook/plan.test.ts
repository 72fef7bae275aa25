import fc from "fast-check";
import {
  absoluteAddress,
  cellAddress,
  columnIndex,
  columnLetters,
  parseCell,
  parseRange,
  quoteSheetName,
  rangeAddress,
  rangesOverlap,
  sheetQualifiedAddress,
} from "../../src/workbook/a1";
import { resolvePlan } from "../../src/workbook/appliers/common";
import { definedNameProblem, uniqueDefinedName } from "../../src/workbook/defined-names";
import { renameSheetInFormula } from "../../src/workbook/formula-refs";
import { blank, bool, emptyPlan, formula, num, text, userValue, type WorkbookPlan } from "../../src/workbook/plan";
import { sanitizeSheetName, sheetNameProblem, uniqueSheetName } from "../../src/workbook/sheet-names";
import { asEnteredText, looksLikeFormula, needsQuotePrefix } from "../../src/workbook/text-safety";
import { assertValidPlan, PlanError, validatePlan } from "../../src/workbook/validate-plan";

describe("A1 addresses", () => {
  test("columns convert both ways at the alphabet's edges", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(["A", "z", "AA", "XFD"].map(columnIndex)).toEqual([0, 25, 26, 16383]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (i) => columnIndex(columnLetters(i)) === i));
    expect(() => columnIndex("XFE")).toThrow(/beyond XFD/);
  });

  test("cells and ranges parse, normalise and print", () => {
    expect(parseCell("$B$8")).toEqual({ row: 7, col: 1 });
    expect(parseRange("F12:B8")).toEqual({ start: { row: 7, col: 1 }, end: { row: 11, col: 5 } });
    expect(rangeAddress(parseRange("B8"))).toBe("B8");
    expect(cellAddress({ row: 0, col: 0 }, true)).toBe("$A$1");
    expect(absoluteAddress("B3:F3")).toBe("$B$3:$F$3");
    expect(() => parseCell("B0")).toThrow(/outside 1\.\.1048576/);
    expect(() => parseRange("A1:B2:C3")).toThrow(/not a range/);
    expect(rangesOverlap(parseRange("A1:B2"), parseRange("B2:C3"))).toBe(true);
    expect(rangesOverlap(parseRange("A1:B2"), parseRange("C1:C9"))).toBe(false);
  });

  test("sheet names are quoted in references when they need it", () => {
    expect(quoteSheetName("Qualification")).toBe("Qualification");
    expect(quoteSheetName("Qualification (2)")).toBe("'Qualification (2)'");
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheetName("AB12")).toBe("'AB12'");
    expect(quoteSheetName("2024")).toBe("'2024'");
    expect(sheetQualifiedAddress("My sheet", "B5")).toBe("'My sheet'!$B$5");
  });
});

describe("uniqueSheetName", () => {
  test("keeps a free name, numbers a taken one ignoring case", () => {
    expect(uniqueSheetName("Qualification", ["Sheet1"])).toBe("Qualification");
    expect(uniqueSheetName("Qualification", ["QUALIFICATION"])).toBe("Qualification (2)");
    expect(uniqueSheetName("Qualification", ["Qualification", "qualification (2)"])).toBe("Qualification (3)");
  });

  test("stays within 31 characters when adding the number", () => {
    const long = "Partner qualification matrix 2025";
    const first = uniqueSheetName(long, []);
    expect(first).toBe("Partner qualification matrix 20");
    const second = uniqueSheetName(long, [first]);
    expect(second).toBe("Partner qualification matri (2)");
    expect(second.length).toBeLessThanOrEqual(31);
  });

  test("replaces the characters Excel forbids and avoids reserved names", () => {
    expect(sanitizeSheetName("Q1/Q2: [draft]*?\\")).toBe("Q1-Q2- -draft----");
    expect(sanitizeSheetName("'quoted'")).toBe("quoted");
    expect(sanitizeSheetName("   ")).toBe("Sheet");
    expect(sanitizeSheetName("history")).toBe("history sheet");
    expect(sheetNameProblem("a:b")).toMatch(/contains :/);
    expect(sheetNameProblem("x".repeat(32))).toMatch(/32 characters long; Excel allows 31/);
  });

  test("always returns a legal name not in the list", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 33 }), { maxLength: 8 }), (base, existing) => {
        const name = uniqueSheetName(base, existing);
        return sheetNameProblem(name) === null && !existing.some((e) => e.toUpperCase() === name.toUpperCase());
      }),
    );
  });
});

describe("defined names", () => {
  test("follow Excel's rules", () => {
    expect(definedNameProblem("Qual_Weights")).toBeNull();
    expect(definedNameProblem("_x.y")).toBeNull();
    expect(definedNameProblem("AB12")).toMatch(/looks like a cell reference/);
    expect(definedNameProblem("R1C1")).toMatch(/looks like a cell reference/);
    expect(definedNameProblem("1abc")).toMatch(/not a valid name/);
    expect(definedNameProblem("has space")).toMatch(/not a valid name/);
    expect(uniqueDefinedName("Matrix", ["MATRIX", "matrix2"])).toBe("Matrix3");
  });
});

describe("text safety", () => {
  test("text a host would parse gets the quote prefix; plain words do not", () => {
    for (const risky of [
      "=cmd|' /C calc'!A0",
      "+1",
      "-1",
      "@SUM(A1)",
      "12",
      "5%",
      "$3",
      "1/2",
      "TRUE",
      "false",
      "#N/A",
      "'x",
      " =x",
      "Tier 1",
      "Mar 5 2024",
    ]) {
      expect(needsQuotePrefix(risky)).toBe(true);
      expect(asEnteredText(risky)).toBe(`'${risky}`);
    }
    for (const plain of ["Acme", "Acme, Inc.", "Zürich AG", "Strategic fit", "Not qualified", "Tier stable?"]) {
      expect(asEnteredText(plain)).toBe(plain);
    }
    expect(asEnteredText("")).toBe("");
    expect(looksLikeFormula("  =1")).toBe(true);
    expect(looksLikeFormula("Acme")).toBe(false);
  });

  test("every string either is left alone because it starts with a letter and has no digit, or is prefixed", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const entered = asEnteredText(s);
        if (entered === s) return s === "" || (/^\p{L}/u.test(s) && !/\p{Nd}/u.test(s) && !/^(true|false)$/i.test(s.trim()));
        return entered === `'${s}`;
      }),
    );
  });
});

describe("renameSheetInFormula", () => {
  test("renames quoted and plain prefixes of that sheet only, never inside strings", () => {
    expect(renameSheetInFormula("=Qualification!B5*2", "Qualification", "Qualification (2)")).toBe("='Qualification (2)'!B5*2");
    expect(renameSheetInFormula("='My sheet'!A1+'my SHEET'!B2", "My sheet", "Other")).toBe("=Other!A1+Other!B2");
    expect(renameSheetInFormula('="Qualification!B5"&Qualification!B5', "Qualification", "Other")).toBe(
      '="Qualification!B5"&Other!B5',
    );
    expect(renameSheetInFormula("=Data!A1", "Data", "Q2")).toBe("='Q2'!A1");
    expect(renameSheetInFormula("=SUM(Data!A1:A3)+MyQualification!A1", "Qualification", "X")).toBe(
      "=SUM(Data!A1:A3)+MyQualification!A1",
    );
  });

  test("a quoted name with quotes or brackets inside, and a name that is not followed by !", () => {
    expect(renameSheetInFormula("='Bob''s plan'!A1+'Bob''s plan [old]'!A1", "Bob's plan", "Plan")).toBe(
      "=Plan!A1+'Bob''s plan [old]'!A1",
    );
    expect(renameSheetInFormula("=Data+Data!A1+'Data'", "Data", "Q")).toBe("=Data+Q!A1+'Data'");
    expect(renameSheetInFormula("=Data_2!A1+Data.x!A1", "Data", "Q")).toBe("=Data_2!A1+Data.x!A1");
  });
});

function onePlan(): WorkbookPlan {
  const plan = emptyPlan("test plan");
  plan.sheets.push({
    name: "Data",
    blocks: [
      { at: "A1", cells: [[text("=not a formula"), num(1), bool(true), formula("SUM(B1:B1)"), blank()]] },
      { at: "A3", cells: [[userValue("x")], [userValue(null)], [userValue(3)]] },
    ],
    tables: [{ name: "T", range: "C3:D5", columns: ["One", "Two"] }],
  });
  plan.names.push({ name: "First", sheet: "Data", range: "B1" });
  plan.settings.push({ key: "k", json: '{"a":1}' });
  return plan;
}

describe("WorkbookPlan", () => {
  test("content constructors keep user text typed as text and formulas explicit", () => {
    expect(text("=1+1")).toEqual({ kind: "text", text: "=1+1" });
    expect(userValue("=1+1")).toEqual({ kind: "text", text: "=1+1" });
    expect(userValue("")).toEqual({ kind: "blank" });
    expect(formula("SUM(A1)")).toEqual({ kind: "formula", formula: "=SUM(A1)" });
  });

  test("a plan is plain data: it survives JSON unchanged and stays valid", () => {
    const plan = onePlan();
    const copy = JSON.parse(JSON.stringify(plan)) as WorkbookPlan;
    expect(copy).toEqual(plan);
    expect(validatePlan(copy)).toEqual([]);
  });

  test("the validator names each problem and where it is", () => {
    const plan = onePlan();
    plan.sheets.push({ name: "data", blocks: [] });
    plan.sheets[0].blocks.push({ at: "B1", cells: [[num(Number.NaN), { kind: "formula", formula: "SUM(1)" }], [num(1)]] });
    plan.sheets[0].blocks.push({ at: "E1", cells: [[num(1), num(2)]] });
    plan.sheets[0].tables!.push({ name: "t", range: "F1:G1", columns: ["A", "a", "extra"] });
    plan.names.push({ name: "first", sheet: "Nope", range: "B1:" });
    plan.settings.push({ key: "k", json: "{" });
    const messages = validatePlan(plan).map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'sheets[1].name: sheet name "data" is used twice in the plan (also sheets[0])',
        "sheets[0].blocks[2].cells[1]: has 1 cells but row 0 has 2: blocks are rectangles",
        "sheets[0].blocks[3]: overlaps sheets[0].blocks[0]: every cell is written by exactly one block",
        "sheets[0].tables[1].range: a table needs its header row and at least one data row",
        "sheets[0].tables[1].columns: 3 column names for a range 2 columns wide",
        'sheets[0].tables[1].columns[1]: column "a" appears twice',
        'sheets[0].tables[1].name: table name "t" is used twice in the plan',
        'names[1].name: name "first" is defined twice in the plan',
        'names[1].sheet: name "first" refers to sheet "Nope", which the plan does not have',
        'settings[1].key: setting "k" appears twice',
        'settings[1].json: setting "k" is not valid JSON text',
      ]),
    );
    expect(() => assertValidPlan(plan)).toThrow(PlanError);
  });

  test("content problems are found cell by cell", () => {
    const plan = emptyPlan("cells");
    plan.sheets.push({
      name: "S",
      blocks: [{ at: "A1", cells: [[num(Infinity), { kind: "formula", formula: "SUM(1)" }, { kind: "weird" } as never]] }],
    });
    expect(validatePlan(plan).map((i) => i.path)).toEqual([
      "sheets[0].blocks[0].cells[0][0]",
      "sheets[0].blocks[0].cells[0][1]",
      "sheets[0].blocks[0].cells[0][2]",
    ]);
  });

  test("existing-sheet targets may only carry cells, number formats and styles", () => {
    const plan = emptyPlan("into a sheet");
    plan.sheets.push({
      name: "S",
      target: "existing",
      blocks: [],
      charts: [{ type: "pie", source: "A1:B3", title: "x", from: "D1", to: "H9" }],
    });
    expect(validatePlan(plan)).toEqual([
      {
        path: "sheets[0].charts",
        message: "charts can only be planned on a new sheet: writing them into an existing sheet could not be undone cleanly",
      },
    ]);
  });

  test("resolving against a workbook renames taken sheets and rewrites formulas that named them", () => {
    const plan = onePlan();
    plan.sheets.push({ name: "Summary", blocks: [{ at: "A1", cells: [[formula("=Data!B1*2")]] }] });
    const resolved = resolvePlan(plan, { sheetNames: ["DATA"], definedNames: [], tableNames: ["t"] });
    expect(resolved.sheetNames).toEqual({ Data: "Data (2)", Summary: "Summary" });
    expect(resolved.plan.sheets[1].blocks[0].cells[0][0]).toEqual({ kind: "formula", formula: "='Data (2)'!B1*2" });
    expect(resolved.plan.names[0].sheet).toBe("Data (2)");
    expect(resolved.tableNames).toEqual({ T: "T2" });
    expect(plan.sheets[0].name).toBe("Data");
  });
});
