import fc from "fast-check";
import { ExcelError } from "../../src/core/errors";
import type { FunctionResult } from "../../src/core/excel-values";
import { tierCells, tierGapCells } from "../../src/core/tiers";
import { reaches } from "../../src/core/tolerance";
import { anyArgument, anyScalar, cellsOf, expectValidResult, gridOf } from "./arbitraries";

function only(result: FunctionResult): unknown {
  expect(Array.isArray(result)).toBe(true);
  return (result as unknown[][])[0][0];
}

// ---- valid custom schemes: distinct thresholds in any order, labels L0…, maybe a last label for below every threshold ----
interface Scheme {
  thresholds: number[];
  labels: string[];
  /** Tier position of each label: 0 for the highest threshold, thresholds.length for below every threshold. */
  positionOf: Map<unknown, number>;
}
const customScheme: fc.Arbitrary<Scheme> = fc
  .record({
    thresholds: fc.uniqueArray(fc.oneof(fc.integer({ min: -200, max: 200 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
      minLength: 1,
      maxLength: 6,
      comparator: "SameValueZero",
    }),
    withBelow: fc.boolean(),
  })
  .map(({ thresholds, withBelow }) => {
    const labels = thresholds.map((_, index) => `L${index}`);
    if (withBelow) labels.push("Below");
    const descending = [...thresholds].sort((a, b) => b - a);
    const positionOf = new Map<unknown, number>(
      thresholds.map((threshold, index) => [`L${index}`, descending.indexOf(threshold)]),
    );
    positionOf.set("Below", thresholds.length);
    return { thresholds, labels, positionOf };
  });
const asRowOrColumn = (values: unknown[], column: boolean) => (column ? values.map((value) => [value]) : [values]);

/** A TIER result as a tier position; a #N/A (below every threshold, no label for it) is the lowest position. */
function positionIn(scheme: Scheme, result: unknown): number {
  if (result instanceof ExcelError) {
    expect(result.code).toBe("#N/A");
    return scheme.thresholds.length;
  }
  const position = scheme.positionOf.get(result);
  if (position === undefined) throw new Error(`unexpected label ${String(result)}`);
  return position;
}

const DEFAULT_POSITIONS = new Map<unknown, number>([
  ["Tier 1", 0],
  ["Tier 2", 1],
  ["Tier 3", 2],
  ["Not qualified", 3],
]);
const DEFAULT_THRESHOLDS = [85, 70, 50];
const percentScore = fc.oneof(
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.integer({ min: 0, max: 100 }),
  fc.constantFrom(49.999999999999986, 84.99999999, 70 - 1e-8),
);
const customScore = fc.oneof(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.integer({ min: -300, max: 300 }));

describe("PE.TIER and PE.TIER_GAP contract", () => {
  it("never throw and return only labels, finite non-negative gaps or typed errors, for any input", () => {
    fc.assert(
      fc.property(
        anyArgument,
        fc.oneof(fc.constant(undefined), anyArgument),
        fc.oneof(fc.constant(undefined), anyArgument),
        (score, thresholds, labels) => {
          expectValidResult(tierCells(score, thresholds, labels));
          const gaps = tierGapCells(score, thresholds, labels);
          expectValidResult(gaps);
          for (const gap of cellsOf(gaps)) {
            if (typeof gap === "number") expect(gap).toBeGreaterThanOrEqual(0);
            else expect(gap).toBeInstanceOf(ExcelError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keep the contract for any scores against valid custom schemes", () => {
    fc.assert(
      fc.property(gridOf(anyScalar), customScheme, fc.boolean(), (scores, scheme, column) => {
        const tiers = tierCells(scores, asRowOrColumn(scheme.thresholds, column), [scheme.labels]);
        const gaps = tierGapCells(scores, [scheme.thresholds], asRowOrColumn(scheme.labels, column));
        for (const result of [tiers, gaps]) {
          expectValidResult(result);
          expect(result).toHaveLength(scores.length);
          expect((result as unknown[][])[0]).toHaveLength(scores[0].length);
        }
      }),
    );
  });

  it("TIER is monotone in the score under the default tiers", () => {
    fc.assert(
      fc.property(percentScore, percentScore, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowPosition = DEFAULT_POSITIONS.get(only(tierCells(low)));
        const highPosition = DEFAULT_POSITIONS.get(only(tierCells(high)));
        expect(lowPosition).toBeDefined();
        expect(highPosition).toBeLessThanOrEqual(lowPosition as number);
      }),
    );
  });

  it("TIER is monotone in the score under any valid custom tiers", () => {
    fc.assert(
      fc.property(customScheme, customScore, customScore, (scheme, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowPosition = positionIn(scheme, only(tierCells(low, [scheme.thresholds], [scheme.labels])));
        const highPosition = positionIn(scheme, only(tierCells(high, [scheme.thresholds], [scheme.labels])));
        expect(highPosition).toBeLessThanOrEqual(lowPosition);
      }),
    );
  });

  it("TIER names the highest threshold the score reaches", () => {
    fc.assert(
      fc.property(customScheme, customScore, (scheme, score) => {
        const position = positionIn(scheme, only(tierCells(score, [scheme.thresholds], [scheme.labels])));
        const descending = [...scheme.thresholds].sort((x, y) => y - x);
        if (position < descending.length) expect(reaches(score, descending[position])).toBe(true);
        if (position > 0) expect(reaches(score, descending[position - 1])).toBe(false);
      }),
    );
  });

  it("TIER_GAP is 0 exactly in the top tier, and adding it to the score reaches the next tier up (default tiers)", () => {
    fc.assert(
      fc.property(percentScore, (score) => {
        const gap = only(tierGapCells(score)) as number;
        const position = DEFAULT_POSITIONS.get(only(tierCells(score))) as number;
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap === 0).toBe(position === 0);
        if (position > 0) {
          expect(reaches(score + gap, DEFAULT_THRESHOLDS[position - 1])).toBe(true);
          expect(DEFAULT_POSITIONS.get(only(tierCells(score + gap)))).toBeLessThanOrEqual(position - 1);
        }
      }),
    );
  });

  it("TIER_GAP is 0 exactly in the top tier, and adding it to the score reaches the next tier up (custom tiers)", () => {
    fc.assert(
      fc.property(customScheme, customScore, (scheme, score) => {
        const thresholds = [scheme.thresholds];
        const labels = [scheme.labels];
        const gap = only(tierGapCells(score, thresholds, labels)) as number;
        const position = positionIn(scheme, only(tierCells(score, thresholds, labels)));
        expect(typeof gap).toBe("number");
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap === 0).toBe(position === 0);
        if (position > 0) {
          expect(positionIn(scheme, only(tierCells(score + gap, thresholds, labels)))).toBeLessThanOrEqual(position - 1);
        }
      }),
    );
  });
});
