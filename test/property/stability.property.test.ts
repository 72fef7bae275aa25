import fc from "fast-check";
import { ExcelError } from "../../src/core/errors";
import type { FunctionResult } from "../../src/core/excel-values";
import { tierStableCells } from "../../src/core/stability";
import { anyArgument, anyScalar, expectValidResult } from "./arbitraries";

const maybe = (argument: fc.Arbitrary<unknown>) => fc.oneof(fc.constant(undefined), fc.constant(null), argument);

/** TIER_STABLE's own contract on top of the shared one: an error for the whole call, or one TRUE, FALSE or error per partner row. */
function expectStabilityResult(result: FunctionResult): void {
  expectValidResult(result);
  if (!Array.isArray(result)) {
    expect(result).toBeInstanceOf(ExcelError);
    return;
  }
  for (const row of result) {
    expect(row).toHaveLength(1);
    for (const cell of row) {
      if (typeof cell !== "boolean" && !(cell instanceof ExcelError)) throw new Error(`malformed cell ${String(cell)}`);
    }
  }
}

// ---- valid inputs: one or more partners rated 0–5, weights, and a scheme (default or custom) ----
// (A single criterion means a single partner: a column of one-rating rows would read as one partner's ratings.)
const partners = fc.integer({ min: 1, max: 6 }).chain((count) =>
  fc.record({
    rows: fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true })), {
        minLength: count,
        maxLength: count,
      }),
      {
        minLength: 1,
        maxLength: count === 1 ? 1 : 4,
      },
    ),
    weights: fc.option(
      fc
        .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), {
          minLength: count,
          maxLength: count,
        })
        .filter((weights) => weights.some((weight) => weight > 0)),
      { nil: undefined },
    ),
  }),
);
const scheme = fc.oneof(
  fc.constant({ thresholds: undefined as number[][] | undefined, labels: undefined as string[][] | undefined }),
  fc
    .record({
      thresholds: fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: -10, max: 110, noNaN: true })), {
        minLength: 1,
        maxLength: 5,
        comparator: "SameValueZero",
      }),
      withBelow: fc.boolean(),
    })
    .map(({ thresholds, withBelow }) => ({
      thresholds: [thresholds],
      labels: [[...thresholds.map((_, index) => `L${index}`), ...(withBelow ? ["Below"] : [])]],
    })),
);
const shift = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 200, noNaN: true }));

describe("PE.TIER_STABLE contract", () => {
  it("never throws and returns only TRUE/FALSE per partner row or typed errors, for any input", () => {
    fc.assert(
      fc.property(
        anyArgument,
        maybe(anyArgument),
        maybe(anyScalar),
        maybe(anyScalar),
        maybe(anyArgument),
        maybe(anyArgument),
        (ratings, weights, scale, shiftArgument, thresholds, labels) => {
          expectStabilityResult(tierStableCells(ratings, weights, scale, shiftArgument, thresholds, labels));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("gives one TRUE or FALSE per partner for valid input", () => {
    fc.assert(
      fc.property(partners, scheme, shift, ({ rows, weights }, tiers, by) => {
        const result = tierStableCells(rows, weights ? [weights] : null, null, by, tiers.thresholds, tiers.labels);
        const isBlock = rows.length > 1 && rows[0].length > 1;
        expect(result).toHaveLength(isBlock ? rows.length : 1);
        for (const row of result as unknown[][]) expect(typeof row[0]).toBe("boolean");
      }),
    );
  });

  it("is TRUE when the weights do not move", () => {
    fc.assert(
      fc.property(partners, scheme, ({ rows, weights }, tiers) => {
        const result = tierStableCells(rows, weights ? [weights] : null, null, 0, tiers.thresholds, tiers.labels) as unknown[][];
        for (const row of result) expect(row[0]).toBe(true);
      }),
    );
  });

  it("is TRUE whenever all ratings are equal, since the score then does not depend on the weights", () => {
    fc.assert(
      fc.property(
        partners,
        fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true })),
        scheme,
        shift,
        ({ rows, weights }, rating, tiers, by) => {
          const equal = rows.map((row) => row.map(() => rating));
          const result = tierStableCells(
            equal,
            weights ? [weights] : null,
            null,
            by,
            tiers.thresholds,
            tiers.labels,
          ) as unknown[][];
          for (const row of result) expect(row[0]).toBe(true);
        },
      ),
    );
  });

  it("stays FALSE when the weights move further", () => {
    fc.assert(
      fc.property(partners, shift, shift, ({ rows, weights }, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const row = [rows[0]];
        const weightArgument = weights ? [weights] : null;
        const atSmall = (tierStableCells(row, weightArgument, null, small) as unknown[][])[0][0];
        const atLarge = (tierStableCells(row, weightArgument, null, large) as unknown[][])[0][0];
        if (atSmall === false) expect(atLarge).toBe(false);
      }),
    );
  });
});
