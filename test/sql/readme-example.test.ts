import { readFileSync } from "node:fs";
import { join } from "node:path";
import { peCalcInProcess, ROOT } from "../cli/support";
import { openDuck, type Row } from "./support";

/**
 * The README's worked example ("When the ledger outgrows Excel"): docs/examples' ledger and plan
 * through `pe-calc sql` into DuckDB. The tables the README shows are the ones this run prints.
 */

const README = readFileSync(join(ROOT, "README.md"), "utf8");
const LEDGER_CSV = join(ROOT, "docs/examples/payouts-ledger.csv").replace(/'/g, "''");
const COLUMNS = [
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
  "Date",
];

function markdownRow(row: Row, columns: string[]): string {
  const cell = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
  return `| ${columns.map((column) => cell(row[column])).join(" | ")} |`;
}

async function run(target: string, plan: string, columns: string[]): Promise<Row[]> {
  const printed = await peCalcInProcess(["sql", target, "--plan", join(ROOT, plan), ...columns]);
  expect(printed.status).toBe(0);
  const duck = await openDuck();
  try {
    await duck.run(`CREATE VIEW ledger AS SELECT * FROM read_csv('${LEDGER_CSV}')`);
    await duck.run(
      `CREATE TABLE ratings AS SELECT * FROM read_csv('${join(ROOT, "docs/examples/qualification-ratings.csv").replace(/'/g, "''")}')`,
    );
    return await duck.rows(printed.stdout);
  } finally {
    duck.close();
  }
}

test("the worked payout ledger is the README's table", async () => {
  const rows = await run("payout-ledger", "docs/examples/payouts-plan.json", COLUMNS);
  const columns = ["Partner", "Date", "Amount", "pe_period", "pe_running_total", "pe_earned_to_date", "pe_payout"];
  for (const row of rows) expect(README).toContain(markdownRow(row, columns));
  expect(rows.map((row) => row.pe_payout)).toEqual([2, 3, 22, 17, 30, 95, 0, 16, 6.5, 53, 0, 14.5]);
});

test("the worked summary's first quarter is the README's table", async () => {
  const rows = await run("payout-summary", "docs/examples/payouts-plan.json", COLUMNS);
  const columns = ["pe_partner", "pe_period", "pe_earned", "pe_paid", "pe_balance"];
  const shown = rows.filter((row) => ["2026-01", "2026-02", "2026-03", "2026-04"].includes(row.pe_period as string));
  for (const row of shown) expect(README).toContain(markdownRow(row, columns));
  expect(rows).toHaveLength(3 * 12);
});

test("the worked partner scores are the README's table", async () => {
  const rows = await run("partner-score", "docs/examples/qualification-plan.json", [
    "--dialect",
    "duckdb",
    "--table",
    "ratings",
    "--partner",
    "Partner",
    "--order",
    "Partner",
  ]);
  for (const row of rows) expect(README).toContain(markdownRow(row, ["Partner", "pe_score", "pe_tier"]));
});

test("the SQL summary is the payout workbook's summary (pe-calc new payouts --csv), row for row", async () => {
  const rows = await run("payout-summary", "docs/examples/payouts-plan.json", COLUMNS);
  const book = await peCalcInProcess([
    "new",
    "payouts",
    "--ledger",
    join(ROOT, "docs/examples/payouts-ledger.csv"),
    "--plan",
    join(ROOT, "docs/examples/payouts-plan.json"),
    "--csv",
  ]);
  expect(book.status).toBe(0);
  const lines = book.stdout.trim().split("\n").slice(1);
  expect(rows.map((row) => [row.pe_partner, row.pe_period, row.pe_earned, row.pe_paid, row.pe_balance].join(","))).toEqual(lines);
});
