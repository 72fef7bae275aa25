import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

/**
 * The layer arrows are enforced by ESLint (eslint/layer-boundaries.mjs): lint a file that imports
 * against an arrow and expect `npm run lint` to fail on it, and a right-way import to pass.
 */
const root = resolve(__dirname, "../..");

function lint(filePath: string, code: string): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [resolve(root, "node_modules/eslint/bin/eslint.js"), "--stdin", "--stdin-filename", filePath],
    {
      cwd: root,
      input: code,
      encoding: "utf8",
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("ESLint's layer boundaries", () => {
  it("reject core importing the workbook layer", () => {
    const result = lint(
      "src/core/wrong-arrow.ts",
      'import { buildQualificationPlan } from "../workbook/models/qualification";\nexport const x = buildQualificationPlan;\n',
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain("core/ may not import from workbook/");
  });

  it("reject the workbook layer importing the engine and the engine importing functions", () => {
    const workbook = lint("src/workbook/appliers/wrong.ts", 'export { createEngine } from "../../engine/create-engine";\n');
    expect(workbook.status).toBe(1);
    expect(workbook.output).toContain("workbook/ may not import from engine/");
    const engine = lint("src/engine/wrong.ts", 'export { partnerScore } from "../functions/functions";\n');
    expect(engine.status).toBe(1);
    expect(engine.output).toContain("engine/ may not import from functions/");
  });

  it("reject UI packages in core and wizards reaching into the engine", () => {
    expect(lint("src/core/wrong.ts", 'import { useState } from "react";\nexport const x = useState;\n').output).toContain(
      "may not import react",
    );
    expect(lint("src/taskpane/deal/wrong.ts", 'export { createEngine } from "../../engine";\n').output).toContain(
      "taskpane/ may not import from engine/",
    );
  });

  it("keep the .xlsx reader above the engine and workbook/: neither may import it, it may import both", () => {
    const workbook = lint("src/workbook/appliers/wrong.ts", 'export { readXlsx } from "../../xlsx-reader/read-xlsx";\n');
    expect(workbook.status).toBe(1);
    expect(workbook.output).toContain("workbook/ may not import from xlsx-reader/");
    const engine = lint("src/engine/wrong.ts", 'export { readXlsx } from "../xlsx-reader/read-xlsx";\n');
    expect(engine.output).toContain("engine/ may not import from xlsx-reader/");
    const reader = lint(
      "src/xlsx-reader/right.ts",
      'export { createEngine } from "../engine/create-engine";\nexport { asEnteredText } from "../workbook/text-safety";\n',
    );
    expect(reader.output).not.toContain("may not import");
    expect(lint("src/cli/right.ts", 'export { readXlsx } from "../xlsx-reader/read-xlsx";\n').output).not.toContain(
      "may not import",
    );
  });

  it("accept imports that follow the arrows", () => {
    const result = lint(
      "src/workbook/models/right.ts",
      'export { tierOf } from "../../core/tiers";\nexport { cellAddress } from "../a1";\n',
    );
    expect(result.output).not.toContain("may not import");
    const host = lint("src/taskpane/hosts/right.ts", 'export { createEngine } from "../../engine";\n');
    expect(host.output).not.toContain("may not import");
  });
});
