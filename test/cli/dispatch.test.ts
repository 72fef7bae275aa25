import functionsJson from "../../generated/functions.json";
import { ensureCliBuilt, peCalc } from "./support";

/** The pe-calc dispatcher: help derived from functions.json, usage errors. */
beforeAll(ensureCliBuilt);

function signature(fn: (typeof functionsJson.functions)[number]): string {
  const parameters = fn.parameters.map((parameter) =>
    "optional" in parameter && parameter.optional ? `[${parameter.name}]` : parameter.name,
  );
  return `PE.${fn.name}(${parameters.join(", ")})`;
}

describe("pe-calc help", () => {
  it.each([[["--help"]], [["eval", "--help"]]])(
    "pe-calc %j lists every PE function with its signature and description",
    (args) => {
      const run = peCalc(args);
      expect(run.status).toBe(0);
      const text = run.stdout.replace(/\s+/g, " ");
      for (const fn of functionsJson.functions) {
        expect(text).toContain(signature(fn));
        expect(text).toContain(fn.description);
        for (const parameter of fn.parameters) expect(text).toContain(parameter.description);
      }
    },
  );

  it("shows the usage on standard error and exits 2 when no command is given", () => {
    const run = peCalc([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('pe-calc eval "<formula>"');
  });
});

describe("pe-calc usage errors", () => {
  it("answers an unknown command with one line and exit status 2", () => {
    const run = peCalc(["recalculate", "book.xlsx"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^pe-calc: unknown command "recalculate": use eval/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});
