import { fail, guarded } from "./errors";
import {
  isOmitted,
  mapCells,
  positionName,
  readNumber,
  readScalar,
  toGrid,
  type FunctionResult,
  type Grid,
} from "./excel-values";
import { dateOfSerial, MAX_DATE_SERIAL } from "./date-serials";
import { readChoice } from "./options";
import { formatNumber } from "./rates";
import { sameShapeAs } from "./result-shapes";

/**
 * PE.PERIOD: the period key of a date as text, for grouping a ledger: "2026-03" (month),
 * "2026-Q1" (quarter), "2026" (year). With a fiscal year starting in another month than January,
 * quarters and years are fiscal, named after the calendar year in which the fiscal year ends and
 * prefixed "FY" ("FY2027-Q1" for April 2026 when the year starts in April); months stay calendar
 * months, so month keys sort and read the same under any fiscal year.
 */

export type PeriodFrequency = "month" | "quarter" | "year";
/** The default first. */
export const PERIOD_FREQUENCIES: readonly PeriodFrequency[] = ["month", "quarter", "year"];
export const DEFAULT_FISCAL_YEAR_START = 1;

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * A date serial from 1 (1900-01-01) to 2,958,465 (9999-12-31), read by date-serials.ts the way
 * Excel's YEAR and MONTH read it (serial 60 is Excel's 1900-02-29); the time of day is ignored.
 */
function checkSerial(serial: number, what: string): number {
  if (!(serial >= 1)) {
    fail("#NUM!", `${what} is ${formatNumber(serial)}: an Excel date is a serial number from 1 (1900-01-01)`);
  }
  if (!(serial < MAX_DATE_SERIAL + 1)) {
    fail("#NUM!", `${what} is ${formatNumber(serial)}: Excel dates end at ${MAX_DATE_SERIAL} (9999-12-31)`);
  }
  return serial;
}

/** The pure rule, for a checked fiscal-year start (a whole month 1–12). */
export function periodKey(
  serial: number,
  frequency: PeriodFrequency = "month",
  fiscalYearStart = DEFAULT_FISCAL_YEAR_START,
  what = "date",
): string {
  const { year, month } = dateOfSerial(checkSerial(serial, what));
  if (frequency === "month") return `${year}-${twoDigits(month)}`;
  const fiscal = fiscalYearStart !== 1;
  // A fiscal year starting in month s of year Y ends in month s − 1 of Y + 1 and is named after Y + 1.
  const fiscalYear = fiscal && month >= fiscalYearStart ? year + 1 : year;
  const name = fiscal ? `FY${fiscalYear}` : String(fiscalYear);
  if (frequency === "year") return name;
  const monthsIntoYear = (month - fiscalYearStart + 12) % 12;
  return `${name}-Q${Math.floor(monthsIntoYear / 3) + 1}`;
}

/**
 * fiscal_year_start: a month from 1 to 12. A fraction is cut to the whole month, the way Excel's
 * own month arguments (DATE, EDATE) take them.
 */
export function readFiscalYearStart(argument: unknown): number {
  const value = readScalar(argument, "fiscal_year_start");
  if (isOmitted(value)) return DEFAULT_FISCAL_YEAR_START;
  const month = Math.trunc(readNumber(value, "fiscal_year_start"));
  if (!(month >= 1 && month <= 12)) {
    fail(
      "#NUM!",
      `fiscal_year_start is ${formatNumber(readNumber(value, "fiscal_year_start"))}: enter the month the fiscal year starts, 1 (January) to 12 (December)`,
    );
  }
  return month;
}

function dateName(grid: Grid<unknown>, row: number, col: number): string {
  return grid.length === 1 && grid[0].length === 1 ? "date" : `date ${positionName(grid, row, col)}`;
}

/**
 * Excel-shaped entry point: frequency and fiscal_year_start are checked once for the call; each
 * date is read on its own, so a bad date is an error in its own cell only. A blank date counts as
 * 0, as Excel desktop passes it, and is below 1.
 */
export function periodCells(date: unknown, frequency?: unknown, fiscalYearStart?: unknown): FunctionResult {
  return guarded(() => {
    const chosen = readChoice(frequency, "frequency", PERIOD_FREQUENCIES);
    const start = readFiscalYearStart(fiscalYearStart);
    const grid = toGrid(date, "date");
    return mapCells(grid, (cell, row, col) => {
      const what = dateName(grid, row, col);
      return periodKey(readNumber(cell, what, "zero"), chosen, start, what);
    });
  });
}
periodCells.resultShape = sameShapeAs(0);
