import type { Dialect } from "./dialects";
import { periodKeyOf } from "./keys";
import { ledgerParts, payoutColumn, type LedgerColumns, type LedgerParts } from "./ledger-query";
import { sqlNumber } from "./literals";
import type { CheckedPayoutPlan } from "./plans";
import { SqlInputError } from "./sql-error";

/**
 * The payout book's partner × period summary as SQL, one row per partner and period:
 *   pe_earned   the sum of the period's PE.PAYOUT_LEDGER payouts (the book's SUMIFS);
 *   pe_paid, pe_balance   PE.PAYOUT_SCHEDULE over the partner's earned periods in order, with the
 *               plan's floor, cap, recover and carry: a recursive CTE, one step per period,
 *               carrying the balance, where the dialect has WITH RECURSIVE.
 * The periods are the book's (periods.ts): with --date every period from the first transaction's
 * to the end of the fiscal year of the last one, for every partner (a period without
 * transactions earns 0, and a floor still pays in it); with --period the period keys present in
 * the ledger, in text order. Rows without a date have no period and stay out of the summary.
 */

interface PeriodCtes {
  ctes: string[];
  /** The column of pe_numbered and pe_earned_by_period the two are joined on. */
  joinKey: string;
}

/** Every period of the book, numbered in order: pe_numbered(pe_period_key…, pe_period, pe_period_no). */
function periodCtes(dialect: Dialect, parts: LedgerParts, plan: CheckedPayoutPlan): PeriodCtes {
  if (parts.hasPeriod) {
    // The last month (0-based) of the fiscal year: the grid runs to the end of the last date's fiscal year.
    const fiscalYearEnd = (plan.fiscalYearStart + 10) % 12;
    const monthKey = periodKeyOf(
      dialect,
      dialect.intDiv("pe_month", "12"),
      `${dialect.mod("pe_month", "12")} + 1`,
      plan.frequency,
      plan.fiscalYearStart,
    );
    return {
      joinKey: "pe_period",
      ctes: [
        `pe_bounds AS (\n  SELECT MIN(pe_month) AS pe_first, MAX(pe_month) + ${dialect.mod(`${fiscalYearEnd} - ${dialect.mod("MAX(pe_month)", "12")} + 12`, "12")} AS pe_last\n  FROM pe_payouts\n  WHERE pe_month IS NOT NULL\n)`,
        `pe_months AS (\n  ${dialect.series("pe_first", "pe_last", "pe_bounds", "pe_month")}\n)`,
        `pe_periods AS (\n  SELECT pe_period, MIN(pe_month) AS pe_first_month\n  FROM (SELECT ${monthKey} AS pe_period, pe_month FROM pe_months) AS pe_month_keys\n  GROUP BY pe_period\n)`,
        `pe_numbered AS (\n  SELECT pe_period, ROW_NUMBER() OVER (ORDER BY pe_first_month) AS pe_period_no\n  FROM pe_periods\n)`,
      ],
    };
  }
  if (parts.periodColumn) {
    return {
      joinKey: "pe_period_key",
      ctes: [
        `pe_numbered AS (\n  SELECT pe_period_key, MIN(${parts.periodColumn}) AS pe_period, ROW_NUMBER() OVER (ORDER BY pe_period_key) AS pe_period_no\n  FROM pe_payouts\n  GROUP BY pe_period_key\n)`,
      ],
    };
  }
  throw new SqlInputError("--date", "the summary is by period: give --date (a date column) or --period (a period key column)");
}

function scheduleStep(dialect: Dialect, due: string, plan: CheckedPayoutPlan): { paid: string; balance: string } {
  const num = (value: number, field: string) => sqlNumber(dialect, value, field);
  const floor = num(plan.floor, "floor");
  const zero = num(0, "0");
  const paid: string[] = [];
  const balance: string[] = [];
  if (plan.cap !== null) {
    const cap = num(plan.cap, "cap");
    paid.push(`WHEN ${due} > ${cap} THEN ${cap}`);
    balance.push(`WHEN ${due} > ${cap} THEN ${plan.carry ? `${due} - ${cap}` : zero}`);
  }
  paid.push(`WHEN ${due} < ${floor} THEN ${floor}`);
  balance.push(`WHEN ${due} < ${floor} THEN ${plan.recover ? `${due} - ${floor}` : `LEAST(${due}, ${zero})`}`);
  return { paid: `CASE ${paid.join(" ")} ELSE ${due} END`, balance: `CASE ${balance.join(" ")} ELSE ${zero} END` };
}

function scheduleCte(dialect: Dialect, plan: CheckedPayoutPlan): string {
  const first = scheduleStep(dialect, "pe_earned", plan);
  const next = scheduleStep(dialect, "(g.pe_earned + s.pe_balance)", plan);
  const columns = dialect.recursiveColumnList ? " (pe_partner_key, pe_period_no, pe_paid, pe_balance)" : "";
  return (
    `pe_schedule${columns} AS (\n` +
    `  SELECT pe_partner_key, pe_period_no, ${first.paid} AS pe_paid,\n    ${first.balance} AS pe_balance\n` +
    `  FROM pe_grid\n  WHERE pe_period_no = 1\n  UNION ALL\n` +
    `  SELECT g.pe_partner_key, g.pe_period_no, ${next.paid} AS pe_paid,\n    ${next.balance} AS pe_balance\n` +
    `  FROM pe_schedule AS s\n  JOIN pe_grid AS g ON g.pe_partner_key = s.pe_partner_key AND g.pe_period_no = s.pe_period_no + 1\n)`
  );
}

export interface SummaryQuery {
  sql: string;
  /** False where the dialect has no recursive CTE: pe_paid and pe_balance are then left out. */
  hasSchedule: boolean;
}

export function payoutSummaryQuery(dialect: Dialect, columns: LedgerColumns, plan: CheckedPayoutPlan): SummaryQuery {
  const parts = ledgerParts(dialect, columns, plan, { monthIndex: true });
  const periods = periodCtes(dialect, parts, plan);
  const rowColumns = [
    "pe_partner_key",
    parts.partner,
    ...(parts.hasPeriod ? ["pe_period", "pe_month"] : []),
    ...(parts.periodColumn ? ["pe_period_key", parts.periodColumn] : []),
    payoutColumn(dialect, parts),
  ];
  const ctes = [
    ...parts.ctes,
    `pe_payouts AS (\n  SELECT ${[...new Set(rowColumns)].join(", ")}\n  FROM pe_earned\n)`,
    `pe_partners AS (\n  SELECT pe_partner_key, MIN(${parts.partner}) AS pe_partner\n  FROM pe_payouts\n  GROUP BY pe_partner_key\n)`,
    ...periods.ctes,
    `pe_earned_by_period AS (\n  SELECT pe_partner_key, ${periods.joinKey}, SUM(pe_payout) AS pe_earned\n  FROM pe_payouts\n  GROUP BY pe_partner_key, ${periods.joinKey}\n)`,
    `pe_grid AS (\n  SELECT p.pe_partner_key, p.pe_partner, n.pe_period, n.pe_period_no,\n    COALESCE(e.pe_earned, ${sqlNumber(dialect, 0, "0")}) AS pe_earned\n` +
      `  FROM pe_partners AS p\n  CROSS JOIN pe_numbered AS n\n` +
      `  LEFT JOIN pe_earned_by_period AS e ON e.pe_partner_key = p.pe_partner_key AND e.${periods.joinKey} = n.${periods.joinKey}\n)`,
  ];
  const hasSchedule = dialect.recursive;
  if (!hasSchedule) {
    return {
      hasSchedule,
      sql:
        `WITH\n${ctes.join(",\n")}\n` +
        `SELECT pe_partner, pe_period, pe_earned\nFROM pe_grid\nORDER BY pe_partner_key, pe_period_no`,
    };
  }
  ctes.push(scheduleCte(dialect, plan));
  return {
    hasSchedule,
    sql:
      `WITH RECURSIVE\n${ctes.join(",\n")}\n` +
      `SELECT g.pe_partner, g.pe_period, g.pe_earned, s.pe_paid, s.pe_balance\n` +
      `FROM pe_grid AS g\nJOIN pe_schedule AS s ON s.pe_partner_key = g.pe_partner_key AND s.pe_period_no = g.pe_period_no\n` +
      `ORDER BY g.pe_partner_key, g.pe_period_no`,
  };
}
