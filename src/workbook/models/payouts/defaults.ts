/**
 * The payout plan's starting points: the step-rate example of issue 12 (tiers from 0, 1,000 and
 * 3,000 at 1%, 2%, 3% of revenue to date, marginal), monthly periods on a calendar fiscal year,
 * no floor and no cap. The ledger formulas cover the transactions written plus room to add more
 * (LEDGER_HEADROOM): Excel's own row limit bounds the rest.
 */

export const DEFAULT_PAYOUTS_SHEET_NAME = "Payouts";
export const DEFAULT_PAYOUTS_CURRENCY = "$";
export const DEFAULT_PAYOUT_TIERS: readonly { from: number; rate: number }[] = [
  { from: 0, rate: 0.01 },
  { from: 1_000, rate: 0.02 },
  { from: 3_000, rate: 0.03 },
];
export const DEFAULT_PAYOUT_METHOD = "marginal" as const;
export const DEFAULT_PAYOUT_FREQUENCY = "month" as const;

/** Rows the ledger formulas cover beyond the transactions written: at least this many… */
export const MIN_LEDGER_HEADROOM = 1_000;
/** …or this share of the transactions, whichever is more. */
export const LEDGER_HEADROOM_SHARE = 0.25;
/** Excel's last row. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const MAX_TRANSACTIONS = 500_000;
/** Statement lines beyond the busiest partner's transaction count at build time. */
export const STATEMENT_HEADROOM = 50;
export const MAX_STATEMENT_LINES = 2_000;

/** Spare summary rows for partners added to the ledger after the build: at least this many… */
export const MIN_SPARE_PARTNERS = 10;
/** …spare period columns: a year of monthly runs at least… */
export const MIN_SPARE_PERIODS = 12;
/** …or this share of those at build time, whichever is more. */
export const SPARE_SHARE = 0.2;

/** The summary slots for `count` labels at build time: room for the labels added later. */
export function slotsFor(count: number, minSpare: number): number {
  return count + Math.max(minSpare, Math.ceil(count * SPARE_SHARE));
}
