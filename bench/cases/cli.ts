import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { median, runRounds, type BenchOptions, type CaseResult } from "../harness";

declare const BENCH_PROJECT_ROOT: string;

/**
 * pe-calc as users run it: a new Node process each time (`node bin/pe-calc.js`, what `npx pe-calc`
 * starts). Cold start is compared with Node's own start-up (`node -e ""`), which no command can
 * beat; the per-formula cost is the extra time 1,000 formulas on standard input take over one.
 */
const FORMULAS = [
  "=PE.PARTNER_SCORE({4,3,5,2,4})",
  "=PE.TIER(PE.PARTNER_SCORE({5,4,4,3,5},{30,25,20,15,10}))",
  "=PE.REVSHARE_TIERED(750000,{0,100000,250000,500000},{0.1,0.15,0.2,0.25})",
  "=SUM(PE.REVSHARE_TIERED({120000;480000;900000},{0,250000},{10%,20%}))",
  "=PE.LIABILITY_CAP(1200000,500000)",
  "=PE.TIER_GAP(68)",
  "=PE.CRAWL_GATE(40,52)",
  "=PE.REFERRAL_FEE(80000,15%)",
];

function run(args: string[], input?: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: BENCH_PROJECT_ROOT, input, encoding: "utf8" });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  return ms;
}

function lines(count: number): string {
  return Array.from({ length: count }, (_, index) => FORMULAS[index % FORMULAS.length]).join("\n") + "\n";
}

export async function cliCases(options: BenchOptions): Promise<CaseResult[]> {
  const peCalc = join(BENCH_PROJECT_ROOT, "bin", "pe-calc.js");
  const output = spawnSync(process.execPath, [peCalc, "eval"], { input: lines(FORMULAS.length), encoding: "utf8" });
  const results = output.stdout.trim().split("\n");
  if (output.status !== 0 || results.length !== FORMULAS.length || results.some((line) => line.startsWith("#"))) {
    throw new Error(`pe-calc eval did not give ${FORMULAS.length} results:\n${output.stdout}${output.stderr}`);
  }

  const cold = await runRounds({
    rounds: options.quick ? 3 : 7,
    ours: () => run([peCalc, "eval", FORMULAS[0]]),
    reference: () => run(["-e", ""]),
  });
  const oneFromStdin = lines(1);
  const thousand = lines(1_000);
  const batch = await runRounds({
    rounds: options.quick ? 3 : 5,
    ours: () => run([peCalc, "eval"], thousand),
    reference: () => run([peCalc, "eval"], oneFromStdin),
  });
  const perFormula = batch.ours.map((ms, index) => (ms - batch.reference[index]) / 999);
  return [
    {
      case: 'pe-calc eval cold start, one formula (reference: node -e "" start-up)',
      ours: median(cold.ours),
      reference: median(cold.reference),
      ratio: median(cold.ratios),
      target: null,
      met: true,
      unit: "ms",
    },
    {
      case: "pe-calc eval per-formula cost, 1,000 formulas from standard input",
      ours: median(perFormula),
      reference: null,
      ratio: null,
      target: null,
      met: true,
      unit: "ms",
      note: `1,000 formulas in ${median(batch.ours).toFixed(0)} ms against one in ${median(batch.reference).toFixed(0)} ms`,
    },
  ];
}
