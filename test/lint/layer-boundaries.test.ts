import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

/**
 * The layer arrows are enforced by ESLint (eslint/layer-boundaries.mjs): lint a file that imports
 * against an arrow and expect `npm run lint` to fail on it, and a right-way import to pass. Every
 * case is linted by one ESLint with the project's config, in one child process (ESLint loads its
 * config as ES modules, which Jest's VM does not run; a process per case cost seconds each).
 */
const root = resolve(__dirname, "../..");

const CASES: Record<string, [string, string]> = {
  coreToWorkbook: [
    "src/core/wrong-arrow.ts",
    'import { buildQualificationPlan } from "../workbook/models/qualification";\nexport const x = buildQualificationPlan;\n',
  ],
  workbookToEngine: ["src/workbook/appliers/wrong.ts", 'export { createEngine } from "../../engine/create-engine";\n'],
  engineToFunctions: ["src/engine/wrong.ts", 'export { partnerScore } from "../functions/functions";\n'],
  reactInCore: ["src/core/wrong.ts", 'import { useState } from "react";\nexport const x = useState;\n'],
  wizardToEngine: ["src/taskpane/deal/wrong.ts", 'export { createEngine } from "../../engine";\n'],
  workbookToReader: ["src/workbook/appliers/wrong.ts", 'export { readXlsx } from "../../xlsx-reader/read-xlsx";\n'],
  engineToReader: ["src/engine/wrong.ts", 'export { readXlsx } from "../xlsx-reader/read-xlsx";\n'],
  readerDown: [
    "src/xlsx-reader/right.ts",
    'export { createEngine } from "../engine/create-engine";\nexport { asEnteredText } from "../workbook/text-safety";\n',
  ],
  cliToReader: ["src/cli/right.ts", 'export { readXlsx } from "../xlsx-reader/read-xlsx";\n'],
  modelToCore: [
    "src/workbook/models/right.ts",
    'export { tierOf } from "../../core/tiers";\nexport { cellAddress } from "../a1";\n',
  ],
  hostToEngine: ["src/taskpane/hosts/right.ts", 'export { createEngine } from "../../engine";\n'],
};

const LINT_ALL = `
const { ESLint } = require("eslint");
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const eslint = new ESLint({ cwd: process.cwd() });
(async () => {
  const results = {};
  for (const [name, [file, code]] of Object.entries(cases)) {
    const [result] = await eslint.lintText(code, { filePath: require("path").resolve(file) });
    results[name] = { status: result.errorCount > 0 ? 1 : 0, output: result.messages.map((m) => m.message).join("\\n") };
  }
  process.stdout.write(JSON.stringify(results));
})();
`;

let results: Record<string, { status: number; output: string }>;

beforeAll(() => {
  const run = spawnSync(process.execPath, ["-e", LINT_ALL], { cwd: root, input: JSON.stringify(CASES), encoding: "utf8" });
  if (run.status !== 0) throw new Error(`eslint did not run: ${run.stderr}`);
  results = JSON.parse(run.stdout);
});

function lint(name: keyof typeof CASES): { status: number; output: string } {
  return results[name];
}

describe("ESLint's layer boundaries", () => {
  it("reject core importing the workbook layer", () => {
    const result = lint("coreToWorkbook");
    expect(result.status).toBe(1);
    expect(result.output).toContain("core/ may not import from workbook/");
  });

  it("reject the workbook layer importing the engine and the engine importing functions", () => {
    const workbook = lint("workbookToEngine");
    expect(workbook.status).toBe(1);
    expect(workbook.output).toContain("workbook/ may not import from engine/");
    const engine = lint("engineToFunctions");
    expect(engine.status).toBe(1);
    expect(engine.output).toContain("engine/ may not import from functions/");
  });

  it("reject UI packages in core and wizards reaching into the engine", () => {
    expect(lint("reactInCore").output).toContain("may not import react");
    expect(lint("wizardToEngine").output).toContain("taskpane/ may not import from engine/");
  });

  it("keep the .xlsx reader above the engine and workbook/: neither may import it, it may import both", () => {
    const workbook = lint("workbookToReader");
    expect(workbook.status).toBe(1);
    expect(workbook.output).toContain("workbook/ may not import from xlsx-reader/");
    const engine = lint("engineToReader");
    expect(engine.output).toContain("engine/ may not import from xlsx-reader/");
    const reader = lint("readerDown");
    expect(reader.output).not.toContain("may not import");
    expect(lint("cliToReader").output).not.toContain("may not import");
  });

  it("accept imports that follow the arrows", () => {
    const result = lint("modelToCore");
    expect(result.output).not.toContain("may not import");
    const host = lint("hostToEngine");
    expect(host.output).not.toContain("may not import");
  });
});
