import { fail, guarded } from "./errors";
import { readNumber, readScalar, isOmitted, toGrid, toVector, type FunctionResult } from "./excel-values";
import { checkRate, formatNumber } from "./rates";
import { oneCell } from "./result-shapes";

/**
 * PE.PAYBACK: the number of periods until the cumulative (optionally discounted) cash flow first
 * reaches 0 or more, interpolated within the period in which it does. cashflows[0] is period 0,
 * usually the investment; each later flow cₜ counts as cₜ / (1 + rate)ᵗ. At the first period t
 * where the cumulative flow Cₜ ≥ 0, the answer is (t − 1) + (−Cₜ₋₁) / (discounted cₜ); a later dip
 * below 0 does not change it. Already ≥ 0 at period 0 gives 0; never reaching 0 is #N/A.
 */

export const DEFAULT_PAYBACK_RATE = 0;

/**
 * A discount rate per period: any fraction above −1 (a negative rate is a real, if rare, case),
 * but above 1 it is almost always 10 typed for 10%, so it gets the project's rate advice.
 */
export function checkDiscountRate(rate: number, what = "rate"): number {
  if (rate > 1) return checkRate(rate, what);
  if (!(rate > -1)) {
    fail(
      "#NUM!",
      `${what} ${formatNumber(rate)} is −1 or below: a discount rate must be above −1 (−100%); write 10% or 0.1 for ten percent`,
    );
  }
  return rate;
}

/**
 * Discounting leaves noise in the last bits of the interpolation ({-1000,500,500,500} at 10% is
 * 2.352 exactly, but computes as 2.3520000000000003); Excel shows 15 significant digits, so the
 * result is kept to those and reads as Excel would show it, here and in pe-calc.
 */
function toExcelPrecision(value: number): number {
  return Number(value.toPrecision(15));
}

/** The pure rule. */
export function payback(cashflows: readonly number[], rate = DEFAULT_PAYBACK_RATE): number {
  checkDiscountRate(rate);
  if (cashflows.length === 0) fail("#VALUE!", "cashflows is empty: give the flow of period 0, then one per period");
  for (let index = 0; index < cashflows.length; index++) {
    if (!Number.isFinite(cashflows[index])) {
      fail("#NUM!", `cashflows item ${index + 1} is ${cashflows[index]}: enter a finite number`);
    }
  }
  let cumulative = cashflows[0];
  if (cumulative >= 0) return 0;
  const growth = 1 + rate;
  for (let period = 1; period < cashflows.length; period++) {
    const discounted = rate === 0 ? cashflows[period] : cashflows[period] / growth ** period;
    const next = cumulative + discounted;
    if (!Number.isFinite(next))
      fail("#NUM!", "the cumulative cash flow is too large to compute: check cashflows for a typing slip");
    // next ≥ 0 > cumulative, so discounted > 0 and the fraction is within [0, 1].
    if (next >= 0) return toExcelPrecision(period - 1 + -cumulative / discounted);
    cumulative = next;
  }
  return fail("#N/A", "not paid back within the periods given: the cumulative cash flow stays below 0");
}

export function paybackCells(cashflows: unknown, rate?: unknown): FunctionResult {
  return guarded(() => {
    const cells = toVector(toGrid(cashflows, "cashflows"), "cashflows");
    const flows = new Array<number>(cells.length);
    for (let index = 0; index < cells.length; index++) {
      const cell = cells[index];
      flows[index] =
        typeof cell === "number" && cell - cell === 0 ? cell : readNumber(cell, `cashflows item ${index + 1}`, "zero");
    }
    const rateValue = readScalar(rate, "rate");
    return payback(flows, isOmitted(rateValue) ? DEFAULT_PAYBACK_RATE : readNumber(rateValue, "rate"));
  });
}
paybackCells.resultShape = oneCell;
