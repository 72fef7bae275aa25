import { readFileSync } from "node:fs";
import { join } from "node:path";
import { columnLetters, parseRange } from "../../src/workbook/a1";
import { definedNameProblem } from "../../src/workbook/defined-names";
import { buildCharterPlan, CHARTER_SETTINGS_KEY, CharterInputError } from "../../src/workbook/models/charter";
import { EXIT_CRITERIA_SUGGESTIONS } from "../../src/workbook/models/charter/defaults";
import {
  defaultCharterInput,
  restoreCharterInput,
  serializeCharterInput,
  validateCharterInput,
  type CharterInputDraft,
} from "../../src/workbook/models/charter/input";
import type { CellContent, SheetPlan } from "../../src/workbook/plan";
import { validatePlan } from "../../src/workbook/validate-plan";

const EXAMPLE = join(__dirname, "../../docs/examples/charter.json");
const MINIMAL: CharterInputDraft = { exitCriteria: ["Three quarters below target"] };

function cellsOf(sheet: SheetPlan): Map<string, CellContent> {
  const cells = new Map<string, CellContent>();
  for (const block of sheet.blocks) {
    const at = parseRange(block.at).start;
    block.cells.forEach((row, r) =>
      row.forEach((content, c) => cells.set(`${columnLetters(at.col + c)}${at.row + r + 1}`, content)),
    );
  }
  return cells;
}

/** An input where every free-text field holds text a host would read as a formula, number or error. */
function hostileInput(): { draft: CharterInputDraft; strings: string[] } {
  let n = 0;
  const forms = ["=SUM(A1:A9)", "+1", "-1", "@cmd", "=cmd|' /C calc'!A0", "12", "5%", "TRUE", "#N/A", "'quoted"];
  const strings: string[] = [];
  const next = (): string => {
    const value = `${forms[n % forms.length]}${n === 0 ? "" : `~${n}`}`;
    n++;
    strings.push(value);
    return value;
  };
  const list = (count: number) => Array.from({ length: count }, next);
  const draft: CharterInputDraft = {
    ourName: next(),
    partnerName: next(),
    goals: { us: list(2), partner: list(1), customers: list(1) },
    valueExchange: { weGive: list(2), partnerGives: list(1), balanced: false, note: next() },
    phases: {
      crawl: { deliverables: list(1), metrics: list(1), gate: { metric: next() } },
      walk: { deliverables: list(1), metrics: list(1) },
      run: { deliverables: list(1), metrics: list(1) },
    },
    measurement: { metrics: list(1), tracking: list(1) },
    governance: { ourOwners: list(1), partnerOwners: list(1), escalation: list(2) },
    exitCriteria: list(2),
    signatories: { us: { name: next(), title: next() }, partner: { name: next(), title: next() } },
  };
  return { draft, strings };
}

describe("charter input", () => {
  test("defaults: the 20% and 70% gates, higher is better, weekly / monthly / quarterly reviews, nothing else filled in", () => {
    const input = defaultCharterInput();
    expect(input.phases.crawl.gate).toEqual({ metric: "", threshold: 0.2, better: "higher", baseline: null, pilot: null });
    expect(input.phases.walk.gate).toEqual({ threshold: 0.7, invited: null, adopted: null });
    expect(input.measurement.cadence).toEqual({ workingTeam: "weekly", steering: "monthly", executive: "quarterly" });
    expect(input.exitCriteria).toEqual([]);
    expect(input.valueExchange.balanced).toBeNull();
    expect(EXIT_CRITERIA_SUGGESTIONS).toHaveLength(3);
  });

  test("a charter without exit criteria is an error, before anything is built", () => {
    const message =
      "a charter needs at least one exit criterion (what would end the partnership?), e.g. three or more quarters below target";
    expect(validateCharterInput({})).toMatchObject({ ok: false, errors: [{ path: "exitCriteria", message }] });
    // blank lines do not count
    expect(validateCharterInput({ exitCriteria: ["", "   "] })).toMatchObject({ ok: false, errors: [{ path: "exitCriteria" }] });
    expect(() => buildCharterPlan({ ourName: "Contoso" })).toThrow(CharterInputError);
    expect(() => buildCharterPlan({})).toThrow(`the charter cannot be built: exitCriteria: ${message}`);
    expect(validateCharterInput({ exitCriteria: [...EXIT_CRITERIA_SUGGESTIONS] }).ok).toBe(true);
  });

  test("items are trimmed and blank ones dropped; empty sections are warnings", () => {
    const result = validateCharterInput({ ...MINIMAL, goals: { us: ["  Grow  ", "", " "] } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.goals.us).toEqual(["Grow"]);
    expect(result.warnings.map((w) => w.path)).toEqual([
      "goals.partner",
      "goals.customers",
      "valueExchange.weGive",
      "valueExchange.partnerGives",
    ]);
    expect(result.warnings[0].message).toBe(
      "what success looks like for the partner is empty: the charter shows a blank line to fill in",
    );
  });

  test("dates: ISO or blank; a phase ending before it starts is an error; overlaps and odd lengths are warnings", () => {
    expect(validateCharterInput({ ...MINIMAL, phases: { crawl: { start: "03/01/2025" } } })).toMatchObject({
      ok: false,
      errors: [
        {
          path: "phases.crawl.start",
          message: 'Crawl start "03/01/2025" is not a date: write it as YYYY-MM-DD, e.g. 2025-03-01',
        },
      ],
    });
    expect(validateCharterInput({ ...MINIMAL, phases: { walk: { start: "2025-02-30" } } })).toMatchObject({
      ok: false,
      errors: [{ path: "phases.walk.start" }],
    });
    expect(validateCharterInput({ ...MINIMAL, phases: { run: { start: "2025-06-01", end: "2025-05-01" } } })).toMatchObject({
      ok: false,
      errors: [{ path: "phases.run.end", message: "Run ends (2025-05-01) before it starts (2025-06-01)" }],
    });
    const result = validateCharterInput({
      ...MINIMAL,
      phases: {
        crawl: { start: "2025-01-01", end: "2025-01-10" },
        walk: { start: "2025-01-05", end: "2025-03-20" },
      },
    });
    expect(result.ok).toBe(true);
    const phaseWarnings = result.warnings.filter((w) => w.path.startsWith("phases"));
    expect(phaseWarnings).toEqual([
      { path: "phases.crawl.end", message: "Crawl runs 9 days; the playbook's crawl phase takes 4 to 8 weeks" },
      {
        path: "phases.walk.start",
        message: "Walk starts before crawl ends: run the phases one after the other, so each gate's result is clear",
      },
    ]);
  });

  test("gate measurements given up front must make a computable gate", () => {
    // unknown: JSON from a file may hold anything
    const errors = (draft: unknown) => {
      const result = validateCharterInput({ ...MINIMAL, ...(draft as object) });
      return result.ok ? [] : result.errors;
    };
    expect(errors({ phases: { crawl: { gate: { baseline: 0, pilot: 3 } } } })).toEqual([
      {
        path: "phases.crawl.gate.baseline",
        message:
          "The crawl baseline is 0: the improvement is measured against it, so enter the metric's value before the pilot (or leave it blank)",
      },
    ]);
    expect(errors({ phases: { crawl: { gate: { threshold: 20 } } } })).toEqual([
      {
        path: "phases.crawl.gate.threshold",
        message: "The crawl gate's improvement threshold is 2000%: enter a rate from 0% to 100% (write 20% as 0.2)",
      },
    ]);
    expect(errors({ phases: { walk: { gate: { invited: 5, adopted: 6 } } } })).toEqual([
      {
        path: "phases.walk.gate.adopted",
        message: "Customers adopted (6) is more than customers invited (5): only invited customers can adopt",
      },
    ]);
    expect(errors({ phases: { walk: { gate: { invited: 0 } } } })[0].path).toBe("phases.walk.gate.invited");
    expect(errors({ phases: { walk: { gate: { adopted: 2.5 } } } })).toEqual([
      { path: "phases.walk.gate.adopted", message: "Customers adopted is 2.5: enter a whole number, 0 or more" },
    ]);
    expect(errors({ phases: { crawl: { gate: { better: "faster" } } } })).toEqual([
      { path: "phases.crawl.gate.better", message: 'found the text "faster"; use "higher" or "lower"' },
    ]);
    expect(errors({ measurement: { cadence: { steering: "daily" } } })[0].path).toBe("measurement.cadence.steering");
    expect(errors({ goals: { us: "Grow" } })).toEqual([
      { path: "goals.us", message: 'expected a list in [ ], found the text "Grow"' },
    ]);
  });
});

describe("buildCharterPlan", () => {
  test("a valid, printable plan: print area, portrait, one page wide, widths, wrapped items, bold section headers", () => {
    const { plan, layout, warnings } = buildCharterPlan(JSON.parse(readFileSync(EXAMPLE, "utf8")));
    expect(validatePlan(plan)).toEqual([]);
    expect(warnings).toEqual([]);
    expect(plan.description).toBe("partnership charter");
    const sheet = plan.sheets[0];
    expect(sheet.name).toBe("Charter");
    expect(sheet.blocks).toHaveLength(1);
    expect(sheet.print).toEqual({ area: layout.printArea, orientation: "portrait", fitToWidth: true });
    expect(layout.printArea).toBe(`A1:D${sheet.blocks[0].cells.length}`);
    expect(sheet.columnWidths!.map((w) => w.column)).toEqual(["A", "B", "C", "D"]);
    expect(sheet.columnWidths!.reduce((sum, w) => sum + w.width, 0)).toBeLessThanOrEqual(110);
    expect(layout.sections.map((s) => s.title)).toEqual([
      "1. Mutual goals: what success looks like",
      "2. Value exchange",
      "3. Timeline: crawl, walk, run",
      "4. Measurement",
      "5. Governance",
      "6. Exit criteria: what ends the partnership",
      "7. Signatures",
    ]);
    for (const section of layout.sections) {
      const range = `A${section.row + 1}:D${section.row + 1}`;
      expect(sheet.merges).toContain(range);
      expect(sheet.cellStyles).toContainEqual(expect.objectContaining({ range, bold: true, borderBottom: true }));
    }
    const cells = cellsOf(sheet);
    const rowOf = (text: string) => [...cells].find(([, c]) => c.kind === "text" && c.text === text)![0];
    // an item spans B:D, merged and wrapped
    const goal = rowOf("200 new customers through Fabrikam's channel in year 1");
    const itemRange = `${goal}:D${goal.slice(1)}`;
    expect(sheet.merges).toContain(itemRange);
    expect(sheet.cellStyles).toContainEqual(expect.objectContaining({ range: itemRange, wrap: true }));
    expect(cells.get(`A${goal.slice(1)}`)).toEqual({ kind: "text", text: "For Contoso" });
    // dates are dates
    const crawlStart = [...cells].find(([a, c]) => c.kind === "number" && c.value === 45719 && a.startsWith("B"));
    expect(crawlStart).toBeDefined();
    expect(sheet.numberFormats).toContainEqual({ range: crawlStart![0], format: "yyyy-mm-dd" });
  });

  test("signature lines for both sides: name and title typed in, date and signature ruled for writing", () => {
    const { plan, layout } = buildCharterPlan({
      ...MINIMAL,
      ourName: "Contoso",
      partnerName: "Fabrikam",
      signatories: { us: { name: "Avery Chen", title: "VP Partnerships" }, partner: { name: "Sam Patel" } },
    });
    const cells = cellsOf(plan.sheets[0]);
    const { us, partner } = layout.signatures;
    expect(cells.get(us.name)).toEqual({ kind: "text", text: "Avery Chen" });
    expect(cells.get(us.title)).toEqual({ kind: "text", text: "VP Partnerships" });
    expect(cells.get(partner.name)).toEqual({ kind: "text", text: "Sam Patel" });
    expect(cells.get(partner.title)).toEqual({ kind: "blank" });
    expect([us.date, us.signature, partner.date, partner.signature].map((a) => cells.get(a))).toEqual(
      Array.from({ length: 4 }, () => ({ kind: "blank" })),
    );
    for (const side of [us, partner])
      for (const address of Object.values(side))
        expect(plan.sheets[0].cellStyles).toContainEqual(expect.objectContaining({ range: address, borderBottom: true }));
    const header = Number(us.name.slice(1)) - 1;
    expect(cells.get(`B${header}`)).toEqual({ kind: "text", text: "For Contoso" });
    expect(cells.get(`D${header}`)).toEqual({ kind: "text", text: "For Fabrikam" });
    expect(layout.printArea.endsWith(us.signature.slice(1))).toBe(true);
  });

  test("the gates are formulas over named cells: PE.CRAWL_GATE, PE.WALK_GATE and the run rule", () => {
    const { plan, layout } = buildCharterPlan(MINIMAL);
    expect(plan.names.map((n) => [n.name, n.range])).toEqual([
      ["Charter_CrawlBaseline", layout.cells.crawlBaseline],
      ["Charter_CrawlPilot", layout.cells.crawlPilot],
      ["Charter_CrawlThreshold", layout.cells.crawlThreshold],
      ["Charter_CrawlBetter", layout.cells.crawlBetter],
      ["Charter_CrawlGate", layout.cells.crawlGate],
      ["Charter_WalkInvited", layout.cells.walkInvited],
      ["Charter_WalkAdopted", layout.cells.walkAdopted],
      ["Charter_WalkThreshold", layout.cells.walkThreshold],
      ["Charter_WalkGate", layout.cells.walkGate],
      ["Charter_RunGate", layout.cells.runGate],
    ]);
    expect(plan.names.every((n) => definedNameProblem(n.name) === null)).toBe(true);
    const cells = cellsOf(plan.sheets[0]);
    expect(cells.get(layout.cells.crawlGate)).toEqual({
      kind: "formula",
      formula:
        '=IF(OR(ISBLANK(Charter_CrawlBaseline),ISBLANK(Charter_CrawlPilot)),"PENDING",PE.CRAWL_GATE(Charter_CrawlBaseline,Charter_CrawlPilot,Charter_CrawlThreshold,Charter_CrawlBetter))',
    });
    expect(cells.get(layout.cells.walkGate)).toEqual({
      kind: "formula",
      formula:
        '=IF(OR(ISBLANK(Charter_WalkInvited),ISBLANK(Charter_WalkAdopted)),"PENDING",PE.WALK_GATE(Charter_WalkAdopted,Charter_WalkInvited,Charter_WalkThreshold))',
    });
    expect(cells.get(layout.cells.runGate)).toEqual({
      kind: "formula",
      formula:
        '=IF(AND(Charter_CrawlGate="GO",Charter_WalkGate="GO"),"GO",IF(OR(Charter_CrawlGate="NO-GO",Charter_WalkGate="NO-GO"),"NO-GO","PENDING"))',
    });
    expect(cells.get(layout.cells.crawlThreshold)).toEqual({ kind: "number", value: 0.2 });
    expect(cells.get(layout.cells.walkThreshold)).toEqual({ kind: "number", value: 0.7 });
    expect(cells.get(layout.cells.crawlBetter)).toEqual({ kind: "text", text: "higher" });
    for (const key of ["crawlBaseline", "crawlPilot", "walkInvited", "walkAdopted"] as const)
      expect(cells.get(layout.cells[key])).toEqual({ kind: "blank" });
    const sheet = plan.sheets[0];
    expect(sheet.conditionalFormats!.filter((cf) => cf.range === layout.cells.runGate).map((cf) => cf.rule)).toEqual([
      { kind: "equals", value: "GO" },
      { kind: "equals", value: "NO-GO" },
      { kind: "equals", value: "PENDING" },
    ]);
    expect(sheet.validations!.find((v) => v.range === layout.cells.crawlBetter)?.rule).toEqual({
      kind: "list",
      items: ["higher", "lower"],
    });
  });

  test("every string the user typed is a text cell, never a formula, whatever it starts with", () => {
    const { draft, strings } = hostileInput();
    const { plan } = buildCharterPlan(draft);
    expect(validatePlan(plan)).toEqual([]);
    const all = plan.sheets[0].blocks.flatMap((b) => b.cells.flat());
    const texts = new Set(all.flatMap((c) => (c.kind === "text" ? [c.text] : [])));
    for (const value of strings) expect(texts.has(value)).toBe(true);
    const formulas = all.flatMap((c) => (c.kind === "formula" ? [c.formula] : []));
    expect(formulas).toHaveLength(5);
    expect(formulas.filter((f) => strings.some((s) => f.includes(s)))).toEqual([]);
    // the names are also part of labels, still as text
    expect(texts.has(`For ${strings[0]}`)).toBe(true);
  });

  test("inputs are saved under the charter key in the CLI's input format, and restore", () => {
    const { plan, input } = buildCharterPlan({ ...MINIMAL, ourName: "Contoso", ui: { step: "phases" } });
    expect(plan.settings.map((s) => s.key)).toEqual([CHARTER_SETTINGS_KEY]);
    expect(CHARTER_SETTINGS_KEY).toBe("PartnerEconomics.charter");
    expect(plan.settings[0].json).toBe(serializeCharterInput(input));
    const saved = JSON.parse(plan.settings[0].json);
    expect(saved).toMatchObject({ wizard: "charter", version: 1, ourName: "Contoso", ui: { step: "phases" } });
    expect(validateCharterInput(saved)).toMatchObject({ ok: true });
    expect(restoreCharterInput(plan.settings[0].json)).toEqual({ ...input, wizard: "charter", version: 1 });
    // a draft still missing its exit criteria comes back for the wizard to flag
    expect(restoreCharterInput('{"wizard":"charter","ourName":"X"}')?.ourName).toBe("X");
    expect(restoreCharterInput('{"wizard":"deal"}')).toBeNull();
    expect(restoreCharterInput("not json")).toBeNull();
  });

  test("a second charter gets a fresh sheet and Charter2_ names", () => {
    const first = buildCharterPlan(MINIMAL);
    const { plan, layout } = buildCharterPlan(
      MINIMAL,
      ["Charter"],
      first.plan.names.map((n) => n.name),
    );
    expect(layout.sheet).toBe("Charter (2)");
    expect(plan.names.every((n) => n.name.startsWith("Charter2_") && n.sheet === "Charter (2)")).toBe(true);
    const formulas = plan.sheets[0].blocks
      .flatMap((b) => b.cells.flat())
      .flatMap((c) => (c.kind === "formula" ? [c.formula] : []));
    expect(formulas.every((f) => !f.includes("Charter_"))).toBe(true);
  });

  test("docs/examples/charter.json is a complete, valid input", () => {
    const json = JSON.parse(readFileSync(EXAMPLE, "utf8"));
    expect(validateCharterInput(json)).toMatchObject({ ok: true, warnings: [] });
    const { plan } = buildCharterPlan(json);
    expect(Object.keys(JSON.parse(plan.settings[0].json)).sort()).toEqual(Object.keys(json).sort());
  });
});
