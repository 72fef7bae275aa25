import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";
import functionsJson from "../../generated/functions.json";
import { catalog } from "../../src/core/catalog";

/**
 * generated/functions.json is what Excel, the engine and the CLI help read: checked here against
 * the function list and against the signatures written in src/functions/functions.ts.
 */
interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

const root = resolve(__dirname, "../..");
const functionsSource = resolve(root, "src/functions/functions.ts");
const functions = (functionsJson as { functions: Fn[] }).functions;
const byId = new Map(functions.map((fn) => [fn.id, fn]));

/** The signatures: [name, optional?, range (matrix)?] per parameter, and whether the result spills. */
const EXPECTED: Record<string, { parameters: Array<[string, boolean, boolean]>; spills: boolean }> = {
  PARTNER_SCORE: {
    parameters: [
      ["ratings", false, true],
      ["weights", true, true],
      ["scale", true, false],
    ],
    spills: true,
  },
  TIER: {
    parameters: [
      ["score", false, true],
      ["thresholds", true, true],
      ["labels", true, true],
    ],
    spills: true,
  },
  REVSHARE_TIERED: {
    parameters: [
      ["revenue", false, true],
      ["tier_starts", false, true],
      ["rates", false, true],
      ["method", true, false],
    ],
    spills: true,
  },
  LIABILITY_CAP: {
    parameters: [
      ["fees_paid", false, true],
      ["floor", true, false],
      ["multiple", true, false],
      ["ceiling", true, false],
    ],
    spills: false,
  },
  CRAWL_GATE: {
    parameters: [
      ["baseline", false, false],
      ["pilot", false, false],
      ["threshold", true, false],
      ["better", true, false],
    ],
    spills: false,
  },
  WALK_GATE: {
    parameters: [
      ["adopted", false, false],
      ["invited", false, false],
      ["threshold", true, false],
    ],
    spills: false,
  },
  TIER_GAP: {
    parameters: [
      ["score", false, true],
      ["thresholds", true, true],
      ["labels", true, true],
    ],
    spills: true,
  },
  TIER_STABLE: {
    parameters: [
      ["ratings", false, true],
      ["weights", true, true],
      ["scale", true, false],
      ["shift", true, false],
      ["thresholds", true, true],
      ["labels", true, true],
    ],
    spills: true,
  },
  REFERRAL_FEE: {
    parameters: [
      ["first_year_revenue", false, false],
      ["rate", false, false],
      ["minimum", true, false],
      ["maximum", true, false],
    ],
    spills: false,
  },
  RESELLER_MARGIN: {
    parameters: [
      ["list_price", false, false],
      ["discount", false, false],
      ["quantity", true, false],
    ],
    spills: false,
  },
  STREAK: {
    parameters: [
      ["actuals", false, true],
      ["targets", false, true],
      ["which", true, false],
    ],
    spills: false,
  },
  PARTNER_STATUS: {
    parameters: [
      ["actuals", false, true],
      ["targets", false, true],
      ["expand_after", true, false],
      ["exit_after", true, false],
    ],
    spills: false,
  },
  TERM_END: {
    parameters: [
      ["start", false, false],
      ["initial_years", false, false],
      ["renewal_years", true, false],
      ["as_of", true, false],
    ],
    spills: false,
  },
  HEALTH: {
    parameters: [
      ["attainments", false, true],
      ["weights", true, true],
      ["cap", true, false],
    ],
    spills: true,
  },
  PAYOUT_LEDGER: {
    parameters: [
      ["amounts", false, true],
      ["partners", false, true],
      ["tier_starts", false, true],
      ["rates", false, true],
      ["periods", true, true],
      ["method", true, false],
    ],
    spills: true,
  },
  PAYOUT_SCHEDULE: {
    parameters: [
      ["earned", false, true],
      ["floor", true, true],
      ["cap", true, true],
      ["recover", true, false],
      ["carry", true, false],
      ["output", true, false],
    ],
    spills: true,
  },
  PAYOUT_TOTALS: {
    parameters: [
      ["amounts", false, true],
      ["partners", false, true],
      ["periods", false, true],
      ["partner_list", false, true],
      ["period_list", false, true],
    ],
    spills: true,
  },
  PERIOD: {
    parameters: [
      ["date", false, true],
      ["frequency", true, false],
      ["fiscal_year_start", true, false],
    ],
    spills: true,
  },
  PAYBACK: {
    parameters: [
      ["cashflows", false, true],
      ["rate", true, false],
    ],
    spills: false,
  },
};

/** Each `@customfunction ID` function in functions.ts with its parameters as written in TypeScript. */
function signaturesInSource(): Map<string, Array<{ name: string; optional: boolean; matrix: boolean }>> {
  const source = ts.createSourceFile(functionsSource, readFileSync(functionsSource, "utf8"), ts.ScriptTarget.ES2022, true);
  const signatures = new Map<string, Array<{ name: string; optional: boolean; matrix: boolean }>>();
  source.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node)) return;
    const tag = ts.getJSDocTags(node).find((jsDocTag) => jsDocTag.tagName.text === "customfunction");
    const id = typeof tag?.comment === "string" ? tag.comment.trim().split(/\s+/)[0] : undefined;
    if (!id) return;
    signatures.set(
      id,
      node.parameters.map((parameter) => ({
        name: parameter.name.getText(source),
        optional: parameter.questionToken !== undefined || parameter.initializer !== undefined,
        matrix: /\[\]\s*\[\]$/.test(parameter.type?.getText(source) ?? ""),
      })),
    );
  });
  return signatures;
}

describe("generated/functions.json", () => {
  it("declares exactly the PE functions of the issues, each named as its ID", () => {
    expect(functions.map((fn) => fn.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const fn of functions) expect(fn.name).toBe(fn.id);
  });

  it("is up to date with the JSDoc in src/functions/functions.ts", async () => {
    const regenerated = await generateCustomFunctionsMetadata(functionsSource, false);
    expect(regenerated.errors).toEqual([]);
    expect(JSON.parse(regenerated.metadataJson)).toEqual(functionsJson);
  });

  it.each(Object.keys(EXPECTED))("%s: every parameter present, described, optional and ranged as the issue says", (id) => {
    const fn = byId.get(id) as Fn;
    expect(fn.description?.trim().length).toBeGreaterThan(20);
    expect(
      fn.parameters.map((parameter) => [parameter.name, parameter.optional === true, parameter.dimensionality === "matrix"]),
    ).toEqual(EXPECTED[id].parameters);
    for (const parameter of fn.parameters) expect(parameter.description?.trim().length).toBeGreaterThan(10);
  });

  it.each(Object.keys(EXPECTED))("%s: the result is a matrix exactly when the function spills", (id) => {
    const fn = byId.get(id) as Fn;
    expect(fn.result.dimensionality === "matrix").toBe(EXPECTED[id].spills);
    if (!EXPECTED[id].spills) expect(["number", "string", "boolean"]).toContain(fn.result.type);
  });

  it("agrees with the TypeScript signatures in functions.ts: names, optional flags, matrix parameters", () => {
    const signatures = signaturesInSource();
    expect([...signatures.keys()].sort()).toEqual(functions.map((fn) => fn.id).sort());
    for (const fn of functions) {
      const declared = fn.parameters.map((parameter) => ({
        name: parameter.name,
        optional: parameter.optional === true,
        matrix: parameter.dimensionality === "matrix",
      }));
      expect(declared).toEqual(signatures.get(fn.id));
    }
  });

  it("links every function to https help", () => {
    for (const fn of functions) expect(new URL(fn.helpUrl as string).protocol).toBe("https:");
  });

  it("has one catalog binding per declared function, and none more", () => {
    expect(Object.keys(catalog).sort()).toEqual(functions.map((fn) => fn.id).sort());
  });
});
