import fc from "fast-check";
import { FormulaEvaluator } from "../../src/engine";

/**
 * Differential tests: on random inputs, a PE function equals the classic built-in formula for the
 * same thing, both evaluated by the engine (HyperFormula's built-ins are the oracle).
 */
const evaluator = new FormulaEvaluator();
const RUNS = { numRuns: 300 };

function evaluateNumber(formula: string): number {
  const result = evaluator.evaluate(formula);
  if (typeof result !== "number") throw new Error(`${formula} gave ${String(result)}`);
  return result;
}

function arrayConstant(values: readonly number[]): string {
  return `{${values.join(",")}}`;
}

/** |a − b| within a relative 1e-12 of `magnitude`, the size of the quantities summed. */
function expectClose(actual: number, expected: number, magnitude: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(magnitude, Math.abs(expected), 1));
}

const fraction = fc.integer({ min: 0, max: 10000 }).map((basisPoints) => basisPoints / 10000);

/** Strictly ascending tier starts from 0 up, with one rate per tier. */
const tierSchedule = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), fraction), { minLength: 1, maxLength: 6 })
  .chain((tiers) =>
    fc.integer({ min: 0, max: 1_000_000 }).map((firstStart) => {
      const starts: number[] = [];
      tiers.reduce((start, [step], index) => {
        const next = index === 0 ? firstStart : start + step;
        starts.push(next);
        return next;
      }, 0);
      return { starts, rates: tiers.map(([, rate]) => rate) };
    }),
  );

describe("differential: PE functions against their built-in equivalents", () => {
  it("marginal PE.REVSHARE_TIERED equals SUMPRODUCT((x>t)*(x-t)*(r-prev_r))", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000_000 }), tierSchedule, (revenue, { starts, rates }) => {
        const previousRates = [0, ...rates.slice(0, -1)];
        const ours = evaluateNumber(`=PE.REVSHARE_TIERED(${revenue},${arrayConstant(starts)},${arrayConstant(rates)})`);
        const t = arrayConstant(starts);
        const builtIn = evaluateNumber(
          `=SUMPRODUCT((${revenue}>${t})*(${revenue}-${t})*(${arrayConstant(rates)}-${arrayConstant(previousRates)}))`,
        );
        expectClose(ours, builtIn, revenue * Math.max(...rates));
      }),
      RUNS,
    );
  });

  it("PE.PARTNER_SCORE equals SUMPRODUCT(r,w)/(SUM(w)*scale)*100", () => {
    const scored = fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 8 })).chain(([scale, count]) =>
      fc.record({
        scale: fc.constant(scale),
        ratings: fc.array(
          fc.integer({ min: 0, max: scale * 100 }).map((hundredths) => hundredths / 100),
          { minLength: count, maxLength: count },
        ),
        weights: fc
          .array(fc.integer({ min: 0, max: 100 }), { minLength: count, maxLength: count })
          .filter((weights) => weights.some((weight) => weight > 0)),
      }),
    );
    fc.assert(
      fc.property(scored, ({ scale, ratings, weights }) => {
        const r = arrayConstant(ratings);
        const w = arrayConstant(weights);
        const ours = evaluateNumber(`=PE.PARTNER_SCORE(${r},${w},${scale})`);
        const builtIn = evaluateNumber(`=SUMPRODUCT(${r},${w})/(SUM(${w})*${scale})*100`);
        expectClose(ours, builtIn, 100);
      }),
      RUNS,
    );
  });
});
