import { HyperFormula } from "hyperformula";
import { deDE } from "hyperformula/i18n/languages";
import functionsJson from "../../generated/functions.json";
import { createEngine, evaluateFormula, registerPeFunctions } from "../../src/engine";
import { functionBindings } from "../../generated/function-bindings";

/** One registration path, driven by functions.json; it must cover every function and only those. */
describe("registering the PE functions with HyperFormula", () => {
  const declaredNames = functionsJson.functions.map((fn) => `PE.${fn.name}`).sort();

  it("registers exactly the functions declared in functions.json, under PE.", () => {
    const engine = createEngine();
    const registered = engine.getRegisteredFunctionNames().filter((name) => name.startsWith("PE."));
    expect(registered.sort()).toEqual(declaredNames);
    // Every binding is declared (functions-metadata.test checks the list against the issues).
    expect(declaredNames).toHaveLength(Object.keys(functionBindings).length);
  });

  it("registers once: a second call and a second engine reuse the same registration", () => {
    const first = registerPeFunctions();
    expect(registerPeFunctions()).toBe(first);
    const a = createEngine({}, { S: [["=PE.TIER(90)"]] });
    const b = createEngine({}, { S: [["=PE.TIER(40)"]] });
    expect(a.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe("Tier 1");
    expect(b.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe("Not qualified");
  });

  it("accepts the names in any case, as Excel does", () => {
    expect(evaluateFormula("=pe.tier(72)")).toBe("Tier 2");
  });

  it("keeps the PE names in a language registered after the functions", () => {
    if (!HyperFormula.getRegisteredLanguagesCodes().includes("deDE")) HyperFormula.registerLanguage("deDE", deDE);
    const engine = createEngine({ language: "deDE" }, { S: [["=PE.TIER(72)", "=SUMME(1,2)"]] });
    expect(engine.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe("Tier 2");
    expect(engine.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(3);
  });

  it("fails loudly at start-up when functions.json and the bindings disagree", () => {
    jest.isolateModules(() => {
      jest.doMock("../../generated/function-bindings", () => {
        const actual = jest.requireActual("../../generated/function-bindings");
        const functionBindings = { ...actual.functionBindings, EXTRA_RULE: actual.functionBindings.TIER };
        delete functionBindings.TIER;
        return { functionBindings };
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module under the mocked bindings
      const { registerPeFunctions: registerWithMock } = require("../../src/engine/pe-plugin");
      expect(() => registerWithMock()).toThrow(/TIER with no binding.*EXTRA_RULE, which functions.json does not declare/);
    });
  });
});
