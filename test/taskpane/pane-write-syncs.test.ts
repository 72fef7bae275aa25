import { createOfficeHost } from "../../src/taskpane/hosts/office-host";
import { initialDraft } from "../../src/taskpane/qualification/draft";
import { qualificationWizard } from "../../src/taskpane/qualification/definition";
import { writeThroughHost, type WritePhase } from "../../src/taskpane/wizard/useWrite";
import { FakeExcel } from "../workbook/excel-mock";

/**
 * Issue 10: a pane write of the qualification matrix, end to end through the Office host (what
 * the Write button does: read the workbook, build the plan from it, check, write), is 2
 * context.sync() calls in total, whatever the number of partners.
 */
function stateWith(partners: number) {
  const lines = Array.from({ length: partners }, (_, i) => `Partner ${i + 1}`);
  return { ...initialDraft(), source: "paste" as const, pasted: lines.join("\n") };
}

async function paneWrite(excel: FakeExcel, partners: number, overwrite = false): Promise<WritePhase> {
  const host = createOfficeHost(excel.run);
  const state = stateWith(partners);
  return writeThroughHost(host, (inventory) => qualificationWizard.buildPlan(state, inventory), overwrite);
}

describe("a pane write of the qualification matrix through the Office host", () => {
  test.each([10, 1_000])("takes 2 syncs in total for %d partners", async (partners) => {
    const excel = new FakeExcel(["Sheet1"]);
    const phases: string[] = [];
    const host = createOfficeHost(excel.run);
    const state = stateWith(partners);
    const ended = await writeThroughHost(
      host,
      (inventory) => qualificationWizard.buildPlan(state, inventory),
      false,
      (p) => phases.push(p.kind === "writing" ? p.progress.message : p.kind),
    );
    expect(ended.kind).toBe("done");
    expect(excel.syncCount).toBe(2);
    expect(excel.sheet("Qualification")?.cells.get(`A${11 + partners - 1}`)).toMatchObject({ value: `Partner ${partners}` });
    expect(phases).toContain(`Writing ${partners.toLocaleString("en")} partners and their formulas`);
    expect(phases.at(-1)).toBe("done");
  });

  test("a second matrix gets fresh names from the same single read, still 2 syncs", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    await paneWrite(excel, 3);
    const before = excel.syncCount;
    const ended = await paneWrite(excel, 3);
    expect(ended.kind).toBe("done");
    expect(excel.syncCount - before).toBe(2);
    expect(excel.sheet("Qualification (2)")).toBeDefined();
    expect(excel.names.map((n) => n.name)).toContain("Qual2_Weights");
  });
});

describe("the overwrite question", () => {
  test("comes from the applier's typed conflict error, and a confirmed write passes overwrite", async () => {
    const { PlanConflictError } = await import("../../src/workbook/appliers/common");
    const conflict = { sheet: "Sheet1", address: "A1", existing: "keep me" };
    const requests: (boolean | undefined)[] = [];
    const host = {
      ...createOfficeHost(new FakeExcel().run),
      apply: async (_plan: unknown, request: { overwrite?: boolean } = {}) => {
        requests.push(request.overwrite);
        if (!request.overwrite) throw new PlanConflictError("would overwrite", [conflict]);
        return { description: "x", sheets: [], tables: [], names: [], cells: 0, formulas: 0, settings: [], limitations: [] };
      },
    };
    const build = (inventory: Parameters<typeof qualificationWizard.buildPlan>[1]) =>
      qualificationWizard.buildPlan(stateWith(1), inventory);
    const asked = await writeThroughHost(host, build, false);
    expect(asked).toMatchObject({ kind: "confirm", conflicts: [conflict] });
    const done = await writeThroughHost(host, build, true);
    expect(done.kind).toBe("done");
    expect(requests).toEqual([false, true]);
  });
});
