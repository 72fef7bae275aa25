/** Where a built deal-options model put things, for tests, the CLI's --csv and callers that read the sheet back. */
import type { OptionNameKey, SharedNameKey } from "./names";

export interface OptionColumns {
  revenue: number;
  pay: number;
  ourNet: number;
  partnerNet: number;
}

export interface ComparisonLayout {
  /** 0-based rows: labels, year 0, last year, totals. */
  headerRow: number;
  yearZeroRow: number;
  lastRow: number;
  totalsRow: number;
  /** 0-based columns per option. */
  columns: OptionColumns[];
}

/** A1 cells, one per option, of each per-option result. */
export interface SummaryLayout {
  ourNpv: string[];
  partnerNpv: string[];
  ourPayback: string[];
  partnerPayback: string[];
  ourRoi: string[];
  partnerRoi: string[];
  position: string[];
  batna: string[];
  verdict: string[];
}

export interface SensitivityLayout {
  /** 0-based index of the option the grid varies. */
  option: number;
  /** A1 cells of the revenue changes (columns) and lever multiples (rows). */
  revenueChanges: string[];
  leverMultiples: string[];
  /** A1 cells of our NPV: grid[row][col]. */
  grid: string[][];
}

export interface DealOptionsLayout {
  sheet: string;
  termYears: number;
  names: Record<SharedNameKey, string>;
  inputs: Partial<Record<SharedNameKey, string>>;
  optionNames: Partial<Record<OptionNameKey, string>>[];
  optionInputs: Partial<Record<OptionNameKey, string>>[];
  comparison: ComparisonLayout;
  summary: SummaryLayout;
  sensitivity: SensitivityLayout;
  chartSource?: string;
}
