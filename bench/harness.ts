/**
 * Side-by-side measurement: ours and the reference run in the same process, interleaved round by
 * round (the order alternating) so that machine noise hits both; the ratio reported is the median
 * of the per-round ratios, which a single slow round cannot move much.
 */

/** Runs the timed part of one side once and returns its duration in milliseconds. */
export type Measure = () => number | Promise<number>;

export interface CaseResult {
  case: string;
  /** Median of our side (unit in `unit`), or null when there is nothing to measure yet. */
  ours: number | null;
  reference: number | null;
  /** Median of the per-round ratios ours/reference (or the figure the target applies to). */
  ratio: number | null;
  /** The largest ratio that meets the target; null for figures reported without a target. */
  target: number | null;
  met: boolean;
  unit: string;
  note?: string;
}

export interface Comparison {
  name: string;
  target: number;
  ours: Measure;
  reference: Measure;
  rounds: number;
  warmup?: number;
  /** Start no new round once this much time has passed (at least one round runs): for very slow cases. */
  budgetMs?: number;
  note?: string;
}

export interface BenchOptions {
  /** Divides rounds (never below 3) and sizes, for a smoke run of the bench itself. */
  quick: boolean;
}

declare const gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (typeof gc === "function") gc();
}

export function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export async function timedAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measureOnce(measure: Measure): Promise<number> {
  collectGarbage();
  return await measure();
}

export interface RoundTimes {
  ours: number[];
  reference: number[];
  ratios: number[];
}

/** Warm-up rounds (discarded), then `rounds` interleaved rounds. */
export async function runRounds(
  comparison: Pick<Comparison, "ours" | "reference" | "rounds" | "warmup" | "budgetMs">,
): Promise<RoundTimes> {
  const times: RoundTimes = { ours: [], reference: [], ratios: [] };
  const started = performance.now();
  const budget = comparison.budgetMs ?? Infinity;
  for (let round = 0; round < (comparison.warmup ?? 1); round++) {
    await measureOnce(comparison.ours);
    await measureOnce(comparison.reference);
  }
  for (let round = 0; round < comparison.rounds && (round === 0 || performance.now() - started < budget); round++) {
    let ours: number;
    let reference: number;
    if (round % 2 === 0) {
      ours = await measureOnce(comparison.ours);
      reference = await measureOnce(comparison.reference);
    } else {
      reference = await measureOnce(comparison.reference);
      ours = await measureOnce(comparison.ours);
    }
    times.ours.push(ours);
    times.reference.push(reference);
    times.ratios.push(ours / reference);
  }
  return times;
}

export async function compare(comparison: Comparison): Promise<CaseResult> {
  const times = await runRounds(comparison);
  const ratio = median(times.ratios);
  const cut =
    times.ratios.length < comparison.rounds ? `${times.ratios.length} of ${comparison.rounds} rounds (time budget)` : "";
  const note = [comparison.note, cut].filter(Boolean).join("; ");
  return {
    case: comparison.name,
    ours: median(times.ours),
    reference: median(times.reference),
    ratio,
    target: comparison.target,
    met: ratio <= comparison.target,
    unit: "ms",
    ...(note ? { note } : {}),
  };
}

/** Least-squares slope of log(time) against log(size): 1 is linear growth. */
export function fittedExponent(points: ReadonlyArray<{ size: number; ms: number }>): number {
  const xs = points.map((point) => Math.log(point.size));
  const ys = points.map((point) => Math.log(point.ms));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  for (let index = 0; index < xs.length; index++) {
    covariance += (xs[index] - meanX) * (ys[index] - meanY);
    variance += (xs[index] - meanX) ** 2;
  }
  return covariance / variance;
}

export function roundsFor(rounds: number, options: BenchOptions): number {
  return options.quick ? Math.min(rounds, 3) : rounds;
}
