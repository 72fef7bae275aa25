/**
 * Prints how long writing an N-partner qualification matrix into the engine takes (plan build,
 * applyPlanToEngine with its one batch and recalculation). A measurement, not a test:
 *   npx esbuild test/workbook/measure-engine-write.ts --bundle --platform=node --packages=external --log-level=warning | node - [sizes…]
 */
import { createEngine } from "../../src/engine";
import { applyPlanToEngine } from "../../src/workbook/appliers/engine";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";

function ratingsFor(count: number): number[][] {
  return Array.from({ length: count }, (_, p) => Array.from({ length: 5 }, (_, c) => (p * 7 + c * 3) % 6));
}

function measure(count: number): { build: number; apply: number } {
  const partners = Array.from({ length: count }, (_, i) => `Partner ${i + 1}`);
  const hf = createEngine();
  const t0 = performance.now();
  const { plan } = buildQualificationPlan({ partners, ratings: ratingsFor(count) });
  const t1 = performance.now();
  applyPlanToEngine(hf, plan);
  const t2 = performance.now();
  return { build: t1 - t0, apply: t2 - t1 };
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
measure(200); // warm-up: JIT and HyperFormula's function registry
for (const size of sizes.length > 0 ? sizes : [1_000]) {
  const runs = Array.from({ length: 5 }, () => measure(size));
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const build = median(runs.map((r) => r.build));
  const apply = median(runs.map((r) => r.apply));
  console.log(
    `${size} partners: build plan ${build.toFixed(1)} ms, applyPlanToEngine + recalculation ${apply.toFixed(1)} ms (median of 5)`,
  );
}
