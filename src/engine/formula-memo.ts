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
import { sharesOneParse, type SharedParses } from "./shared-parses";
import type { CellPosition, RowDependence } from "./structured-refs";

/** Stands for the row number in a template: XML 1.0 cannot hold it, so no formula of a file has it. */
export const ROW_MARK = "\u0000";

/** A template's text (cut at ROW_MARK) for the 0-based `row`, as A1 writes that row. */
export function fillRow(pieces: readonly string[], row: number): string {
  return pieces.join(String(row + 1));
}

/** A column of a sheet as a key: a formula text means one thing per column (CellPosition's row is left out). */
export function columnPlace(at: CellPosition): string {
  return `${at.sheet}${ROW_MARK}${at.col}`;
}

/**
 * Values by a formula text, then by a place (a column, …). The rows of a column hand over one
 * string, whose hash V8 keeps with it: a key joined from text and place would be a new string,
 * hashed again, in every row.
 */
export class ByTextAndPlace<T> {
  private readonly byText = new Map<string, Map<string, T>>();

  get(text: string, place: string): T | undefined {
    return this.byText.get(text)?.get(place);
  }

  set(text: string, place: string, value: T): void {
    let places = this.byText.get(text);
    if (!places) this.byText.set(text, (places = new Map()));
    places.set(place, value);
  }
}

/** Where a template belongs: the stored text, then the kind of formula, the sheet and the column. */
export interface MemoKey {
  stored: string;
  place: string;
}

interface Template {
  /** The formula cut at each row number: joined with the row (1-based) it is the formula of that row. */
  pieces: string[];
  /** The 0-based rows in which the template keeps its meaning. */
  top: number;
  bottom: number;
  verified: boolean;
  /** Every row is one parse for the engine (shared-parses.ts). */
  shared: boolean;
}

/** Whether a pass left the tokens as they were (the same objects, so a row token is still known). */
export function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

export class FormulaMemo {
  /** Null when the formula is translated row by row. */
  private readonly templates = new ByTextAndPlace<Template | null>();

  /** `sharing` learns the cells whose formulas are one parse. */
  constructor(private readonly sharing?: SharedParses) {}

  /** The memo's key for a formula stored at `at`, or undefined when it cannot be memoised. */
  key(stored: string, at: CellPosition, kind: "legacy" | "dynamic"): MemoKey | undefined {
    if (stored.includes(ROW_MARK)) return undefined;
    return { stored, place: `${kind}${ROW_MARK}${columnPlace(at)}` };
  }

  private get(key: MemoKey): Template | null | undefined {
    return this.templates.get(key.stored, key.place);
  }

  private set(key: MemoKey, template: Template | null): void {
    this.templates.set(key.stored, key.place, template);
  }

  /** The formula of the cell `at` from the template for `key`, if there is one that holds there. */
  lookup(key: MemoKey, at: CellPosition): { formula: string; verified: boolean } | undefined {
    const template = this.get(key);
    if (!template || at.row < template.top || at.row > template.bottom) return undefined;
    const formula = fillRow(template.pieces, at.row);
    if (template.verified) this.share(key, template, formula, at);
    return { formula, verified: template.verified };
  }

  /** What translating a second cell showed: the template is trusted from now on, or dropped. */
  confirm(key: MemoKey, agrees: boolean, formula: string, at: CellPosition): void {
    const template = this.get(key);
    if (!template) return;
    if (!agrees) {
      this.set(key, null);
      return;
    }
    template.verified = true;
    this.share(key, template, formula, at);
  }

  /** Learns the template of `key` from the translation of the cell `at` (`tokens` before toEngineFormula, `formula` after). */
  learn(key: MemoKey, at: CellPosition, rows: RowDependence, tokens: readonly Token[], formula: string): void {
    if (this.get(key) !== undefined) return;
    const template = rows.fixed ? templateOf(at.row, rows, tokens, formula) : null;
    this.set(key, template);
    if (template) this.share(key, template, formula, at);
  }

  private share(key: MemoKey, template: Template, formula: string, at: CellPosition): void {
    if (template.shared) this.sharing?.register(formula, template, at);
  }
}

function templateOf(row: number, rows: RowDependence, tokens: readonly Token[], formula: string): Template | null {
  let text = "";
  let found = 0;
  for (const token of tokens) {
    if (rows.rowTokens.has(token)) {
      found++;
      text += `${token.text.replace(/[0-9]+$/, "")}${ROW_MARK}`;
    } else text += token.text;
  }
  if (found !== rows.rowTokens.size || row < rows.top || row > rows.bottom) return null;
  const pieces = `=${toEngineFormula(text)}`.split(ROW_MARK);
  if (pieces.length !== found + 1 || fillRow(pieces, row) !== formula) return null;
  const shared = found > 0 && sharesOneParse((at) => fillRow(pieces, at), row);
  return { pieces, top: rows.top, bottom: rows.bottom, verified: false, shared };
}
