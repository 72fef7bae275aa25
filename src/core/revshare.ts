import { fail, guarded } from "./errors";
import {
  mapCells,
  positionName,
  readNumber,
  readOptionalText,
  toGrid,
  toVector,
  type FunctionResult,
  type Grid,
  type CellInput,
} from "./excel-values";
import { checkAmount, checkRate, formatNumber, readAmount, requireFinite } from "./rates";
import { clampNoise, reaches } from "./tolerance";
import { sameShapeAs } from "./result-shapes";

/**
 * PE.REVSHARE_TIERED: the partner's share of revenue under tiered rates.
 * - marginal: each slice of revenue at its own tier's rate, like tax brackets;
 * - retroactive: all revenue at the rate of the highest tier reached;
 * - by_year: each contract year's revenue at the rate in force that year.
 */

export type RevshareMethod = "marginal" | "retroactive" | "by_year";
export const REVSHARE_METHODS: readonly RevshareMethod[] = ["marginal", "retroactive", "by_year"];
export const DEFAULT_REVSHARE_METHOD: RevshareMethod = "marginal";

export interface TierSchedule {
  /** Lower bound of each tier (currency), or the contract year each rate starts (by_year). */
  readonly starts: readonly number[];
  readonly rates: readonly number[];
}

function checkSameLength(starts: readonly number[], rates: readonly number[]): void {
  if (starts.length === 0) fail("#VALUE!", "tier_starts is empty: give one start per tier");
  if (starts.length !== rates.length) {
    fail("#VALUE!", `tier_starts has ${starts.length} values but rates has ${rates.length}: give one rate per tier start`);
  }
}

function checkAscending(starts: readonly number[]): void {
  for (let index = 1; index < starts.length; index++) {
    if (!(starts[index] > starts[index - 1])) {
      fail(
        "#NUM!",
        `tier_starts must be strictly ascending: item ${index + 1} (${formatNumber(starts[index])}) ` +
          `is not above item ${index} (${formatNumber(starts[index - 1])})`,
      );
    }
  }
}

function checkRates(rates: readonly number[]): void {
  for (const rate of rates) checkRate(rate, "rate");
}

/** One pass for the common, valid schedule; anything doubtful goes through the checks that name the problem. */
function isPlainAmountSchedule(starts: readonly number[], rates: readonly number[]): boolean {
  if (starts.length === 0 || starts.length !== rates.length) return false;
  let previous = -Infinity;
  for (let tier = 0; tier < starts.length; tier++) {
    const start = starts[tier];
    const rate = rates[tier];
    if (!(start >= 0 && start > previous && start < Infinity && rate >= 0 && rate <= 1)) return false;
    previous = start;
  }
  return true;
}

/** Tiers by revenue amount: starts at 0 or above (revenue below 0 does not exist), strictly ascending. */
export function checkAmountSchedule(starts: readonly number[], rates: readonly number[]): TierSchedule {
  if (isPlainAmountSchedule(starts, rates)) return { starts, rates };
  checkSameLength(starts, rates);
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index];
    if (!Number.isFinite(start)) fail("#NUM!", `tier_starts item ${index + 1} is ${start}: enter a finite number`);
    if (start < 0)
      fail("#NUM!", `tier_starts item ${index + 1} is ${formatNumber(start)}, below 0: revenue tiers start at 0 or above`);
  }
  checkAscending(starts);
  checkRates(rates);
  return { starts, rates };
}

/** Tiers by contract year: whole years, the first rate from year 1, strictly ascending. */
export function checkYearSchedule(startYears: readonly number[], rates: readonly number[]): TierSchedule {
  checkSameLength(startYears, rates);
  startYears.forEach((year, index) => {
    if (!Number.isInteger(year)) {
      fail(
        "#NUM!",
        `tier_starts item ${index + 1} is ${formatNumber(year)}: for "by_year" tier starts are contract years, whole numbers from 1`,
      );
    }
  });
  if (startYears[0] !== 1) {
    fail(
      "#NUM!",
      `tier_starts item 1 is ${formatNumber(startYears[0])}: for "by_year" the first rate must start in contract year 1`,
    );
  }
  checkAscending(startYears);
  checkRates(rates);
  return { starts: startYears, rates };
}

/**
 * Marginal share of an already-checked schedule. Summed tier by tier in order, so the result
 * never decreases as revenue grows, even in floating point; the clamp keeps rounding noise from
 * lifting it above revenue × the highest rate reached, which it cannot exceed in exact arithmetic.
 */
export function marginalShare(revenue: number, { starts, rates }: TierSchedule): number {
  let share = 0;
  let highestRateReached = 0;
  for (let tier = 0; tier < starts.length && revenue > starts[tier]; tier++) {
    const top = tier + 1 < starts.length ? Math.min(revenue, starts[tier + 1]) : revenue;
    share += rates[tier] * (top - starts[tier]);
    highestRateReached = Math.max(highestRateReached, rates[tier]);
  }
  return requireFinite(clampNoise(share, 0, revenue * highestRateReached), "the share");
}

/** Index of the highest tier whose start the value reaches (1e-9 tolerance), or -1 below the first. */
function highestTierReached(value: number, starts: readonly number[]): number {
  let reached = -1;
  starts.forEach((start, tier) => {
    if (reaches(value, start)) reached = tier;
  });
  return reached;
}

export function retroactiveShare(revenue: number, { starts, rates }: TierSchedule): number {
  const tier = highestTierReached(revenue, starts);
  return tier < 0 ? 0 : requireFinite(revenue * rates[tier], "the share");
}

/** Years are 1-based and starts whole, so the plain comparison is exact. */
function rateInYear(year: number, { starts, rates }: TierSchedule): number {
  let rate = rates[0];
  starts.forEach((start, tier) => {
    if (start <= year) rate = rates[tier];
  });
  return rate;
}

export function revshareMarginal(revenue: number, starts: readonly number[], rates: readonly number[]): number {
  const schedule = checkAmountSchedule(starts, rates);
  return marginalShare(checkAmount(revenue, "revenue"), schedule);
}

export function revshareRetroactive(revenue: number, starts: readonly number[], rates: readonly number[]): number {
  const schedule = checkAmountSchedule(starts, rates);
  return retroactiveShare(checkAmount(revenue, "revenue"), schedule);
}

/** One share per contract year: revenues[0] is year 1. */
export function revshareByYear(revenues: readonly number[], startYears: readonly number[], rates: readonly number[]): number[] {
  const schedule = checkYearSchedule(startYears, rates);
  return revenues.map((revenue, index) => {
    const year = index + 1;
    return requireFinite(
      checkAmount(revenue, `revenue in year ${year}`) * rateInYear(year, schedule),
      `the share in year ${year}`,
    );
  });
}

function readMethod(argument: unknown): RevshareMethod {
  const typed = readOptionalText(argument, "method", DEFAULT_REVSHARE_METHOD);
  const text = typed.trim().toLowerCase();
  if (text === "") return DEFAULT_REVSHARE_METHOD;
  const method = REVSHARE_METHODS.find((known) => known === text);
  if (!method) fail("#VALUE!", `method "${typed}" is unknown: use "marginal", "retroactive" or "by_year"`);
  return method;
}

/** tier_starts or rates as numbers (blank is 0), in either orientation: shared with PE.PAYOUT_LEDGER so both say the same. */
export function readTierVector(argument: unknown, what: string): number[] {
  const cells = toVector(toGrid(argument, what), what);
  const numbers = new Array<number>(cells.length);
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    numbers[index] = typeof cell === "number" && cell - cell === 0 ? cell : readNumber(cell, `${what} item ${index + 1}`, "zero");
  }
  return numbers;
}

function revenueName(grid: Grid<unknown>, row: number, col: number): string {
  return grid.length === 1 && grid[0].length === 1 ? "revenue" : `revenue ${positionName(grid, row, col)}`;
}

function byYearCells(grid: Grid<CellInput>, schedule: TierSchedule): FunctionResult {
  const yearly = grid.length === 1 || grid[0].length === 1;
  if (!yearly) {
    fail(
      "#VALUE!",
      `revenue for "by_year" must be one row or one column of yearly revenues, not a ${grid.length}×${grid[0].length} block`,
    );
  }
  // In a single row or column, row + col is the position along it: year 1 first.
  return mapCells(grid, (cell, row, col) => {
    const year = row + col + 1;
    const revenue = readAmount(cell, `revenue in year ${year}`);
    return requireFinite(revenue * rateInYear(year, schedule), `the share in year ${year}`);
  });
}

/**
 * Excel-shaped entry point. The schedule and method are checked once (a problem there is one
 * error for the call); a bad revenue cell is an error in its own cell only.
 */
export function revshareTieredCells(revenue: unknown, tierStarts: unknown, rates: unknown, method?: unknown): FunctionResult {
  return guarded(() => {
    const chosen = readMethod(method);
    const starts = readTierVector(tierStarts, "tier_starts");
    const rateValues = readTierVector(rates, "rates");
    const grid = toGrid(revenue, "revenue");
    if (chosen === "by_year") return byYearCells(grid, checkYearSchedule(starts, rateValues));
    const schedule = checkAmountSchedule(starts, rateValues);
    const share = chosen === "marginal" ? marginalShare : retroactiveShare;
    return mapCells(grid, (cell, row, col) => {
      // A clean amount needs no name; anything else is read (and named) the full way.
      const amount =
        typeof cell === "number" && cell >= 0 && cell < Infinity ? cell : readAmount(cell, revenueName(grid, row, col));
      return share(amount, schedule);
    });
  });
}
revshareTieredCells.resultShape = sameShapeAs(0);
