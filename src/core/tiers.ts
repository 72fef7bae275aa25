import { ExcelError, fail, guarded, isExcelError } from "./errors";
import {
  isBlank,
  isOmitted,
  mapCells,
  readNumber,
  readOptionalVector,
  toGrid,
  type CellInput,
  type CellResult,
  type FunctionResult,
  type Grid,
} from "./excel-values";
import { reaches } from "./tolerance";
import { sameShapeAs } from "./result-shapes";

/**
 * PE.TIER and PE.TIER_GAP: which tier a score reaches, and how far it is from the next one up.
 * Both read thresholds and labels through `readTierScheme`, so they accept and refuse the same
 * arguments.
 */

export type TierLabel = string | number;

export interface Tier {
  /** The lowest score of the tier; a score reaches it within the 1e-9 relative tolerance. */
  threshold: number;
  label: TierLabel;
}

export interface TierScheme {
  /** Highest threshold first. */
  tiers: readonly Tier[];
  /** The label of scores below every threshold; undefined when the user gave none (those scores are #N/A). */
  belowAll?: TierLabel;
  /** The default tiers are meant for 0–100 scores, so a score outside that range is a slip; custom tiers take any score. */
  scoreRange?: { low: number; high: number };
}

export const DEFAULT_TIER_SCHEME: TierScheme = {
  tiers: [
    { threshold: 85, label: "Tier 1" },
    { threshold: 70, label: "Tier 2" },
    { threshold: 50, label: "Tier 3" },
  ],
  belowAll: "Not qualified",
  scoreRange: { low: 0, high: 100 },
};

/**
 * Where a score falls: 0 for the top tier, 1 for the next, …, and `tiers.length` for below every
 * threshold (a position of its own, whether or not it has a label).
 */
export function tierPosition(score: number, scheme: TierScheme, what = "score"): number {
  if (!Number.isFinite(score)) fail("#NUM!", `${what} is ${score}: enter a finite number`);
  const range = scheme.scoreRange;
  if (range && (score < range.low || score > range.high)) {
    fail(
      "#NUM!",
      `${what} is ${score}, outside ${range.low}–${range.high}: the default tiers are for scores from ${range.low} to ${range.high}`,
    );
  }
  const tiers = scheme.tiers;
  for (let position = 0; position < tiers.length; position++) if (reaches(score, tiers[position].threshold)) return position;
  return tiers.length;
}

/** The label of the highest threshold the score reaches; #N/A below every threshold unless the scheme labels that too. */
export function tierOf(score: number, scheme: TierScheme, what = "score"): TierLabel {
  const position = tierPosition(score, scheme, what);
  if (position < scheme.tiers.length) return scheme.tiers[position].label;
  if (scheme.belowAll !== undefined) return scheme.belowAll;
  const lowest = scheme.tiers[scheme.tiers.length - 1].threshold;
  return fail(
    "#N/A",
    `${what} is ${score}, below every threshold (the lowest is ${lowest}): add one more label, after the others, for scores below every threshold`,
  );
}

/**
 * Points the score needs to reach the next tier up; 0 in the top tier. Our reading of the issue
 * for a score below every threshold: the next tier up is the lowest one, so its gap is to the
 * lowest threshold, whether or not the labels name the "below every threshold" band.
 */
export function tierGap(score: number, scheme: TierScheme, what = "score"): number {
  const position = tierPosition(score, scheme, what);
  if (position === 0) return 0;
  const target = scheme.tiers[position - 1].threshold;
  const gap = target - score;
  if (!Number.isFinite(gap)) fail("#NUM!", `the gap from ${what} (${score}) to threshold ${target} is too large to compute`);
  const reaching = gapThatReaches(score, gap, target);
  if (!Number.isFinite(reaching)) fail("#NUM!", `the gap from ${what} (${score}) to threshold ${target} is too large to compute`);
  return reaching;
}

/**
 * Rounding can leave score + gap a hair short of the threshold when their magnitudes differ
 * widely; the gap is raised by the smallest steps until adding it really reaches the next tier.
 */
function gapThatReaches(score: number, gap: number, target: number): number {
  let adjusted = gap;
  for (let step = 0; step < 64 && !reaches(score + adjusted, target); step++) adjusted = nextAbove(adjusted);
  return adjusted;
}

/** The next double above a positive finite number. */
function nextAbove(value: number): number {
  const float = new Float64Array([value]);
  const bits = new BigInt64Array(float.buffer);
  bits[0] += 1n;
  return float[0];
}

/** A scheme from thresholds and labels the user gave, in any order; the labels pair with the thresholds in order. */
export function buildTierScheme(thresholds: readonly number[], labels: readonly TierLabel[]): TierScheme {
  if (thresholds.length === 0) fail("#VALUE!", "thresholds is empty: give the lowest score of each tier");
  thresholds.forEach((threshold, index) => {
    if (!Number.isFinite(threshold)) fail("#NUM!", `threshold ${index + 1} is ${threshold}: enter a finite number`);
  });
  const count = thresholds.length;
  if (labels.length !== count && labels.length !== count + 1) {
    fail(
      "#VALUE!",
      `labels has ${labels.length} values but thresholds has ${count}: give ${count} labels, or ${count + 1} with the last for scores below every threshold`,
    );
  }
  const tiers = thresholds.map((threshold, index) => ({ threshold, label: labels[index], index }));
  tiers.sort((a, b) => b.threshold - a.threshold);
  for (let index = 1; index < tiers.length; index++) {
    const [higher, lower] = [tiers[index - 1], tiers[index]];
    if (higher.threshold === lower.threshold) {
      const [first, second] = [higher.index, lower.index].sort((a, b) => a - b);
      fail("#VALUE!", `thresholds ${first + 1} and ${second + 1} are both ${lower.threshold}: each tier needs its own threshold`);
    }
  }
  return {
    tiers: tiers.map(({ threshold, label }) => ({ threshold, label })),
    belowAll: labels.length === count + 1 ? labels[count] : undefined,
  };
}

/** The optional thresholds and labels arguments of PE.TIER, PE.TIER_GAP and PE.TIER_STABLE. */
export function readTierScheme(thresholds: unknown, labels: unknown): TierScheme {
  const thresholdCells = readOptionalVector(thresholds, "thresholds");
  const labelCells = readOptionalVector(labels, "labels");
  // A tier column passes the same thresholds and labels in every row: the last scheme read is kept.
  if (lastScheme && sameCells(lastScheme.thresholds, thresholdCells) && sameCells(lastScheme.labels, labelCells))
    return lastScheme.scheme;
  const scheme = schemeFrom(thresholdCells, labelCells);
  lastScheme = { thresholds: thresholdCells, labels: labelCells, scheme };
  return scheme;
}

let lastScheme: { thresholds?: readonly CellInput[]; labels?: readonly CellInput[]; scheme: TierScheme } | undefined;

function sameCells(a: readonly CellInput[] | undefined, b: readonly CellInput[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((cell, i) => Object.is(cell, b[i]));
}

function schemeFrom(thresholdCells: readonly CellInput[] | undefined, labelCells: readonly CellInput[] | undefined): TierScheme {
  if (thresholdCells === undefined && labelCells === undefined) return DEFAULT_TIER_SCHEME;
  if (labelCells === undefined) {
    fail(
      "#VALUE!",
      "thresholds needs labels: give one label per threshold, plus optionally one for scores below every threshold",
    );
  }
  if (thresholdCells === undefined) {
    fail("#VALUE!", "labels needs thresholds: give the lowest score of each tier, one per label");
  }
  // Blank thresholds count as 0, as Excel desktop passes them, so every host agrees.
  const numbers = thresholdCells.map((cell, index) => readNumber(cell, `threshold ${index + 1}`, "zero"));
  return buildTierScheme(numbers, labelCells.map(readLabel));
}

function readLabel(cell: CellInput, index: number): TierLabel {
  const what = `label ${index + 1}`;
  if (isExcelError(cell)) throw cell;
  if (isBlank(cell)) fail("#VALUE!", `${what} is blank: enter text or a number`);
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) fail("#NUM!", `${what} is ${cell}: enter text or a finite number`);
    return cell;
  }
  return fail("#VALUE!", `${what} is ${cell ? "TRUE" : "FALSE"}: enter text or a number`);
}

/** How messages name one score of the score argument. */
function scoreName(grid: Grid<unknown>, row: number, col: number): string {
  if (grid.length === 1 && grid[0].length === 1) return "score";
  if (grid.length === 1) return `score ${col + 1}`;
  if (grid[0].length === 1) return `score ${row + 1}`;
  return `score at row ${row + 1}, column ${col + 1}`;
}

/** Applies a per-score rule over a score or a range of scores: a same-shaped grid, problems confined to their cells. */
function perScore(
  score: unknown,
  thresholds: unknown,
  labels: unknown,
  rule: (score: number, scheme: TierScheme, what: string) => CellResult,
): FunctionResult {
  const read = guarded(() => ({ scheme: readTierScheme(thresholds, labels), grid: toGrid(score, "score") }));
  if (read instanceof ExcelError) return read;
  const { scheme, grid } = read;
  // Blank scores count as 0, the same on every host (Excel desktop passes blanks as 0).
  return mapCells(grid, (cell, row, col) => {
    if (typeof cell === "number") {
      // Most scores are plain numbers that pass: naming the cell ("score 12") only matters in a
      // message, so a failing one is run again below with its name. The rules are pure.
      try {
        return rule(cell, scheme, "score");
      } catch {
        // fall through
      }
    }
    const what = scoreName(grid, row, col);
    return rule(readNumber(cell, what, "zero"), scheme, what);
  });
}

/** PE.TIER(score, [thresholds], [labels]) as hosts call it. */
export function tierCells(score?: unknown, thresholds?: unknown, labels?: unknown): FunctionResult {
  // The per-row formula's usual call, one plain score under the default tiers, skips the general
  // reading; anything unusual (and every error, with its message) takes the general path.
  if (isOmitted(thresholds) && isOmitted(labels) && Array.isArray(score) && score.length === 1) {
    const row: unknown = score[0];
    if (Array.isArray(row) && row.length === 1 && typeof row[0] === "number" && row[0] >= 0 && row[0] <= 100) {
      return [[tierOf(row[0], DEFAULT_TIER_SCHEME)]];
    }
  }
  return perScore(score, thresholds, labels, tierOf);
}
tierCells.resultShape = sameShapeAs(0);

/** PE.TIER_GAP(score, [thresholds], [labels]) as hosts call it. */
export function tierGapCells(score?: unknown, thresholds?: unknown, labels?: unknown): FunctionResult {
  return perScore(score, thresholds, labels, tierGap);
}
tierGapCells.resultShape = sameShapeAs(0);
