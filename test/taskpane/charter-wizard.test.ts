import { BLANK_LINE_PREFIX, CHARTER_STEP_IDS, charterStepOfField, checkCharterDraft } from "../../src/taskpane/charter/check";
import { charterWizard, restoreCharterDraft, saveCharterDraft } from "../../src/taskpane/charter/definition";
import { initialCharterDraft, itemsOf, toCharterModelInput, withItem, type CharterDraft } from "../../src/taskpane/charter/draft";
import { firstStepWithError, stepView } from "../../src/taskpane/wizard/messages";
import { buildCharterPlan, CHARTER_SETTINGS_KEY } from "../../src/workbook/models/charter";
import { EXIT_CRITERIA_SUGGESTIONS } from "../../src/workbook/models/charter/defaults";
import { validateCharterInput } from "../../src/workbook/models/charter/input";

const EXIT = EXIT_CRITERIA_SUGGESTIONS[0];

/** A charter with every section filled in, as the browser test types it. */
function filled(): CharterDraft {
  const draft = initialCharterDraft();
  return {
    ...draft,
    ourName: "Contoso",
    partnerName: "Fabrikam",
    goals: { us: "=1+1\n50 new customers in year 1", partner: "Access to our customers", customers: "Onboarding in days" },
    valueExchange: { weGive: "Engineering time", partnerGives: "Distribution", balanced: "yes", note: "" },
    phases: {
      crawl: { start: "2025-03-03", end: "2025-04-28", deliverables: "2 pilot customers", metrics: "Hours to onboard" },
      walk: { start: "2025-05-05", end: "2025-07-21", deliverables: "", metrics: "" },
      run: { start: "", end: "", deliverables: "", metrics: "" },
    },
    crawlGate: { ...draft.crawlGate, metric: "Hours to onboard", better: "lower" },
    governance: { ourOwners: "Ana Ruiz, VP Partnerships", partnerOwners: "Li Wei", escalation: "Steering committee" },
    exitCriteria: EXIT,
    signatories: { us: { name: "Ana Ruiz", title: "VP" }, partner: { name: "Li Wei", title: "CEO" } },
  };
}

const errorOn = (draft: CharterDraft, field: string) => checkCharterDraft(draft).errors.find((e) => e.field === field);

describe("the charter wizard's draft", () => {
  it("starts from the playbook: gates at 20% and 70%, weekly / monthly / quarterly reviews, no exit criteria", () => {
    const input = toCharterModelInput(initialCharterDraft()).input;
    expect(input.phases?.crawl?.gate).toEqual({ metric: "", threshold: 0.2, better: "higher", baseline: null, pilot: null });
    expect(input.phases?.walk?.gate).toEqual({ threshold: 0.7, invited: null, adopted: null });
    expect(input.measurement?.cadence).toEqual({ workingTeam: "weekly", steering: "monthly", executive: "quarterly" });
    expect(input.exitCriteria).toEqual([]);
    expect(input.valueExchange?.balanced).toBeNull();
  });

  it("takes each line as an item, as typed: blank lines dropped, text that looks like a formula kept", () => {
    expect(itemsOf("  =1+1 \n\n+SUM(A1)\r\n-2\n@x\n")).toEqual(["=1+1", "+SUM(A1)", "-2", "@x"]);
    const input = toCharterModelInput(filled()).input;
    expect(input.goals?.us).toEqual(["=1+1", "50 new customers in year 1"]);
    expect(input.valueExchange?.balanced).toBe(true);
    expect(
      toCharterModelInput({ ...filled(), valueExchange: { ...filled().valueExchange, balanced: "no" } }).input.valueExchange
        ?.balanced,
    ).toBe(false);
    expect(input.phases?.crawl?.start).toBe("2025-03-03");
    expect(input.phases?.run?.start).toBeNull();
  });

  it("adds a suggestion as a new line, once", () => {
    expect(withItem("", EXIT)).toBe(EXIT);
    expect(withItem("Own criterion\n\n", EXIT)).toBe(`Own criterion\n${EXIT}`);
    expect(withItem(`${EXIT}\nOwn`, EXIT)).toBe(`${EXIT}\nOwn`);
  });

  it("reads thresholds as percentages and measurements as numbers", () => {
    const draft = filled();
    draft.crawlGate = { ...draft.crawlGate, threshold: "25%", baseline: "10", pilot: "12.5" };
    draft.walkGate = { threshold: "70", invited: "10", adopted: "7" };
    const gates = toCharterModelInput(draft).input.phases!;
    expect(gates.crawl?.gate).toMatchObject({ threshold: 0.25, baseline: 10, pilot: 12.5 });
    expect(gates.walk?.gate).toEqual({ threshold: 0.7, invited: 10, adopted: 7 });
  });
});

describe("the charter wizard's checks, each message on its field and step", () => {
  it("accepts a filled-in charter with no error and no warning", () => {
    expect(checkCharterDraft(filled())).toEqual({ errors: [], warnings: [] });
  });

  it("requires exit criteria, said when the user tries to go on or to write, and sends Write to that step", () => {
    const draft = { ...filled(), exitCriteria: " \n " };
    const check = checkCharterDraft(draft);
    expect(check.errors).toEqual([
      {
        field: "exitCriteria",
        message: expect.stringMatching(/^A charter needs at least one exit criterion \(what would end the partnership\?\)/),
        quiet: true,
      },
    ]);
    expect(charterStepOfField("exitCriteria")).toBe(CHARTER_STEP_IDS.exit);
    const order = charterWizard.steps.map((s) => s.id);
    expect(firstStepWithError(check, order, charterStepOfField)).toBe(CHARTER_STEP_IDS.exit);
    expect(stepView(check, CHARTER_STEP_IDS.exit, charterStepOfField, false).messages.field("exitCriteria")).toEqual({});
    expect(stepView(check, CHARTER_STEP_IDS.exit, charterStepOfField, true).messages.field("exitCriteria")).toMatchObject({
      validationState: "error",
    });
  });

  it("keeps empty-section warnings off the fields and says them once, on the review step", () => {
    const check = checkCharterDraft({ ...initialCharterDraft(), exitCriteria: EXIT });
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((w) => w.field)).toEqual([
      "blank.goals.us",
      "blank.goals.partner",
      "blank.goals.customers",
      "blank.valueExchange.weGive",
      "blank.valueExchange.partnerGives",
    ]);
    expect(check.warnings.every((w) => charterStepOfField(w.field) === CHARTER_STEP_IDS.review)).toBe(true);
    const review = stepView(check, CHARTER_STEP_IDS.review, charterStepOfField, false);
    expect(review.messages.under(BLANK_LINE_PREFIX).warnings[0].message).toBe(
      "What success looks like for us is empty: the charter shows a blank line to fill in",
    );
    expect(stepView(check, CHARTER_STEP_IDS.goals, charterStepOfField, false).messages.field("goals.us")).toEqual({});
  });

  it("puts a phase's date and gate problems on that phase's step", () => {
    const draft = filled();
    draft.phases = { ...draft.phases, walk: { ...draft.phases.walk, start: "2025-06-01", end: "2025-05-01" } };
    draft.crawlGate = { ...draft.crawlGate, threshold: "150", baseline: "0" };
    draft.walkGate = { ...draft.walkGate, invited: "0" };
    expect(errorOn(draft, "phases.walk.end")?.message).toBe("Walk ends (2025-05-01) before it starts (2025-06-01)");
    expect(errorOn(draft, "phases.crawl.gate.threshold")?.message).toBe(
      "The crawl gate's improvement threshold is 150%: enter a rate from 0% to 100%",
    );
    const typo = { ...draft, crawlGate: { ...draft.crawlGate, threshold: "2000" } };
    expect(errorOn(typo, "phases.crawl.gate.threshold")?.message).toBe(
      "The crawl gate's improvement threshold is 2000%: enter a rate from 0% to 100%",
    );
    expect(errorOn(draft, "phases.crawl.gate.baseline")?.message).toMatch(/^The crawl baseline is 0/);
    expect(errorOn(draft, "phases.walk.gate.invited")?.message).toMatch(/^Customers invited is 0/);
    expect(charterStepOfField("phases.walk.end")).toBe(CHARTER_STEP_IDS.walk);
    expect(charterStepOfField("phases.crawl.gate.threshold")).toBe(CHARTER_STEP_IDS.crawl);
    expect(charterStepOfField("phases.run.start")).toBe(CHARTER_STEP_IDS.run);
  });

  it("reports a measurement that is not a number once, and a blank threshold", () => {
    const draft = filled();
    draft.crawlGate = { ...draft.crawlGate, baseline: "ten", threshold: "" };
    const errors = checkCharterDraft(draft).errors;
    expect(errors.filter((e) => e.field === "phases.crawl.gate.baseline")).toEqual([
      { field: "phases.crawl.gate.baseline", message: '"ten" is not a number: enter the baseline, or leave it blank' },
    ]);
    expect(errors.find((e) => e.field === "phases.crawl.gate.threshold")?.message).toBe(
      "Enter the improvement needed in %, e.g. 20",
    );
  });

  it("shows a message about one item on its list field, naming the item", () => {
    const draft = { ...filled(), governance: { ...filled().governance, escalation: `Team\n\n${"x".repeat(2001)}` } };
    expect(errorOn(draft, "governance.escalation")).toEqual({
      field: "governance.escalation",
      message: "Item 2: this text has 2001 characters; keep each entry to 2000 (split it into items)",
      quiet: false,
    });
    expect(charterStepOfField("governance.escalation")).toBe(CHARTER_STEP_IDS.governance);
    expect(charterStepOfField("signatories.partner.name")).toBe(CHARTER_STEP_IDS.signatories);
    expect(charterStepOfField("measurement.cadence.steering")).toBe(CHARTER_STEP_IDS.measurement);
    expect(charterStepOfField("valueExchange.note")).toBe(CHARTER_STEP_IDS.value);
    expect(charterStepOfField("sheetName")).toBe(CHARTER_STEP_IDS.review);
  });
});

describe("the charter wizard's plan", () => {
  it("writes every typed string as a text cell, the gates as PE formulas, under unique names", () => {
    const built = charterWizard.buildPlan(filled(), { sheetNames: ["Charter"], definedNames: [], tableNames: [] });
    const sheet = built.plan.sheets[0];
    expect(sheet.name).toBe("Charter (2)");
    const cells = sheet.blocks.flatMap((b) => b.cells.flat());
    const typed = cells.find((c) => c.kind === "text" && c.text === "=1+1");
    expect(typed).toBeDefined();
    const formulas = cells.filter((c) => c.kind === "formula").map((c) => (c as { formula: string }).formula);
    expect(formulas.some((f) => f.includes("PE.CRAWL_GATE(Charter_CrawlBaseline,Charter_CrawlPilot"))).toBe(true);
    expect(formulas.some((f) => f.includes("PE.WALK_GATE("))).toBe(true);
    expect(formulas.every((f) => !f.includes("1+1"))).toBe(true);
    expect(built.plan).toEqual(buildCharterPlan(toCharterModelInput(filled()).input, ["Charter"], []).plan);
  });
});

describe("saving and restoring the charter wizard's inputs", () => {
  it("round-trips the draft as typed and the step", () => {
    const draft = { ...filled(), goals: { ...filled().goals, us: "line 1\n\n  line 2  " } };
    draft.crawlGate = { ...draft.crawlGate, baseline: "abc" };
    expect(restoreCharterDraft(saveCharterDraft(draft, CHARTER_STEP_IDS.walk))).toEqual({
      state: draft,
      stepId: CHARTER_STEP_IDS.walk,
    });
  });

  it("saves in the charter model's own input format (pe-calc new charter reads it), the wizard's state under ui", () => {
    const saved = JSON.parse(saveCharterDraft(filled(), "review"));
    expect(saved).toMatchObject({ wizard: "charter", version: 1, exitCriteria: [EXIT], ui: { step: "review" } });
    expect(validateCharterInput(saved).ok).toBe(true);
    expect(charterWizard.settingsKey).toBe(CHARTER_SETTINGS_KEY);
  });

  it("restores what a written plan saved (no ui) as the same model input", () => {
    const draft = filled();
    draft.crawlGate = { ...draft.crawlGate, baseline: "10" };
    const { plan } = buildCharterPlan(toCharterModelInput(draft).input);
    const settings = plan.settings?.find((s) => s.key === CHARTER_SETTINGS_KEY);
    const restored = restoreCharterDraft(settings!.json);
    expect(restored?.stepId).toBeUndefined();
    expect(toCharterModelInput(restored!.state).input).toEqual(toCharterModelInput(draft).input);
    expect(restored!.state.crawlGate.baseline).toBe("10");
    expect(restored!.state.valueExchange.balanced).toBe("yes");
  });

  it("ignores settings that are not a charter's or are broken", () => {
    expect(restoreCharterDraft("")).toBeNull();
    expect(restoreCharterDraft(JSON.stringify({ wizard: "deal" }))).toBeNull();
    expect(restoreCharterDraft(JSON.stringify({ wizard: "charter", exitCriterias: [] }))).toBeNull();
    expect(restoreCharterDraft(JSON.stringify({ wizard: "charter", exitCriteria: ["x"] }))?.state.exitCriteria).toBe("x");
  });
});

describe("the charter wizard in the pane", () => {
  it("walks the charter's sections in the playbook's order, its code loaded on first use", async () => {
    expect(charterWizard.steps.map((s) => s.title)).toEqual([
      "Goals",
      "Value exchange",
      "Crawl",
      "Walk",
      "Run",
      "Measurement",
      "Governance",
      "Exit criteria",
      "Signatures",
      "Review and write",
    ]);
    const pane = await import("../../src/taskpane/charter/CharterWizardPane");
    expect(typeof pane.default).toBe("function");
  });
});
