import { buildScorecardPlan } from "../../src/workbook/models/scorecard";
import { checkScorecardDraft, scorecardStepOfField } from "../../src/taskpane/scorecard/check";
import { restoreScorecardDraft, saveScorecardDraft, scorecardWizard } from "../../src/taskpane/scorecard/definition";
import { initialScorecardDraft, toScorecardModelInput, type ScorecardDraft } from "../../src/taskpane/scorecard/draft";

/** The scorecard wizard's state → the model's input, its messages per step, and its saved format. */
const ACTUALS =
  "partner\tperiod\ttarget\tactual\nAcme\t2025-Q1\t100\t120\nAcme\t2025-Q2\t100\t90\nBeta\t2025-Q1\t50\t50\nBeta\t2025-Q2\t50\t60\n";
const draft = (change: Partial<ScorecardDraft> = {}): ScorecardDraft => ({
  ...initialScorecardDraft(),
  asOf: "2026-01-15",
  actualsText: ACTUALS,
  contractsText: "partner,start,initial term,renewal term,notice\nAcme,2025-03-01,1,1,60\n",
  ...change,
});

describe("the scorecard wizard's state", () => {
  test("becomes the model's input: data read with the guessed columns, rules typed as text", () => {
    const { input, problems } = toScorecardModelInput(draft({ healthCap: "120" }));
    expect(problems).toEqual([]);
    expect(input.periods).toEqual(["2025-Q1", "2025-Q2"]);
    expect(input.partners![0]).toMatchObject({
      name: "Acme",
      targets: [100, 100],
      actuals: [120, 90],
      start: "2025-03-01",
      initialYears: 1,
    });
    expect(input.partners![1]).toMatchObject({ name: "Beta", actuals: [50, 60] });
    expect(input.healthCap).toBe(1.2);
    expect(checkScorecardDraft(draft())).toEqual({ errors: [], warnings: [] });
    const plan = scorecardWizard.buildPlan(draft(), { sheetNames: ["Sheet1"], definedNames: [], tableNames: [] } as never);
    expect(plan.plan.sheets.map((s) => s.name)).toEqual(["Portfolio", "QBR"]);
  });

  test("a confirmed mapping overrides the guess", () => {
    const swapped = draft({ mapping: { layout: "long", partner: 0, period: 1, target: 3, actual: 2 } });
    expect(toScorecardModelInput(swapped).input.partners![0]).toMatchObject({ targets: [120, 90], actuals: [100, 100] });
  });

  test("messages go to the step that owns the field", () => {
    const check = checkScorecardDraft(
      draft({ actualsText: "partner,period,target,actual\nA,2025-Q1,1,x\n", expandAfter: "two" }),
    );
    expect(check.errors).toEqual(
      expect.arrayContaining([
        { field: "actualsText", message: 'Line 2, column 4 "actual": "x" is not a number' },
        { field: "expandAfter", message: '"two" is not a number: enter a whole number of quarters' },
      ]),
    );
    expect(scorecardStepOfField("actualsText")).toBe("data");
    expect(scorecardStepOfField("partners.2.start")).toBe("contracts");
    expect(scorecardStepOfField("partners.2.actuals.1")).toBe("data");
    expect(scorecardStepOfField("healthBands.0.from")).toBe("rules");
    expect(scorecardStepOfField("qbrSheetName")).toBe("review");
  });

  test("saves in the scorecard's format (answers without data) with the draft under ui, and restores the draft", () => {
    const saved = saveScorecardDraft(draft(), "rules");
    const json = JSON.parse(saved);
    expect(json).toMatchObject({ wizard: "scorecard", version: 1, asOf: "2026-01-15", partnerCount: 2, quarterCount: 2 });
    expect(json.partners).toBeUndefined();
    expect(restoreScorecardDraft(saved)).toEqual({ state: draft(), stepId: "rules" });
    // a plan's saved answers (no ui) come back as a draft with the rules, to paste the data again
    const fromPlan = buildScorecardPlan(toScorecardModelInput(draft({ expandAfter: "4" })).input).plan.settings[0].json;
    const restored = restoreScorecardDraft(fromPlan)!;
    expect(restored.state).toMatchObject({ expandAfter: "4", asOf: "2026-01-15", actualsText: "" });
  });
});
