import { asErrorValue, fail, guarded, isExcelError } from "./errors";
import {
  isOmitted,
  readNumber,
  readOptionalNumber,
  readOptionalVector,
  toGrid,
  toVector,
  type CellInput,
  type CellResult,
  type FunctionResult,
  type Grid,
} from "./excel-values";
import { clampNoise } from "./tolerance";
import { onePerRowOf } from "./result-shapes";

/**
 * PE.PARTNER_SCORE: a partner's weighted criterion ratings as a score from 0 to 100.
 * Score = 100 × Σ(wᵢ·rᵢ) / (Σwᵢ × scale).
 */

/** The qualification framework's weights: strategic fit, market reach, capabilities, financial health, track record. */
export const FRAMEWORK_WEIGHTS: readonly number[] = [30, 25, 20, 15, 10];
export const DEFAULT_SCALE = 5;

/** The framework's weights for exactly five ratings, otherwise one equal weight per rating. */
export function defaultWeights(ratingCount: number): number[] {
  return ratingCount === FRAMEWORK_WEIGHTS.length ? [...FRAMEWORK_WEIGHTS] : new Array<number>(ratingCount).fill(1);
}

export function checkScale(scale: number): void {
  if (!Number.isFinite(scale)) fail("#NUM!", `scale is ${scale}: enter a finite number above 0`);
  if (scale <= 0) fail("#NUM!", `scale is ${scale}: the top of the rating scale must be above 0`);
}

/** `what` names the rating in messages, e.g. "rating 3" or "row 2, rating 3". */
export function checkRating(rating: number, scale: number, what: string): void {
  if (!Number.isFinite(rating)) fail("#NUM!", `${what} is ${rating}: enter a finite number`);
  if (rating < 0) fail("#NUM!", `${what} is ${rating}: ratings cannot be below 0`);
  if (rating > scale)
    fail("#NUM!", `${what} is ${rating}, above the top of the scale (${scale}): rate from 0 to ${scale}, or set scale`);
}

export function checkWeights(
  weights: readonly number[],
  ratingCount: number,
  ratingsName = "ratings",
  ratingName = "rating",
): void {
  if (isPlainWeights(weights, ratingCount)) return;
  if (weights.length !== ratingCount) {
    fail(
      "#VALUE!",
      `weights has ${weights.length} values but ${ratingsName} has ${ratingCount}: give one weight per ${ratingName}`,
    );
  }
  weights.forEach((weight, index) => {
    if (!Number.isFinite(weight)) fail("#NUM!", `weight ${index + 1} is ${weight}: enter a finite number`);
    if (weight < 0) fail("#NUM!", `weight ${index + 1} is ${weight}: weights cannot be negative`);
  });
  if (!weights.some((weight) => weight > 0)) fail("#NUM!", "weights sum to 0: give at least one criterion a positive weight");
}

/** The common case in one pass with no message built: one finite, non-negative weight per rating, some above 0. */
function isPlainWeights(weights: readonly number[], ratingCount: number): boolean {
  if (weights.length !== ratingCount) return false;
  let anyPositive = false;
  for (let index = 0; index < weights.length; index++) {
    const weight = weights[index];
    if (!(weight >= 0 && weight < Infinity)) return false;
    if (weight > 0) anyPositive = true;
  }
  return anyPositive;
}

/**
 * Weights as fractions of their total (percentage-point moves in PE.TIER_STABLE, and the
 * fallback for overflowing sums). Huge weights whose total overflows are first brought down by
 * the largest one.
 */
export function weightFractions(weights: readonly number[]): number[] {
  let scaled: readonly number[] = weights;
  let total = sum(scaled);
  if (!Number.isFinite(total)) {
    const largest = weights.reduce((high, weight) => Math.max(high, weight), 0);
    scaled = weights.map((weight) => weight / largest);
    total = sum(scaled);
  }
  return scaled.map((weight) => weight / total);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * The formula as written, 100 × Σ(wᵢ·rᵢ) / (Σwᵢ × scale): with whole-number ratings and
 * weights every product and sum is exact, so 83 comes out as 83, not 83.00000000000001 (a form
 * that first turns weights into fractions loses that in about a third of such cases). Equal
 * ratings are the one case where the weights cannot matter, and rounding could still move the
 * result a hair: they give exactly 100 × r / scale, so all ratings at the top give exactly 100.
 */
function weightedScore(ratings: readonly number[], weights: readonly number[], scale: number): number {
  if (allEqual(ratings)) return 100 * (ratings[0] / scale);
  let weighted = 0;
  let total = 0;
  for (let index = 0; index < ratings.length; index++) {
    weighted += weights[index] * ratings[index];
    total += weights[index];
  }
  const score = (100 * weighted) / (total * scale);
  if (Number.isFinite(score)) return score;
  // Weights so large that the sums overflow: the same mean from weights as fractions of their total.
  const fractions = weightFractions(weights);
  return (100 * ratings.reduce((sum, rating, index) => sum + fractions[index] * rating, 0)) / scale;
}

function allEqual(values: readonly number[]): boolean {
  for (let index = 1; index < values.length; index++) if (values[index] !== values[0]) return false;
  return true;
}

/**
 * The score from 0 to 100 of one partner's ratings, unrounded. `weights` undefined means the
 * default weights. Invalid input fails with the same typed errors as PE.PARTNER_SCORE.
 */
export function partnerScore(ratings: readonly number[], weights: readonly number[] | undefined, scale: number): number {
  if (ratings.length === 0) fail("#VALUE!", "ratings is empty: give at least one rating");
  checkScale(scale);
  // The framework's weights are read, never changed: no copy per call.
  const effectiveWeights =
    weights ?? (ratings.length === FRAMEWORK_WEIGHTS.length ? FRAMEWORK_WEIGHTS : defaultWeights(ratings.length));
  checkWeights(effectiveWeights, ratings.length);
  for (let index = 0; index < ratings.length; index++) {
    const rating = ratings[index];
    // A rating in range needs no check, so the message naming it is built only when one fails.
    if (!(rating >= 0 && rating <= scale)) checkRating(rating, scale, `rating ${index + 1}`);
  }
  return clampNoise(weightedScore(ratings, effectiveWeights, scale), 0, 100);
}

/** PARTNER_SCORE's arguments once read: the partners' raw rating cells, the weights and scale. */
export interface ScoringArguments {
  /** One entry per partner: a single row or column is one partner, a block is one partner per row. */
  partners: CellInput[][];
  /** True for a block of several rows and columns (positions are then named by row). */
  isBlock: boolean;
  weights: number[];
  scale: number;
}

/** Reads ratings, weights and scale; anything wrong here is one error for the whole call. */
export function readScoringArguments(ratings: unknown, weights: unknown, scale: unknown): ScoringArguments {
  const { partners, isBlock } = readPartnerRows(ratings, "ratings");
  const ratingCount = partners[0].length;
  const readScale = readOptionalNumber(scale, "scale", DEFAULT_SCALE);
  checkScale(readScale);
  return { partners, isBlock, weights: readWeights(weights, ratingCount, isBlock), scale: readScale };
}

/** How weight messages name what is weighted: PE.PARTNER_SCORE weighs ratings, PE.HEALTH attainments. */
export interface WeightedItems {
  /** The argument, e.g. "ratings". */
  plural: string;
  /** One of them, e.g. "rating". */
  singular: string;
}

const RATINGS: WeightedItems = { plural: "ratings", singular: "rating" };

/**
 * Weights as a row or a column in either orientation; omitted (or one blank cell) means the
 * defaults. Blank weights count as 0. PE.HEALTH reads its weights here too, so both say the same.
 */
export function readWeights(
  argument: unknown,
  ratingCount: number,
  isBlock: boolean,
  items: WeightedItems = RATINGS,
  defaults: (count: number) => number[] = defaultWeights,
): number[] {
  const cells = readOptionalVector(argument, "weights");
  if (cells === undefined) return defaults(ratingCount);
  const ratingsName = isBlock ? `each partner's row of ${items.plural}` : items.plural;
  if (cells.length !== ratingCount) {
    fail(
      "#VALUE!",
      `weights has ${cells.length} values but ${ratingsName} has ${ratingCount}: give one weight per ${items.singular}`,
    );
  }
  const weights = new Array<number>(cells.length);
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    // A clean number needs no name: the message naming the weight is built only for the rest.
    weights[index] = typeof cell === "number" && cell - cell === 0 ? cell : readNumber(cell, `weight ${index + 1}`, "zero");
  }
  checkWeights(weights, ratingCount, ratingsName, items.singular);
  return weights;
}

/** One partner's ratings as numbers; a problem here is an error for that partner only. */
export function readPartnerRatings(cells: readonly CellInput[], partnerIndex: number, args: ScoringArguments): number[] {
  const ratings = new Array<number>(cells.length);
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    if (typeof cell === "number" && cell >= 0 && cell <= args.scale) {
      ratings[index] = cell;
      continue;
    }
    const what = args.isBlock ? `row ${partnerIndex + 1}, rating ${index + 1}` : `rating ${index + 1}`;
    const rating = readNumber(cell, what, "zero");
    checkRating(rating, args.scale, what);
    ratings[index] = rating;
  }
  return ratings;
}

/**
 * Runs a per-partner rule over already read arguments: `[[result]]` for one partner, a column of
 * results (one per row) for a block, each partner's problem confined to its own cell.
 */
export function perPartner(args: ScoringArguments, compute: (ratings: number[]) => CellResult): Grid<CellResult> {
  return resultPerPartner(args.partners, (cells, partner) => compute(readPartnerRatings(cells, partner, args)));
}

/**
 * A per-partner argument (ratings, attainments) as partners: a single row or column is one
 * partner, a block of several rows and columns is one partner per row (positions are then named by row).
 */
export function readPartnerRows(argument: unknown, name: string): { partners: CellInput[][]; isBlock: boolean } {
  const grid = toGrid(argument, name);
  const isBlock = grid.length > 1 && grid[0].length > 1;
  return { partners: isBlock ? grid : [toVector(grid, name)], isBlock };
}

/** `compute` for each partner: one row of results per partner, each partner's problem confined to its own cell. */
export function resultPerPartner(
  partners: readonly CellInput[][],
  compute: (cells: readonly CellInput[], partner: number) => CellResult,
): Grid<CellResult> {
  const results: Grid<CellResult> = new Array(partners.length);
  for (let partner = 0; partner < partners.length; partner++) {
    try {
      results[partner] = [compute(partners[partner], partner)];
    } catch (caught) {
      results[partner] = [asErrorValue(caught)];
    }
  }
  return results;
}

/** PE.PARTNER_SCORE(ratings, [weights], [scale]) as hosts call it. */
export function partnerScoreCells(ratings?: unknown, weights?: unknown, scale?: unknown): FunctionResult {
  const plain = plainPartnerScore(ratings, weights, scale);
  if (plain !== undefined) return [[plain]];
  const args = guarded(() => readScoringArguments(ratings, weights, scale));
  if (isExcelError(args)) return args;
  return perPartner(args, (partnerRatings) => partnerScore(partnerRatings, args.weights, args.scale));
}
partnerScoreCells.resultShape = onePerRowOf(0);

/** A single row of finite numbers, or undefined. */
function plainRow(argument: unknown): readonly number[] | undefined {
  if (!Array.isArray(argument) || argument.length !== 1 || !Array.isArray(argument[0])) return undefined;
  const row: unknown[] = argument[0];
  if (row.length === 0) return undefined;
  for (let index = 0; index < row.length; index++) {
    const cell = row[index];
    if (typeof cell !== "number" || cell - cell !== 0) return undefined;
  }
  return row as number[];
}

/**
 * The score of the call a per-row formula makes thousands of times — one row of plain ratings,
 * weights omitted or one row of plain numbers, scale omitted or a number — without the general
 * reading's intermediate grids and closures; undefined for anything else, which then takes the
 * general path (and gets its named errors). Same rule, same result.
 */
function plainPartnerScore(ratings: unknown, weights: unknown, scale: unknown): number | undefined {
  const row = plainRow(ratings);
  if (row === undefined) return undefined;
  const top = isOmitted(scale) ? DEFAULT_SCALE : scale;
  if (typeof top !== "number" || !(top > 0 && top < Infinity)) return undefined;
  let weightRow: readonly number[] | undefined;
  if (!isOmitted(weights)) {
    weightRow = plainRow(weights);
    if (weightRow === undefined || weightRow.length !== row.length) return undefined;
  }
  for (let index = 0; index < row.length; index++) if (!(row[index] >= 0 && row[index] <= top)) return undefined;
  try {
    return partnerScore(row, weightRow, top);
  } catch {
    return undefined;
  }
}
