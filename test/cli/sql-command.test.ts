import { join } from "node:path";
import { peCalcInProcess, ROOT, scratchFolder } from "./support";

/** `pe-calc sql`: what it refuses, each as one line with the right exit status (the SQL itself: test/sql). */

const PLAN = join(ROOT, "docs/examples/payouts-plan.json");
const SCORE_PLAN = join(ROOT, "docs/examples/qualification-plan.json");
const LEDGER = [
  "--dialect",
  "duckdb",
  "--table",
  "ledger",
  "--partner",
  "Partner",
  "--amount",
  "Amount",
  "--date",
  "Date",
  "--order",
  "Date,id",
];

async function sql(args: string[]) {
  return peCalcInProcess(["sql", ...args]);
}

function oneLine(stderr: string): void {
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

test("prints the query on standard output, nothing on standard error", async () => {
  const run = await sql(["payout-ledger", "--plan", PLAN, ...LEDGER]);
  expect(run.status).toBe(0);
  expect(run.stderr).toBe("");
  expect(run.stdout).toMatch(/^-- PE\.PAYOUT_LEDGER .*\nWITH\n/);
  expect(run.stdout).toMatch(/AS pe_payout\n/);
});

test.each([
  [[], /say what to generate: use payout-ledger, payout-summary, partner-score/],
  [["payouts"], /unknown query "payouts"/],
  [
    ["payout-ledger", "--plan", PLAN, ...LEDGER.slice(2), "--dialect", "oracle"],
    /unknown dialect "oracle": use duckdb, bigquery, snowflake, spark, postgres/,
  ],
  [["payout-ledger", "--plan", PLAN, ...LEDGER.slice(0, -2)], /--order is required/],
  [["payout-ledger", ...LEDGER], /--plan is required/],
  [["payout-ledger", "--plan", PLAN, ...LEDGER, "--period", "P"], /--date: give --date or --period, not both/],
  [["payout-ledger", "--plan", PLAN, ...LEDGER, "--view", "v"], /--view names the view of --create/],
  [["payout-ledger", "--plan", PLAN, ...LEDGER.slice(0, 3), "a\u0007b", ...LEDGER.slice(4)], /--table: .*control character/],
  [["payout-ledger", "--plan", PLAN, ...LEDGER, "--ratings", "x"], /--ratings is for partner-score/],
  [["partner-score", "--plan", SCORE_PLAN, ...LEDGER], /--amount is for payout-ledger and payout-summary/],
  [
    ["partner-score", "--plan", SCORE_PLAN, "--dialect", "spark", "--table", "t", "--partner", "p", "--ratings", "a,b"],
    /--ratings: 2 rating columns for the plan's 5 criteria/,
  ],
  [["payout-summary", "--plan", PLAN, ...LEDGER.slice(0, 8), "--order", "id"], /the summary is by period: give --date/],
])("usage problem %# is one line and exit status 2", async (args, message) => {
  const run = await sql(args as string[]);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  oneLine(run.stderr);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).toMatch(/\(pe-calc sql --help\)\n$/);
});

const folder = scratchFolder("pe-sql-");

test("a plan the payout wizard refuses, or another wizard's file, is one line naming the file and field, exit status 1", async () => {
  {
    const bad = folder.file("plan.json", {
      wizard: "payouts",
      tiers: [
        { from: 0, rate: 0.1 },
        { from: 0, rate: 1.5 },
      ],
    });
    const run = await sql(["payout-ledger", "--plan", bad, ...LEDGER]);
    expect(run.status).toBe(1);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/plan\.json: tiers\.1\./);
    const other = await sql(["payout-ledger", "--plan", join(ROOT, "docs/examples/deal.json"), ...LEDGER]);
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/holds the deal wizard's answers/);
    const missing = await sql(["payout-ledger", "--plan", folder.path("none.json"), ...LEDGER]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
  }
});

test("pe-calc sql --help lists the three queries and the column correspondence", async () => {
  const run = await peCalcInProcess(["sql", "--help"]);
  expect(run.status).toBe(0);
  for (const text of ["payout-ledger", "payout-summary", "partner-score", "pe_payout (PE.PAYOUT_LEDGER)", "pe_tier (PE.TIER)"]) {
    expect(run.stdout).toContain(text);
  }
});
