import { fail, guarded } from "./errors";
import type { FunctionResult } from "./excel-values";
import { checkAmount, checkRate, formatNumber, readArgumentNumber, readOptionalArgumentNumber } from "./rates";
import { oneCell } from "./result-shapes";

/**
 * PE.REFERRAL_FEE: a one-time fee for a referred customer, a share of its first-year revenue
 * (typically 10–30%), optionally with a minimum and a maximum.
 */
export function referralFee(firstYearRevenue: number, rate: number, minimum?: number, maximum?: number): number {
  checkAmount(firstYearRevenue, "first_year_revenue");
  checkRate(rate, "rate");
  if (minimum !== undefined) checkAmount(minimum, "minimum");
  if (maximum !== undefined) checkAmount(maximum, "maximum");
  if (minimum !== undefined && maximum !== undefined && minimum > maximum) {
    fail(
      "#NUM!",
      `minimum ${formatNumber(minimum)} is above maximum ${formatNumber(maximum)}: the minimum must not exceed the maximum`,
    );
  }
  let fee = rate * firstYearRevenue;
  if (minimum !== undefined) fee = Math.max(fee, minimum);
  if (maximum !== undefined) fee = Math.min(fee, maximum);
  return fee === 0 ? 0 : fee;
}

export function referralFeeCells(firstYearRevenue: unknown, rate: unknown, minimum?: unknown, maximum?: unknown): FunctionResult {
  return guarded(() =>
    referralFee(
      readArgumentNumber(firstYearRevenue, "first_year_revenue"),
      readArgumentNumber(rate, "rate"),
      readOptionalArgumentNumber(minimum, "minimum"),
      readOptionalArgumentNumber(maximum, "maximum"),
    ),
  );
}
referralFeeCells.resultShape = oneCell;
