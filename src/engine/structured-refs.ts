/**
 * Excel table ("structured") references as plain A1 ranges, which the engine understands:
 * `Sales[Amount]`, `Sales[[#This Row],[Amount]]`, `Sales[#Totals]`, `[@Amount]`, `[[Q1]:[Q4]]`,
 * `Sales[[#Headers],[#Data],[Amount]]`, and a bare `[Amount]` inside the table itself. A file keeps
 * them as written; the translation happens per cell on the way into the engine, against the
 * table definitions of the file (xl/tables/tableN.xml).
 * Grammar: https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
 */
import { columnLettersOf } from "../core/formula-text";
import { sheetPrefix, tokenize, type Token } from "./formula-tokens";

export interface TableDefinition {
  name: string;
  sheet: string;
  /** 0-based, inclusive, header and totals rows included. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  headerRows: number;
  totalsRows: number;
  columns: string[];
}

export interface CellPosition {
  sheet: string;
  row: number;
  col: number;
}

type Special = "#all" | "#data" | "#headers" | "#totals" | "#this row";

interface Selector {
  specials: Special[];
  firstColumn?: string;
  lastColumn?: string;
}

function unescapeColumn(text: string): string {
  return text.replace(/'(.)/g, "$1").trim();
}

/** Items of a bracket's inside at depth 0: "[a],[b]:[c]" → ["[a]", "[b]:[c]"]. */
function splitItems(inner: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      items.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(inner.slice(start).trim());
  return items.filter((item) => item !== "");
}

function parseSelector(bracket: string): Selector | undefined {
  const inner = bracket.slice(1, -1);
  const selector: Selector = { specials: [] };
  const addColumn = (name: string) => {
    if (selector.firstColumn === undefined) selector.firstColumn = name;
    selector.lastColumn = name;
  };
  const addItem = (item: string) => {
    const text = item.trim();
    if (text.startsWith("#")) selector.specials.push(text.toLowerCase() as Special);
    else if (text.startsWith("@")) {
      selector.specials.push("#this row");
      const rest = text.slice(1).trim();
      if (rest) addItem(rest.startsWith("[") ? rest.slice(1, -1) : rest);
    } else addColumn(unescapeColumn(text));
  };
  if (!inner.includes("[")) {
    if (inner.trim() !== "") addItem(inner);
    return selector;
  }
  if (inner.trim().startsWith("@")) {
    addItem(inner.trim());
    return selector;
  }
  for (const item of splitItems(inner)) {
    const parts = item.split(/\]\s*:\s*\[/);
    if (parts.length === 2) {
      addColumn(unescapeColumn(parts[0].replace(/^\[/, "")));
      addColumn(unescapeColumn(parts[1].replace(/\]$/, "")));
    } else if (item.startsWith("[") && item.endsWith("]")) addItem(item.slice(1, -1));
    else return undefined;
  }
  return selector;
}

/** Whether `selector` names the cell's own row (`[#This Row]`, `@`); `#All` takes precedence. */
function namesThisRow(selector: Selector): boolean {
  return selector.specials.includes("#this row") && !selector.specials.includes("#all");
}

/** The A1 text for `selector` on `table` seen from `at`, or an Excel error literal. */
function resolve(table: TableDefinition, selector: Selector, at: CellPosition): string {
  const dataTop = table.top + table.headerRows;
  const dataBottom = table.bottom - table.totalsRows;
  let top = dataTop;
  let bottom = dataBottom;
  const specials = new Set(selector.specials);
  if (specials.has("#all")) {
    top = table.top;
    bottom = table.bottom;
  } else if (specials.has("#this row")) {
    if (at.sheet !== table.sheet || at.row < dataTop || at.row > dataBottom) return "#VALUE!";
    top = bottom = at.row;
  } else if (specials.size > 0) {
    const rows: number[] = [];
    if (specials.has("#headers")) {
      if (table.headerRows === 0) return "#REF!";
      rows.push(table.top, table.top);
    }
    if (specials.has("#data")) rows.push(dataTop, dataBottom);
    if (specials.has("#totals")) {
      if (table.totalsRows === 0) return "#REF!";
      rows.push(table.bottom, table.bottom);
    }
    top = Math.min(...rows);
    bottom = Math.max(...rows);
  }
  let left = table.left;
  let right = table.right;
  if (selector.firstColumn !== undefined) {
    const find = (name: string) => table.columns.findIndex((c) => c.toUpperCase() === name.toUpperCase());
    const first = find(selector.firstColumn);
    const last = find(selector.lastColumn ?? selector.firstColumn);
    if (first < 0 || last < 0) return "#REF!";
    left = table.left + Math.min(first, last);
    right = table.left + Math.max(first, last);
  }
  if (bottom < top) return "#REF!";
  // A row of its own table is row-relative, as Excel's own copy and fill treat `[@Column]`; it also
  // lets every row of a column share one parsed formula in the engine (HyperFormula caches the
  // parse per relative shape), where absolute rows made each of them a new parse.
  const row = namesThisRow(selector) ? "" : "$";
  const start = `$${columnLettersOf(left)}${row}${top + 1}`;
  const end = `$${columnLettersOf(right)}${row}${bottom + 1}`;
  return `${sheetPrefix(table.sheet)}${start}${start === end ? "" : `:${end}`}`;
}

function findTable(tables: readonly TableDefinition[], name: string): TableDefinition | undefined {
  const upper = name.toUpperCase();
  return tables.find((table) => table.name.toUpperCase() === upper);
}

function tableAt(tables: readonly TableDefinition[], at: CellPosition): TableDefinition | undefined {
  return tables.find(
    (t) => t.sheet === at.sheet && at.row >= t.top && at.row <= t.bottom && at.col >= t.left && at.col <= t.right,
  );
}

/**
 * How a translation depends on the row of its cell, for reusing it in other rows: the cell tokens
 * whose row is the cell's own (a table's this row), the rows over which the translation keeps its
 * meaning, and `fixed` false when it depends on the row in another way.
 */
export class RowDependence {
  readonly rowTokens = new Set<Token>();
  fixed = true;
  top = 0;
  bottom = Number.MAX_SAFE_INTEGER;

  within(top: number, bottom: number): void {
    this.top = Math.max(this.top, top);
    this.bottom = Math.min(this.bottom, bottom);
  }
}

/**
 * `tokens` with each structured reference replaced by its range (as "sheet" + reference tokens);
 * a bare table name not followed by "[" or "(" is the table's data. `rows`, when given, learns how
 * the result depends on the row of `at`.
 */
export function translateStructuredRefs(
  tokens: readonly Token[],
  tables: readonly TableDefinition[],
  at: CellPosition,
  rows?: RowDependence,
): Token[] {
  if (tables.length === 0) return [...tokens];
  const out: Token[] = [];
  const push = (table: TableDefinition, selector: Selector) => {
    const text = resolve(table, selector, at);
    const added = tokenize(text);
    // This row of a table on another sheet is #VALUE! from every row: nothing to learn.
    if (rows && namesThisRow(selector) && table.sheet === at.sheet) {
      if (text.startsWith("#")) rows.fixed = false;
      else {
        rows.within(table.top + table.headerRows, table.bottom - table.totalsRows);
        for (const token of added) if (token.kind === "cell") rows.rowTokens.add(token);
      }
    }
    out.push(...added);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (token.kind === "word" && next?.kind === "bracket") {
      const table = findTable(tables, token.text);
      const selector = table ? parseSelector(next.text) : undefined;
      if (table && selector) {
        push(table, selector);
        i++;
        continue;
      }
    }
    if (token.kind === "bracket" && out[out.length - 1]?.kind !== "sheet" && out[out.length - 1]?.kind !== "word") {
      const table = tableAt(tables, at);
      // What a bare `[Column]` means depends on the table the cell is in, so on its row.
      if (rows && !table) rows.fixed = false;
      if (rows && table) rows.within(table.top, table.bottom);
      const selector = table ? parseSelector(token.text) : undefined;
      if (table && selector) {
        push(table, selector);
        continue;
      }
    }
    if (token.kind === "word" && next?.text !== "(" && next?.kind !== "bracket") {
      const table = findTable(tables, token.text);
      if (table) {
        push(table, { specials: [] });
        continue;
      }
    }
    out.push(token);
  }
  return out;
}
