import { fail } from "./errors";

/**
 * Excel's 1900 date system: a date is a serial number of days, 1 being 1900-01-01. Excel keeps
 * Lotus 1-2-3's fictitious 1900-02-29 as serial 60 (Microsoft KB 214326, "Excel incorrectly
 * assumes that the year 1900 is a leap year"), so serials 1–59 are 1900-01-01 to 1900-02-28, 60 is
 * "1900-02-29" and from 61 (1900-03-01) on a serial counts days from 1899-12-30.
 *
 * DATE's roll-over is Office's own, as [MS-OI29500] §2.1.919 (Part 1 §18.17.7.74, DATE) states it:
 * yearAdjust = INT((month − 1)/12), the month becomes month − 12·yearAdjust and the year
 * year + yearAdjust; the serial of that month's first day plus (day − 1) is the date. A year from
 * 0 to 1899 has 1900 added; a year outside 0–9999 is #NUM! (Microsoft KB 214331).
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** 9999-12-31, the last date Excel has. */
export const MAX_DATE_SERIAL = 2958465;
/** The fictitious 1900-02-29. */
export const FICTITIOUS_LEAP_DAY_SERIAL = 60;

const MS_PER_DAY = 86_400_000;
/** Serial 0 of the dates from 1900-03-01 on. */
const EPOCH = Date.UTC(1899, 11, 30);

/** The serial of the first day of a month, in Excel's system (year from 1900 to 9999). */
function serialOfFirstDay(year: number, month: number): number {
  // January and February 1900 come before the fictitious leap day: one day less than real days from the epoch.
  if (year === 1900 && month <= 2) return month === 1 ? 1 : 32;
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, 1); // setUTCFullYear, unlike Date.UTC, takes years 0–99 literally
  return Math.round((utc.getTime() - EPOCH) / MS_PER_DAY);
}

/**
 * Excel's DATE(year, month, day): each argument truncated to a whole number; a year from 0 to 1899
 * has 1900 added; a month outside 1–12 moves the year, a day outside the month moves the serial
 * from the month's first day (so DATE(1900,2,29) is 60 and DATE(1900,3,0) is 60 too). A year,
 * after the month's carry, outside 1900–9999, or a result outside 0–2958465 is #NUM!, as in Excel.
 */
export function excelDate(year: number, month: number, day: number): number {
  if (!Number.isFinite(year) || !Number.isFinite(month) || !Number.isFinite(day)) {
    fail("#NUM!", "a date part is not a finite number");
  }
  let wholeYear = Math.trunc(year);
  const wholeMonth = Math.trunc(month);
  const wholeDay = Math.trunc(day);
  if (wholeYear < 0 || wholeYear >= 10000) fail("#NUM!", `year ${wholeYear} is outside 0–9999`);
  if (wholeYear < 1900) wholeYear += 1900;
  const carriedYear = wholeYear + Math.floor((wholeMonth - 1) / 12);
  const monthInYear = wholeMonth - 12 * Math.floor((wholeMonth - 1) / 12);
  if (carriedYear > 9999) fail("#NUM!", "the date falls after 9999-12-31, the last date Excel has");
  if (carriedYear < 1900) fail("#NUM!", "the date falls before 1900-01-01, the first date Excel has");
  const serial = serialOfFirstDay(carriedYear, monthInYear) + wholeDay - 1;
  if (serial > MAX_DATE_SERIAL) fail("#NUM!", "the date falls after 9999-12-31, the last date Excel has");
  if (serial < 0) fail("#NUM!", "the date falls before 1900-01-01, the first date Excel has");
  return serial;
}

/**
 * YEAR, MONTH and DAY of a serial from 1 to 2958465 (a time of day, the fraction, is dropped, as
 * those functions do); serial 60 is 1900-02-29.
 */
export function dateOfSerial(serial: number): CalendarDate {
  const whole = Math.floor(serial);
  if (!(whole >= 1 && whole <= MAX_DATE_SERIAL)) fail("#NUM!", `serial ${serial} is outside 1–${MAX_DATE_SERIAL}`);
  if (whole === FICTITIOUS_LEAP_DAY_SERIAL) return { year: 1900, month: 2, day: 29 };
  // Before the fictitious day a serial counts from 1899-12-31, one day later than the epoch.
  const days = whole < FICTITIOUS_LEAP_DAY_SERIAL ? whole + 1 : whole;
  const date = new Date(EPOCH + days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** A serial as yyyy-mm-dd, for messages (1900-02-29 for 60). */
export function isoDate(serial: number): string {
  const { year, month, day } = dateOfSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
