import { fail, guarded, isExcelError } from "./errors";
import { readOptionalNumber, type FunctionResult } from "./excel-values";
import { defaultWeights, partnerScore, perPartner, readScoringArguments, weightFractions } from "./scoring";
import { DEFAULT_TIER_SCHEME, readTierScheme, tierPosition, type TierScheme } from "./tiers";
import { onePerRowOf } from "./result-shapes";

/**
 * PE.TIER_STABLE: whether a partner's tier survives moving any one criterion's weight up or down
 * by `shift` percentage points of the total — a tier that flips under such a small change in
 * judgement should not drive a multi-year commitment.
 */

/** Percentage points of the total weight. */
export const DEFAULT_SHIFT = 5;

export function checkShift(shift: number): void {
  if (!Number.isFinite(shift)) fail("#NUM!", `shift is ${shift}: enter a finite number of percentage points`);
  if (shift < 0) fail("#NUM!", `shift is ${shift}: enter how far weights move as 0 or more percentage points`);
}

/**
 * TRUE when every single-criterion move of ±shift points (a weight floored at 0, the others kept,
 * all renormalised) leaves the tier position unchanged. Positions, not labels, are compared, and
 * "below every threshold" is a position of its own, so a scheme without a label for it still
 * answers TRUE or FALSE. A move that would leave every weight at 0 is not a weighting, so it is skipped.
 */
export function isTierStable(
  ratings: readonly number[],
  weights: readonly number[] | undefined,
  scale: number,
  shift: number,
  scheme: TierScheme = DEFAULT_TIER_SCHEME,
): boolean {
  checkShift(shift);
  const effectiveWeights = weights ?? defaultWeights(ratings.length);
  const basePosition = tierPosition(partnerScore(ratings, effectiveWeights, scale), scheme);
  if (shift === 0) return true;
  const points = weightFractions(effectiveWeights).map((fraction) => 100 * fraction);
  for (let criterion = 0; criterion < points.length; criterion++) {
    for (const direction of [1, -1]) {
      const moved = [...points];
      moved[criterion] = Math.max(0, points[criterion] + direction * shift);
      if (moved.every((point) => point === 0)) continue;
      if (tierPosition(partnerScore(ratings, moved, scale), scheme) !== basePosition) return false;
    }
  }
  return true;
}

/** PE.TIER_STABLE(ratings, [weights], [scale], [shift], [thresholds], [labels]) as hosts call it. */
export function tierStableCells(
  ratings?: unknown,
  weights?: unknown,
  scale?: unknown,
  shift?: unknown,
  thresholds?: unknown,
  labels?: unknown,
): FunctionResult {
  const read = guarded(() => {
    const scoring = readScoringArguments(ratings, weights, scale);
    const readShift = readOptionalNumber(shift, "shift", DEFAULT_SHIFT);
    checkShift(readShift);
    return { scoring, shift: readShift, scheme: readTierScheme(thresholds, labels) };
  });
  if (isExcelError(read)) return read;
  const { scoring, scheme } = read;
  return perPartner(scoring, (partnerRatings) =>
    isTierStable(partnerRatings, scoring.weights, scoring.scale, read.shift, scheme),
  );
}
tierStableCells.resultShape = onePerRowOf(0);
