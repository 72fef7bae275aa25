import { createOfficeHost } from "../../src/taskpane/hosts/office-host";
import { qualificationWizard } from "../../src/taskpane/qualification/definition";
import { initialDraft } from "../../src/taskpane/qualification/draft";
import { writeThroughHost, type WritePhase } from "../../src/taskpane/wizard/useWrite";
import { FakeExcel } from "../workbook/excel-mock";

/**
 * The pane's side of a large write (issue 13 item 7): the writing phase carries determinate
 * progress and, while the write can still be stopped, a cancel; cancelling ends in "nothing was
 * written" with the workbook as it was.
 */
const pasted = (partners: number) => Array.from({ length: partners }, (_, i) => `Partner ${i + 1}`).join("\n");

async function write(partners: number, cancelAt?: number) {
  const excel = new FakeExcel();
  const host = createOfficeHost(excel.run);
  const state = { ...initialDraft(), source: "paste" as const, pasted: pasted(partners) };
  const phases: WritePhase[] = [];
  const ended = await writeThroughHost(
    host,
    (inventory) => qualificationWizard.buildPlan(state, inventory),
    false,
    (phase) => {
      phases.push(phase);
      const writing = phases.filter((p) => p.kind === "writing" && p.cancel);
      if (cancelAt !== undefined && writing.length === cancelAt && phase.kind === "writing") phase.cancel?.();
    },
  );
  return { excel, phases, ended };
}

describe("a large write from the pane", () => {
  test("shows its steps as a determinate bar with Cancel until the last step", async () => {
    const { phases, ended } = await write(3_000);
    expect(ended.kind).toBe("done");
    const steps = phases.flatMap((p) => (p.kind === "writing" && p.progress.message.startsWith("Writing: step") ? [p] : []));
    expect(steps.length).toBeGreaterThan(5);
    const fractions = steps.map((p) => (p.kind === "writing" ? p.progress.fraction! : NaN));
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[fractions.length - 1]).toBe(1);
    // Cancel is offered on every step but the last.
    expect(steps.map((p) => p.kind === "writing" && p.cancel !== undefined)).toEqual(steps.map((_, i) => i < steps.length - 1));
  });

  test("Cancel ends in 'nothing was written', the workbook as it was", async () => {
    const { excel, ended } = await write(3_000, 2);
    expect(ended).toEqual({ kind: "failed", reason: expect.stringContaining("you cancelled it, and the workbook is as it was") });
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(excel.names).toEqual([]);
    expect([...excel.settings.keys()]).toEqual([]);
  });

  test("a small write offers no Cancel: it is one step", async () => {
    const { phases, ended } = await write(50);
    expect(ended.kind).toBe("done");
    expect(phases.some((p) => p.kind === "writing" && p.cancel !== undefined)).toBe(false);
  });
});
