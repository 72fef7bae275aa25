import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DIALECT_NAMES } from "../../src/core/sql/dialects";
import { peCalcInProcess, ROOT } from "../cli/support";

/**
 * Golden files of the SQL `pe-calc sql` prints for the examples in docs/examples, in every
 * dialect: no warehouse is reachable here, so BigQuery, Snowflake, Spark SQL and PostgreSQL are
 * held to reviewed text (DuckDB's is also run by the other tests). After an intended change,
 * regenerate with UPDATE_GOLDEN=1 npx jest test/sql/golden.test.ts and review the diff.
 */

const PAYOUT_PLAN = join(ROOT, "docs/examples/payouts-plan.json");
const SCORE_PLAN = join(ROOT, "docs/examples/qualification-plan.json");
/** Retroactive tiers, fiscal quarters from April, a guarantee (not recovered) and no cap. */
const RETROACTIVE_PLAN = join(__dirname, "golden", "retroactive-plan.json");

const LEDGER = ["--table", "sales.ledger", "--partner", "Partner", "--amount", "Amount", "--date", "Date", "--order", "Date,id"];

const CASES: Record<string, string[]> = {
  "payout-ledger": ["payout-ledger", "--plan", PAYOUT_PLAN, ...LEDGER],
  "payout-ledger-view": ["payout-ledger", "--plan", PAYOUT_PLAN, ...LEDGER, "--create", "--view", "sales.pe_payouts"],
  "payout-summary": ["payout-summary", "--plan", PAYOUT_PLAN, ...LEDGER],
  "payout-ledger-retroactive": ["payout-ledger", "--plan", RETROACTIVE_PLAN, ...LEDGER],
  "payout-summary-period": [
    "payout-summary",
    "--plan",
    RETROACTIVE_PLAN,
    ...LEDGER.slice(0, 6),
    "--period",
    "Quarter",
    "--order",
    "Date,id",
  ],
  "partner-score": ["partner-score", "--plan", SCORE_PLAN, "--table", "ratings", "--partner", "Partner", "--order", "Partner"],
};

describe.each(DIALECT_NAMES)("%s", (dialect) => {
  test.each(Object.keys(CASES))("%s is the reviewed text", async (name) => {
    const { status, stdout, stderr } = await peCalcInProcess(["sql", ...CASES[name], "--dialect", dialect]);
    expect(stderr).toBe(
      dialect === "spark" && name.startsWith("payout-summary")
        ? "pe-calc sql: note: Spark SQL has no recursive CTE: the summary gives pe_earned only; paid and balance " +
            "(PE.PAYOUT_SCHEDULE) must be computed in the payout workbook or with pe-calc new payouts --csv\n"
        : "",
    );
    expect(status).toBe(0);
    const file = join(__dirname, "golden", `${name}.${dialect}.sql`);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, stdout);
    expect(existsSync(file)).toBe(true);
    expect(stdout).toBe(readFileSync(file, "utf8"));
  });
});
