/**
 * What a loaded file tells about its cells beyond values and formulas, for the few functions
 * whose Excel result depends on it: AGGREGATE skips hidden rows and cells that are themselves
 * SUBTOTAL or AGGREGATE results; CHAR and CODE use the character set of the Excel that saved it. Kept per engine instance (keyed by its dependency graph, which
 * our function plugins also see), set by the file reader when it loads a workbook.
 */
import type { HyperFormula } from "hyperformula";
import type { CharacterSet } from "./builtins/characters";

export interface WorkbookFacts {
  /** Sheet id → hidden rows (0-based). */
  hiddenRows: Map<number, Set<number>>;
  /** Sheet id → cells (row × 16,384 + column) holding a SUBTOTAL or AGGREGATE formula. */
  subtotalCells: Map<number, Set<number>>;
  /** The character set of CHAR and CODE: Mac Roman when Excel for Mac saved the file, else Windows' code page 1252. */
  characterSet?: CharacterSet;
}

const factsByGraph = new WeakMap<object, WorkbookFacts>();

function graphOf(hf: HyperFormula): object {
  // HyperFormula exposes its dependency graph at run time but not in its typings.
  return (hf as unknown as { dependencyGraph: object }).dependencyGraph;
}

export function setWorkbookFacts(hf: HyperFormula, facts: WorkbookFacts): void {
  factsByGraph.set(graphOf(hf), facts);
}

/** The facts of the engine owning `dependencyGraph` (a function plugin's `this.dependencyGraph`). */
export function workbookFactsOf(dependencyGraph: object): WorkbookFacts | undefined {
  return factsByGraph.get(dependencyGraph);
}
