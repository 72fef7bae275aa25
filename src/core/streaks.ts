import { ExcelError, fail, guarded, isExcelError } from "./errors";
import {
  isBlank,
  isOmitted,
  readNumber,
  readOptionalNumber,
  readScalar,
  toGrid,
  toVector,
  type FunctionResult,
} from "./excel-values";
import { reaches } from "./tolerance";
import { oneCell } from "./result-shapes";

/**
 * PE.STREAK and PE.PARTNER_STATUS: how many periods running, counted back from the last reported
 * one, a partner met or missed target, and the review decision that follows from it ("2+ quarters
 * met: expand", "3+ quarters below target: exit review"). Met means actual ≥ target within the
 * 1e-9 relative tolerance of the tiers and gates, so an actual that Excel displays as the target
 * meets it.
 */

export type StreakKind = "below" | "met";
export const STREAK_KINDS: readonly StreakKind[] = ["below", "met"];
export const DEFAULT_STREAK_KIND: StreakKind = "below";

export type PartnerStatus = "Exit review" | "Expand" | "Course-correct" | "Maintain";
export const DEFAULT_EXPAND_AFTER = 2;
export const DEFAULT_EXIT_AFTER = 3;

/** One period: its actual (null when not reported) and its target. */
export interface Period {
  actual: number | null;
  target: number;
}

export function meetsTarget(actual: number, target: number): boolean {
  return reaches(actual, target);
}

/** The index of the last reported period (trailing blanks are periods not yet reported), or -1. */
export function lastReported(periods: readonly Period[]): number {
  let last = periods.length - 1;
  while (last >= 0 && periods[last].actual === null) last--;
  return last;
}

/**
 * Consecutive periods of `kind`, counted back from the last reported one. A blank between
 * reported periods ends the streak (a period with no actual neither met nor missed target).
 */
export function streak(periods: readonly Period[], kind: StreakKind): number {
  let count = 0;
  for (let index = lastReported(periods); index >= 0; index--) {
    const { actual, target } = periods[index];
    if (actual === null || meetsTarget(actual, target) !== (kind === "met")) break;
    count++;
  }
  return count;
}

/** The first status that holds; #N/A when no period has been reported yet. */
export function partnerStatus(periods: readonly Period[], expandAfter: number, exitAfter: number): PartnerStatus {
  checkPeriodCount(expandAfter, "expand_after");
  checkPeriodCount(exitAfter, "exit_after");
  const last = lastReported(periods);
  if (last < 0) fail("#N/A", "no reported period: actuals has no number yet");
  if (streak(periods, "below") >= exitAfter) return "Exit review";
  if (streak(periods, "met") >= expandAfter) return "Expand";
  const { actual, target } = periods[last];
  return meetsTarget(actual as number, target) ? "Maintain" : "Course-correct";
}

/** expand_after and exit_after count periods: whole numbers from 1. */
function checkPeriodCount(value: number, what: string): void {
  if (Number.isInteger(value) && value >= 1) return;
  fail("#NUM!", `${what} is ${value}: enter a whole number of periods, 1 or more`);
}

function shapeText(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}

/**
 * actuals (a row or a column, oldest first; blanks are periods without a number) and targets
 * (the same shape, or one target for every period). Every cell is read, so a text that is not a
 * number is #VALUE! naming its position wherever it is, and an errored cell passes its error on.
 * A blank target counts as 0, as Excel desktop passes a blank cell.
 */
export function readPeriods(actuals: unknown, targets: unknown): Period[] {
  const actualGrid = toGrid(actuals, "actuals");
  const actualCells = toVector(actualGrid, "actuals");
  const targetGrid = toGrid(targets, "targets");
  const single = targetGrid.length === 1 && targetGrid[0].length === 1;
  if (!single && (targetGrid.length !== actualGrid.length || targetGrid[0].length !== actualGrid[0].length)) {
    fail(
      "#VALUE!",
      `targets is ${shapeText(targetGrid.length, targetGrid[0].length)} but actuals is ` +
        `${shapeText(actualGrid.length, actualGrid[0].length)}: give one target per period in the same shape, or a single target`,
    );
  }
  const periods: Period[] = new Array(actualCells.length);
  for (let index = 0; index < actualCells.length; index++) {
    const cell = actualCells[index];
    if (isExcelError(cell)) throw cell;
    periods[index] = { actual: isBlank(cell) ? null : readNumber(cell, `actuals item ${index + 1}`), target: 0 };
  }
  if (single) {
    const target = readNumber(targetGrid[0][0], "targets", "zero");
    for (const period of periods) period.target = target;
  } else {
    const targetCells = toVector(targetGrid, "targets");
    for (let index = 0; index < targetCells.length; index++) {
      periods[index].target = readNumber(targetCells[index], `targets item ${index + 1}`, "zero");
    }
  }
  return periods;
}

const VALID_KINDS = 'use "below" (periods below target, the default) or "met"';

/** `which`: "below" (default) or "met", case-insensitive; anything else is #VALUE! listing both. */
export function readStreakKind(argument: unknown): StreakKind {
  const value = guarded(() => readScalar(argument, "which"));
  if (value instanceof ExcelError && value.message.startsWith("which ")) fail("#VALUE!", `${value.message}: ${VALID_KINDS}`);
  if (isExcelError(value)) throw value;
  if (isOmitted(value)) return DEFAULT_STREAK_KIND;
  const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  if (text === "") return DEFAULT_STREAK_KIND;
  const kind = STREAK_KINDS.find((known) => known === text);
  if (kind === undefined) {
    const shown = typeof value === "string" ? `"${value}"` : String(value).toUpperCase();
    fail("#VALUE!", `which ${shown} is unknown: ${VALID_KINDS}`);
  }
  return kind;
}

/** PE.STREAK(actuals, targets, [which]) as hosts call it. */
export function streakCells(actuals?: unknown, targets?: unknown, which?: unknown): FunctionResult {
  return guarded(() => {
    const periods = readPeriods(actuals, targets);
    return streak(periods, readStreakKind(which));
  });
}
streakCells.resultShape = oneCell;

/** PE.PARTNER_STATUS(actuals, targets, [expand_after], [exit_after]) as hosts call it. */
export function partnerStatusCells(
  actuals?: unknown,
  targets?: unknown,
  expandAfter?: unknown,
  exitAfter?: unknown,
): FunctionResult {
  return guarded(() => {
    const periods = readPeriods(actuals, targets);
    const expand = readOptionalNumber(expandAfter, "expand_after", DEFAULT_EXPAND_AFTER);
    const exit = readOptionalNumber(exitAfter, "exit_after", DEFAULT_EXIT_AFTER);
    return partnerStatus(periods, expand, exit);
  });
}
partnerStatusCells.resultShape = oneCell;
