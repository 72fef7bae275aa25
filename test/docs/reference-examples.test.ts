import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { FormulaEvaluator, formatResult } from "../../src/engine";
import metadata from "../../generated/functions.json";

/**
 * The README's function reference is generated from functions.json and docs/reference-notes.json;
 * every example it shows must be what the engine computes.
 */
type Example = [formula: string, result: string, note: string];
type Notes = Record<string, { errors: [string, string][]; examples: Example[] }>;

const root = resolve(__dirname, "../..");
const notes = JSON.parse(readFileSync(resolve(root, "docs/reference-notes.json"), "utf8")) as Notes;
const evaluator = new FormulaEvaluator();

/** Numbers compared to 12 significant digits: a documented 83 is 83.00000000000001 in floating point. */
function normalise(text: string): string {
  return text.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi, (number) => String(Number(Number(number).toPrecision(12))));
}

describe("README function reference", () => {
  it("is up to date with functions.json and the notes", () => {
    expect(() => execFileSync("node", ["scripts/build-reference.mjs", "--check"], { cwd: root, stdio: "pipe" })).not.toThrow();
  });

  it("has notes with errors and examples for every function, and none for unknown ones", () => {
    const ids = metadata.functions.map((fn) => fn.id).sort();
    expect(
      Object.keys(notes)
        .filter((key) => !key.startsWith("$"))
        .sort(),
    ).toEqual(ids);
    for (const id of ids) {
      expect(notes[id].errors.length).toBeGreaterThan(0);
      expect(notes[id].examples.length).toBeGreaterThan(1);
    }
  });

  const examples = Object.entries(notes)
    .filter(([key]) => !key.startsWith("$"))
    .flatMap(([id, note]) => note.examples.map(([formula, result]) => [id, formula, result] as const));

  it.each(examples)("%s: %s gives %s", (_id, formula, expected) => {
    const printed = formatResult(evaluator.evaluate(formula));
    if (expected.startsWith("#")) expect(printed.split(" ")[0]).toBe(expected);
    else expect(normalise(printed)).toBe(normalise(expected));
  });
});
