import { firstStepWithError, stepView } from "../../src/taskpane/wizard/messages";
import type { WizardCheck } from "../../src/taskpane/wizard/types";

const stepOf = (field: string) => field.split(".")[0];

const check: WizardCheck = {
  errors: [
    { field: "a.name", message: "name it" },
    { field: "a", message: "add one", quiet: true },
    { field: "b.1.weight", message: "not a number" },
  ],
  warnings: [
    { field: "a.name", message: "unusual" },
    { field: "b.total", message: "not 100%" },
  ],
};

describe("stepView", () => {
  it("shows a step's loud errors at once and its quiet ones only after a Next was tried", () => {
    const before = stepView(check, "a", stepOf, false);
    expect(before.messages.field("a.name")).toEqual({ validationState: "error", validationMessage: "name it" });
    expect(before.messages.field("a")).toEqual({});
    expect(before.blocking.map((m) => m.field)).toEqual(["a.name", "a"]);
    const after = stepView(check, "a", stepOf, true);
    expect(after.messages.field("a")).toEqual({ validationState: "error", validationMessage: "add one" });
  });

  it("gives a field's warning when it has no error, and nothing for other steps' fields", () => {
    const b = stepView(check, "b", stepOf, false);
    expect(b.messages.field("b.total")).toEqual({ validationState: "warning", validationMessage: "not 100%" });
    expect(b.messages.field("a.name")).toEqual({});
    expect(b.messages.under("b")).toEqual({ errors: [check.errors[2]], warnings: [check.warnings[1]] });
  });

  it("never blocks on warnings", () => {
    expect(stepView({ errors: [], warnings: check.warnings }, "b", stepOf, true).blocking).toEqual([]);
  });
});

describe("firstStepWithError", () => {
  it("finds the first step, in step order, that holds an error", () => {
    expect(firstStepWithError(check, ["c", "b", "a"], stepOf)).toBe("b");
    expect(firstStepWithError({ errors: [], warnings: [] }, ["a"], stepOf)).toBeUndefined();
  });
});
