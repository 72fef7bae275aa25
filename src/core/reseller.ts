import { fail, guarded } from "./errors";
import type { FunctionResult } from "./excel-values";
import { checkAmount, checkRate, readArgumentNumber, readOptionalArgumentNumber, requireFinite } from "./rates";
import { oneCell } from "./result-shapes";

/**
 * PE.RESELLER_MARGIN: a reseller buys at a discount off list and sells at list, so it keeps the
 * discount: 35% off a 1,000 list price leaves it 350 a unit.
 */
export const DEFAULT_QUANTITY = 1;

export function resellerMargin(listPrice: number, discount: number, quantity = DEFAULT_QUANTITY): number {
  checkAmount(listPrice, "list_price");
  checkRate(discount, "discount");
  if (discount === 1) {
    fail("#NUM!", "discount is 1 (100% off list), which gives the product away: enter a discount below 1, e.g. 35% or 0.35");
  }
  checkAmount(quantity, "quantity");
  // Price × discount first, then × quantity: the margin then never falls as quantity grows, even in floating point.
  return requireFinite(listPrice * discount * quantity, "the margin");
}

export function resellerMarginCells(listPrice: unknown, discount: unknown, quantity?: unknown): FunctionResult {
  return guarded(() =>
    resellerMargin(
      readArgumentNumber(listPrice, "list_price"),
      readArgumentNumber(discount, "discount"),
      readOptionalArgumentNumber(quantity, "quantity") ?? DEFAULT_QUANTITY,
    ),
  );
}
resellerMarginCells.resultShape = oneCell;
