/**
 * A formula as Excel stores it in a file, cut into the pieces the engine-side rewrites care
 * about (shared-formula shifting, names, structured and 3-D references, number literals). Joining
 * the tokens' text gives back the formula exactly, so a pass changes only what it means to change.
 */
import { skipQuoted } from "../core/formula-text";

export type TokenKind =
  | "string" // "text" with doubled quotes
  | "sheet" // Sheet1! or 'My sheet'! or Sheet1:Sheet3! (the "!" included)
  | "cell" // A1, $A$1
  | "columns" // A:C, $A:$A
  | "rows" // 1:3, $2:$2
  | "number" // 12, 1.5, 1E-6
  | "word" // function, name, table, TRUE …
  | "bracket" // [ … ] with nesting: the part of a structured reference after the table's name
  | "error" // #N/A, #REF! …
  | "other"; // operators, parentheses, separators, spaces

export interface Token {
  kind: TokenKind;
  text: string;
}

const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

const NOT_AFTER_REFERENCE = "(?![A-Za-z0-9_.(\\[!\\\\\\u00C0-\\uFFFF])";
const CELL = new RegExp(`\\$?([A-Za-z]{1,3})\\$?([0-9]{1,7})${NOT_AFTER_REFERENCE}`, "y");
const COLUMNS = new RegExp(`\\$?([A-Za-z]{1,3}):\\$?([A-Za-z]{1,3})${NOT_AFTER_REFERENCE}`, "y");
const ROWS = /\$?([0-9]{1,7}):\$?([0-9]{1,7})(?![A-Za-z0-9_.(])/y;
const NUMBER = /(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const WORD = /[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\?\u00C0-\uFFFF]*/y;
const THREE_D = /([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*):([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!/y;
const ERROR =
  /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!)/iy;

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Column number (1-based) of letters, or 0 past XFD. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMN ? n : 0;
}

function skipBrackets(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'")
      i++; // an escaped character inside a column name: '[ '] '# ''
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
  }
  return text.length;
}

export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number) => {
    tokens.push({ kind, text: formula.slice(i, end) });
    i = end;
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      push("string", skipQuoted(formula, i, '"'));
      continue;
    }
    if (ch === "'") {
      const end = skipQuoted(formula, i, "'");
      push(formula[end] === "!" ? "sheet" : "other", formula[end] === "!" ? end + 1 : end);
      continue;
    }
    if (ch === "[") {
      push("bracket", skipBrackets(formula, i));
      continue;
    }
    if (ch === "#") {
      const error = stickyMatch(ERROR, formula, i);
      push(error ? "error" : "other", error ? i + error[0].length : i + 1);
      continue;
    }
    const previous = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
    const glued = previous !== undefined && /[A-Za-z0-9_.\\]$/.test(previous.text) && previous.kind !== "other";
    if (!glued) {
      const threeD = stickyMatch(THREE_D, formula, i);
      if (threeD) {
        push("sheet", i + threeD[0].length);
        continue;
      }
      const columns = stickyMatch(COLUMNS, formula, i);
      if (columns && columnNumber(columns[1]) > 0 && columnNumber(columns[2]) > 0) {
        push("columns", i + columns[0].length);
        continue;
      }
      const rows = stickyMatch(ROWS, formula, i);
      if (rows && Number(rows[1]) >= 1 && Number(rows[2]) >= 1 && Number(rows[2]) <= MAX_ROW) {
        push("rows", i + rows[0].length);
        continue;
      }
      const cell = stickyMatch(CELL, formula, i);
      if (cell && columnNumber(cell[1]) > 0 && Number(cell[2]) >= 1 && Number(cell[2]) <= MAX_ROW) {
        push("cell", i + cell[0].length);
        continue;
      }
      const number = /[0-9.]/.test(ch) ? stickyMatch(NUMBER, formula, i) : null;
      if (number) {
        push("number", i + number[0].length);
        continue;
      }
      const word = stickyMatch(WORD, formula, i);
      if (word) {
        const end = i + word[0].length;
        push(formula[end] === "!" ? "sheet" : "word", formula[end] === "!" ? end + 1 : end);
        continue;
      }
    }
    push("other", i + 1);
  }
  return tokens;
}

export function joinTokens(tokens: readonly Token[]): string {
  let out = "";
  for (const token of tokens) out += token.text;
  return out;
}

/** The sheet name(s) of a sheet token: one, or the first and last of a 3-D reference. */
export function sheetNamesOf(token: Token): string[] {
  const body = token.text.slice(0, -1);
  const name = body.startsWith("'") ? body.slice(1, -1).replace(/''/g, "'") : body;
  const colon = name.indexOf(":");
  return colon > 0 ? [name.slice(0, colon), name.slice(colon + 1)] : [name];
}

/** A sheet name as a formula writes it before "!": quoted unless it is a plain word. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? `${name}!`
    : `'${name.replace(/'/g, "''")}'!`;
}

/** Whether the token at `index` is a function name (followed by "(", spaces allowed). */
export function isFunctionCall(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index + 1];
  return next !== undefined && next.text === "(";
}
