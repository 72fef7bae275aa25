import { absoluteAddress, parseCell } from "../../src/workbook/a1";
import { applyPlanToExcel, SYNCS_PER_APPLY } from "../../src/workbook/appliers/office";
import { buildCharterPlan, CHARTER_SETTINGS_KEY, type CharterLayout } from "../../src/workbook/models/charter";
import type { CharterInputDraft } from "../../src/workbook/models/charter/input";
import { planInEngine } from "./engine-sheet";
import { FakeExcel } from "./excel-mock";

const MINIMAL: CharterInputDraft = { exitCriteria: ["Three quarters below target"] };
const INJECTIONS = ["=1+1", "+SUM(A1:A2)", "-2", "@cmd", "=cmd|' /C calc'!A0"];

function inEngine(draft: CharterInputDraft = MINIMAL) {
  const { plan, layout } = buildCharterPlan(draft);
  const engine = planInEngine(plan, layout.sheet);
  const { at } = engine;
  const gates = () => [at(layout.cells.crawlGate), at(layout.cells.walkGate), at(layout.cells.runGate)];
  return { ...engine, layout, gates };
}

describe("the charter's gates in the engine", () => {
  test("PENDING until the metric cells are filled, then GO / NO-GO as the playbook says", () => {
    const { layout, at, set, gates } = inEngine();
    const c = layout.cells;
    expect(gates()).toEqual(["PENDING", "PENDING", "PENDING"]);
    expect(at(layout.crawlImprovement)).toBe("");
    // crawl: 10 → 12 is a 20% improvement (computed as 0.19999999999999996): GO at the 20% gate
    set(c.crawlBaseline, 10);
    expect(gates()).toEqual(["PENDING", "PENDING", "PENDING"]);
    set(c.crawlPilot, 12);
    expect(at(layout.crawlImprovement)).toBeCloseTo(0.2, 12);
    expect(gates()).toEqual(["GO", "PENDING", "PENDING"]);
    // walk: 6 of 10 invited adopt, below 70%: NO-GO, and the run gate follows
    set(c.walkInvited, 10);
    set(c.walkAdopted, 6);
    expect(at(layout.walkAdoption)).toBe(0.6);
    expect(gates()).toEqual(["GO", "NO-GO", "NO-GO"]);
    // 7 of 10: both gates passed, run is GO
    set(c.walkAdopted, 7);
    expect(gates()).toEqual(["GO", "GO", "GO"]);
    // a weaker pilot fails the crawl gate, and run with it
    set(c.crawlPilot, 11.9);
    expect(gates()).toEqual(["NO-GO", "GO", "NO-GO"]);
  });

  test("the threshold and direction cells are live inputs", () => {
    const { layout, set, gates, at } = inEngine();
    const c = layout.cells;
    set(c.crawlBaseline, 10);
    set(c.crawlPilot, 8);
    expect(gates()[0]).toBe("NO-GO");
    set(c.crawlBetter, "lower"); // e.g. hours to onboard: 10 → 8 is 20% better
    expect(at(layout.crawlImprovement)).toBeCloseTo(0.2, 12);
    expect(gates()[0]).toBe("GO");
    set(c.crawlThreshold, 0.25);
    expect(gates()[0]).toBe("NO-GO");
    set(c.walkInvited, 10);
    set(c.walkAdopted, 6);
    expect(gates()[1]).toBe("NO-GO");
    set(c.walkThreshold, 0.6);
    expect(gates()[1]).toBe("GO");
  });

  test("gate values given in the input are written and computed at once; a bad value typed later shows the gate's error", () => {
    const { layout, set, gates, at } = inEngine({
      ...MINIMAL,
      phases: { crawl: { gate: { baseline: 10, pilot: 12 } }, walk: { gate: { invited: 10, adopted: 6 } } },
    });
    expect(gates()).toEqual(["GO", "NO-GO", "NO-GO"]);
    set(layout.cells.walkAdopted, 11);
    expect(at(layout.cells.walkGate)).toMatchObject({ value: "#NUM!" });
    expect(at(layout.cells.runGate)).toMatchObject({ value: "#NUM!" });
  });

  test("user text that looks like a formula lands as that text", () => {
    const { hf, sheet, layout, at } = inEngine({
      ...MINIMAL,
      ourName: INJECTIONS[0],
      goals: { us: INJECTIONS },
      exitCriteria: INJECTIONS,
      signatories: { us: { name: INJECTIONS[4] } },
    });
    const found = new Map<string, string[]>();
    const values = hf.getSheetValues(sheet);
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (typeof value !== "string" || !INJECTIONS.includes(value)) return;
        const address = `${String.fromCharCode(65 + c)}${r + 1}`;
        expect(hf.doesCellHaveFormula({ sheet, row: r, col: c })).toBe(false);
        found.set(value, [...(found.get(value) ?? []), address]);
      }),
    );
    for (const injection of INJECTIONS) expect(found.get(injection)?.length).toBeGreaterThanOrEqual(2);
    expect(at(layout.signatures.us.name)).toBe(INJECTIONS[4]);
    expect(hf.getCellFormula({ sheet, ...parseCell(layout.signatures.us.name) })).toBeUndefined();
  });
});

describe("the charter through Office.js (office-addin-mock)", () => {
  async function write(draft: CharterInputDraft): Promise<{ excel: FakeExcel; layout: CharterLayout }> {
    const excel = new FakeExcel(["Sheet1"]);
    const { plan, layout } = buildCharterPlan(draft);
    await applyPlanToExcel(excel.run, plan);
    return { excel, layout };
  }

  test("one sheet in two syncs: text as text, gate formulas, names, print setup, merges, settings", async () => {
    const { excel, layout } = await write({ ...MINIMAL, goals: { us: INJECTIONS }, partnerName: "@Fabrikam" });
    expect(excel.syncCount).toBe(SYNCS_PER_APPLY);
    const sheet = excel.sheet("Charter")!;
    const texts = [...sheet.cells.values()].filter((c) => c.kind === "text").map((c) => (c as { value: string }).value);
    for (const injection of [...INJECTIONS, "@Fabrikam", "For @Fabrikam"]) expect(texts).toContain(injection);
    const formulas = [...sheet.cells.values()].filter((c) => c.kind === "formula");
    expect(formulas).toHaveLength(5);
    expect(sheet.cells.get(layout.cells.crawlGate)).toMatchObject({
      kind: "formula",
      formula: expect.stringContaining("PE.CRAWL_GATE("),
    });
    expect(sheet.cells.get(layout.cells.walkGate)).toMatchObject({
      kind: "formula",
      formula: expect.stringContaining("PE.WALK_GATE("),
    });
    expect(excel.names.map((n) => n.name)).toEqual(Object.values(layout.names));
    // Absolute, as Excel keeps print areas ($A$1:$D$80, not A1:D80).
    expect(excel.printAreas.get("Charter")).toBe(absoluteAddress(layout.printArea));
    expect(excel.printAreas.get("Charter")).toMatch(/^\$A\$1:\$D\$\d+$/);
    expect(excel.calls).toContain("Charter.pageLayout.orientation");
    expect(excel.calls.some((c) => /^Charter!B\d+:D\d+\.merge\(\)$/.test(c))).toBe(true);
    expect(excel.calls.some((c) => /^Charter!B\d+:D\d+\.format\.wrapText$/.test(c))).toBe(true);
    expect(JSON.parse(String(excel.settings.get(CHARTER_SETTINGS_KEY)))).toMatchObject({
      wizard: "charter",
      partnerName: "@Fabrikam",
    });
  });

  test("the sync count does not grow with the charter's length", async () => {
    const short = (await write(MINIMAL)).excel;
    const many = (n: number) => Array.from({ length: n }, (_, i) => `Item ${i + 1}`);
    const long = (
      await write({
        exitCriteria: many(40),
        goals: { us: many(40), partner: many(40), customers: many(40) },
        governance: { escalation: many(40) },
      })
    ).excel;
    expect(short.syncCount).toBe(2);
    expect(long.syncCount).toBe(2);
  });
});
