import type { HyperFormula } from "hyperformula";
import { createEngine } from "../../src/engine";
import { partnerRatings } from "../fixtures";
import { collectGarbage, fittedExponent, median, timed, type BenchOptions, type CaseResult } from "../harness";
import { FIRST_WEIGHT_CELL, matrixSheet } from "../sheets";

/**
 * How recalculation time grows with the partner count (per-row PE.PARTNER_SCORE + PE.TIER): the
 * slope of log(time) against log(rows), fitted by least squares over 1k, 10k and 100k rows; 1 is
 * linear. Two recalculations: a full one (a new engine built from the sheet, see engine-build.ts)
 * and a weight change (every score and tier recomputed, no parsing). Each size's last engine
 * serves the weight-change rounds, so the big sheet is built only as often as needed.
 */
export const SCALING_SIZES = [1_000, 10_000, 100_000] as const;

/** HyperFormula's default sheet limit is 40,000 rows; Excel's is 1,048,576. */
const BIG_SHEET = { maxRows: 1_048_576 };

interface SizeTimes {
  size: number;
  build: number[];
  change: number[];
}

function measureSize(size: number, builds: number, changes: number): SizeTimes {
  const content = matrixSheet(partnerRatings(size, 9), "pe");
  const times: SizeTimes = { size, build: [], change: [] };
  let hf: HyperFormula | undefined;
  for (let round = 0; round < builds; round++) {
    hf?.destroy();
    hf = undefined;
    collectGarbage();
    times.build.push(timed(() => (hf = createEngine(BIG_SHEET, { Sheet1: content }))));
  }
  const engine = hf as unknown as HyperFormula;
  engine.setCellContents(FIRST_WEIGHT_CELL, 31); // warm-up
  for (let round = 0; round < changes; round++) {
    collectGarbage();
    times.change.push(timed(() => engine.setCellContents(FIRST_WEIGHT_CELL, round % 2 === 0 ? 35 : 30)));
  }
  engine.destroy();
  return times;
}

function scalingResult(name: string, samples: { size: number; ms: number }[]): CaseResult {
  const exponent = fittedExponent(samples);
  const detail = samples.map((sample) => `${sample.size.toLocaleString("en-US")} rows ${sample.ms.toFixed(0)} ms`).join(", ");
  // The fit spans fixed start-up costs at 1k; the slope between the two largest sizes shows the top end alone.
  const topSlope = samples.length >= 2 ? fittedExponent(samples.slice(-2)).toFixed(2) : "—";
  return {
    case: name,
    ours: exponent,
    reference: null,
    ratio: exponent,
    target: 1.1,
    met: exponent <= 1.1,
    unit: "exponent",
    note: `fitted exponent of time against rows (medians: ${detail}); slope between the two largest sizes ${topSlope}`,
  };
}

export async function scalingCases(options: BenchOptions): Promise<CaseResult[]> {
  const sizes = options.quick ? SCALING_SIZES.slice(0, 2) : SCALING_SIZES;
  // Fewer rounds for bigger sheets: their timings are long enough to be steady.
  const plan: Record<number, { builds: number; changes: number }> = {
    1_000: { builds: 5, changes: 15 },
    10_000: { builds: 3, changes: 9 },
    100_000: { builds: 1, changes: 5 },
  };
  measureSize(1_000, 1, 1); // warm-up
  const measured = sizes.map((size) => measureSize(size, plan[size].builds, plan[size].changes));
  return [
    scalingResult(
      "scaling: full recalculation of the PE matrix at 1k / 10k / 100k rows",
      measured.map((times) => ({ size: times.size, ms: median(times.build) })),
    ),
    scalingResult(
      "scaling: weight-change recalculation of the PE matrix at 1k / 10k / 100k rows",
      measured.map((times) => ({ size: times.size, ms: median(times.change) })),
    ),
  ];
}
