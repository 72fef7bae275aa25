import { applyPlanToExcel, findExcelConflicts, SYNCS_PER_APPLY } from "../../src/workbook/appliers/office";
import { PlanApplyError, PlanConflictError } from "../../src/workbook/appliers/common";
import { buildQualificationPlan, QUALIFICATION_SETTINGS_KEY } from "../../src/workbook/models/qualification";
import { emptyPlan, num, text, type WorkbookPlan } from "../../src/workbook/plan";
import { FakeExcel } from "./excel-mock";

const INJECTIONS = ["=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)", "'quoted", "TRUE", "12", "5%", "#N/A"];

function partners(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Partner ${i + 1}`);
}

function matrixPlan(names: string[], existing: string[] = []): WorkbookPlan {
  return buildQualificationPlan({ partners: names }, existing).plan;
}

describe("applyPlanToExcel with the qualification matrix", () => {
  test("reads, checks, then writes everything in one more sync, in a fixed order", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    const summary = await applyPlanToExcel(excel.run, matrixPlan(["Acme", "Globex"]));

    expect(excel.syncCount).toBe(SYNCS_PER_APPLY);
    const firstSync = excel.calls.indexOf("sync");
    expect(excel.calls.slice(0, firstSync)).toEqual([
      "worksheets.load(items/name)",
      "names.load(items/name)",
      "tables.load(items/name)",
    ]);
    const writes = excel.calls.slice(firstSync + 1);
    expect(writes[0]).toBe("worksheets.add(Qualification)");
    expect(writes[writes.length - 1]).toBe("sync");
    const position = (prefix: string) => writes.findIndex((c) => c.startsWith(prefix));
    // the header row, then the table over it, then the cells whose formulas name the table (a
    // structured reference is only valid once the table exists); names before settings, activation last
    expect(position("Qualification!A10:L10.formulas")).toBeGreaterThan(0);
    expect(position("Qualification!A10:L10.formulas")).toBeLessThan(position("tables.add"));
    // Each calculated column goes out as one formula for the column's whole data range.
    expect(position("tables.add")).toBeLessThan(position("Qualification!G11:G12.formulasR1C1"));
    expect(position("Qualification!G11:G12.formulasR1C1")).toBeLessThan(position("names.add"));
    expect(position("names.add")).toBeLessThan(position("settings.add"));
    expect(position("Qualification.activate()")).toBe(writes.length - 2);

    const sheet = excel.sheet("Qualification")!;
    expect(sheet.cells.get("A11")).toEqual({ kind: "text", value: "Acme", quotePrefix: false });
    const calculated = matrixPlan(["Acme", "Globex"]).sheets[0].tables![0].calculatedColumns!;
    expect(sheet.cells.get("G11")).toEqual({ kind: "formula", formula: calculated.Score });
    expect(sheet.cells.get("H12")).toEqual({ kind: "formula", formula: calculated.Tier });
    expect(sheet.cells.get("B4")).toEqual({ kind: "number", value: 30 });
    expect(sheet.numberFormats.get("G11")).toBe("0.0");
    expect(excel.tables).toEqual([
      { name: "QualificationMatrix", sheet: "Qualification", address: "A10:L12", style: "TableStyleMedium2" },
    ]);
    expect(excel.names.map((n) => `${n.name}=${n.ref}`)).toEqual([
      "Qual_Weights=B4:F4",
      "Qual_Scale=B5",
      "Qual_Thresholds=I4:I6",
      "Qual_Labels=J4:J7",
      "Qual_Scores==QualificationMatrix[Score]",
    ]);
    expect(JSON.parse(String(excel.settings.get(QUALIFICATION_SETTINGS_KEY)))).toMatchObject({
      wizard: "qualification",
      partnerCount: 2,
    });
    expect(excel.charts).toEqual([
      { sheet: "Qualification", type: "ColumnClustered", source: "J3:K7", title: "Partners by tier" },
    ]);
    expect(excel.activeSheet).toBe("Qualification");
    expect(excel.calls).toContain("Qualification!B11:B12.dataValidation.rule");
    expect(excel.calls).toContain("Qualification.freezePanes.freezeAt(A1:A10)");
    expect(excel.calls).toContain("Qualification.pageLayout.setPrintTitleRows($10:$10)");

    expect(summary).toMatchObject({
      sheets: [{ planned: "Qualification", name: "Qualification", created: true }],
      tables: [{ name: "QualificationMatrix", sheet: "Qualification", address: "A10:L12", rows: 2 }],
      names: ["Qual_Weights", "Qual_Scale", "Qual_Thresholds", "Qual_Labels", "Qual_Scores"],
      settings: [QUALIFICATION_SETTINGS_KEY],
    });
    expect(summary.formulas).toBe(2 * 6 + 1 + 4 + 1);
  });

  test.each([10, 1_000, 5_000])("makes %d-row matrices in the same two syncs and the same number of calls", async (rows) => {
    const excel = new FakeExcel();
    await applyPlanToExcel(excel.run, matrixPlan(partners(rows)));
    const reference = new FakeExcel();
    await applyPlanToExcel(reference.run, matrixPlan(partners(10)));
    expect(excel.syncCount).toBe(2);
    expect(excel.calls.length).toBe(reference.calls.length);
    expect(excel.sheet("Qualification")!.cells.get(`A${10 + rows}`)).toEqual({
      kind: "text",
      value: `Partner ${rows}`,
      quotePrefix: true,
    });
  });

  test("partner names that look like formulas, numbers or errors land as the same text", async () => {
    const excel = new FakeExcel();
    await applyPlanToExcel(excel.run, matrixPlan(INJECTIONS));
    const sheet = excel.sheet("Qualification")!;
    INJECTIONS.forEach((name, i) => {
      const cell = sheet.cells.get(`A${11 + i}`);
      expect(cell).toEqual({ kind: "text", value: name, quotePrefix: true });
    });
    expect([...sheet.cells.values()].filter((c) => c.kind === "formula" && /cmd|SUM\(A1\)/.test(c.formula))).toEqual([]);
  });

  test("user criteria names in the table header stay text too", async () => {
    const excel = new FakeExcel();
    const { plan, layout } = buildQualificationPlan({
      partners: ["Acme"],
      criteria: [
        { name: '=HYPERLINK("x")', weight: 50, guidance: [] },
        { name: "-2", weight: 50, guidance: [] },
      ],
    });
    await applyPlanToExcel(excel.run, plan);
    const sheet = excel.sheet("Qualification")!;
    const header = layout.headerRow + 1;
    expect(sheet.cells.get(`B${header}`)).toEqual({ kind: "text", value: '=HYPERLINK("x")', quotePrefix: true });
    expect(sheet.cells.get(`C${header}`)).toEqual({ kind: "text", value: "-2", quotePrefix: true });
    expect(sheet.cells.get("B3")).toEqual({ kind: "text", value: '=HYPERLINK("x")', quotePrefix: true });
  });
});

describe("no overwrite", () => {
  test("a sheet name taken since planning gets the next free name, and names point at it", async () => {
    const excel = new FakeExcel(["qualification"]);
    const summary = await applyPlanToExcel(excel.run, matrixPlan(["Acme"]));
    expect(summary.sheets[0]).toEqual({ planned: "Qualification", name: "Qualification (2)", created: true });
    expect(excel.sheet("qualification")!.cells.size).toBe(0);
    expect(excel.sheet("Qualification (2)")!.cells.get("A11")).toMatchObject({ value: "Acme" });
  });

  test("an existing defined name stops the write before anything is written", async () => {
    const excel = new FakeExcel();
    excel.names.push({ name: "QUAL_WEIGHTS", ref: "Sheet1!A1" });
    const error = await applyPlanToExcel(excel.run, matrixPlan(["Acme"])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanConflictError);
    expect((error as Error).message).toMatch(/already defines Qual_Weights.*nothing was written/);
    expect(excel.syncCount).toBe(1);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("a table name in use gets a number", async () => {
    const excel = new FakeExcel();
    excel.tables.push({ name: "QualificationMatrix", sheet: "Sheet1", address: "A1:B2" });
    const summary = await applyPlanToExcel(excel.run, matrixPlan(["Acme"]));
    expect(summary.tables[0].name).toBe("QualificationMatrix2");
  });

  function intoSheet1(): WorkbookPlan {
    const plan = emptyPlan("notes");
    plan.sheets.push({
      name: "Sheet1",
      target: "existing",
      blocks: [
        {
          at: "A1",
          cells: [
            [text("a"), num(1)],
            [text("b"), num(2)],
          ],
        },
      ],
    });
    return plan;
  }

  test("non-empty target cells are reported and not overwritten without consent", async () => {
    const excel = new FakeExcel();
    excel.sheets[0].cells.set("B2", { kind: "number", value: 42 });
    expect(await findExcelConflicts(excel.run, intoSheet1())).toEqual([{ sheet: "Sheet1", address: "B2", existing: "42" }]);
    const error = await applyPlanToExcel(excel.run, intoSheet1()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanConflictError);
    expect((error as Error).message).toContain("Sheet1!B2");
    expect(excel.sheets[0].cells.get("B2")).toEqual({ kind: "number", value: 42 });

    await applyPlanToExcel(excel.run, intoSheet1(), { overwrite: true });
    expect(excel.sheets[0].cells.get("B2")).toEqual({ kind: "number", value: 2 });
  });

  test("a failed write into an existing sheet puts the old cells back", async () => {
    const excel = new FakeExcel();
    excel.sheets[0].cells.set("B2", { kind: "number", value: 42 });
    const plan = intoSheet1();
    plan.sheets[0].numberFormats = [{ range: "B1:B2", format: "0.00" }];
    excel.failOn({ callStartsWith: "Sheet1!B1:B2.numberFormat", mode: "sync", message: "GeneralException: format rejected" });
    await expect(applyPlanToExcel(excel.run, plan, { overwrite: true })).rejects.toThrow(
      /format rejected; the workbook was put back/,
    );
    expect(excel.sheets[0].cells.get("B2")).toEqual({ kind: "number", value: 42 });
    expect(excel.sheets[0].cells.has("A1")).toBe(false);
  });
});

describe("rollback", () => {
  test.each(["sync", "call"] as const)(
    "a failure midway (%s) removes the sheet, names and settings it added and says why",
    async (mode) => {
      const excel = new FakeExcel();
      excel.settings.set(QUALIFICATION_SETTINGS_KEY, '{"older":true}');
      excel.failOn({ callStartsWith: "charts.add", mode, message: "InvalidArgument: the chart source is not valid" });
      const error = await applyPlanToExcel(excel.run, matrixPlan(["Acme", "Globex"])).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(PlanApplyError);
      expect((error as PlanApplyError).rolledBack).toBe(true);
      expect((error as Error).message).toBe(
        "could not write the qualification matrix: InvalidArgument: the chart source is not valid; the workbook was put back as it was",
      );
      expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
      expect(excel.names).toEqual([]);
      expect(excel.settings.get(QUALIFICATION_SETTINGS_KEY)).toBe('{"older":true}');
      expect(excel.syncCount).toBe(mode === "sync" ? 4 : 3); // a command that throws while queued never reaches the write sync
      expect(excel.calls).toContain("worksheets.delete(Qualification)");
    },
  );

  test("a failure after the names were added deletes them and a setting that did not exist", async () => {
    const excel = new FakeExcel();
    excel.failOn({ callStartsWith: "settings.add", mode: "sync" });
    await expect(applyPlanToExcel(excel.run, matrixPlan(["Acme"]))).rejects.toThrow(
      /settings\.add.*failed; the workbook was put back/,
    );
    expect(excel.names).toEqual([]);
    expect(excel.settings.size).toBe(0);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("an invalid plan is refused before Excel is touched", async () => {
    const excel = new FakeExcel();
    const plan = emptyPlan("broken");
    plan.sheets.push({ name: "Bad:name", blocks: [{ at: "A1", cells: [[{ kind: "formula", formula: "SUM(1)" }]] }] });
    await expect(applyPlanToExcel(excel.run, plan)).rejects.toThrow(/Bad:name.*contains :[\s\S]*formula is text starting with =/);
    expect(excel.syncCount).toBe(0);
  });
});
