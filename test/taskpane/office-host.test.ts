/* eslint-disable @typescript-eslint/no-explicit-any -- Office.js test doubles are loosely typed proxies */
import { OfficeMockObject } from "office-addin-mock";
import { createOfficeHost, MAX_SELECTED_ROWS } from "../../src/taskpane/hosts/office-host";
import type { WriteProgress } from "../../src/taskpane/hosts/workbook-host";
import { qualificationWizard } from "../../src/taskpane/qualification/definition";
import { initialDraft } from "../../src/taskpane/qualification/draft";
import type { ExcelRun } from "../../src/workbook/appliers/office";
import { FakeExcel } from "../workbook/excel-mock";

/** An Excel whose selection's used range holds `values` (null: an empty selection). */
function excelWithSelection(values: unknown[][] | null, rowCount = values?.length ?? 0) {
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        used: { isNullObject: values === null, rowCount, values: values ?? [] },
        selected: {
          getUsedRangeOrNullObject: function (this: any, valuesOnly: boolean) {
            if (valuesOnly !== true) throw new Error("the host must ask for the cells with values only");
            return mock.context.workbook.used;
          },
        },
        getSelectedRange: function () {
          return mock.context.workbook.selected;
        },
      },
    },
  }) as any;
  const run: ExcelRun = async (batch) => batch(mock.context);
  return run;
}

describe("the Office host", () => {
  it("reads the used part of the selection as text", async () => {
    const host = createOfficeHost(
      excelWithSelection([
        ["Acme", 4],
        ["=1+1", true],
        ["", null],
      ]),
    );
    await expect(host.selectedCells()).resolves.toEqual([
      ["Acme", "4"],
      ["=1+1", "TRUE"],
      ["", ""],
    ]);
  });

  it("gives no cells for an empty selection and refuses a selection of more rows than a matrix holds", async () => {
    await expect(createOfficeHost(excelWithSelection(null)).selectedCells()).resolves.toEqual([]);
    const huge = createOfficeHost(excelWithSelection([["Acme"]], MAX_SELECTED_ROWS + 1));
    await expect(huge.selectedCells()).rejects.toThrow(/select at most 100,000/);
  });

  it("says in one line to select one block when the selection has several areas", async () => {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          // Office.js: getSelectedRange() fails on a multi-area selection; getSelectedRanges() reads it.
          getSelectedRange: function () {
            throw new Error("InvalidSelection: The current selection is invalid for this operation.");
          },
          areas: { areaCount: 3 },
          getSelectedRanges: function () {
            return mock.context.workbook.areas;
          },
        },
      },
    }) as any;
    const host = createOfficeHost(async (batch) => batch(mock.context));
    const failure = host.selectedCells();
    await expect(failure).rejects.toThrow(
      "the selection is 3 separate blocks of cells; select one block (without Ctrl/Cmd-click) and try again",
    );
    await expect(failure).rejects.not.toThrow(/InvalidSelection/);
  });

  it("passes other selection errors on as they are", async () => {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          getSelectedRange: function () {
            throw new Error("GeneralException: busy");
          },
          areas: { areaCount: 1 },
          getSelectedRanges: function () {
            return mock.context.workbook.areas;
          },
        },
      },
    }) as any;
    await expect(createOfficeHost(async (batch) => batch(mock.context)).selectedCells()).rejects.toThrow(
      "GeneralException: busy",
    );
  });

  it("lists sheets, names and tables in one sync, and saves and loads settings in the document", async () => {
    const excel = new FakeExcel(["Sheet1", "Partners"]);
    const host = createOfficeHost(excel.run, "dark");
    expect(host.kind).toBe("excel");
    expect(host.colorScheme).toBe("dark");
    await expect(host.inventory()).resolves.toEqual({ sheetNames: ["Sheet1", "Partners"], definedNames: [], tableNames: [] });
    expect(excel.syncCount).toBe(1);
    await expect(host.loadSetting("PartnerEconomics.qualification")).resolves.toBeUndefined();
    await host.saveSetting("PartnerEconomics.qualification", '{"wizard":"qualification"}');
    expect(excel.settings.get("PartnerEconomics.qualification")).toBe('{"wizard":"qualification"}');
    await expect(host.loadSetting("PartnerEconomics.qualification")).resolves.toBe('{"wizard":"qualification"}');
  });

  it("writes the wizard's plan through the Office applier in its two syncs, reporting progress", async () => {
    const excel = new FakeExcel();
    const host = createOfficeHost(excel.run);
    const state = { ...initialDraft(), source: "paste" as const, pasted: "Acme\n=1+1" };
    const { plan } = qualificationWizard.buildPlan(state, await host.inventory());
    const syncsBefore = excel.syncCount;
    const progress: WriteProgress[] = [];
    const summary = await host.apply(plan, { onProgress: (p) => progress.push(p) });
    expect(excel.syncCount - syncsBefore).toBe(2);
    expect(progress.map((p) => p.stage)).toEqual(["checking", "writing", "done"]);
    expect(progress[progress.length - 1].fraction).toBe(1);
    expect(summary.sheets[0]).toMatchObject({ name: "Qualification", created: true });
    expect(excel.sheet("Qualification")?.cells.get("A12")).toEqual({ kind: "text", value: "=1+1", quotePrefix: true });
    expect(excel.activeSheet).toBe("Qualification");
  });

  it("rejects with the reason when a write fails, after Excel removed what it added", async () => {
    const excel = new FakeExcel();
    const host = createOfficeHost(excel.run);
    const { plan } = qualificationWizard.buildPlan(
      { ...initialDraft(), source: "paste", pasted: "Acme" },
      await host.inventory(),
    );
    excel.failOn({ callStartsWith: "settings.add", mode: "sync", message: "GeneralException: the document is read-only" });
    const stages: string[] = [];
    await expect(host.apply(plan, { onProgress: (p) => stages.push(p.message) })).rejects.toThrow(
      /read-only.*put back as it was/,
    );
    expect(stages).toContain("Putting the workbook back as it was");
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
