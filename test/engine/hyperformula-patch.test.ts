import type { ExportedChange } from "hyperformula";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createEngine, engineConfig } from "../../src/engine";

/**
 * patches/hyperformula+3.5.0.patch (applied by `npm install` through patch-package). Graph.addEdge
 * checks for a duplicate dependency through a Set once a cell or name has many dependents,
 * instead of scanning the list (O(k²) to wire a name with k dependents).
 */
const hyperformula = join(__dirname, "..", "..", "node_modules", "hyperformula");

test.each(["commonjs/DependencyGraph/Graph.js", "es/DependencyGraph/Graph.mjs"])("the patch is applied to %s", (file) => {
  expect(readFileSync(join(hyperformula, file), "utf8")).toContain("edgeSetsSparseArray");
});

test("a name with thousands of dependents computes, and edits still reach every dependent", () => {
  const rows = 5_000;
  const hf = createEngine();
  hf.batch(() => {
    const sheet = hf.getSheetId(hf.addSheet("S"))!;
    hf.addNamedExpression("Weight", "=S!$B$1");
    hf.setSheetContent(sheet, [
      [null, 2],
      ...Array.from({ length: rows }, (_, r) => [r, null, "=A" + (r + 2) + "*Weight+Weight", "=Weight*2"]),
    ]);
  });
  const sheet = hf.getSheetId("S")!;
  expect(hf.getCellValue({ sheet, row: rows, col: 2 })).toBe((rows - 1) * 2 + 2);
  hf.setCellContents({ sheet, row: 0, col: 1 }, 3);
  expect(hf.getCellValue({ sheet, row: rows, col: 2 })).toBe((rows - 1) * 3 + 3);
  expect(hf.getCellValue({ sheet, row: 1, col: 3 })).toBe(6);
  hf.setCellContents({ sheet, row: 1, col: 2 }, null);
  hf.setCellContents({ sheet, row: 0, col: 1 }, 4);
  expect(hf.getCellValue({ sheet, row: 2, col: 2 })).toBe(8);
});

/** The same patch: CellContentParser's isBoolean looks at the length before lower-casing a text. */
test.each(["commonjs/CellContentParser.js", "es/CellContentParser.mjs"])("the boolean check is patched in %s", (file) => {
  expect(readFileSync(join(hyperformula, file), "utf8")).toContain("text.length !== 4 && text.length !== 5");
});

test("typed TRUE and FALSE in any case are still booleans, and other text is not", () => {
  const hf = createEngine();
  const sheet = hf.getSheetId(hf.addSheet("S"))!;
  hf.setSheetContent(sheet, [["TRUE", "false", "True", "FALSE ", "truth"]]);
  expect(hf.getSheetValues(sheet)).toEqual([[true, false, true, "FALSE ", "truth"]]);
});

/** The same patch: the formula parser skips chevrotain's design-time grammar validations at start. */
test.each(["commonjs/parser/FormulaParser.js", "es/parser/FormulaParser.mjs"])("the parser start is patched in %s", (file) => {
  expect(readFileSync(join(hyperformula, file), "utf8")).toContain("skipValidations: true");
});

/**
 * The same patch: a batch's changes are keyed by a number instead of a text built for every cell,
 * and setSheetContent no longer reads each cell's old content only to discard it.
 */
test.each([
  ["commonjs/ContentChanges.js", "changeKey"],
  ["es/ContentChanges.mjs", "changeKey"],
  ["commonjs/Operations.js", "replaceCellContent"],
  ["es/Operations.mjs", "replaceCellContent"],
])("the change recording is patched in %s", (file, marker) => {
  expect(readFileSync(join(hyperformula, file), "utf8")).toContain(marker);
});

function changedAddresses(changes: ExportedChange[]): string[] {
  return changes.map((c) => ("address" in c ? `${c.address.sheet}:${c.address.row}:${c.address.col}` : c.name)).sort();
}

test("a batch reports every changed cell once, spills included, on any sheet", () => {
  const hf = createEngine();
  const [first] = [hf.getSheetId(hf.addSheet("First"))!];
  // Sheets past the 256 that the numeric key holds fall back to the text key.
  for (let i = 0; i < 300; i++) hf.addSheet(`S${i}`);
  const last = hf.getSheetId("S299")!;
  const changes = hf.batch(() => {
    hf.setSheetContent(first, [[1, "=A1*2"], [2, "=A2*2"], ["=A1:A2*10"]]);
    hf.setSheetContent(last, [[5, "=A1+First!B1"]]);
    // A name's changes are kept at sheet -1 (a row per name), beside the cells'.
    hf.addNamedExpression("Doubled", "=First!$A$1*2");
  });
  expect(changedAddresses(changes)).toEqual(
    [
      `${first}:0:0`,
      `${first}:0:1`,
      `${first}:1:0`,
      `${first}:1:1`,
      `${first}:2:0`,
      `${first}:3:0`,
      `${last}:0:0`,
      `${last}:0:1`,
      "Doubled",
    ].sort(),
  );
  expect(hf.getCellValue({ sheet: first, row: 3, col: 0 })).toBe(20);
  expect(hf.getCellValue({ sheet: last, row: 0, col: 1 })).toBe(7);
  // A spill that shrinks reports the cells it left.
  const after = hf.setCellContents({ sheet: first, row: 2, col: 0 }, "=A1*10");
  expect(changedAddresses(after)).toEqual([`${first}:2:0`, `${first}:3:0`].sort());
  expect(changedAddresses(hf.setCellContents({ sheet: first, row: 0, col: 0 }, 4))).toEqual(
    [`${first}:0:0`, `${first}:0:1`, `${first}:2:0`, `${last}:0:1`, "Doubled"].sort(),
  );
});

test("setSheetContent is still undone to what the sheet held", () => {
  const hf = createEngine();
  const sheet = hf.getSheetId(hf.addSheet("S"))!;
  hf.setSheetContent(sheet, [[1, "=A1+1"], ["text"]]);
  hf.clearUndoStack();
  hf.setSheetContent(sheet, [[9], [null, "=A1*3"]]);
  expect(hf.getSheetSerialized(sheet)).toEqual([[9], [null, "=A1*3"]]);
  hf.undo();
  expect(hf.getSheetSerialized(sheet)).toEqual([[1, "=A1+1"], ["text"]]);
  expect(hf.getCellValue({ sheet, row: 0, col: 1 })).toBe(2);
});

/** The same patch: the formula lexer skips chevrotain's definition checks too. */
test.each(["commonjs/parser/FormulaParser.js", "es/parser/FormulaParser.mjs"])("the lexer start is patched in %s", (file) => {
  const source = readFileSync(join(hyperformula, file), "utf8");
  expect(source.slice(source.indexOf("class FormulaLexer"))).toContain("skipValidations: true");
});

test("HyperFormula's token definitions, as our engines configure them, pass the checks the lexer skips", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Lexer } = require(join(hyperformula, "..", "chevrotain")) as {
    Lexer: new (tokens: unknown[], options: object) => { lexerDefinitionErrors: unknown[] };
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildLexerConfig } = require(join(hyperformula, "commonjs/parser/LexerConfig.js")) as {
    buildLexerConfig: (config: unknown) => { allTokens: unknown[] };
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Config } = require(join(hyperformula, "commonjs/Config.js")) as { Config: new (params: object) => unknown };
  const tokens = buildLexerConfig(new Config(engineConfig())).allTokens;
  const lexer = new Lexer(tokens, { ensureOptimizations: true, deferDefinitionErrorsHandling: true });
  expect(lexer.lexerDefinitionErrors).toEqual([]);
});
