import type { Dialect } from "./dialects";
import { SqlInputError } from "./sql-error";

/**
 * Every value that reaches generated SQL goes through here: names (table, columns) quoted as
 * identifiers, labels as string literals, plan numbers as typed numeric literals. Each is checked
 * first, so what comes out can only ever be one token of the dialect:
 * - a name or a label holds no control character (no line break can end a comment or a literal
 *   early, and no NUL reaches a driver) and no lone surrogate (it has no UTF-8 form);
 * - a name is not empty and fits the dialect's length (PostgreSQL cuts longer names silently,
 *   which could make two names one);
 * - a number is finite, written so that every dialect reads back the same double.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function checkText(text: string, field: string, what: string): string {
  if (CONTROL.test(text)) {
    const code = text.charCodeAt(text.search(CONTROL));
    throw new SqlInputError(field, `${what} holds a control character (code ${code}): remove it`);
  }
  if (LONE_SURROGATE.test(text)) throw new SqlInputError(field, `${what} holds a broken Unicode character: retype it`);
  return text;
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** One part of a name (column, table, schema), checked and quoted. */
export function sqlName(dialect: Dialect, name: string, field: string): string {
  if (name.length === 0) throw new SqlInputError(field, "the name is empty: give the column or table name");
  checkText(name, field, `the name ${JSON.stringify(name)}`);
  if (utf8Bytes(name) > dialect.maxNameBytes) {
    throw new SqlInputError(
      field,
      `the name ${JSON.stringify(name.slice(0, 40))}… is longer than the ${dialect.maxNameBytes} bytes ${dialect.title} keeps`,
    );
  }
  return dialect.quoteName(name);
}

/**
 * A table given as catalog.schema.table (any of the leading parts optional): each part quoted on
 * its own, so a dot always separates parts and never sits inside one.
 */
export function sqlTable(dialect: Dialect, path: string, field: string): string {
  return path
    .split(".")
    .map((part, index, parts) => {
      if (part === "" && parts.length > 1) {
        throw new SqlInputError(
          field,
          `${JSON.stringify(path)} has an empty part: write schema.table, with no dot at either end`,
        );
      }
      return sqlName(dialect, part, field);
    })
    .join(".");
}

export function sqlText(dialect: Dialect, text: string, field: string): string {
  return dialect.quoteText(checkText(text, field, `the text ${JSON.stringify(text)}`));
}

export function checkFinite(value: number, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new SqlInputError(field, `${String(value)} is not a finite number: enter a number`);
  }
  return value;
}

/**
 * The digits of a finite number that every dialect reads back as the same double. Plain decimals
 * of up to 15 significant digits are exact as DECIMAL literals and convert to the nearest double;
 * anything longer is written in E notation, which each dialect parses as a double directly.
 */
export function numberDigits(value: number): string {
  const plain = String(value === 0 ? 0 : value);
  const significant = plain.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
  return /e/i.test(plain) || significant.length > 15 ? value.toExponential() : plain;
}

/** A plan number as a double literal of the dialect. */
export function sqlNumber(dialect: Dialect, value: number, field: string): string {
  return `CAST(${numberDigits(checkFinite(value, field))} AS ${dialect.doubleType})`;
}
