/** How every model words numbers and dates in its messages, and the checks that use that wording. */
import type { Report } from "./input-validation";

/** 1.5 → "150%", 0.125 → "12.5%". */
export function percentText(rate: number): string {
  if (!Number.isFinite(rate)) return String(rate);
  return `${+(rate * 100).toPrecision(12)}%`;
}

/** 1234567.5 → "1,234,567.5". */
export function amountText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/** Checks a fraction from 0 to 1 and says, in percent, what was typed and what to type. */
export function checkRate(value: number, path: string, what: string, error: Report): void {
  if (value >= 0 && value <= 1) return;
  // 30 was meant as 30%; 1.5 is more likely a slip for 150% than for 1.5%, so no hint there.
  const hint = value >= 2 && value <= 100 ? ` (write ${percentText(value / 100)} as ${value / 100})` : "";
  error(path, `${what} is ${percentText(value)}: enter a rate from 0% to 100%${hint}`);
}

export function checkAmount(value: number, path: string, what: string, error: Report, blankHint = ""): void {
  if (value >= 0) return;
  error(path, `${what} is ${amountText(value)}: enter 0 or more${blankHint}`);
}

export function checkWhole(
  value: number,
  path: string,
  what: string,
  min: number,
  max: number,
  unit: string,
  error: Report,
): void {
  if (Number.isInteger(value) && value >= min && value <= max) return;
  error(path, `${what} is ${amountText(value)}: enter a whole number of ${unit} from ${min} to ${amountText(max)}`);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** "2025-03-01" → its Excel date serial (days since 1899-12-30), or null when not a real ISO date. */
export function isoDateToSerial(text: string): number | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  // From 1901 on, serials agree with Excel, whose calendar wrongly has a 29 February 1900.
  if (year < 1901 || year > 9999) return null;
  return Math.round((time - EXCEL_EPOCH_UTC) / DAY_MS);
}
