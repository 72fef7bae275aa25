/**
 * Moving a formula's relative references, as Excel does when it fills a shared formula
 * (`<f t="shared" si="0"/>` cells store only the first cell's text) or uses a relative defined
 * name (stored relative to A1). Absolute parts ($A, $1) stay; a reference pushed off the sheet
 * becomes #REF!, or wraps around the sheet's edge when `wrap` is set (what Excel does for names).
 */
import { columnLettersOf } from "../core/formula-text";
import { columnNumber, joinTokens, tokenize, type Token } from "./formula-tokens";

const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

function moved(value: number, by: number, max: number, wrap: boolean): number | undefined {
  const next = value + by;
  if (next >= 1 && next <= max) return next;
  return wrap ? ((((next - 1) % max) + max) % max) + 1 : undefined;
}

function shiftCell(text: string, dRow: number, dCol: number, wrap: boolean): string | undefined {
  const match = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)$/.exec(text);
  if (!match) return text;
  const col = match[1] ? columnNumber(match[2]) : moved(columnNumber(match[2]), dCol, MAX_COLUMN, wrap);
  const row = match[3] ? Number(match[4]) : moved(Number(match[4]), dRow, MAX_ROW, wrap);
  if (col === undefined || row === undefined) return undefined;
  return `${match[1]}${columnLettersOf(col - 1)}${match[3]}${row}`;
}

function shiftColumn(text: string, dCol: number, wrap: boolean): string | undefined {
  const match = /^(\$?)([A-Za-z]{1,3})$/.exec(text);
  if (!match || match[1]) return text;
  const col = moved(columnNumber(match[2]), dCol, MAX_COLUMN, wrap);
  return col === undefined ? undefined : columnLettersOf(col - 1);
}

function shiftRow(text: string, dRow: number, wrap: boolean): string | undefined {
  const match = /^(\$?)([0-9]+)$/.exec(text);
  if (!match || match[1]) return text;
  const row = moved(Number(match[2]), dRow, MAX_ROW, wrap);
  return row === undefined ? undefined : String(row);
}

/** One reference token moved; undefined when it leaves the sheet. */
export function shiftToken(token: Token, dRow: number, dCol: number, wrap = false): string | undefined {
  if (token.kind === "cell") return shiftCell(token.text, dRow, dCol, wrap);
  if (token.kind === "columns" || token.kind === "rows") {
    const [a, b] = token.text.split(":");
    const shift = (part: string) => (token.kind === "columns" ? shiftColumn(part, dCol, wrap) : shiftRow(part, dRow, wrap));
    const first = shift(a);
    const last = shift(b);
    return first === undefined || last === undefined ? undefined : `${first}:${last}`;
  }
  return token.text;
}

export function shiftTokens(tokens: readonly Token[], dRow: number, dCol: number, wrap = false): Token[] {
  if (dRow === 0 && dCol === 0) return [...tokens];
  return tokens.map((token) => {
    if (token.kind !== "cell" && token.kind !== "columns" && token.kind !== "rows") return token;
    const text = shiftToken(token, dRow, dCol, wrap);
    return text === undefined ? { kind: "error", text: "#REF!" } : { kind: token.kind, text };
  });
}

/** `formula` as it reads `dRow` rows down and `dCol` columns right of where it was written. */
export function shiftFormula(formula: string, dRow: number, dCol: number, wrap = false): string {
  if (dRow === 0 && dCol === 0) return formula;
  const tokens = shiftTokens(tokenize(formula), dRow, dCol, wrap);
  // A range with one end off the sheet is #REF! as a whole: drop a dangling "A1:" or ":A1".
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text !== "#REF!" || tokens[i].kind !== "error") continue;
    if (tokens[i - 1]?.text === ":" && tokens[i - 2]?.kind === "cell") {
      tokens.splice(i - 2, 2);
      i -= 2;
    }
    if (tokens[i + 1]?.text === ":" && tokens[i + 2]?.kind === "cell") tokens.splice(i + 1, 2);
  }
  return joinTokens(tokens);
}

/** Whether a formula holds any reference with a relative part (a relative defined name). */
export function hasRelativeReference(formula: string): boolean {
  return tokenize(formula).some((token) => {
    if (token.kind === "cell") return !/^\$[A-Za-z]+\$[0-9]+$/.test(token.text);
    if (token.kind === "columns" || token.kind === "rows") return token.text.split(":").some((p) => !p.startsWith("$"));
    return false;
  });
}
