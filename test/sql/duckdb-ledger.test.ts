import { payoutLedger } from "../../src/core/payout-ledger";
import { generateSql } from "../../src/core/sql/generate";
import type { LedgerColumns } from "../../src/core/sql/ledger-query";
import { coreKeys, insertStatements, LEDGER_TABLE_COLUMNS, randomLedger, type RandomLedger } from "./random-ledgers";
import { closeTo, openDuck, seeded, type Duck, type Row } from "./support";

/**
 * Issue 17's proof for PE.PAYOUT_LEDGER: the DuckDB SQL `pe-calc sql payout-ledger` writes, run
 * in-process on 1,000 seeded random ledgers, gives core's payout on every row (within the
 * functions' relative tolerance of 1e-9), and PE.PERIOD's key on every dated row exactly.
 */

const LEDGERS = 1_000;
const BATCH = 50;
let duck: Duck;
let ledgers: RandomLedger[];

beforeAll(async () => {
  duck = await openDuck();
  const random = seeded(17);
  ledgers = Array.from({ length: LEDGERS }, (_, id) => randomLedger(random, id));
  for (const [table, type] of [
    ["text_ledgers", "VARCHAR"],
    ["number_ledgers", "BIGINT"],
  ]) {
    await duck.run(`CREATE TABLE ${table} (${LEDGER_TABLE_COLUMNS.replace("%PARTNER%", type)})`);
    const own = ledgers.filter((ledger) => ledger.numericPartners === (type === "BIGINT"));
    for (const statement of insertStatements(table, own)) await duck.run(statement);
  }
  // One view per ledger: the generated SQL reads it as its table.
  const views = ledgers.map(
    (ledger) =>
      `CREATE VIEW ledger_${ledger.id} AS SELECT partner, amount, booked, period, seq, id ` +
      `FROM ${ledger.numericPartners ? "number_ledgers" : "text_ledgers"} WHERE ledger_id = ${ledger.id};`,
  );
  await duck.run(views.join("\n"));
});

afterAll(() => duck?.close());

function columnsOf(ledger: RandomLedger): LedgerColumns {
  return {
    table: `ledger_${ledger.id}`,
    partner: "partner",
    amount: "amount",
    ...(ledger.mode === "date" ? { date: "booked" } : ledger.mode === "period" ? { period: "period" } : {}),
    order: ["seq", "id"],
  };
}

function sqlOf(ledger: RandomLedger): string {
  return generateSql({ target: "payout-ledger", dialect: "duckdb", columns: columnsOf(ledger), plan: ledger.plan }).sql;
}

/** The generated query as a subquery: its header comment and closing semicolon taken off. */
function bare(sql: string): string {
  return sql.replace(/^--.*\n/, "").replace(/;\s*$/, "");
}

/**
 * Many ledgers' queries in one statement (UNION ALL of the generated queries, each over its own
 * ledger's view), reading back only the columns compared: handing rows to JavaScript costs more
 * than computing them. Rows come back grouped by ledger and put in ledger order by (seq, id); the queries'
 * own ORDER BY is checked on single runs below.
 */
async function runBatch(batch: readonly RandomLedger[]): Promise<Row[][]> {
  const union = batch
    .map((ledger, position) => {
      const period = ledger.mode === "date" ? "pe_period" : "NULL AS pe_period";
      return `SELECT ${position} AS pe_batch, seq, id, pe_running_total, pe_payout, ${period} FROM (${bare(sqlOf(ledger))})`;
    })
    .join("\nUNION ALL\n");
  const rows = await duck.rows(union);
  const grouped: Row[][] = batch.map(() => []);
  for (const row of rows) grouped[row.pe_batch as number].push(row);
  for (const group of grouped) group.sort((a, b) => (a.seq as number) - (b.seq as number) || (a.id as number) - (b.id as number));
  return grouped;
}

function describe(ledger: RandomLedger): string {
  return `ledger ${ledger.id} (${ledger.mode}, ${ledger.plan.method}, tiers ${JSON.stringify(ledger.plan.tiers)})`;
}

test("DuckDB's payouts equal PE.PAYOUT_LEDGER's on every row of 1,000 random ledgers", async () => {
  let rowsCompared = 0;
  const mismatches: string[] = [];
  for (let first = 0; first < ledgers.length; first += BATCH) {
    const batch = ledgers.slice(first, first + BATCH);
    const results = await runBatch(batch);
    batch.forEach((ledger, position) => {
      const rows = results[position];
      expect(rows).toHaveLength(ledger.rows.length);
      const keys = coreKeys(ledger);
      const expected = payoutLedger(
        ledger.rows.map((row) => row.amount ?? 0),
        keys.partners,
        ledger.plan.tiers.map((tier) => tier.from),
        ledger.plan.tiers.map((tier) => tier.rate),
        keys.periods,
        ledger.plan.method,
      );
      rows.forEach((row, index) => {
        const source = ledger.rows[index];
        if (row.id !== source.id)
          mismatches.push(`${describe(ledger)} row ${index + 1}: id ${String(row.id)}, expected ${source.id}`);
        const payout = row.pe_payout as number;
        const scale = Math.abs(row.pe_running_total as number) + Math.abs(source.amount ?? 0);
        if (!closeTo(payout, expected[index], scale)) {
          mismatches.push(`${describe(ledger)} row ${index + 1}: SQL ${payout}, core ${expected[index]}`);
        }
        if (ledger.mode === "date" && row.pe_period !== keys.periods![index]) {
          mismatches.push(
            `${describe(ledger)} row ${index + 1}: period ${String(row.pe_period)}, core ${String(keys.periods![index])}`,
          );
        }
        rowsCompared++;
      });
    });
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  // The ledgers hold what the issue asks for: refunds, ties, blank periods, many partners.
  const all = ledgers.flatMap((ledger) => ledger.rows);
  expect(all.some((row) => (row.amount ?? 0) < 0)).toBe(true);
  expect(ledgers.some((ledger) => ledger.rows.some((row, i) => i > 0 && row.seq === ledger.rows[i - 1].seq))).toBe(true);
  expect(
    ledgers.some((ledger) => ledger.mode === "period" && ledger.rows.some((row) => row.period === null || row.period === "")),
  ).toBe(true);
  expect(Math.max(...ledgers.map((ledger) => new Set(ledger.rows.map((row) => row.partner)).size))).toBeGreaterThan(100);
  expect(rowsCompared).toBeGreaterThan(20_000);
});

test("the query's own ORDER BY gives the rows in ledger order (the declared columns, ties broken by the unique one)", async () => {
  for (const ledger of ledgers.slice(0, 20)) {
    const rows = await duck.rows(sqlOf(ledger));
    expect(rows.map((row) => row.id)).toEqual(ledger.rows.map((row) => row.id));
  }
});
