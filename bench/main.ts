/**
 * npm run bench [-- --only <group>] [-- --quick] [-- --skip-build]: every comparison of issue 5,
 * side by side in one process run each, printed as a table and written to bench/results.json.
 *   --only <text>   run the groups whose name contains the text (engine-matrix, core, bundles, …)
 *   --quick         fewer rounds and smaller sizes: a smoke run of the bench itself
 *   --skip-build    leave out the production build (the bundle sizes), the slowest part
 *   --sizes a,b     partner counts of the xlsx-files group (default 1000,10000,100000)
 *   --check-sizes a partner counts of the check-file group (default 100000)
 */
import { cpus } from "node:os";
import { join } from "node:path";
import { adapterCases } from "./cases/adapter";
import { bundleCases } from "./cases/bundles";
import { checkFileCases } from "./cases/check-file";
import { cliCases } from "./cases/cli";
import { coreCallCases } from "./cases/core-calls";
import { engineMatrixCases } from "./cases/engine-matrix";
import { engineRevshareCases } from "./cases/engine-revshare";
import { payoutBookCases } from "./cases/payout-book";
import { payoutLedgerCases } from "./cases/payout-ledger";
import { planApplierCases } from "./cases/plan-applier";
import { scalingCases } from "./cases/scaling";
import { runSqlBenchChild, sqlLedgerCases } from "./cases/sql-ledger";
import { syncCountCases } from "./cases/sync-counts";
import { xlsxFileCases } from "./cases/xlsx-files";
import type { BenchOptions, CaseResult } from "./harness";
import { tableOf, writeResults } from "./report";

declare const BENCH_PROJECT_ROOT: string;

type RunOptions = BenchOptions & { only?: string; skipBuild: boolean };

interface Group {
  name: string;
  run: (options: RunOptions) => Promise<CaseResult[]>;
}

const groups: Group[] = [
  { name: "engine-matrix", run: engineMatrixCases },
  { name: "engine-revshare", run: engineRevshareCases },
  { name: "core", run: coreCallCases },
  { name: "adapter", run: adapterCases },
  { name: "scaling", run: scalingCases },
  { name: "plan-applier", run: planApplierCases },
  { name: "sync-counts", run: syncCountCases },
  { name: "cli", run: cliCases },
  { name: "payout-ledger", run: payoutLedgerCases },
  { name: "payout-book", run: payoutBookCases },
  // pe-calc sql's DuckDB query against core over a 10,000,000-row ledger, each side in its own process.
  { name: "sql", run: sqlLedgerCases },
  // pe-calc recalc / new against LibreOffice; --sizes 1000,10000 picks the partner counts.
  { name: "xlsx-files", run: xlsxFileCases },
  // pe-calc check of a matrix pe-calc new wrote (100,000 partners; --check-sizes picks others).
  { name: "check-file", run: checkFileCases },
  // Last: the production build is a heavy child process.
  { name: "bundles", run: bundleCases },
];

function optionsFrom(argv: string[]): RunOptions {
  const onlyIndex = argv.indexOf("--only");
  return {
    quick: argv.includes("--quick"),
    skipBuild: argv.includes("--skip-build"),
    only: onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined,
  };
}

async function main(): Promise<void> {
  const options = optionsFrom(process.argv.slice(2));
  const started = performance.now();
  console.log(
    `pe bench: ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"})`,
  );
  const results: CaseResult[] = [];
  for (const group of groups) {
    if (options.only && !group.name.includes(options.only)) continue;
    const groupStart = performance.now();
    const groupResults = await group.run(options);
    results.push(...groupResults);
    console.log(`  ${group.name}: ${((performance.now() - groupStart) / 1000).toFixed(1)} s`);
  }
  console.log(`\n${tableOf(results)}\n`);
  // A partial or quick run must not replace the full run's figures that later changes are compared with.
  const partial = options.only !== undefined || options.quick || options.skipBuild;
  const name = partial ? "results.partial.json" : "results.json";
  writeResults(join(BENCH_PROJECT_ROOT, "bench", name), results);
  console.log(`${results.length} cases in ${((performance.now() - started) / 1000).toFixed(0)} s; written to bench/${name}`);
  const missed = results.filter((result) => result.target !== null && !result.met);
  if (missed.length > 0) console.log(`targets missed: ${missed.length} (${missed.map((result) => result.case).join("; ")})`);
}

const fail = (error: unknown): void => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
};

// The sql group runs each side in a child process of this same bundle.
const sqlChild = process.argv.indexOf("--sql-child");
if (sqlChild >= 0) runSqlBenchChild(process.argv.slice(sqlChild + 1)).catch(fail);
else main().catch(fail);
