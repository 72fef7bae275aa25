/**
 * A filled period grid: every period from the first transaction's to the end of the fiscal year
 * of the last one, in order. Keys are PE.PERIOD's, computed by the same core rule. The payout
 * book's summary no longer uses it (its period columns are PE.DISTINCT_KEYS of the ledger's
 * periods, with spare columns); `pe-calc sql payout-summary`'s tests take it as their reference.
 */
import { periodKey, type PeriodFrequency } from "../../../core/period";
import { dateOfSerial, excelDate } from "../../../core/date-serials";

export function summaryPeriods(dates: readonly number[], frequency: PeriodFrequency, fiscalYearStart: number): string[] {
  if (dates.length === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  for (const date of dates) {
    if (date < first) first = date;
    if (date > last) last = date;
  }
  const start = dateOfSerial(first);
  const end = dateOfSerial(last);
  // The fiscal year of the last date ends in the month before fiscalYearStart (0-based month index).
  const fiscalYearEnd = (fiscalYearStart - 2 + 12) % 12;
  const endMonthIndex = end.year * 12 + (end.month - 1) + ((fiscalYearEnd - (end.month - 1) + 12) % 12);
  const keys: string[] = [];
  for (let m = start.year * 12 + (start.month - 1); m <= endMonthIndex; m++) {
    const key = periodKey(excelDate(Math.floor(m / 12), (m % 12) + 1, 1), frequency, fiscalYearStart);
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return keys;
}
