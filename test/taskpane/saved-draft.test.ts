import { charterWizard } from "../../src/taskpane/charter/definition";
import { dealWizard } from "../../src/taskpane/deal/definition";
import { qualificationWizard } from "../../src/taskpane/qualification/definition";
import type { WizardDefinition } from "../../src/taskpane/wizard/types";

/** The one saved-input format (issue 10): every wizard saves { wizard, version, …answers, ui: { draft, step } }. */
const wizards: [string, WizardDefinition<unknown>][] = [
  ["qualification", qualificationWizard as WizardDefinition<unknown>],
  ["deal", dealWizard as WizardDefinition<unknown>],
  ["charter", charterWizard as WizardDefinition<unknown>],
];

describe.each(wizards)("the %s wizard's saved inputs", (id, wizard) => {
  it("lead with the wizard and version, carry the model's answers and keep the wizard's state under ui", () => {
    const state = wizard.initialState();
    const saved = JSON.parse(wizard.save(state, wizard.steps[1].id));
    expect(Object.keys(saved).slice(0, 2)).toEqual(["wizard", "version"]);
    expect(saved.wizard).toBe(id);
    expect(typeof saved.version).toBe("number");
    expect(Object.keys(saved).at(-1)).toBe("ui");
    expect(saved.ui).toEqual({ draft: JSON.parse(JSON.stringify(state)), step: wizard.steps[1].id });
    expect(Object.keys(saved).length).toBeGreaterThan(3);
    expect(wizard.restore(JSON.stringify(saved))).toEqual({ state, stepId: wizard.steps[1].id });
  });

  it("refuse another wizard's inputs", () => {
    const other = wizards.find(([otherId]) => otherId !== id)![1];
    expect(wizard.restore(other.save(other.initialState(), other.steps[0].id))).toBeNull();
  });
});
