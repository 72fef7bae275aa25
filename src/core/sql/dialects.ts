/**
 * The one table of what differs between the SQL dialects pe-calc writes: how a name and a text are
 * quoted, the type names, date parts, integer division, a series of whole numbers, and whether the
 * dialect has a recursive CTE. Everything else the queries use (window functions with ROWS frames,
 * LAG with a default, CASE, LEAST/GREATEST, COALESCE, LOWER, LPAD, `||`, ORDER BY … NULLS FIRST)
 * is written the same way in all five.
 *
 * Quoting is where injection would happen, so it follows each dialect's lexical rules exactly:
 * - DuckDB, PostgreSQL, Snowflake: "name" with " doubled (SQL standard delimited identifiers).
 * - BigQuery: `name` with ` and \ escaped by a backslash (quoted identifiers take the escape
 *   sequences of string literals: GoogleSQL "Lexical structure and syntax", quoted identifiers).
 * - Spark SQL: `name` with ` doubled.
 * - Strings: DuckDB '…' with ' doubled (a backslash is an ordinary character). PostgreSQL the same,
 *   or E'…' with the backslash doubled when the text holds one, so the literal means the same
 *   whatever standard_conforming_strings says. Snowflake, BigQuery and Spark read backslash escapes
 *   inside '…', so the backslash is doubled and the quote escaped (Snowflake '', the others \').
 * Control characters are refused before quoting (names.ts), so no literal spans a line.
 */

export type DialectName = "duckdb" | "bigquery" | "snowflake" | "spark" | "postgres";
export const DIALECT_NAMES: readonly DialectName[] = ["duckdb", "bigquery", "snowflake", "spark", "postgres"];

export interface Dialect {
  name: DialectName;
  /** How people write the product's name, for messages and comments. */
  title: string;
  /** One part of a name (a column, a table, a schema), quoted. */
  quoteName(name: string): string;
  /** The longest name the dialect keeps whole, in UTF-8 bytes (PostgreSQL truncates longer ones silently). */
  maxNameBytes: number;
  /** A text value as a string literal. */
  quoteText(text: string): string;
  doubleType: string;
  textType: string;
  integerType: string;
  /** The calendar year and month (1–12) of a DATE or TIMESTAMP expression, as integers. */
  yearOf(date: string): string;
  monthOf(date: string): string;
  /** Integer division and remainder of non-negative integers. */
  intDiv(a: string, b: string): string;
  mod(a: string, b: string): string;
  /**
   * A SELECT of one integer column `alias` holding every whole number from `low` to `high`
   * (columns of `from`, one row) without recursion: each dialect has its own series generator.
   */
  series(low: string, high: string, from: string, alias: string): string;
  /** Whether the dialect runs WITH RECURSIVE (PE.PAYOUT_SCHEDULE needs it). */
  recursive: boolean;
  /** Whether a recursive CTE is written with its column list (Snowflake requires one; BigQuery has no syntax for it). */
  recursiveColumnList: boolean;
}

const doubled = (quote: string) => (text: string) => `${quote}${text.split(quote).join(quote + quote)}${quote}`;

function backslashEscaped(quote: string, text: string, escapedQuote: string): string {
  return `${quote}${text.replace(/\\/g, "\\\\").split(quote).join(escapedQuote)}${quote}`;
}

const standardQuoteName = doubled('"');
const extract = (part: "YEAR" | "MONTH", type: string) => (date: string) => `CAST(EXTRACT(${part} FROM ${date}) AS ${type})`;

const DUCKDB: Dialect = {
  name: "duckdb",
  title: "DuckDB",
  quoteName: standardQuoteName,
  maxNameBytes: 65_535,
  quoteText: doubled("'"),
  doubleType: "DOUBLE",
  textType: "VARCHAR",
  integerType: "BIGINT",
  yearOf: extract("YEAR", "BIGINT"),
  monthOf: extract("MONTH", "BIGINT"),
  intDiv: (a, b) => `((${a}) // (${b}))`,
  mod: (a, b) => `((${a}) % (${b}))`,
  series: (low, high, from, alias) => `SELECT UNNEST(generate_series(${low}, ${high})) AS ${alias} FROM ${from}`,
  recursive: true,
  recursiveColumnList: true,
};

const POSTGRES: Dialect = {
  name: "postgres",
  title: "PostgreSQL",
  quoteName: standardQuoteName,
  maxNameBytes: 63,
  quoteText: (text) => (text.includes("\\") ? `E${backslashEscaped("'", text, "''")}` : doubled("'")(text)),
  doubleType: "DOUBLE PRECISION",
  textType: "TEXT",
  integerType: "BIGINT",
  yearOf: extract("YEAR", "BIGINT"),
  monthOf: extract("MONTH", "BIGINT"),
  intDiv: (a, b) => `((${a}) / (${b}))`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  series: (low, high, from, alias) => `SELECT generate_series(${low}, ${high}) AS ${alias} FROM ${from}`,
  recursive: true,
  recursiveColumnList: true,
};

const SNOWFLAKE: Dialect = {
  name: "snowflake",
  title: "Snowflake",
  quoteName: standardQuoteName,
  maxNameBytes: 255,
  quoteText: (text) => backslashEscaped("'", text, "''"),
  doubleType: "DOUBLE",
  textType: "VARCHAR",
  integerType: "BIGINT",
  yearOf: extract("YEAR", "BIGINT"),
  monthOf: extract("MONTH", "BIGINT"),
  intDiv: (a, b) => `CAST(FLOOR((${a}) / (${b})) AS BIGINT)`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  series: (low, high, from, alias) =>
    `SELECT CAST(pe_series.value AS BIGINT) AS ${alias} FROM ${from}, LATERAL FLATTEN(input => ARRAY_GENERATE_RANGE(${low}, ${high} + 1)) AS pe_series`,
  recursive: true,
  recursiveColumnList: true,
};

const BIGQUERY: Dialect = {
  name: "bigquery",
  title: "BigQuery",
  quoteName: (name) => backslashEscaped("`", name, "\\`"),
  maxNameBytes: 1_024,
  quoteText: (text) => backslashEscaped("'", text, "\\'"),
  doubleType: "FLOAT64",
  textType: "STRING",
  integerType: "INT64",
  yearOf: extract("YEAR", "INT64"),
  monthOf: extract("MONTH", "INT64"),
  intDiv: (a, b) => `DIV(${a}, ${b})`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  series: (low, high, from, alias) => `SELECT ${alias} FROM ${from}, UNNEST(GENERATE_ARRAY(${low}, ${high})) AS ${alias}`,
  recursive: true,
  recursiveColumnList: false,
};

const SPARK: Dialect = {
  name: "spark",
  title: "Spark SQL",
  quoteName: doubled("`"),
  maxNameBytes: 65_535,
  quoteText: (text) => backslashEscaped("'", text, "\\'"),
  doubleType: "DOUBLE",
  textType: "STRING",
  integerType: "BIGINT",
  yearOf: extract("YEAR", "BIGINT"),
  monthOf: extract("MONTH", "BIGINT"),
  intDiv: (a, b) => `((${a}) DIV (${b}))`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  series: (low, high, from, alias) => `SELECT explode(sequence(${low}, ${high})) AS ${alias} FROM ${from}`,
  // WITH RECURSIVE is not in the Spark SQL most clusters run (SPARK-24497 was open for years).
  recursive: false,
  recursiveColumnList: false,
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = {
  duckdb: DUCKDB,
  bigquery: BIGQUERY,
  snowflake: SNOWFLAKE,
  spark: SPARK,
  postgres: POSTGRES,
};

export function isDialectName(name: string): name is DialectName {
  return (DIALECT_NAMES as readonly string[]).includes(name);
}
