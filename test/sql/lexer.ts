import type { DialectName } from "../../src/core/sql/dialects";

/**
 * A small SQL lexer per dialect, written from each dialect's documented lexical rules (not from
 * the generator's quoting code): it splits generated SQL into tokens and decodes quoted names and
 * string literals. The hostile-name tests compare the token structure of SQL generated from
 * hostile values with that of SQL generated from neutral ones.
 *   quoted names: "…" with "" (DuckDB, PostgreSQL, Snowflake); `…` with backslash escapes
 *                 (BigQuery); `…` with `` (Spark SQL)
 *   strings:      '…' with '' (DuckDB, PostgreSQL); E'…' with backslash escapes (PostgreSQL);
 *                 '…' with backslash escapes and '' (Snowflake); '…' with backslash escapes
 *                 (BigQuery, Spark SQL)
 */

export type TokenKind = "name" | "string" | "number" | "word" | "symbol" | "comment";

export interface Token {
  kind: TokenKind;
  /** Decoded for names and strings; the text itself otherwise. */
  value: string;
}

const SYMBOLS = ["||", ">=", "<=", "<>", "!=", "=>", "//", "::"];

function readBackslashEscape(text: string, at: number): { char: string; next: number } {
  const escaped = text[at + 1];
  if (escaped === undefined) throw new Error("backslash at end of text");
  const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0" };
  return { char: simple[escaped] ?? escaped, next: at + 2 };
}

/** Reads a quoted run starting at `start` (the opening quote); returns the decoded text and the index after the closing quote. */
function readQuoted(
  text: string,
  start: number,
  quote: string,
  rules: { doubled: boolean; backslash: boolean },
): { value: string; next: number } {
  let value = "";
  let at = start + 1;
  while (at < text.length) {
    const char = text[at];
    if (rules.backslash && char === "\\") {
      const escape = readBackslashEscape(text, at);
      value += escape.char;
      at = escape.next;
      continue;
    }
    if (char === quote) {
      if (rules.doubled && text[at + 1] === quote) {
        value += quote;
        at += 2;
        continue;
      }
      return { value, next: at + 1 };
    }
    value += char;
    at++;
  }
  throw new Error(`unterminated ${quote} at ${start}`);
}

interface Rules {
  nameQuote: string;
  name: { doubled: boolean; backslash: boolean };
  string: { doubled: boolean; backslash: boolean };
  /** PostgreSQL's E'…' strings take backslash escapes. */
  escapeStrings: boolean;
}

const RULES: Record<DialectName, Rules> = {
  duckdb: {
    nameQuote: '"',
    name: { doubled: true, backslash: false },
    string: { doubled: true, backslash: false },
    escapeStrings: false,
  },
  postgres: {
    nameQuote: '"',
    name: { doubled: true, backslash: false },
    string: { doubled: true, backslash: false },
    escapeStrings: true,
  },
  snowflake: {
    nameQuote: '"',
    name: { doubled: true, backslash: false },
    string: { doubled: true, backslash: true },
    escapeStrings: false,
  },
  bigquery: {
    nameQuote: "`",
    name: { doubled: false, backslash: true },
    string: { doubled: false, backslash: true },
    escapeStrings: false,
  },
  spark: {
    nameQuote: "`",
    name: { doubled: true, backslash: false },
    string: { doubled: false, backslash: true },
    escapeStrings: false,
  },
};

export function tokenize(dialect: DialectName, text: string): Token[] {
  const rules = RULES[dialect];
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (/\s/.test(char)) {
      at++;
    } else if (text.startsWith("--", at)) {
      const end = text.indexOf("\n", at);
      const stop = end < 0 ? text.length : end;
      tokens.push({ kind: "comment", value: text.slice(at, stop) });
      at = stop;
    } else if (text.startsWith("/*", at)) {
      const end = text.indexOf("*/", at + 2);
      if (end < 0) throw new Error(`unterminated comment at ${at}`);
      tokens.push({ kind: "comment", value: text.slice(at, end + 2) });
      at = end + 2;
    } else if (char === rules.nameQuote) {
      const read = readQuoted(text, at, rules.nameQuote, rules.name);
      tokens.push({ kind: "name", value: read.value });
      at = read.next;
    } else if (rules.escapeStrings && (char === "E" || char === "e") && text[at + 1] === "'") {
      const read = readQuoted(text, at + 1, "'", { doubled: true, backslash: true });
      tokens.push({ kind: "string", value: read.value });
      at = read.next;
    } else if (char === "'") {
      const read = readQuoted(text, at, "'", rules.string);
      tokens.push({ kind: "string", value: read.value });
      at = read.next;
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?/i.exec(text.slice(at))!;
      tokens.push({ kind: "number", value: match[0] });
      at += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at))!;
      tokens.push({ kind: "word", value: match[0] });
      at += match[0].length;
    } else {
      const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, at)) ?? char;
      tokens.push({ kind: "symbol", value: symbol });
      at += symbol.length;
    }
  }
  return tokens;
}

/** The structure of SQL: every token, with the contents of names, strings and numbers left out. */
export function structureOf(tokens: readonly Token[]): string[] {
  return tokens.map((token) =>
    token.kind === "name" || token.kind === "string" || token.kind === "number"
      ? `<${token.kind}>`
      : `${token.kind}:${token.value}`,
  );
}
