import { fail, guarded } from "./errors";
import type { FunctionResult } from "./excel-values";
import { dateOfSerial, excelDate, MAX_DATE_SERIAL } from "./date-serials";
import { formatNumber, readArgumentNumber, readOptionalArgumentNumber } from "./rates";
import { RELATIVE_TOLERANCE } from "./tolerance";
import { oneCell } from "./result-shapes";

/**
 * PE.TERM_END: the day the contract term in force on a date ends. The initial term ends on
 * DATE(YEAR(start), MONTH(start) + 12·initial_years, DAY(start)) − 1; with auto-renewal, each
 * further term ends 12·renewal_years months later by the same rule, always counted from start
 * (so a term from the 31st does not drift to the 28th after one February). Dates are Excel
 * serials in the 1900 date system, DATE's roll-over included (see date-serials.ts).
 */

/** Months in a term of `years`, which must come to whole months (0.25 is 3); undefined when they do not. */
export function wholeMonths(years: number): number | undefined {
  const months = 12 * years;
  const rounded = Math.round(months);
  // The tolerance lets 5/12 of a year, computed as 4.999999999999999 months, count as 5.
  return Math.abs(months - rounded) <= RELATIVE_TOLERANCE * Math.abs(rounded) ? rounded : undefined;
}

function checkStart(start: number): void {
  if (!Number.isFinite(start)) fail("#NUM!", `start is ${start}: enter a date`);
  if (start < 1) fail("#NUM!", `start is ${formatNumber(start)}: enter a date from 1900-01-01 (serial 1) on`);
  if (start >= MAX_DATE_SERIAL + 1) {
    fail("#NUM!", `start is ${formatNumber(start)}, after 9999-12-31 (serial ${MAX_DATE_SERIAL}), the last date Excel has`);
  }
}

function termMonths(years: number, what: string, allowZero: boolean): number {
  const lowest = allowZero ? "0 (no renewal) or more" : "above 0";
  if (!Number.isFinite(years)) fail("#NUM!", `${what} is ${years}: enter a number of years ${lowest}`);
  if (allowZero ? years < 0 : years <= 0) {
    fail("#NUM!", `${what} is ${formatNumber(years)}: enter a number of years ${lowest}, e.g. 1, or 0.25 for 3 months`);
  }
  const months = wholeMonths(years);
  if (months === undefined || (months === 0 && years !== 0)) {
    fail(
      "#NUM!",
      `${what} is ${formatNumber(years)}, which is ${formatNumber(12 * years)} months: ` +
        "a term must be whole months, e.g. 0.25 for 3 months or 1/12 for one",
    );
  }
  return months;
}

/** DATE(YEAR(start), MONTH(start) + months, DAY(start)) − 1: the last day of a term of `months` from start. */
function endAfterMonths(start: number, months: number): number {
  const { year, month, day } = dateOfSerial(start);
  try {
    return excelDate(year, month + months, day) - 1;
  } catch {
    // From a valid start, DATE can only fail by passing 9999-12-31.
    return tooLate();
  }
}

function tooLate(): never {
  return fail("#NUM!", "the term ends after 9999-12-31, the last date Excel has: check start and the terms");
}

/**
 * The end of the term in force on `asOf`: the initial end, or with renewal the first renewal end
 * on or after the day of `asOf` (a term is in force through its last day, so a time of day on
 * that day is still inside it). `asOf` undefined: the initial end.
 */
export function termEnd(start: number, initialYears: number, renewalYears = 0, asOf?: number): number {
  checkStart(start);
  const initialMonths = termMonths(initialYears, "initial_years", false);
  const renewalMonths = termMonths(renewalYears, "renewal_years", true);
  if (asOf !== undefined && !Number.isFinite(asOf)) fail("#NUM!", `as_of is ${asOf}: enter a date`);
  const initialEnd = endAfterMonths(start, initialMonths);
  if (renewalMonths === 0 || asOf === undefined) return initialEnd;
  const day = Math.floor(asOf);
  if (initialEnd >= day) return initialEnd;
  if (day > MAX_DATE_SERIAL) tooLate();
  return renewalEnd(start, initialMonths, renewalMonths, day);
}

/**
 * The first k ≥ 1 with DATE(…, MONTH(start) + initial + k·renewal, …) − 1 ≥ day. A term whose
 * month comes two or more before the month of `day` ends before it, so the search starts just
 * after those and takes a few steps at most, however long the contract has run.
 */
function renewalEnd(start: number, initialMonths: number, renewalMonths: number, day: number): number {
  const from = dateOfSerial(start);
  const until = dateOfSerial(day);
  const monthsToDay = 12 * (until.year - from.year) + (until.month - from.month);
  let k = Math.max(1, Math.floor((monthsToDay - 2 - initialMonths) / renewalMonths) + 1);
  let end = endAfterMonths(start, initialMonths + k * renewalMonths);
  while (end < day) {
    k++;
    end = endAfterMonths(start, initialMonths + k * renewalMonths);
  }
  return end;
}

/** PE.TERM_END(start, initial_years, [renewal_years], [as_of]) as hosts call it. */
export function termEndCells(start?: unknown, initialYears?: unknown, renewalYears?: unknown, asOf?: unknown): FunctionResult {
  return guarded(() => {
    const startValue = readArgumentNumber(start, "start");
    const initial = readArgumentNumber(initialYears, "initial_years");
    const renewal = readOptionalArgumentNumber(renewalYears, "renewal_years") ?? 0;
    const asOfValue = readOptionalArgumentNumber(asOf, "as_of");
    return termEnd(startValue, initial, renewal, asOfValue);
  });
}
termEndCells.resultShape = oneCell;
