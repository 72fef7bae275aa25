import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { createContext, runInContext } from "node:vm";
import { buildForProduction, projectRoot, type ProductionBuild } from "./production-build";

/**
 * One production build (as `npm run build`), then the budgets and wiring the add-in depends on:
 * the functions bundle Excel loads is small and free of React and HyperFormula, the pane stays
 * within its budget, functions.json and reference.html come from the JSDoc, and every page loads
 * the right office.js. Sizes are written to test-artifacts/bundle-sizes.json.
 */
const FUNCTIONS_BUDGET_GZIP = 20 * 1024;
const TASKPANE_BUDGET_GZIP = 250 * 1024;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FORBIDDEN_IN_FUNCTIONS =
  /node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel|hyperformula|chevrotain|exceljs)[\\/]/;

let build: ProductionBuild;

beforeAll(async () => {
  build = await buildForProduction();
}, 300_000);

afterAll(() => build?.cleanUp());

interface FunctionsJson {
  functions: { id: string; name: string; helpUrl?: string }[];
}

const generatedFunctionsJson = (): FunctionsJson => {
  const file = resolve(projectRoot, "generated", "functions.json");
  if (!existsSync(file)) throw new Error("generated/functions.json is missing: run `npm run build:metadata`");
  return JSON.parse(readFileSync(file, "utf8"));
};

function text(file: string): string {
  return build.read(file).toString("utf8");
}

/** The src attribute of every <script> of a built page, in document order. */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?[^>]*>/g)].map((match) => match[1]);
}

describe("the production build", () => {
  it("keeps the functions bundle under 20 KB gzipped and the pane under 250 KB, and reports both", () => {
    const functionsFiles = build.entryFiles.functions;
    const taskpaneFiles = build.entryFiles.taskpane;
    expect(functionsFiles).toEqual(["functions.js"]);
    expect(taskpaneFiles.length).toBeGreaterThan(0);
    const sizes = {
      functions: { files: functionsFiles, gzipBytes: build.gzippedSize(functionsFiles), budgetBytes: FUNCTIONS_BUDGET_GZIP },
      taskpane: { files: taskpaneFiles, gzipBytes: build.gzippedSize(taskpaneFiles), budgetBytes: TASKPANE_BUDGET_GZIP },
      workbench: {
        files: build.entryFiles.workbench,
        gzipBytes: build.gzippedSize(build.entryFiles.workbench),
        budgetBytes: null,
      },
    };
    mkdirSync(resolve(projectRoot, "test-artifacts"), { recursive: true });
    writeFileSync(resolve(projectRoot, "test-artifacts", "bundle-sizes.json"), `${JSON.stringify(sizes, null, 2)}\n`);
    console.info(
      `gzipped: functions ${(sizes.functions.gzipBytes / 1024).toFixed(1)} KB (budget 20), task pane ${(sizes.taskpane.gzipBytes / 1024).toFixed(1)} KB (budget 250), workbench ${(sizes.workbench.gzipBytes / 1024).toFixed(1)} KB`,
    );
    expect(sizes.functions.gzipBytes).toBeLessThanOrEqual(FUNCTIONS_BUDGET_GZIP);
    expect(sizes.taskpane.gzipBytes).toBeLessThanOrEqual(TASKPANE_BUDGET_GZIP);
  });

  it("builds the functions bundle from src/functions and src/core only: no React, no HyperFormula", () => {
    const modules = build.entryModules.functions.map((file) => relative(projectRoot, file).split("\\").join("/"));
    expect(modules).toContain("src/functions/functions.ts");
    expect(modules.filter((file) => FORBIDDEN_IN_FUNCTIONS.test(file))).toEqual([]);
    expect(modules.filter((file) => !/^src\/(functions|core)\//.test(file))).toEqual([]);
    const bundle = text("functions.js");
    for (const marker of [
      "react.element",
      "react.transitional.element",
      "__REACT_DEVTOOLS",
      "HyperFormula",
      "hyperformula",
      "FluentProvider",
    ]) {
      expect({ marker, found: bundle.includes(marker) }).toEqual({ marker, found: false });
    }
  });

  it("does pull React and HyperFormula where they belong, so the module check above can see them", () => {
    expect(build.entryModules.taskpane.some((file) => /node_modules[\\/]react-dom[\\/]/.test(file))).toBe(true);
    expect(build.entryModules.workbench.some((file) => /node_modules[\\/]hyperformula[\\/]/.test(file))).toBe(true);
    expect(build.entryModules.taskpane.some((file) => /node_modules[\\/]hyperformula[\\/]/.test(file))).toBe(false);
  });

  it("emits functions.json equal to generated/functions.json", () => {
    const emitted = JSON.parse(text("functions.json")) as FunctionsJson;
    expect(emitted).toEqual(generatedFunctionsJson());
    expect(emitted.functions.length).toBeGreaterThanOrEqual(4);
  });

  it("emits reference.html with the anchor every @helpurl points to", () => {
    const reference = text("reference.html");
    for (const fn of generatedFunctionsJson().functions) {
      const anchor = `pe-${fn.id.toLowerCase()}`;
      expect(fn.helpUrl).toBe(`https://localhost:3000/reference.html#${anchor}`);
      expect(reference).toMatch(new RegExp(`\\bid="?${anchor}"?[\\s>]`)); // the minifier may drop the quotes
      expect(reference).toContain(`PE.${fn.name}(`);
    }
  });

  it("loads office.js from Microsoft's CDN in taskpane.html, then the functions, then the pane", () => {
    const scripts = scriptSources(text("taskpane.html"));
    expect(scripts).toEqual([OFFICE_JS_CDN, "functions.js", ...build.entryFiles.taskpane]);
  });

  it("gives the workbench pages the local office.js and the engine, and copies what that office.js loads", () => {
    for (const page of ["index.html", "workbench.html"]) {
      const scripts = scriptSources(text(page));
      expect(scripts).toEqual(["office-js/office.js", ...build.entryFiles.workbench]);
    }
    for (const file of ["office-js/office.js", "office-js/o15apptofilemappingtable.js", "office-js/en-us/office_strings.js"]) {
      expect(existsSync(join(build.outputPath, file))).toBe(true);
    }
  });

  it("emits every file the manifest points at", () => {
    const manifest = text("manifest.xml");
    expect(manifest).toBe(readFileSync(resolve(projectRoot, "manifest.xml"), "utf8"));
    const paths = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"#<\s]+)/g)].map((match) => match[1]);
    expect(paths).toEqual(
      expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "reference.html", "assets/icon-32.png"]),
    );
    for (const path of new Set(paths))
      expect({ path, emitted: existsSync(join(build.outputPath, path)) }).toEqual({ path, emitted: true });
  });
});

describe("the built functions bundle outside Excel", () => {
  function loadFunctionsBundle(customFunctions?: object) {
    const sandbox: Record<string, unknown> = { console };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    if (customFunctions) sandbox.CustomFunctions = customFunctions;
    const context = createContext(sandbox);
    runInContext(text("functions.js"), context, { filename: "functions.js" });
    return sandbox;
  }

  it("loads without Office and records every function it would associate", () => {
    const sandbox = loadFunctionsBundle();
    const standIn = sandbox.CustomFunctions as { standaloneAssociations: Map<string, unknown> };
    const ids = generatedFunctionsJson().functions.map((fn) => fn.id);
    expect([...standIn.standaloneAssociations.keys()].sort()).toEqual([...ids].sort());
    for (const fn of standIn.standaloneAssociations.values()) expect(typeof fn).toBe("function");
  });

  it("associates working functions with Excel's runtime, errors mapped to CustomFunctions.Error", () => {
    class FakeCustomFunctionsError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    loadFunctionsBundle({
      associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
      Error: FakeCustomFunctionsError,
      ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
    });
    const partnerScore = associated.get("PARTNER_SCORE");
    const tier = associated.get("TIER");
    const revshare = associated.get("REVSHARE_TIERED");
    expect(partnerScore?.([[4, 5, 3, 4, 5]], null, null)).toEqual([[83]]);
    expect(tier?.([[83]], null, null)).toEqual([["Tier 2"]]);
    let thrown: unknown;
    try {
      revshare?.([[100000]], [[0]], [[30]], null);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FakeCustomFunctionsError);
    expect((thrown as FakeCustomFunctionsError).code).toBe("#NUM!");
  });
});
