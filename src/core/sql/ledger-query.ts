import type { Dialect } from "./dialects";
import { matchKey, periodKeyOfDate } from "./keys";
import { sqlName, sqlNumber, sqlTable } from "./literals";
import type { CheckedPayoutPlan } from "./plans";
import { SqlInputError } from "./sql-error";
import { tierFunction } from "./tier-function";

/**
 * PE.PAYOUT_LEDGER over a warehouse table, as CTEs a query can end with or build on:
 *   pe_rows     the mapped columns, the amount as a double (NULL counts as 0, as a blank cell
 *               does), the partner's match key and the period key;
 *   pe_running  Cᵢ: the running total of the row's (partner, period) group up to and including it,
 *               SUM(…) OVER (PARTITION BY … ORDER BY … ROWS BETWEEN UNBOUNDED PRECEDING AND
 *               CURRENT ROW) in the declared total order;
 *   pe_earned   F(Cᵢ), the tier function (tier-function.ts);
 * and the payout F(Cᵢ) − F(Cᵢ₋₁) with LAG, the F of the row before in the group: exactly core's
 * one pass (each row pays what its group's F rose by), so a group's payouts add up to F(its net).
 *
 * Output columns are prefixed pe_ and the mapped columns may not be, so no name of the user's can
 * clash with one of ours.
 */

export interface LedgerColumns {
  /** The table, as catalog.schema.table (leading parts optional). */
  table: string;
  partner: string;
  amount: string;
  /** A DATE or TIMESTAMP column: the period is PE.PERIOD of it. */
  date?: string;
  /** A column holding the period key itself (e.g. PE.PERIOD's text). */
  period?: string;
  /** The columns that put the ledger in order, the last one unique per row (a transaction id) so the order is total. */
  order: readonly string[];
}

export interface LedgerParts {
  /** The CTE definitions, "name AS (…)", in order. */
  ctes: string[];
  /** The quoted mapped columns, in the order they are selected. */
  columns: string[];
  /** PARTITION BY … ORDER BY … of the groups, without a frame. */
  window: string;
  orderBy: string;
  /** Whether pe_period (a computed PE.PERIOD key) is a column. */
  hasPeriod: boolean;
  /** The quoted partner column and the expression naming a row's period key. */
  partner: string;
  periodKey: string | null;
  /** The period key column as the user gave it (with --period), quoted. */
  periodColumn: string | null;
}

const RESERVED_PREFIX = /^pe_/i;

function mappedName(dialect: Dialect, name: string, option: string): string {
  if (RESERVED_PREFIX.test(name)) {
    throw new SqlInputError(
      option,
      `"${name}" starts with pe_, which the generated columns use: rename the column or alias it in a view`,
    );
  }
  return sqlName(dialect, name, option);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function ledgerParts(
  dialect: Dialect,
  columns: LedgerColumns,
  plan: CheckedPayoutPlan,
  options: { monthIndex?: boolean } = {},
): LedgerParts {
  if (columns.date !== undefined && columns.period !== undefined) {
    throw new SqlInputError("--date", "give --date or --period, not both: the period comes from one of them");
  }
  if (columns.order.length === 0) {
    throw new SqlInputError(
      "--order",
      "give the columns that put the ledger in order, the last one unique (e.g. --order date,id)",
    );
  }
  const table = sqlTable(dialect, columns.table, "--table");
  const partner = mappedName(dialect, columns.partner, "--partner");
  const amount = mappedName(dialect, columns.amount, "--amount");
  const date = columns.date === undefined ? null : mappedName(dialect, columns.date, "--date");
  const period = columns.period === undefined ? null : mappedName(dialect, columns.period, "--period");
  const order = columns.order.map((name) => mappedName(dialect, name, "--order"));
  const selected = unique([partner, amount, ...(date ? [date] : []), ...(period ? [period] : []), ...order]);

  const zero = sqlNumber(dialect, 0, "0");
  const computed = [
    `COALESCE(CAST(${amount} AS ${dialect.doubleType}), ${zero}) AS pe_amount`,
    `${matchKey(dialect, partner)} AS pe_partner_key`,
  ];
  let periodKey: string | null = null;
  if (date) {
    computed.push(`${periodKeyOfDate(dialect, date, plan.frequency, plan.fiscalYearStart)} AS pe_period`);
    if (options.monthIndex) computed.push(`${dialect.yearOf(date)} * 12 + ${dialect.monthOf(date)} - 1 AS pe_month`);
    periodKey = "pe_period";
  } else if (period) {
    computed.push(`${matchKey(dialect, period)} AS pe_period_key`);
    periodKey = "pe_period_key";
  }
  const orderBy = order.map((name) => `${name} ASC NULLS LAST`).join(", ");
  const window = `PARTITION BY pe_partner_key${periodKey ? `, ${periodKey}` : ""} ORDER BY ${orderBy}`;
  const ctes = [
    `pe_rows AS (\n  SELECT\n    ${[...selected, ...computed].join(",\n    ")}\n  FROM ${table}\n)`,
    `pe_running AS (\n  SELECT\n    pe_rows.*,\n    SUM(pe_amount) OVER (${window} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS pe_running_total\n  FROM pe_rows\n)`,
    `pe_earned AS (\n  SELECT\n    pe_running.*,\n    ${tierFunction(dialect, "pe_running_total", plan.schedule, plan.method)} AS pe_earned_to_date\n  FROM pe_running\n)`,
  ];
  return { ctes, columns: selected, window, orderBy, hasPeriod: date !== null, partner, periodKey, periodColumn: period };
}

/** The payout of each row: what its group's F rose by since the row before it in the group. */
export function payoutColumn(dialect: Dialect, parts: LedgerParts): string {
  return `pe_earned_to_date - LAG(pe_earned_to_date, 1, ${sqlNumber(dialect, 0, "0")}) OVER (${parts.window}) AS pe_payout`;
}

export function payoutLedgerQuery(dialect: Dialect, columns: LedgerColumns, plan: CheckedPayoutPlan): string {
  const parts = ledgerParts(dialect, columns, plan);
  const outputs = [
    ...parts.columns,
    ...(parts.hasPeriod ? ["pe_period"] : []),
    "pe_running_total",
    "pe_earned_to_date",
    payoutColumn(dialect, parts),
  ];
  return [
    `WITH\n${parts.ctes.join(",\n")}`,
    `SELECT\n  ${outputs.join(",\n  ")}\nFROM pe_earned\nORDER BY ${parts.orderBy}`,
  ].join("\n");
}
