import {
  buildQualificationPlan,
  QUALIFICATION_SETTINGS_KEY,
  restoreQualificationInput,
} from "../../src/workbook/models/qualification";
import { checkDraft, stepOfField } from "../../src/taskpane/qualification/check";
import {
  qualificationWizard,
  restoreQualificationDraft,
  saveQualificationDraft,
} from "../../src/taskpane/qualification/definition";
import { initialDraft, parseDraftNumber, toModelInput, type QualificationDraft } from "../../src/taskpane/qualification/draft";

function draft(change: Partial<QualificationDraft> = {}): QualificationDraft {
  return { ...initialDraft(), ...change };
}

const pasted = (lines: string[]) => draft({ source: "paste", pasted: lines.join("\n") });

describe("the qualification wizard's draft", () => {
  it("starts from the framework: five criteria at 30/25/20/15/10, scale 5, tiers 85/70/50, with guidance", () => {
    const model = toModelInput(initialDraft()).input;
    expect(model.criteria?.map((c) => [c.name, c.weight])).toEqual([
      ["Strategic fit", 30],
      ["Market reach", 25],
      ["Capabilities", 20],
      ["Financial health", 15],
      ["Track record", 10],
    ]);
    expect(model.criteria?.every((c) => (c.guidance ?? []).length > 0)).toBe(true);
    expect(model.scale).toBe(5);
    expect(model.tiers).toEqual([
      { threshold: 85, label: "Tier 1" },
      { threshold: 70, label: "Tier 2" },
      { threshold: 50, label: "Tier 3" },
    ]);
  });

  it("reads numbers as typed: spaces and a percent sign on weights are fine, other text is not", () => {
    expect(parseDraftNumber(" 30 ")).toBe(30);
    expect(parseDraftNumber("30%", true)).toBe(30);
    expect(parseDraftNumber("30%")).toBeUndefined();
    expect(parseDraftNumber("abc")).toBeUndefined();
    expect(parseDraftNumber("")).toBeUndefined();
  });

  it("gives a blank table of N rows, and refuses a row count that is not a whole number from 1", () => {
    expect(toModelInput(draft({ source: "blank", blankRows: "3" })).input.partners).toEqual(["", "", ""]);
    for (const bad of ["0", "2.5", "abc", "-1", ""]) {
      const errors = checkDraft(draft({ source: "blank", blankRows: bad })).errors;
      expect(errors.map((e) => e.field)).toContain("blankRows");
    }
  });

  it("takes names that look like formulas as they are", () => {
    expect(toModelInput(pasted(["=1+1", "+SUM(A1)", "-2", "@x"])).input.partners).toEqual(["=1+1", "+SUM(A1)", "-2", "@x"]);
  });
});

describe("checkDraft", () => {
  it("holds back 'no partners yet' until the user tries to go on, and puts it on the partners step", () => {
    const check = checkDraft(initialDraft());
    const partners = check.errors.find((e) => e.field === "partners");
    expect(partners).toMatchObject({ quiet: true });
    expect(stepOfField("partners")).toBe("partners");
  });

  it("warns, without an error, when the weights do not add up to 100%", () => {
    const d = pasted(["Acme"]);
    d.criteria[4] = { ...d.criteria[4], weight: "15" };
    const check = checkDraft(d);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([{ field: "weights", message: expect.stringContaining("add up to 105%") }]);
    expect(stepOfField("weights")).toBe("criteria");
  });

  it("reports a weight that is not a number on its field, and no misleading total", () => {
    const d = pasted(["Acme"]);
    d.criteria[1] = { ...d.criteria[1], weight: "abc" };
    const check = checkDraft(d);
    expect(check.errors).toEqual([
      { field: "criteria.1.weight", message: '"abc" is not a number: enter a weight in %, e.g. 30' },
    ]);
    expect(check.warnings).toEqual([]);
  });

  it("routes scale, tier, label and sheet-name problems to their steps", () => {
    const d = pasted(["Acme"]);
    d.scale = "0";
    d.tiers[1] = { threshold: "120", label: "Tier 1" };
    d.sheetName = "a/b";
    const fields = checkDraft(d).errors.map((e) => [e.field, stepOfField(e.field)]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ["scale", "scale"],
        ["tiers.1.threshold", "tiers"],
        ["tiers.1.label", "tiers"],
        ["sheetName", "review"],
      ]),
    );
  });

  it("reports ratings outside the scale and ratings that are not numbers, on the partners step", () => {
    const d = pasted(["Partner\tStrategic fit\tMarket reach", "Acme\t6\tgood"]);
    d.hasHeader = true;
    const errors = checkDraft(d).errors;
    expect(errors.map((e) => e.field).sort()).toEqual(["ratings.0.0", "ratings.0.1"]);
    expect(errors.every((e) => stepOfField(e.field) === "partners")).toBe(true);
  });
});

describe("saving and restoring the inputs", () => {
  it("restores the draft as typed and the step the user was on", () => {
    const d = pasted(["Acme", "=1+1"]);
    d.tiers[2] = { threshold: "55", label: "Watch" };
    d.scale = "10";
    const saved = saveQualificationDraft(d, "tiers");
    expect(restoreQualificationDraft(saved)).toEqual({ state: d, stepId: "tiers" });
  });

  it("writes the plans' settings shape, which the plans' own reader understands", () => {
    const d = pasted(["Acme"]);
    d.scale = "10";
    const restored = restoreQualificationInput(saveQualificationDraft(d, "partners"));
    expect(restored?.scale).toBe(10);
    expect(restored?.criteria.map((c) => c.name)).toEqual(d.criteria.map((c) => c.name));
  });

  it("restores the inputs a written plan saved (its settings, without partners)", () => {
    const d = pasted(["Acme"]);
    d.tiers[0] = { threshold: "90", label: "Gold" };
    const { plan } = buildQualificationPlan({ ...toModelInput(d).input });
    const setting = plan.settings.find((s) => s.key === QUALIFICATION_SETTINGS_KEY)!;
    const restored = restoreQualificationDraft(setting.json)!;
    expect(restored.state.tiers[0]).toEqual({ threshold: "90", label: "Gold" });
    expect(restored.state.pasted).toBe("");
    expect(restored.stepId).toBeUndefined();
  });

  it("restores the draft and step saved in the wizard's first format ({ input, draft, step } at the top level)", () => {
    const d = pasted(["Acme", "Globex"]);
    d.scale = "7";
    const older = JSON.stringify({
      version: 1,
      wizard: "qualification",
      sheet: "Qualification",
      partnerCount: 2,
      input: { sheetName: "Qualification", scale: 7 },
      draft: d,
      step: "scale",
    });
    expect(restoreQualificationDraft(older)).toEqual({ state: d, stepId: "scale" });
    const withoutDraft = JSON.stringify({ version: 1, wizard: "qualification", input: { scale: 7 } });
    expect(restoreQualificationDraft(withoutDraft)?.state.scale).toBe("7");
  });

  it("ignores settings that are not ours or not JSON", () => {
    expect(restoreQualificationDraft("not json")).toBeNull();
    expect(restoreQualificationDraft(JSON.stringify({ wizard: "deal" }))).toBeNull();
  });

  it("uses the plans' settings key", () => {
    expect(qualificationWizard.settingsKey).toBe(QUALIFICATION_SETTINGS_KEY);
  });
});

describe("the wizard definition", () => {
  it("has the five steps in order and builds a plan that avoids the workbook's names", () => {
    expect(qualificationWizard.steps.map((s) => s.id)).toEqual(["partners", "criteria", "scale", "tiers", "review"]);
    const built = qualificationWizard.buildPlan(pasted(["Acme", "Globex"]), {
      sheetNames: ["Qualification"],
      definedNames: ["Qual_Weights"],
      tableNames: [],
    });
    expect(built.plan.sheets[0].name).toBe("Qualification (2)");
    expect(built.plan.names.map((n) => n.name)).not.toContain("Qual_Weights");
    expect(built.progressLabel).toBe("Writing 2 partners and their formulas");
  });
});
