import { createEngine } from "../../src/engine";
import { createEngineHost, privateEngineWorkbook, type EngineWorkbook } from "../../src/taskpane/hosts/engine-host";
import type { WriteProgress } from "../../src/taskpane/hosts/workbook-host";
import { qualificationWizard } from "../../src/taskpane/qualification/definition";
import { initialDraft } from "../../src/taskpane/qualification/draft";
import { buildQualificationPlan, QUALIFICATION_SETTINGS_KEY } from "../../src/workbook/models/qualification";
import type { WorkbookPlan } from "../../src/workbook/plan";

function workbook(
  selection: EngineWorkbook["selection"] = () => null,
  maxRows?: number,
): EngineWorkbook & { applied: WorkbookPlan[]; activated: string[] } {
  const applied: WorkbookPlan[] = [];
  const activated: string[] = [];
  const hf = createEngine(maxRows === undefined ? {} : { maxRows });
  hf.addSheet("Sheet1");
  return {
    hf,
    settings: new Map(),
    selection,
    activateSheet: (name) => activated.push(name),
    planApplied: (plan) => applied.push(plan),
    applied,
    activated,
  };
}

const planFor = (partners: string[], ratings?: (number | null)[][]) => buildQualificationPlan({ partners, ratings }).plan;

describe("the engine host", () => {
  it("reads the selected cells as text, errors and booleans as they show", async () => {
    const wb = workbook(() => ({ sheet: "Sheet1", range: { start: { row: 0, col: 0 }, end: { row: 2, col: 1 } } }));
    wb.hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [
      ["'=1+1", 4],
      ["Acme", true],
      ["=1/0", null],
    ]);
    await expect(createEngineHost(wb).selectedCells()).resolves.toEqual([
      ["=1+1", "4"],
      ["Acme", "TRUE"],
      ["#DIV/0!", ""],
    ]);
  });

  it("writes a plan, computes it, keeps its settings and tells the workbook what was written", async () => {
    const wb = workbook();
    const host = createEngineHost(wb);
    const progress: WriteProgress["stage"][] = [];
    const summary = await host.apply(
      planFor(
        ["Acme", "Globex"],
        [
          [5, 5, 5, 5, 5],
          [4, 5, 3, 4, 5],
        ],
      ),
      { onProgress: (p) => progress.push(p.stage) },
    );
    expect(summary.sheets).toEqual([{ planned: "Qualification", name: "Qualification", created: true }]);
    expect(progress).toEqual(["checking", "writing", "done"]);
    const sheet = wb.hf.getSheetId("Qualification")!;
    const { layout } = buildQualificationPlan({ partners: ["Acme", "Globex"] });
    expect(wb.hf.getCellValue({ sheet, row: layout.firstDataRow, col: layout.columns.score })).toBe(100);
    expect(wb.hf.getCellValue({ sheet, row: layout.firstDataRow + 1, col: layout.columns.score })).toBeCloseTo(83, 12);
    expect(wb.settings.has(QUALIFICATION_SETTINGS_KEY)).toBe(true);
    expect(wb.applied.map((p) => p.sheets[0].name)).toEqual(["Qualification"]);
    await expect(host.inventory()).resolves.toMatchObject({
      sheetNames: ["Sheet1", "Qualification"],
      definedNames: expect.arrayContaining(["Qual_Weights"]),
    });
  });

  it("lets a second matrix through the wizard's plan builder with fresh sheet and input names", async () => {
    const wb = workbook();
    const host = createEngineHost(wb);
    const state = { ...initialDraft(), source: "paste" as const, pasted: "Acme" };
    await host.apply(qualificationWizard.buildPlan(state, await host.inventory()).plan);
    const second = await host.apply(qualificationWizard.buildPlan(state, await host.inventory()).plan);
    expect(second.sheets[0].name).toBe("Qualification (2)");
    expect(second.names).toContain("Qual2_Weights");
    expect(wb.applied[1].names.every((n) => n.sheet === "Qualification (2)")).toBe(true);
  });

  it("drops the engine's 'values only' note for a workbook that keeps formats (and charts) itself", async () => {
    const plain = await createEngineHost(workbook()).apply(planFor(["Acme"]));
    expect(plain.limitations.join(" ")).toContain("values only");
    const wb = { ...workbook(), keepsFormats: true };
    const kept = await createEngineHost(wb).apply(planFor(["Acme"]));
    expect(kept.limitations).toEqual([]);
  });

  it("rejects with the reason when the engine cannot hold the plan, and leaves the workbook as it was", async () => {
    // The engine holds Excel's 1,048,576 rows; a smaller sheet size makes "too big" cheap to reach.
    const wb = workbook(undefined, 2_000);
    const host = createEngineHost(wb);
    const tooBig = planFor(Array.from({ length: 3_000 }, () => ""));
    await expect(host.apply(tooBig)).rejects.toThrow(/could not write the qualification matrix.*removed again/);
    expect(wb.hf.getSheetNames()).toEqual(["Sheet1"]);
    expect(wb.hf.listNamedExpressions()).toEqual([]);
    expect(wb.settings.size).toBe(0);
    expect(wb.applied).toEqual([]);
  });

  it("saves and loads settings, and activates only sheets that exist", async () => {
    const wb = workbook();
    const host = createEngineHost(wb);
    await host.saveSetting("k", '{"a":1}');
    await expect(host.loadSetting("k")).resolves.toBe('{"a":1}');
    await expect(host.loadSetting("missing")).resolves.toBeUndefined();
    await host.activateSheet("Sheet1");
    expect(wb.activated).toEqual(["Sheet1"]);
    await expect(host.activateSheet("Nope")).rejects.toThrow('sheet "Nope" is not in the workbook');
  });

  it("gives a pane without a workbench a private workbook with one sheet", async () => {
    const host = createEngineHost(privateEngineWorkbook(createEngine()));
    await expect(host.inventory()).resolves.toEqual({ sheetNames: ["Sheet1"], definedNames: [], tableNames: [] });
    await expect(host.selectedCells()).resolves.toEqual([]);
  });

  it("writes a 1,000-partner matrix (measured, printed; no time is asserted)", async () => {
    const partners = Array.from({ length: 1000 }, (_, i) => `Partner ${i + 1}`);
    const ratings = partners.map((_, p) => Array.from({ length: 5 }, (_, c) => (p * 7 + c * 3) % 6));
    const state = {
      ...initialDraft(),
      source: "paste" as const,
      hasHeader: true,
      pasted: [
        ["Partner", ...initialDraft().criteria.map((c) => c.name)],
        ...partners.map((name, p) => [name, ...ratings[p].map(String)]),
      ]
        .map((row) => row.join("\t"))
        .join("\n"),
    };
    await createEngineHost(workbook()).apply(planFor(["warm", "up"])); // JIT and HyperFormula's registry
    const wb = workbook();
    const host = createEngineHost(wb);
    const started = performance.now();
    const built = qualificationWizard.buildPlan(state, await host.inventory());
    const planned = performance.now();
    await host.apply(built.plan);
    const written = performance.now();
    const sheet = wb.hf.getSheetId("Qualification")!;
    const { layout } = buildQualificationPlan({ partners });
    const scores = wb.hf.getRangeValues({
      start: { sheet, row: layout.firstDataRow, col: layout.columns.score },
      end: { sheet, row: layout.firstDataRow + 999, col: layout.columns.score },
    });
    expect(scores.every(([score]) => typeof score === "number" && score >= 0 && score <= 100)).toBe(true);
    console.info(
      `1,000-partner qualification matrix through the engine host: plan ${(planned - started).toFixed(0)} ms, write + recalculation ${(written - planned).toFixed(0)} ms`,
    );
  });
});
