import { fail, guarded } from "./errors";
import { readOptionalText, type FunctionResult } from "./excel-values";
import { checkRate, formatNumber, readArgumentNumber, readOptionalArgumentNumber } from "./rates";
import { reaches } from "./tolerance";
import { oneCell } from "./result-shapes";

/**
 * PE.CRAWL_GATE and PE.WALK_GATE: the go/no-go tests between the crawl, walk and run phases.
 * Crawl: the pilot improves the stated metric by at least 20%; walk: at least 70% of invited
 * customers adopt. Both compare with the 1e-9 relative tolerance, so an improvement computed as
 * 0.19999999999999996 is a 20% improvement.
 */

export type GateResult = "GO" | "NO-GO";
export type Better = "higher" | "lower";
export const BETTER_DIRECTIONS: readonly Better[] = ["higher", "lower"];
export const DEFAULT_CRAWL_THRESHOLD = 0.2;
export const DEFAULT_WALK_THRESHOLD = 0.7;

function gate(passed: boolean): GateResult {
  return passed ? "GO" : "NO-GO";
}

function checkFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) fail("#NUM!", `${what} is ${value}: enter a finite number`);
}

/** The pilot's improvement on the baseline as a fraction of it; positive is better in either direction. */
export function crawlImprovement(baseline: number, pilot: number, better: Better = "higher"): number {
  checkFinite(baseline, "baseline");
  checkFinite(pilot, "pilot");
  if (baseline === 0) fail("#DIV/0!", "baseline is 0: an improvement cannot be measured against a baseline of 0");
  const gain = better === "higher" ? pilot - baseline : baseline - pilot;
  return gain / Math.abs(baseline);
}

export function crawlGate(
  baseline: number,
  pilot: number,
  threshold = DEFAULT_CRAWL_THRESHOLD,
  better: Better = "higher",
): GateResult {
  const improvement = crawlImprovement(baseline, pilot, better);
  checkRate(threshold, "threshold");
  return gate(reaches(improvement, threshold));
}

export function walkGate(adopted: number, invited: number, threshold = DEFAULT_WALK_THRESHOLD): GateResult {
  checkFinite(adopted, "adopted");
  checkFinite(invited, "invited");
  if (invited === 0) fail("#DIV/0!", "invited is 0: adoption cannot be measured before any customer is invited");
  if (adopted < 0) fail("#NUM!", `adopted is ${formatNumber(adopted)}: a count of customers cannot be negative`);
  if (invited < 0) fail("#NUM!", `invited is ${formatNumber(invited)}: a count of customers cannot be negative`);
  if (adopted > invited) {
    fail(
      "#NUM!",
      `adopted (${formatNumber(adopted)}) is more than invited (${formatNumber(invited)}): only invited customers can adopt`,
    );
  }
  checkRate(threshold, "threshold");
  return gate(reaches(adopted / invited, threshold));
}

function readBetter(argument: unknown): Better {
  const typed = readOptionalText(argument, "better", "higher");
  const text = typed.trim().toLowerCase();
  if (text === "") return "higher";
  const better = BETTER_DIRECTIONS.find((known) => known === text);
  if (!better) fail("#VALUE!", `better "${typed}" is unknown: use "higher" (a larger metric is better) or "lower"`);
  return better;
}

/** Arguments are read (#VALUE!) before the rule's own checks (#DIV/0!, then #NUM!). */
export function crawlGateCells(baseline: unknown, pilot: unknown, threshold?: unknown, better?: unknown): FunctionResult {
  return guarded(() => {
    const baselineValue = readArgumentNumber(baseline, "baseline");
    const pilotValue = readArgumentNumber(pilot, "pilot");
    const thresholdValue = readOptionalArgumentNumber(threshold, "threshold") ?? DEFAULT_CRAWL_THRESHOLD;
    return crawlGate(baselineValue, pilotValue, thresholdValue, readBetter(better));
  });
}
crawlGateCells.resultShape = oneCell;

export function walkGateCells(adopted: unknown, invited: unknown, threshold?: unknown): FunctionResult {
  return guarded(() => {
    const adoptedValue = readArgumentNumber(adopted, "adopted");
    const invitedValue = readArgumentNumber(invited, "invited");
    const thresholdValue = readOptionalArgumentNumber(threshold, "threshold") ?? DEFAULT_WALK_THRESHOLD;
    return walkGate(adoptedValue, invitedValue, thresholdValue);
  });
}
walkGateCells.resultShape = oneCell;
