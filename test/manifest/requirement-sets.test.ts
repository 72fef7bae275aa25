import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { projectRoot, readManifest } from "./manifest-source";
import { at, childrenNamed, parseXml } from "./xml-tree";

/**
 * The manifest's <Requirements> must ask for the Office API sets the code actually uses, derived
 * here from the code itself: the TypeScript checker resolves every property access, call and
 * `new` in src/ to its declaration, and Office's own typings (@types/office-js,
 * @types/custom-functions-runtime) tag each declaration with its set, e.g.
 * `[Api set: CustomFunctionsRuntime 1.3]` on `ErrorCode.invalidNumber`. The highest version used
 * per set must be exactly the declared MinVersion: higher means Excel would load the add-in where
 * it cannot run, lower means we ask for more than we need.
 */
const TRACKED_SETS = ["ExcelApi", "CustomFunctionsRuntime"];
const OFFICE_TYPINGS = /node_modules\/@types\/(office-js|custom-functions-runtime)\//;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith(".d.ts") ? [path] : [];
  });
}

/** Files that talk to Office: everything else cannot reach an Office API. */
function officeFiles(): string[] {
  return sourceFiles(resolve(projectRoot, "src")).filter((file) =>
    /\b(Excel|CustomFunctions|OfficeExtension)\./.test(ts.sys.readFile(file) ?? ""),
  );
}

function compareVersions(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}

interface Use {
  set: string;
  version: string;
  where: string;
}

/** "[Api set: ExcelApi 1.1 for get, 1.8 for set]" → the highest version it names (conservative for writes). */
function apiSetOf(declaration: ts.Declaration): { set: string; version: string } | undefined {
  const docs = ts
    .getJSDocCommentsAndTags(declaration)
    .map((node) => node.getText())
    .join("\n");
  const tag = /\[Api set: (\w+) ([^\]]*)\]/.exec(docs);
  if (!tag || !TRACKED_SETS.includes(tag[1])) return undefined;
  const versions = tag[2].match(/\b1\.\d+\b/g) ?? [];
  if (versions.length === 0) return undefined;
  return { set: tag[1], version: versions.sort(compareVersions)[versions.length - 1] };
}

function usedApiSets(): Use[] {
  const roots = officeFiles();
  const program = ts.createProgram(roots, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    resolveJsonModule: true,
    types: ["office-js", "custom-functions-runtime"],
  });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const file of program.getSourceFiles()) {
    if (!roots.includes(resolve(file.fileName))) continue;
    const visit = (node: ts.Node): void => {
      const name = ts.isPropertyAccessExpression(node) ? node.name : ts.isNewExpression(node) ? node.expression : undefined;
      if (name) {
        let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(name) ? name.name : name);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const declaration of symbol?.declarations ?? []) {
          if (!OFFICE_TYPINGS.test(declaration.getSourceFile().fileName.replace(/\\/g, "/"))) continue;
          const found = apiSetOf(declaration);
          if (found) {
            const { line } = file.getLineAndCharacterOfPosition(node.getStart());
            uses.push({
              ...found,
              where: `${file.fileName.slice(projectRoot.length + 1)}:${line + 1} ${node.getText().slice(0, 60)}`,
            });
            break;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

function declaredSets(): Map<string, string> {
  const requirements = at(parseXml(readManifest()), "Requirements", "Sets");
  return new Map(childrenNamed(requirements, "Set").map((set) => [set.attributes.Name, set.attributes.MinVersion]));
}

describe("manifest <Requirements> match the Office APIs the code uses", () => {
  const uses = usedApiSets();
  if (process.env.SHOW_API_USES)
    console.log([...new Set(uses.map((u) => `${u.set} ${u.version} ${u.where.replace(/:\d+ /, " ")}`))].sort().join("\n"));
  const declared = declaredSets();

  test("the scan finds the code's Office calls (it is not vacuous)", () => {
    expect(uses.some((u) => u.set === "ExcelApi")).toBe(true);
    expect(uses.some((u) => u.set === "CustomFunctionsRuntime")).toBe(true);
    expect(uses.some((u) => /ErrorCode\.invalidNumber/.test(u.where) && u.version === "1.3")).toBe(true);
  });

  test.each(TRACKED_SETS)("%s: the declared MinVersion is the highest version the code uses", (set) => {
    const ofSet = uses.filter((u) => u.set === set);
    const highest = ofSet
      .map((u) => u.version)
      .sort(compareVersions)
      .pop();
    const needing = ofSet.filter((u) => u.version === highest).map((u) => u.where);
    expect({ set, declared: declared.get(set), highest, example: needing[0] }).toEqual({
      set,
      declared: highest,
      highest,
      example: needing[0],
    });
  });
});
