/**
 * One translation for the rows of a column that store the same formula. A table's calculated
 * column stores one text in every row (`[@Score]` does not name its row), and translating each of
 * them anew was a fifth of `pe-calc recalc` at 1,000 partners. What changes from row to row is
 * the row of the table's own row references (structured-refs.ts, RowDependence); a translation
 * that depends on its row in any other way (a relative name, implicit intersection, a bare
 * `[Column]` outside a table) is not reused.
 *
 * A template is trusted only after it gave, in a second row, exactly what translating that row
 * gives; until then the row is translated and the two compared.
 */
import { toEngineFormula } from "../core/excel-formula";
import type { Token } from "./formula-tokens";
import type { CellPosition, RowDependence } from "./structured-refs";

/** Stands for the row number in a template: XML 1.0 cannot hold it, so no formula of a file has it. */
const ROW = "\u0000";

interface Template {
  /** The formula cut at each row number: joined with the row (1-based) it is the formula of that row. */
  pieces: string[];
  /** The 0-based rows in which the template keeps its meaning. */
  top: number;
  bottom: number;
  verified: boolean;
}

/** Whether a pass left the tokens as they were (the same objects, so a row token is still known). */
export function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

export class FormulaMemo {
  /** null: this formula in this column is translated row by row. */
  private readonly templates = new Map<string, Template | null>();

  /** The memo's key for a formula stored at `at`, or undefined when it cannot be memoised. */
  key(stored: string, at: CellPosition, kind: "legacy" | "dynamic"): string | undefined {
    if (stored.includes(ROW)) return undefined;
    return `${kind}${ROW}${at.sheet}${ROW}${at.col}${ROW}${stored}`;
  }

  /** The formula of `row` from the template for `key`, if there is one that holds there. */
  lookup(key: string, row: number): { formula: string; verified: boolean } | undefined {
    const template = this.templates.get(key);
    if (!template || row < template.top || row > template.bottom) return undefined;
    return { formula: template.pieces.join(String(row + 1)), verified: template.verified };
  }

  /** What translating a second row showed: the template is trusted from now on, or dropped. */
  confirm(key: string, agrees: boolean): void {
    const template = this.templates.get(key);
    if (!template) return;
    if (agrees) template.verified = true;
    else this.templates.set(key, null);
  }

  /** Learns the template of `key` from the translation of `row` (`tokens` before toEngineFormula, `formula` after). */
  learn(key: string, row: number, rows: RowDependence, tokens: readonly Token[], formula: string): void {
    if (this.templates.has(key)) return;
    this.templates.set(key, rows.fixed ? templateOf(row, rows, tokens, formula) : null);
  }
}

function templateOf(row: number, rows: RowDependence, tokens: readonly Token[], formula: string): Template | null {
  let text = "";
  let found = 0;
  for (const token of tokens) {
    if (rows.rowTokens.has(token)) {
      found++;
      text += `${token.text.replace(/[0-9]+$/, "")}${ROW}`;
    } else text += token.text;
  }
  if (found !== rows.rowTokens.size || row < rows.top || row > rows.bottom) return null;
  const pieces = `=${toEngineFormula(text)}`.split(ROW);
  if (pieces.length !== found + 1 || pieces.join(String(row + 1)) !== formula) return null;
  return { pieces, top: rows.top, bottom: rows.bottom, verified: false };
}
