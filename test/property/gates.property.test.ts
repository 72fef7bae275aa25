import fc from "fast-check";
import { isExcelError } from "../../src/core/errors";
import { crawlGateCells, walkGateCells } from "../../src/core/gates";
import { anyArgument, isValidResult, neverThrows, rate } from "./arbitraries";

const metric = fc.double({ min: -1e6, max: 1e6, noNaN: true });

function isGateResult(result: unknown): boolean {
  return result === "GO" || result === "NO-GO" || (isExcelError(result) && isValidResult(result));
}

describe("PE.CRAWL_GATE contract", () => {
  it('returns only "GO", "NO-GO" or a typed error, whatever it is given', () => {
    fc.assert(
      fc.property(anyArgument, anyArgument, anyArgument, anyArgument, (baseline, pilot, threshold, better) => {
        const result = neverThrows(() => crawlGateCells(baseline, pilot, threshold, better));
        expect(isGateResult(result)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("is monotone in the pilot: once GO, a better pilot stays GO", () => {
    fc.assert(
      fc.property(metric, metric, metric, rate, fc.constantFrom("higher", "lower"), (baseline, a, b, threshold, better) => {
        fc.pre(baseline !== 0);
        const [worse, improved] = (better === "higher") === a <= b ? [a, b] : [b, a];
        if (crawlGateCells(baseline, worse, threshold, better) === "GO") {
          expect(crawlGateCells(baseline, improved, threshold, better)).toBe("GO");
        }
        if (crawlGateCells(baseline, improved, threshold, better) === "NO-GO") {
          expect(crawlGateCells(baseline, worse, threshold, better)).toBe("NO-GO");
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("is GO exactly at the threshold improvement, with the pilot computed from it", () => {
    // Thresholds from 1e-6 and baselines from 1e-3 in size: smaller ones vanish in the rounding of the pilot itself.
    const representableThreshold = fc.double({ min: 1e-6, max: 1, noNaN: true });
    fc.assert(
      fc.property(metric, representableThreshold, (baseline, threshold) => {
        fc.pre(Math.abs(baseline) >= 1e-3);
        const pilot = baseline + threshold * Math.abs(baseline);
        expect(crawlGateCells(baseline, pilot, threshold)).toBe("GO");
      }),
      { numRuns: 1000 },
    );
  });

  it("is GO with no change only when the threshold is 0", () => {
    fc.assert(
      fc.property(metric, rate, (baseline, threshold) => {
        fc.pre(baseline !== 0);
        expect(crawlGateCells(baseline, baseline, threshold)).toBe(threshold === 0 ? "GO" : "NO-GO");
      }),
    );
  });
});

describe("PE.WALK_GATE contract", () => {
  it('returns only "GO", "NO-GO" or a typed error, whatever it is given', () => {
    fc.assert(
      fc.property(anyArgument, anyArgument, anyArgument, (adopted, invited, threshold) => {
        const result = neverThrows(() => walkGateCells(adopted, invited, threshold));
        expect(isGateResult(result)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("is monotone in adopted: once GO, more adopters stay GO", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        rate,
        (invited, u, v, threshold) => {
          const [low, high] = [Math.floor(Math.min(u, v) * invited), Math.floor(Math.max(u, v) * invited)];
          if (walkGateCells(low, invited, threshold) === "GO") expect(walkGateCells(high, invited, threshold)).toBe("GO");
          expect(walkGateCells(invited, invited, threshold)).toBe("GO");
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("agrees with adopted / invited ≥ threshold away from the tolerance band", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        rate,
        (invited, share, threshold) => {
          const adopted = Math.round(share * invited);
          const ratio = adopted / invited;
          fc.pre(Math.abs(ratio - threshold) > 1e-6);
          expect(walkGateCells(adopted, invited, threshold)).toBe(ratio >= threshold ? "GO" : "NO-GO");
        },
      ),
      { numRuns: 1000 },
    );
  });
});
