/** Deterministic inputs: the same seed gives the same partners and deals on every run. */

/** mulberry32: a small, fast, seedable generator (quality is ample for test data). */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export const RATING_SCALE = 5;
export const CRITERIA_COUNT = 5;
export const FRAMEWORK_WEIGHT_VALUES = [30, 25, 20, 15, 10] as const;

/** Whole ratings from 1 to 5, as partner managers type them; every tier occurs. */
export function partnerRatings(count: number, seed = 1): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: CRITERIA_COUNT }, () => 1 + Math.floor(random() * RATING_SCALE)),
  );
}

/** Four marginal tiers, e.g. a reseller programme: 10% to 100k, 15% to 250k, 20% to 500k, 25% above. */
export const REVSHARE_SCHEDULE = { starts: [0, 100_000, 250_000, 500_000], rates: [0.1, 0.15, 0.2, 0.25] } as const;

/** Deal revenues from 0 to 1,000,000 in whole currency units, so every tier is reached. */
export function dealRevenues(count: number, seed = 2): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => Math.round(random() * 1_000_000));
}
