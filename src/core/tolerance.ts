/**
 * Threshold tests with a relative tolerance of 1e-9: a weighted score that Excel displays as 50
 * but computes as 49.999999999999986 must still reach a threshold of 50.
 */
export const RELATIVE_TOLERANCE = 1e-9;

export function reaches(value: number, threshold: number): boolean {
  return value >= threshold - RELATIVE_TOLERANCE * Math.abs(threshold);
}

/** Keeps a result inside [low, high] where floating-point noise alone pushed it out. */
export function clampNoise(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
