import type { PeriodFrequency } from "../period";
import type { Dialect } from "./dialects";

/**
 * Keys as SQL expressions.
 *
 * Partner and period keys match like Excel's `=` (PE.PAYOUT_LEDGER): text case-insensitively, a
 * blank a key of its own. A warehouse column has one type, so the mapping is:
 * - a text column: the key is LOWER(value) (core lower-cases with JavaScript's toLowerCase; the
 *   two agree on every letter that has one lower-case form, which covers the Latin, Greek and
 *   Cyrillic alphabets);
 * - a number column: every number is its own key, written as text by the warehouse (whole
 *   numbers exactly; use whole-number ids, not floating-point ones, as partner keys);
 * - NULL and '' are the blank key, which equals no other key, as in Excel.
 * A number and its text cannot both occur in one typed column, so "a number is not its text"
 * holds by the column's type; a column of mixed type must be cast by the user, and then follows
 * the rules of the type it is cast to.
 */
export function matchKey(dialect: Dialect, column: string): string {
  return `COALESCE(LOWER(CAST(${column} AS ${dialect.textType})), '')`;
}

/** The quarter (1–4) of each calendar month (1–12) in a fiscal year starting in month `start`. */
function quarterOfMonth(month: number, start: number): number {
  return Math.floor(((month - start + 12) % 12) / 3) + 1;
}

/**
 * PE.PERIOD(date, frequency, fiscal_year_start) from a year and a month expression (integers):
 * "2026-03", "2026-Q1" or "2026"; with a fiscal year starting in month s ≠ 1, quarters and years
 * are fiscal, named after the calendar year in which the fiscal year ends, prefixed "FY"
 * ("FY2027-Q1" for April 2026 when s = 4); months stay calendar months. The month-to-quarter
 * table is written out as a CASE, which every dialect reads the same way. A NULL date gives a
 * NULL key (PE.PERIOD gives #NUM! for a blank date): such rows form one group of their own.
 */
export function periodKeyOf(
  dialect: Dialect,
  year: string,
  month: string,
  frequency: PeriodFrequency,
  fiscalYearStart: number,
): string {
  const text = (expression: string) => `CAST(${expression} AS ${dialect.textType})`;
  if (frequency === "month") return `${text(year)} || '-' || LPAD(${text(month)}, 2, '0')`;
  const fiscal = fiscalYearStart !== 1;
  const yearName = fiscal
    ? `'FY' || ${text(`${year} + CASE WHEN ${month} >= ${fiscalYearStart} THEN 1 ELSE 0 END`)}`
    : text(year);
  if (frequency === "year") return yearName;
  const branches = [1, 2, 3, 4].map((quarter) => {
    const months = Array.from({ length: 12 }, (_, index) => index + 1).filter(
      (calendarMonth) => quarterOfMonth(calendarMonth, fiscalYearStart) === quarter,
    );
    return `WHEN ${month} IN (${months.join(", ")}) THEN '-Q${quarter}'`;
  });
  return `${yearName} || CASE ${branches.join(" ")} END`;
}

export function periodKeyOfDate(dialect: Dialect, date: string, frequency: PeriodFrequency, fiscalYearStart: number): string {
  return periodKeyOf(dialect, dialect.yearOf(date), dialect.monthOf(date), frequency, fiscalYearStart);
}
