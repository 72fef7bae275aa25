import fc from "fast-check";
import { ExcelError } from "../../src/core/errors";
import { partnerScoreCells } from "../../src/core/scoring";
import { tierCells } from "../../src/core/tiers";
import { anyArgument, anyScalar, cellsOf, expectValidResult, gridOf } from "./arbitraries";

// ---- valid inputs ----
const scale = fc.oneof(fc.constantFrom(5, 10, 1, 100), fc.double({ min: 1e-3, max: 1e6, noNaN: true }));
/** n non-negative weights, at least one positive, in the range people type. */
const weightsOf = (count: number) =>
  fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), {
      minLength: count,
      maxLength: count,
    })
    .filter((weights) => weights.some((weight) => weight > 0));
/** Any non-negative weights at all, down to subnormals and up to the largest double. */
const extremeWeightsOf = (count: number) =>
  fc
    .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true })), {
      minLength: count,
      maxLength: count,
    })
    .filter((weights) => weights.some((weight) => weight > 0));
const ratingFractions = (count: number) =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: count, maxLength: count });

const partner = fc.integer({ min: 1, max: 8 }).chain((count) =>
  fc.record({
    scale,
    fractions: ratingFractions(count),
    weights: weightsOf(count),
  }),
);

describe("PE.PARTNER_SCORE contract", () => {
  it("never throws and returns only finite scores in 0–100 or typed errors, for any input", () => {
    fc.assert(
      fc.property(
        anyArgument,
        fc.oneof(anyArgument, fc.constant(undefined)),
        fc.oneof(anyScalar, anyArgument),
        (ratings, weights, scaleArg) => {
          const result = partnerScoreCells(ratings, weights, scaleArg);
          expectValidResult(result);
          for (const cell of cellsOf(result)) {
            if (typeof cell === "number") {
              expect(cell).toBeGreaterThanOrEqual(0);
              expect(cell).toBeLessThanOrEqual(100);
            } else {
              expect(cell).toBeInstanceOf(ExcelError);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("equals 100 × Σ(wᵢ·rᵢ) / (Σwᵢ × scale) for valid input", () => {
    fc.assert(
      fc.property(partner, ({ scale: top, fractions, weights }) => {
        const ratings = fractions.map((fraction) => fraction * top);
        const result = partnerScoreCells([ratings], [weights], top) as number[][];
        const sumProduct = ratings.reduce((sum, rating, index) => sum + rating * weights[index], 0);
        const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
        const expected = (100 * sumProduct) / (weightSum * top);
        expect(result).toHaveLength(1);
        expect(result[0]).toHaveLength(1);
        expect(Math.abs(result[0][0] - expected)).toBeLessThanOrEqual(1e-9);
        expect(result[0][0]).toBeGreaterThanOrEqual(0);
        expect(result[0][0]).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("gives exactly 100 (and so Tier 1) when every rating is at the top of the scale, whatever the weights", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }).chain((count) => fc.tuple(fc.constant(count), extremeWeightsOf(count))),
        fc.oneof(scale, fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true })),
        ([count, weights], top) => {
          const score = partnerScoreCells([new Array<number>(count).fill(top)], [weights], top);
          expect(score).toEqual([[100]]);
          expect(tierCells(score)).toEqual([["Tier 1"]]);
        },
      ),
    );
  });

  it("gives every equal-rating partner exactly 100 × rating / scale, whatever the weights", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }).chain((count) => fc.tuple(fc.constant(count), extremeWeightsOf(count))),
        fc.constantFrom(0, 1, 2, 2.5, 3, 4, 5),
        ([count, weights], rating) => {
          const score = partnerScoreCells([new Array<number>(count).fill(rating)], [weights]) as number[][];
          expect(score[0][0]).toBe(100 * (rating / 5));
        },
      ),
    );
  });

  it("does not depend on the units of the weights", () => {
    fc.assert(
      fc.property(partner, fc.constantFrom(0.01, 0.1, 3, 1000), ({ scale: top, fractions, weights }, factor) => {
        const ratings = [fractions.map((fraction) => fraction * top)];
        const plain = (partnerScoreCells(ratings, [weights], top) as number[][])[0][0];
        const scaled = (partnerScoreCells(ratings, [weights.map((weight) => weight * factor)], top) as number[][])[0][0];
        expect(Math.abs(plain - scaled)).toBeLessThanOrEqual(1e-9);
      }),
    );
  });

  it("scores a block row by row: a column with each row's own score", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((count) =>
          fc.record({
            rows: fc.array(ratingFractions(count), { minLength: 2, maxLength: 6 }),
            weights: fc.option(weightsOf(count), { nil: undefined }),
          }),
        ),
        ({ rows, weights }) => {
          const block = rows.map((row) => row.map((fraction) => fraction * 5));
          const weightArgument = weights ? [weights] : null;
          const result = partnerScoreCells(block, weightArgument) as unknown[][];
          expect(result).toHaveLength(block.length);
          block.forEach((row, index) => {
            expect(result[index]).toHaveLength(1);
            expect(result[index][0]).toBe((partnerScoreCells([row], weightArgument) as unknown[][])[0][0]);
          });
        },
      ),
    );
  });

  it("shapes its result by the ratings' shape only: one cell for a row or column, one per row for a block", () => {
    fc.assert(
      fc.property(gridOf(anyScalar), (ratings) => {
        const result = partnerScoreCells(ratings);
        if (result instanceof ExcelError) return;
        const isBlock = ratings.length > 1 && ratings[0].length > 1;
        expect(result).toHaveLength(isBlock ? ratings.length : 1);
        for (const row of result as unknown[][]) expect(row).toHaveLength(1);
      }),
    );
  });
});

describe("the per-row fast paths", () => {
  // A row of plain numbers takes partnerScoreCells' and tierCells' fast paths; the same values
  // as a column (or with a second score) take the general reading. Both must agree exactly.
  const rating = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true }));
  const plainCase = fc.integer({ min: 1, max: 8 }).chain((count) =>
    fc.tuple(
      fc.array(rating, { minLength: count, maxLength: count }),
      fc.option(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: count, maxLength: count }), {
        nil: undefined,
      }),
    ),
  );

  it("give the same score as the general path", () => {
    fc.assert(
      fc.property(plainCase, ([ratings, weights]) => {
        const fast = partnerScoreCells([ratings], weights === undefined ? null : [weights], null);
        const general = partnerScoreCells(
          ratings.map((r) => [r]),
          weights === undefined ? null : weights.map((w) => [w]),
          null,
        );
        expect(fast).toEqual(general);
      }),
    );
  });

  it("give the same tier as the general path", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (score) => {
        const fast = tierCells([[score]], null, null);
        const general = tierCells([[score], [score]], null, null);
        expect(Array.isArray(fast) ? fast[0] : fast).toEqual(Array.isArray(general) ? general[0] : general);
      }),
    );
  });
});
