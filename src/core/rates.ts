import { fail } from "./errors";
import { isOmitted, readNumber, readScalar } from "./excel-values";

/**
 * Readers and checks for the two kinds of number deal terms are made of: rates (fractions from 0
 * to 1, where 30% is 0.3) and amounts (currency or counts, never negative). The checks take clean
 * numbers and are what the pure rules call; the readers coerce what a host passes first.
 *
 * A blank counts as 0 here, as Excel desktop passes it, so every host gives the same answer.
 */

/** A number in a message without floating-point noise: 0.30000000000000004 reads as 0.3. */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : String(value);
}

/**
 * A rate above 1 is almost always 30 typed for 30%, so the message shows both spellings of what
 * the user probably meant, starting from the value as typed; that value is also what identifies
 * the offending entry in a range, and it keeps the message exactly `rate 30 is above 1: write 30%
 * or 0.3` everywhere.
 */
export function checkRate(rate: number, what: string): number {
  if (rate >= 0 && rate <= 1) return rate; // the common case, without building any message
  if (!Number.isFinite(rate)) fail("#NUM!", `${what} is ${rate}: enter a fraction from 0 to 1, e.g. 30% or 0.3`);
  const typed = String(rate);
  if (rate > 1) fail("#NUM!", `${what} ${typed} is above 1: write ${typed}% or ${formatNumber(rate / 100)}`);
  if (rate < 0) fail("#NUM!", `${what} ${typed} is below 0: enter a fraction from 0 to 1, e.g. 30% or 0.3`);
  return rate;
}

/** A rate from one cell or typed value: numeric text ("30%") is accepted, anything else is #VALUE!. */
export function readRate(value: unknown, what: string): number {
  return checkRate(readNumber(value, what, "zero"), what);
}

/** An optional rate argument: `fallback` when omitted. */
export function readOptionalRate(argument: unknown, what: string, fallback: number): number {
  const value = readScalar(argument, what);
  return isOmitted(value) ? fallback : readRate(value, what);
}

export function checkAmount(amount: number, what: string): number {
  if (amount >= 0 && amount < Infinity) return amount;
  if (!Number.isFinite(amount)) fail("#NUM!", `${what} is ${amount}: enter a finite number`);
  if (amount < 0) fail("#NUM!", `${what} is ${formatNumber(amount)}, below 0: enter 0 or more`);
  return amount;
}

/** A non-negative amount from one cell or typed value. */
export function readAmount(value: unknown, what: string): number {
  return checkAmount(readNumber(value, what, "zero"), what);
}

/** A required scalar argument as a number (a 1×1 range is its one cell; blank is 0); range checks are the rule's. */
export function readArgumentNumber(argument: unknown, what: string): number {
  return readNumber(readScalar(argument, what), what, "zero");
}

/** An optional scalar argument as a number, or undefined when omitted. */
export function readOptionalArgumentNumber(argument: unknown, what: string): number | undefined {
  const value = readScalar(argument, what);
  return isOmitted(value) ? undefined : readNumber(value, what);
}

/** Results must be finite: an overflow becomes a #NUM! that says which result, not an Infinity in a cell. */
export function requireFinite(value: number, what: string): number {
  if (!Number.isFinite(value)) fail("#NUM!", `${what} is too large to compute: check the amounts for a typing slip`);
  return value === 0 ? 0 : value;
}
