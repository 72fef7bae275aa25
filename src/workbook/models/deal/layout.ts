/** Where a built deal model put things, for tests and callers that read the sheet back. */
import type { DealNameKey, DealNames } from "./names";

export interface DealScheduleColumns {
  year: number;
  revenue: number;
  /** Only with a reseller arrangement. */
  units?: number;
  payout: number;
  referral: number;
  /** Only with a reseller arrangement. */
  resellerMargin?: number;
  coMarketing: number;
  net: number;
  cumulative: number;
  feesPaid: number;
}

export interface DealLayout {
  sheet: string;
  /** Defined name of each input (reseller names only with a reseller arrangement). */
  names: DealNames;
  /** A1 cell or range (no sheet prefix) of each named input, by the same keys. */
  inputs: Partial<Record<DealNameKey, string>>;
  termYears: number;
  /** The cell computing the number of years modelled. */
  termCell: string;
  schedule: {
    /** 0-based rows: header, first and last year, totals. */
    headerRow: number;
    firstRow: number;
    lastRow: number;
    totalsRow: number;
    /** 0-based columns. */
    columns: DealScheduleColumns;
  };
  caps: { peakFees: string; liabilityCap: string; annualValue: string; indemnityCap: string; renewal: string };
  /** The chart's source block (Year labels and payouts), when the plan has a chart. */
  chartSource?: string;
}
