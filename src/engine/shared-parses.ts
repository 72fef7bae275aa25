/**
 * One parse for the rows of a calculated column. HyperFormula caches a parse by the formula's
 * relative shape, but still lexes and hashes every formula text to find it, and copies its syntax
 * tree for every cell: at 1,000 partners that was a sixth of building the engine. The translators
 * know which cells hold one shape (the templates of formula-memo.ts and plan-tables.ts), so the
 * engine is handed the first row's parse for the others.
 *
 * A shape belongs to one column of one sheet. It is shared only when its rows differ in nothing but
 * the row of cell references that all name the formula's own row (a table's this-row references),
 * every other reference has absolute rows, and no range mixes the two: then the relative syntax
 * tree, its dependencies and HyperFormula's range ordering are the same in every row. HYPERLINK is
 * left out (HyperFormula writes the link into the tree of the cell that evaluates it).
 */
import type { HyperFormula } from "hyperformula";
import { tokenize, type Token } from "./formula-tokens";
import { whileReplaced } from "./replaced-property";
import type { CellPosition } from "./structured-refs";

interface ParseResult {
  errors: unknown[];
}
type Parse = (text: string, address: { sheet: number; row: number; col: number }) => ParseResult;

const THIS_ROW_CELL = /^(\$?[A-Za-z]{1,3})([0-9]+)$/;
/** References that name the same cells from every row of one column (a relative column is the same column). */
const FIXED_ROWS = { cell: /^\$?[A-Za-z]{1,3}\$[0-9]+$/, columns: /^/, rows: /^\$[0-9]+:\$[0-9]+$/ };

function isReference(token: Token): token is Token & { kind: "cell" | "columns" | "rows" } {
  return token.kind === "cell" || token.kind === "columns" || token.kind === "rows";
}

/**
 * Whether the formulas `textAt(row)` of a column are one relative shape (see above), judged from
 * two neighbouring rows. Only shapes with at least one this-row reference count.
 */
export function sharesOneParse(textAt: (row: number) => string, row: number): boolean {
  const text = textAt(row);
  if (/HYPERLINK/i.test(text)) return false;
  const here = tokenize(text);
  const below = tokenize(textAt(row + 1));
  if (here.length !== below.length) return false;
  const moves: boolean[] = [];
  for (let i = 0; i < here.length; i++) {
    const [a, b] = [here[i], below[i]];
    if (a.text === b.text) {
      if (isReference(a) && !FIXED_ROWS[a.kind].test(a.text)) return false;
      moves.push(false);
      continue;
    }
    const [ma, mb] = [THIS_ROW_CELL.exec(a.text), THIS_ROW_CELL.exec(b.text)];
    if (a.kind !== "cell" || !ma || !mb || ma[1] !== mb[1] || Number(ma[2]) !== row + 1 || Number(mb[2]) !== row + 2)
      return false;
    moves.push(true);
  }
  // A range from a fixed cell to this row's cell turns around at the fixed row.
  for (let i = 0; i < here.length; i++) {
    if (here[i].text !== ":") continue;
    const before = here[i - 1];
    const afterAt = here[i + 1]?.kind === "sheet" ? i + 2 : i + 1;
    if (before && isReference(before) && here[afterAt] && isReference(here[afterAt]) && moves[i - 1] !== moves[afterAt])
      return false;
  }
  return moves.includes(true);
}

/** Excel's widest sheet: a cell's row and column as one number. */
const COLUMNS = 16_384;

/** The cells whose formula is one of a shared shape, and the engine's parse of each shape once made. */
export class SharedParses {
  /** By position (row × 16,384 + column); the sheet and text are checked when the engine asks. */
  private readonly cells = new Map<number, { text: string; shape: unknown; sheet: string }>();

  /** `text` is the formula of the cell `at`, one of the rows of `shape` (any value naming the shape; sharesOneParse said so). */
  register(text: string, shape: unknown, at: CellPosition): void {
    this.cells.set(at.row * COLUMNS + at.col, { text, shape, sheet: at.sheet });
  }

  /**
   * Runs `build` (HyperFormula calls that add the registered cells) with the engine's parser
   * answering a registered cell with its shape's parse. Without the parser HyperFormula has had
   * since 2.x (a private field), everything is parsed as usual.
   */
  during<T>(hf: HyperFormula, build: () => T): T {
    const parser = (hf as unknown as { _parser?: { parse?: Parse } })._parser;
    if (this.cells.size === 0 || typeof parser?.parse !== "function") return build();
    const parse: Parse = parser.parse;
    const parses = new Map<unknown, ParseResult>();
    const sheetIds = new Map<string, number | undefined>();
    const sheetId = (name: string) => {
      if (!sheetIds.has(name)) sheetIds.set(name, hf.getSheetId(name));
      return sheetIds.get(name);
    };
    const cells = this.cells;
    const sharedParse: Parse = function (this: unknown, text, address) {
      const cell = cells.get(address.row * COLUMNS + address.col);
      if (!cell || cell.text !== text || sheetId(cell.sheet) !== address.sheet) return parse.call(this, text, address);
      const known = parses.get(cell.shape);
      if (known) return known;
      const parsed = parse.call(this, text, address);
      if (parsed.errors.length === 0) parses.set(cell.shape, parsed);
      return parsed;
    };
    return whileReplaced(parser, "parse", sharedParse, build);
  }
}
