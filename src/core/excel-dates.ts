import { fail } from "./errors";
import { formatNumber } from "./rates";

/**
 * Excel date serials in the 1900 date system, read the way Excel's YEAR, MONTH and DAY read them:
 * serial 1 is 1900-01-01 and serial 60 is 1900-02-29, a day that never existed, kept by Excel for
 * compatibility with Lotus 1-2-3 (Microsoft: "Excel incorrectly assumes that the year 1900 is a
 * leap year", https://learn.microsoft.com/office/troubleshoot/excel/wrongly-assumes-1900-is-leap-year).
 * So serials 1–59 are one day later than a plain count from 1899-12-31 would make them, and
 * from 61 (1900-03-01) on the count runs from 1899-12-30. The time of day (the fraction) is ignored.
 */

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** 9999-12-31, the last day Excel's 1900 date system has. */
export const LAST_EXCEL_SERIAL = 2_958_465;
const FICTITIOUS_LEAP_DAY = 60;
const DAY_MS = 86_400_000;
const EPOCH_BEFORE_LEAP_DAY = Date.UTC(1899, 11, 31);
const EPOCH_AFTER_LEAP_DAY = Date.UTC(1899, 11, 30);

/** The calendar date of a serial from 1 to 2,958,465; anything else is refused with #NUM!. */
export function dateOfSerial(serial: number, what = "date"): CalendarDate {
  if (!(serial >= 1)) {
    fail("#NUM!", `${what} is ${formatNumber(serial)}: an Excel date is a serial number from 1 (1900-01-01)`);
  }
  if (!(serial < LAST_EXCEL_SERIAL + 1)) {
    fail("#NUM!", `${what} is ${formatNumber(serial)}: Excel dates end at ${LAST_EXCEL_SERIAL} (9999-12-31)`);
  }
  const day = Math.floor(serial);
  if (day === FICTITIOUS_LEAP_DAY) return { year: 1900, month: 2, day: 29 };
  const epoch = day < FICTITIOUS_LEAP_DAY ? EPOCH_BEFORE_LEAP_DAY : EPOCH_AFTER_LEAP_DAY;
  const date = new Date(epoch + day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
