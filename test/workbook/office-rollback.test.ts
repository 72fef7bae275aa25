import { applyPlanToExcel } from "../../src/workbook/appliers/office";
import { restoredEntry } from "../../src/workbook/appliers/office-snapshot";
import { emptyPlan, formula, num, text, type WorkbookPlan } from "../../src/workbook/plan";
import { enterCell, FakeExcel, type FakeSheet } from "./excel-mock";

/**
 * Issue 9 item 6: a failed write into an existing sheet puts back exactly what was there. The
 * hostile cells are the ones `range.formulas` alone gets wrong (office-js issue 6687: reading it
 * drops the quote prefix), plus a date (a number with a date format) and a live formula.
 */
function hostileSheet(excel: FakeExcel): FakeSheet {
  const sheet = excel.sheet("Data")!;
  const put = (address: string, entry: unknown, numberFormat?: string) => {
    sheet.cells.set(address, enterCell(entry)!);
    if (numberFormat) sheet.numberFormats.set(address, numberFormat);
  };
  put("A1", "'=AVERAGE(A1)");
  put("A2", "'00123");
  put("A3", 45_000, "yyyy-mm-dd");
  put("A4", "=SUM(1,2)", "0.00");
  sheet.cells.set("A4", { kind: "formula", formula: "=SUM(1,2)", value: 3 });
  put("A5", "Acme");
  put("A6", true);
  put("A7", "#N/A");
  put("B1", "'+44 20 7946 0000");
  put("B2", 0.25, "0%");
  sheet.formats.set("A1", { "font.bold": true, "fill.color": "#FFFF00" });
  sheet.formats.set("B2", { "font.italic": true, horizontalAlignment: "Right" });
  return sheet;
}

function overwritingPlan(): WorkbookPlan {
  const plan = emptyPlan("test table");
  plan.sheets.push({
    name: "Data",
    target: "existing",
    blocks: [
      {
        at: "A1",
        cells: Array.from({ length: 8 }, (_, r) => [num(r), r % 2 ? formula(`=A${r + 1}*2`) : text(`new ${r}`)]),
      },
    ],
    numberFormats: [{ range: "A1:B8", format: "0.0" }],
    cellStyles: [{ range: "A1:B8", bold: false, fill: "#DDEEFF", horizontal: "center" }],
  });
  plan.settings.push({ key: "pe.test", json: "{}" });
  return plan;
}

function state(sheet: FakeSheet): unknown {
  return JSON.parse(
    JSON.stringify({
      // A formula's result is Excel's to recalculate (the mock does not): compare its text.
      cells: [...sheet.cells.entries()]
        .map(([key, cell]) => [key, cell.kind === "formula" ? { ...cell, value: undefined } : cell])
        .sort(),
      numberFormats: [...sheet.numberFormats.entries()].sort(),
      formats: [...sheet.formats.entries()]
        .map(([key, format]) => [
          key,
          Object.fromEntries(Object.entries(format).filter(([, v]) => v !== undefined && v !== null)),
        ])
        .filter(([, format]) => Object.keys(format).length > 0)
        .sort(),
    }),
  );
}

describe("rollback of a write into an existing sheet", () => {
  test("restores every cell's value, type, formula, number format and format", async () => {
    const excel = new FakeExcel(["Data"]);
    const sheet = hostileSheet(excel);
    const before = state(sheet);

    excel.failOn({ callStartsWith: "settings.add(pe.test)", mode: "sync" });
    await expect(applyPlanToExcel(excel.run, overwritingPlan(), { overwrite: true })).rejects.toThrow(
      /could not write the test table: .*; the workbook was put back as it was/,
    );

    expect(state(sheet)).toEqual(before);
    // The cells range.formulas alone would have turned into a formula and a number:
    expect(sheet.cells.get("A1")).toEqual({ kind: "text", value: "=AVERAGE(A1)", quotePrefix: true });
    expect(sheet.cells.get("A2")).toEqual({ kind: "text", value: "00123", quotePrefix: true });
    expect(sheet.cells.get("A3")).toEqual({ kind: "number", value: 45_000 });
    expect(sheet.numberFormats.get("A3")).toBe("yyyy-mm-dd");
    expect(sheet.cells.get("A4")).toMatchObject({ kind: "formula", formula: "=SUM(1,2)" });
    expect(sheet.cells.get("A7")).toEqual({ kind: "error", value: "#N/A" });
    expect(sheet.cells.has("A8")).toBe(false);
  });

  test("the preflight reads values, valueTypes, formulas and numberFormat, and formats where styles change", async () => {
    const excel = new FakeExcel(["Data"]);
    hostileSheet(excel);
    excel.failOn({ callStartsWith: "settings.add(pe.test)", mode: "sync" });
    await expect(applyPlanToExcel(excel.run, overwritingPlan(), { overwrite: true })).rejects.toThrow();
    const preflight = excel.calls.slice(0, excel.calls.indexOf("sync"));
    expect(preflight).toContain("Data!A1:B8.load(values, valueTypes, formulas, numberFormat)");
    expect(preflight).toContain("Data!A1:B8.getCellProperties");
  });

  test("the write itself changed the cells before the failure (so the restore did the work)", async () => {
    const excel = new FakeExcel(["Data"]);
    const sheet = hostileSheet(excel);
    excel.failOn({ callStartsWith: "settings.add(pe.test)", mode: "call" });
    await expect(applyPlanToExcel(excel.run, overwritingPlan(), { overwrite: true })).rejects.toThrow();
    const writes = excel.calls.slice(excel.calls.indexOf("sync") + 1);
    expect(writes.some((c) => c.startsWith("Data!A1:B8.formulas") || c.startsWith("Data!A1:A8.formulas"))).toBe(true);
    expect(excel.calls.filter((c) => c === "Data!A1:B8.setCellProperties")).toHaveLength(1);
    expect(sheet.cells.get("A1")).toEqual({ kind: "text", value: "=AVERAGE(A1)", quotePrefix: true });
  });
});

describe("rollback of tables a failed write added", () => {
  test("a table on a new sheet goes with the sheet (tables are planned on new sheets only)", async () => {
    const excel = new FakeExcel(["Data"]);
    hostileSheet(excel);
    const plan = overwritingPlan();
    plan.sheets.push({
      name: "Added",
      target: "new",
      blocks: [{ at: "A2", cells: [[text("Acme"), num(1)]] }],
      tables: [{ name: "AddedSheetTable", range: "A1:B2", columns: ["Partner", "Score"] }],
    });
    excel.failOn({ callStartsWith: "settings.add(pe.test)", mode: "sync" });
    await expect(applyPlanToExcel(excel.run, plan, { overwrite: true })).rejects.toThrow(/put back as it was/);
    expect(excel.calls).toContain("worksheets.delete(Added)");
    expect(excel.tables).toEqual([]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Data"]);
  });
});

describe("restoredEntry", () => {
  test.each([
    ["=AVERAGE(A1)", "String", "=AVERAGE(A1)", "'=AVERAGE(A1)"],
    ["00123", "String", "00123", "'00123"],
    ["Acme", "String", "Acme", "Acme"],
    [3, "Double", "=SUM(1,2)", "=SUM(1,2)"],
    ["Yes", "String", '=IF(TRUE,"Yes")', '=IF(TRUE,"Yes")'],
    [45_000, "Double", 45_000, 45_000],
    [true, "Boolean", true, true],
    ["#N/A", "Error", "#N/A", "#N/A"],
    ["", "Empty", "", ""],
  ])("%p (%s, formula %p) is entered as %p", (value, type, formulaText, entry) => {
    expect(restoredEntry(value, type, formulaText)).toEqual(entry);
  });
});
