import { spawnSync } from "node:child_process";
import { excelDate } from "../../src/core/date-serials";
import { payoutLedger } from "../../src/core/payout-ledger";
import { periodKey } from "../../src/core/period";
import { generateSql } from "../../src/core/sql/generate";
import type { PayoutSqlPlan } from "../../src/core/sql/plans";
import type { BenchOptions, CaseResult } from "../harness";

/**
 * Issue 17's scale point (group `sql`, `npm run bench -- --only sql`): PE.PAYOUT_LEDGER over a
 * 10,000,000-transaction ledger (5,000 partners, one year of monthly periods, refunds) as the SQL
 * `pe-calc sql payout-ledger --dialect duckdb` writes, run by DuckDB in-process, against core's
 * payoutLedger over the same rows in Node: the code behind PE.PAYOUT_LEDGER and pe-calc. pe-calc's
 * commands cannot take the ledger itself at this size: a payout book holds at most 500,000
 * transactions, and a worksheet 1,048,576 rows.
 *
 * Each side runs in a child process of its own, so its peak memory (max RSS) is its own. The rows
 * come from integer formulas both sides evaluate exactly (row i: partner P(i·7919 mod 5000), day
 * i·1103 mod 365 of 2026, amount ((i·104729 mod 900001) − 100000) / 100, order i), and both sides
 * must give the same total payout (within 1e-9 relative) or the case fails.
 */

const ROWS = 10_000_000;
const PARTNERS = 5_000;

const PLAN: PayoutSqlPlan = {
  tiers: [
    { from: 0, rate: 0.01 },
    { from: 1_000, rate: 0.02 },
    { from: 3_000, rate: 0.03 },
  ],
  method: "marginal",
  frequency: "month",
  fiscalYearStart: 1,
  floor: 0,
  cap: null,
  recover: true,
  carry: true,
};

interface ChildReport {
  /** Building the ledger's rows. */
  loadMs: number;
  /** The payouts of every row. */
  computeMs: number;
  maxRssKb: number;
  total: number;
}

async function duckdbSide(rows: number): Promise<ChildReport> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  let start = performance.now();
  await connection.run(
    `CREATE TABLE ledger AS SELECT range AS id, 'P' || CAST(range * 7919 % ${PARTNERS} AS VARCHAR) AS partner, ` +
      `DATE '2026-01-01' + CAST(range * 1103 % 365 AS INTEGER) AS booked, ` +
      `(range * 104729 % 900001 - 100000) / 100 AS amount FROM range(${rows})`,
  );
  const loadMs = performance.now() - start;
  const { sql } = generateSql({
    target: "payout-ledger",
    dialect: "duckdb",
    columns: { table: "ledger", partner: "partner", amount: "amount", date: "booked", order: ["id"] },
    plan: PLAN,
  });
  start = performance.now();
  // The full result, in ledger order, materialised as a table: what a warehouse job would write.
  await connection.run(`CREATE TABLE payouts AS ${sql.replace(/^--.*\n/, "").replace(/;\s*$/, "")}`);
  const computeMs = performance.now() - start;
  const reader = await connection.runAndReadAll("SELECT SUM(pe_payout) AS total, COUNT(*) AS n FROM payouts");
  const [summary] = reader.getRowObjectsJS() as { total: number; n: bigint }[];
  if (Number(summary.n) !== rows) throw new Error(`DuckDB returned ${summary.n} rows for ${rows}`);
  connection.closeSync();
  instance.closeSync();
  return { loadMs, computeMs, maxRssKb: process.resourceUsage().maxRSS, total: summary.total };
}

function coreSide(rows: number): ChildReport {
  let start = performance.now();
  const names = Array.from({ length: PARTNERS }, (_, index) => `P${index}`);
  const first = excelDate(2026, 1, 1);
  const monthOfDay = Array.from({ length: 365 }, (_, day) => periodKey(first + day));
  const amounts = new Array<number>(rows);
  const partners = new Array<string>(rows);
  const periods = new Array<string>(rows);
  for (let row = 0; row < rows; row++) {
    amounts[row] = (((row * 104729) % 900001) - 100000) / 100;
    partners[row] = names[(row * 7919) % PARTNERS];
    periods[row] = monthOfDay[(row * 1103) % 365];
  }
  const loadMs = performance.now() - start;
  start = performance.now();
  const payouts = payoutLedger(
    amounts,
    partners,
    PLAN.tiers.map((tier) => tier.from),
    PLAN.tiers.map((tier) => tier.rate),
    periods,
    PLAN.method,
  );
  const computeMs = performance.now() - start;
  let total = 0;
  for (const payout of payouts) total += payout;
  return { loadMs, computeMs, maxRssKb: process.resourceUsage().maxRSS, total };
}

/** `--sql-child duckdb|core ROWS`: one side, run by the bench bundle in a fresh process; prints its report. */
export async function runSqlBenchChild(args: readonly string[]): Promise<void> {
  const [side, rowsText] = args;
  const rows = Number(rowsText);
  const report = side === "duckdb" ? await duckdbSide(rows) : coreSide(rows);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function runChild(side: "duckdb" | "core", rows: number): ChildReport {
  const result = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=6144",
      ...process.execArgv.filter((flag) => !flag.startsWith("--max-old-space-size")),
      process.argv[1],
      "--sql-child",
      side,
      String(rows),
    ],
    { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`sql bench (${side}) exited with ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as ChildReport;
}

const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;

export async function sqlLedgerCases(options: BenchOptions): Promise<CaseResult[]> {
  const rows = options.quick ? ROWS / 10 : ROWS;
  const duck = runChild("duckdb", rows);
  const core = runChild("core", rows);
  if (Math.abs(duck.total - core.total) > 1e-9 * Math.abs(core.total)) {
    throw new Error(`sql bench: DuckDB's total payout ${duck.total} differs from core's ${core.total}`);
  }
  const size = rows.toLocaleString("en");
  return [
    {
      case: `PE.PAYOUT_LEDGER over ${size} rows: DuckDB (pe-calc sql) vs core in Node`,
      ours: Math.round(duck.computeMs),
      reference: Math.round(core.computeMs),
      ratio: duck.computeMs / core.computeMs,
      target: null,
      met: true,
      unit: "ms",
      note:
        `${PARTNERS.toLocaleString("en")} partners × 12 months; DuckDB ${(duck.computeMs / 1000).toFixed(1)} s (query, result ` +
        `materialised in ledger order; loading ${(duck.loadMs / 1000).toFixed(1)} s), peak ${mib(duck.maxRssKb)}; core payoutLedger ` +
        `${(core.computeMs / 1000).toFixed(1)} s (arrays built in ${(core.loadMs / 1000).toFixed(1)} s), peak ${mib(core.maxRssKb)}; ` +
        `same total payout ${core.total.toFixed(2)}`,
    },
    {
      case: `PE.PAYOUT_LEDGER over ${size} rows: peak memory, DuckDB vs core`,
      ours: Math.round(duck.maxRssKb / 1024),
      reference: Math.round(core.maxRssKb / 1024),
      ratio: duck.maxRssKb / core.maxRssKb,
      target: null,
      met: true,
      unit: "MiB",
      note: "max RSS of each side's own process, the ledger's rows included",
    },
  ];
}
