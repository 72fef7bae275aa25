import fc from "fast-check";
import { ExcelError } from "../../src/core/errors";
import { healthCells } from "../../src/core/health";
import { anyArgument, anyScalar, cellsOf, expectValidResult, gridOf, neverThrows } from "./arbitraries";

// ---- valid inputs: attainments around 1 (and beyond), non-negative weights, a positive cap ----
const attainment = fc.oneof(
  fc.double({ min: -2, max: 3, noNaN: true }),
  fc.constantFrom(0, 0.5, 0.9, 1, 1.2, 2),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
);
const cap = fc.oneof(fc.constantFrom(1, 1.2, 1.5, 0.5), fc.double({ min: 1e-6, max: 1e6, noNaN: true }));
const weightsOf = (count: number) =>
  fc
    .array(
      fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }), fc.double({ min: 1e-6, max: Number.MAX_VALUE, noNaN: true })),
      {
        minLength: count,
        maxLength: count,
      },
    )
    .filter((weights) => weights.some((weight) => weight > 0));
const partner = fc
  .integer({ min: 1, max: 8 })
  .chain((count) =>
    fc.record({ attainments: fc.array(attainment, { minLength: count, maxLength: count }), weights: weightsOf(count), cap }),
  );

function only(result: unknown): number {
  const cells = cellsOf(result);
  expect(cells).toHaveLength(1);
  if (typeof cells[0] !== "number") throw new Error(`expected a score, got ${String(cells[0])}`);
  return cells[0];
}

describe("PE.HEALTH contract", () => {
  it("never throws and returns only scores in 0–100 or typed errors, for any input", () => {
    fc.assert(
      fc.property(anyArgument, fc.oneof(anyArgument, fc.constant(undefined)), fc.oneof(anyScalar, anyArgument), (a, w, c) => {
        const result = neverThrows(() => healthCells(a, w, c));
        expectValidResult(result);
        for (const cell of cellsOf(result)) {
          if (typeof cell === "number") {
            expect(cell).toBeGreaterThanOrEqual(0);
            expect(cell).toBeLessThanOrEqual(100);
          } else {
            expect(cell).toBeInstanceOf(ExcelError);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("stays within 0–100 for valid input, weights up to the largest double included", () => {
    fc.assert(
      fc.property(partner, ({ attainments, weights, cap: top }) => {
        const score = only(healthCells([attainments], [weights], top));
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
      { numRuns: 500 },
    );
  });

  it("equals 100 × Σ wᵢ·MIN(MAX(aᵢ,0),cap) / (Σ wᵢ × cap) for weights in the range people type", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((count) =>
          fc.record({
            attainments: fc.array(attainment, { minLength: count, maxLength: count }),
            weights: fc
              .array(fc.integer({ min: 0, max: 100 }), { minLength: count, maxLength: count })
              .filter((weights) => weights.some((weight) => weight > 0)),
            cap,
          }),
        ),
        ({ attainments, weights, cap: top }) => {
          const weighted = attainments.reduce((sum, a, index) => sum + weights[index] * Math.min(Math.max(a, 0), top), 0);
          const total = weights.reduce((sum, weight) => sum + weight, 0);
          expect(only(healthCells([attainments], [weights], top))).toBeCloseTo((100 * weighted) / (total * top), 9);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("equal attainments give 100·MIN(MAX(a,0),cap)/cap whatever the weights", () => {
    fc.assert(
      fc.property(attainment, cap, fc.integer({ min: 1, max: 8 }).chain(weightsOf), (a, top, weights) => {
        const attainments = weights.map(() => a);
        const expected = (100 * Math.min(Math.max(a, 0), top)) / top;
        expect(only(healthCells([attainments], [weights], top))).toBeCloseTo(expected, 12);
        expect(only(healthCells([attainments], undefined, top))).toBeCloseTo(expected, 12);
      }),
      { numRuns: 500 },
    );
  });

  it("never falls when one attainment rises", () => {
    fc.assert(
      fc.property(
        partner,
        fc.nat(),
        fc.double({ min: 0, max: 10, noNaN: true }),
        ({ attainments, weights, cap: top }, pick, rise) => {
          const index = pick % attainments.length;
          const raised = attainments.map((a, i) => (i === index ? a + rise : a));
          const before = only(healthCells([attainments], [weights], top));
          expect(only(healthCells([raised], [weights], top))).toBeGreaterThanOrEqual(before - 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives a block one score per row, each the score of that row alone", () => {
    fc.assert(
      fc.property(gridOf(attainment, 6, 5), cap, (rows, top) => {
        fc.pre(rows.length > 1 && rows[0].length > 1);
        const result = healthCells(rows, undefined, top) as unknown[][];
        expect(result).toHaveLength(rows.length);
        rows.forEach((row, index) => {
          expect(result[index]).toHaveLength(1);
          expect(result[index][0]).toBe(only(healthCells([row], undefined, top)));
        });
      }),
    );
  });
});
