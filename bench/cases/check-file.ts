import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchOptions, CaseResult } from "../harness";
import { partnersCsv, timedRun } from "./xlsx-files";

declare const BENCH_PROJECT_ROOT: string;

/**
 * `pe-calc check` of a qualification matrix that `pe-calc new` wrote (issue 11: a 100,000-partner
 * matrix works end to end): a new Node process reading the file, recalculating every formula and
 * comparing it with the cached value. The time and the peak memory (max RSS, from GNU time) are
 * reported; there is no reference to compare with, so no target. Every cell must agree (check
 * exits 0), or the case fails. `--check-sizes 1000,10000` picks the partner counts (default
 * 100,000; 1,000 with --quick).
 */
function sizesFrom(argv: string[], options: BenchOptions): number[] {
  const at = argv.indexOf("--check-sizes");
  if (at >= 0)
    return argv[at + 1]
      .split(",")
      .map((s) => Number(s.replace(/_/g, "")))
      .filter((n) => Number.isInteger(n) && n > 0);
  return options.quick ? [1_000] : [100_000];
}

export async function checkFileCases(options: BenchOptions): Promise<CaseResult[]> {
  const peCalc = join(BENCH_PROJECT_ROOT, "bin", "pe-calc.js");
  const results: CaseResult[] = [];
  for (const size of sizesFrom(process.argv, options)) {
    const dir = mkdtempSync(join(tmpdir(), `pe-bench-check-${size}-`));
    try {
      const csv = join(dir, "partners.csv");
      writeFileSync(csv, partnersCsv(size));
      const book = join(dir, "matrix.xlsx");
      timedRun(process.execPath, [peCalc, "new", "qualification", "--partners", csv, "-o", book, "--force"], dir);
      const run = timedRun(process.execPath, [peCalc, "check", book], dir);
      const peak = run.maxRssKb === null ? "?" : `${(run.maxRssKb / 1024).toFixed(0)} MiB`;
      // "<file>: N of M formula cells agree" without the scratch folder's name.
      const verdict = run.stdout
        .trim()
        .split("\n")[0]
        .slice(book.length + 2);
      console.log(`  pe-calc check ${size}: ${run.ms.toFixed(0)} ms, peak ${peak}, ${verdict}`);
      results.push({
        case: `pe-calc check, ${size.toLocaleString("en-US")} partners (a matrix pe-calc new wrote; every formula cell agrees)`,
        ours: run.ms,
        reference: null,
        ratio: null,
        target: null,
        met: true,
        unit: "ms",
        note: `peak memory ${peak}; ${verdict}`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}
