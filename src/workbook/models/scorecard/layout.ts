/**
 * Where the scorecard puts things. The portfolio sheet: inputs and health bands at the top,
 * further-KPI weights and the counts by status under them, then the attainment by quarter (the
 * chart's source), then the partner table: one row per partner, its data columns first
 * (contract, KPI actuals, target and actual per quarter, spare quarters included) and the formula
 * columns after them.
 *
 * Everything above the table sits in columns A–E, which hold the partner's name and contract
 * terms in the table. Whole-column references (`$X:$X`) are only made to columns further right
 * (targets, actuals, status, renewal flag), so counts and quarter totals take in a partner row or
 * a quarter's actuals added later, in Excel and in the engine alike, without reading anything else.
 */
import { columnLetters } from "../../a1";
import { namesFor } from "../shared/model-names";
import { RECENT_QUARTERS, STATUSES } from "./defaults";
import type { ScorecardInput } from "./input";

const NAME_PARTS = {
  asOf: "AsOf",
  expandAfter: "ExpandAfter",
  exitAfter: "ExitAfter",
  leadDays: "LeadDays",
  cap: "Cap",
  weights: "Weights",
  healthFrom: "HealthFrom",
  healthBands: "HealthBands",
  periods: "Periods",
  partners: "Partners",
  qbrPartner: "QbrPartner",
} as const;

/** Score_AsOf…, Score2_AsOf… for a second scorecard in the workbook. */
export const scorecardNames = (suffix: string) => namesFor("Score", suffix, NAME_PARTS);
export type ScorecardNames = ReturnType<typeof scorecardNames>;

/** Every defined and table name a scorecard with `suffix` creates. */
export function reservedScorecardNames(suffix: string): string[] {
  return [...Object.values(scorecardNames(suffix)), `Scorecard${suffix}`];
}

export interface ScorecardColumns {
  partner: number;
  start: number;
  initialYears: number;
  renewalYears: number;
  noticeDays: number;
  /** One per further KPI: its actual. */
  kpiActuals: number[];
  /** One per quarter column (data and spare). */
  targets: number[];
  actuals: number[];
  reported: number;
  /** The last RECENT_QUARTERS reported quarters' attainment, oldest first. */
  recent: number[];
  revenueAttainment: number;
  kpiAttainments: number[];
  belowStreak: number;
  metStreak: number;
  status: number;
  health: number;
  band: number;
  termEnd: number;
  noticeBy: number;
  reviewFrom: number;
  renewal: number;
}

export interface ScorecardLayout {
  sheet: string;
  qbrSheet: string;
  tableName: string;
  names: ScorecardNames;
  /** Quarter labels of every quarter column, the spare ones included. */
  quarters: string[];
  /** 0-based rows. */
  headerRow: number;
  firstDataRow: number;
  partnerCount: number;
  columns: ScorecardColumns;
  lastColumn: number;
  /** Input cells (A1). */
  inputs: { asOf: string; expandAfter: string; exitAfter: string; leadDays: string; cap: string };
  /** Rows of the blocks above the table (0-based). */
  bandsRow: number;
  kpiRow: number;
  countsRow: number;
  /** Count cells by label: each status, "Review now", "Ended". */
  counts: { label: string; cell: string }[];
  quarterRow: number;
  /** The chart's source: quarter labels and portfolio attainment, with their header. */
  chartSource: string;
}

export const COUNT_LABELS = [...STATUSES, "Review now", "Ended"] as const;

export function layoutFor(
  input: ScorecardInput,
  sheet: string,
  qbrSheet: string,
  tableName: string,
  names: ScorecardNames,
): ScorecardLayout {
  const k = input.kpis.length;
  const quarters = [...input.periods, ...spareQuarterLabels(input.periods, input.spareQuarters)];
  const q = quarters.length;
  const series = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);
  const targetsFrom = 5 + k;
  const actualsFrom = targetsFrom + q;
  const reported = actualsFrom + q;
  const revenueAttainment = reported + 1 + RECENT_QUARTERS;
  const belowStreak = revenueAttainment + 1 + k;
  const columns: ScorecardColumns = {
    partner: 0,
    start: 1,
    initialYears: 2,
    renewalYears: 3,
    noticeDays: 4,
    kpiActuals: series(5, k),
    targets: series(targetsFrom, q),
    actuals: series(actualsFrom, q),
    reported,
    recent: series(reported + 1, RECENT_QUARTERS),
    revenueAttainment,
    kpiAttainments: series(revenueAttainment + 1, k),
    belowStreak,
    metStreak: belowStreak + 1,
    status: belowStreak + 2,
    health: belowStreak + 3,
    band: belowStreak + 4,
    termEnd: belowStreak + 5,
    noticeBy: belowStreak + 6,
    reviewFrom: belowStreak + 7,
    renewal: belowStreak + 8,
  };
  const bandsRow = 3;
  const kpiRow = 10;
  const countsRow = kpiRow;
  const quarterRow = kpiRow + Math.max(COUNT_LABELS.length, 1 + k) + 2;
  const headerRow = quarterRow + q + 2;
  const at = (row: number, col: number): string => `${columnLetters(col)}${row + 1}`;
  return {
    sheet,
    qbrSheet,
    tableName,
    names,
    quarters,
    headerRow,
    firstDataRow: headerRow + 1,
    partnerCount: input.partners.length,
    columns,
    lastColumn: columns.renewal,
    inputs: { asOf: at(4, 1), expandAfter: at(5, 1), exitAfter: at(6, 1), leadDays: at(7, 1), cap: at(8, 1) },
    bandsRow,
    kpiRow,
    countsRow,
    counts: COUNT_LABELS.map((label, i) => ({ label, cell: at(countsRow + 1 + i, 4) })),
    quarterRow,
    chartSource: `A${quarterRow + 1}:B${quarterRow + 1 + q}`,
  };
}

const YEAR_QUARTER = /^(\d{4})([- ]?Q)([1-4])$/i;
const QUARTER_YEAR = /^Q([1-4])([- ]?)(\d{4})$/i;

/**
 * Labels for the spare quarter columns: the quarters after the last one when labels read like
 * "2025-Q3" or "Q3 2025", otherwise "Quarter 7", "Quarter 8"….
 */
export function spareQuarterLabels(periods: readonly string[], count: number): string[] {
  const last = periods[periods.length - 1] ?? "";
  const ahead = (step: number, year: number, quarter: number): [number, number] => {
    const index = year * 4 + quarter - 1 + step;
    return [Math.floor(index / 4), (index % 4) + 1];
  };
  return Array.from({ length: count }, (_, i) => {
    const yq = YEAR_QUARTER.exec(last);
    if (yq) {
      const [year, quarter] = ahead(i + 1, Number(yq[1]), Number(yq[3]));
      return `${year}${yq[2]}${quarter}`;
    }
    const qy = QUARTER_YEAR.exec(last);
    if (qy) {
      const [year, quarter] = ahead(i + 1, Number(qy[3]), Number(qy[1]));
      return `Q${quarter}${qy[2]}${year}`;
    }
    return `Quarter ${periods.length + i + 1}`;
  });
}

/** The whole column of a 0-based column index, absolute: "$X:$X". */
export function wholeColumn(col: number): string {
  const letter = columnLetters(col);
  return `$${letter}:$${letter}`;
}
