import fc from "fast-check";
import { ERROR_CODES, ExcelError, INTERNAL_ERROR_PREFIX } from "../../src/core/errors";
import type { FunctionResult } from "../../src/core/excel-values";
import { tierStableCells } from "../../src/core/stability";

// ---- arbitraries: anything a host (or a careless caller) might pass ----
const errorValue = fc.constantFrom(...ERROR_CODES).map((code) => new ExcelError(code, "from a referenced cell"));
const anyCell = fc.oneof(
  fc.double(),
  fc.integer({ min: -10, max: 20 }),
  fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, -0, Infinity, -Infinity, NaN),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("4", " 3.5 ", "30%", "1e3", "-2", "abc", "TRUE", "5"),
  fc.boolean(),
  fc.constantFrom(null, "", undefined),
  errorValue,
);
const grid = <T>(cell: fc.Arbitrary<T>) =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    );
const nested = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: "small" }, anyCell, fc.array(tie("value"), { maxLength: 4 })),
})).value;
const anyArgument: fc.Arbitrary<unknown> = fc.oneof(anyCell, grid(anyCell), nested, fc.constant([]), fc.constant([[]]));
const maybe = (argument: fc.Arbitrary<unknown>) => fc.oneof(fc.constant(undefined), fc.constant(null), argument);

function isWellFormedCell(cell: unknown): boolean {
  if (cell instanceof ExcelError) return ERROR_CODES.includes(cell.code) && !cell.message.startsWith(INTERNAL_ERROR_PREFIX);
  return typeof cell === "boolean";
}

function expectWellFormed(result: FunctionResult): void {
  if (!Array.isArray(result)) {
    expect(result).toBeInstanceOf(ExcelError);
    expect(isWellFormedCell(result)).toBe(true);
    return;
  }
  expect(result.length).toBeGreaterThan(0);
  for (const row of result) {
    expect(row).toHaveLength(1);
    for (const cell of row) {
      if (!isWellFormedCell(cell)) throw new Error(`malformed cell ${String(cell)}`);
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
        maybe(anyCell),
        maybe(anyCell),
        maybe(anyArgument),
        maybe(anyArgument),
        (ratings, weights, scale, shiftArgument, thresholds, labels) => {
          expectWellFormed(tierStableCells(ratings, weights, scale, shiftArgument, thresholds, labels));
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
