/**
 * Excel table ("structured") references as formula text: how our models spell them, how a file
 * stores them, and renaming a table inside a formula. Text only; what a reference covers is
 * worked out against the table definitions elsewhere (src/engine/structured-refs.ts).
 *
 * Syntax: https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
 * - a column name with anything but letters, digits, "_" and spaces goes in its own brackets
 *   (`T[[Total$Amount]]`), and `[`, `]`, `#` and `'` inside it are escaped with `'`;
 * - `@` means "this row" in the formula bar, but a file stores `[#This Row],` instead: Excel
 *   writes `DeptSales[[#This Row],[Sales Amount]]` into cells and into a table column's
 *   `calculatedColumnFormula` (read from workbooks Excel saved).
 */
import { rewriteOutsideQuotes } from "./formula-text";

const SIMPLE_COLUMN = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_ \u00C0-\uFFFF]*$/;

/** A column name as it goes between brackets: special characters escaped with `'`. */
export function escapeColumnName(name: string): string {
  return name.replace(/['[\]#]/g, "'$&");
}

/** The bracketed column specifier: `[Score]`, or `[[Total$Amount]]` for a name that needs its own brackets. */
function columnSpecifier(name: string): string {
  return SIMPLE_COLUMN.test(name) && !name.endsWith(" ") ? `[${name}]` : `[[${escapeColumnName(name)}]]`;
}

/** The data of one table column: `Table[Score]`. */
export function tableColumnRef(table: string, column: string): string {
  return `${table}${columnSpecifier(column)}`;
}

/** This row's cell of a column, `Table[@Score]`, or this row's cells from `first` to `last`: `Table[@[A]:[B]]`. */
export function thisRowRef(table: string, first: string, last: string = first): string {
  if (first === last) {
    const specifier = columnSpecifier(first);
    return `${table}[@${specifier.slice(1, -1)}]`;
  }
  return `${table}[@[${escapeColumnName(first)}]:[${escapeColumnName(last)}]]`;
}

/** The end of the bracket group that opens at `start` (nested brackets and `'` escapes included). */
export function bracketEnd(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
  }
  return formula.length;
}

const WORD_CHAR = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;
const WORD = /[A-Za-z0-9_.\\\u00C0-\uFFFF]+/y;

/**
 * Calls `visit` with each bracket group (a structured reference's specifier) and the word just
 * before it (the table's name, or "" for a bare `[@Score]`), outside string literals and quoted
 * sheet names (`'Plan [2026]'!A1` holds no reference); `visit` returns the replacement for word +
 * group.
 */
function mapStructuredRefs(formula: string, visit: (table: string, group: string) => string): string {
  return rewriteOutsideQuotes(formula, (text, i) => {
    if (text[i] === "[") {
      const end = bracketEnd(text, i);
      return { out: visit("", text.slice(i, end)), next: end };
    }
    if (WORD_CHAR.test(text[i - 1] ?? "")) return undefined;
    WORD.lastIndex = i;
    const word = WORD.exec(text)?.[0];
    if (word === undefined) return undefined;
    const next = i + word.length;
    if (text[next] !== "[") return { out: word, next };
    const end = bracketEnd(text, next);
    return { out: visit(word, text.slice(next, end)), next: end };
  });
}

/** `@` as a file stores it: `T[@Score]` → `T[[#This Row],[Score]]`, `T[@[A]:[B]]` → `T[[#This Row],[A]:[B]]`. */
export function thisRowAsStored(formula: string): string {
  if (!formula.includes("@")) return formula;
  return mapStructuredRefs(formula, (table, group) => {
    const inner = group.slice(1, -1).trim();
    if (!inner.startsWith("@")) return table + group;
    const rest = inner.slice(1).trim();
    if (rest === "") return `${table}[#This Row]`;
    const columns = rest.startsWith("[") ? rest : `[${rest}]`;
    return `${table}[[#This Row],${columns}]`;
  });
}

/** Every structured reference to table `from` now names `to` (case-insensitive, as Excel's names are). */
export function renameTableInFormula(formula: string, from: string, to: string): string {
  const upper = from.toUpperCase();
  return mapStructuredRefs(formula, (table, group) => (table.toUpperCase() === upper ? to : table) + group);
}

/** Whether the formula holds a structured reference (a bracket group outside string literals). */
export function hasStructuredRef(formula: string): boolean {
  let found = false;
  mapStructuredRefs(formula, (table, group) => {
    found = true;
    return table + group;
  });
  return found;
}
