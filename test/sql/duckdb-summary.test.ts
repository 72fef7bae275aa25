import { payoutLedger, type LedgerKey } from "../../src/core/payout-ledger";
import { payoutSchedule } from "../../src/core/payout-schedule";
import { generateSql } from "../../src/core/sql/generate";
import { summaryPeriods } from "../../src/workbook/models/payouts/periods";
import { coreKeys, insertStatements, LEDGER_TABLE_COLUMNS, randomLedger, type RandomLedger } from "./random-ledgers";
import { closeTo, openDuck, seeded, type Duck, type Row } from "./support";

/**
 * `pe-calc sql payout-summary` in DuckDB against core: per partner and period, earned is the sum
 * of PE.PAYOUT_LEDGER's payouts, and paid and balance are PE.PAYOUT_SCHEDULE over the partner's
 * earned periods (the recursive CTE) with the plan's floor, cap, recover and carry. The periods
 * are the payout book's (periods.ts) for dated ledgers, the keys present for a period column.
 * Dates stay within 2019–2028 here: the grid of a ledger spanning 1900 to 9999 has 97,000 months.
 */

const LEDGERS = 200;
let duck: Duck;
let ledgers: RandomLedger[];

beforeAll(async () => {
  duck = await openDuck();
  const random = seeded(1712);
  ledgers = Array.from({ length: LEDGERS }, (_, id) =>
    randomLedger(random, id, { mode: id % 4 === 0 ? "period" : "date", edgeDates: false, maxRows: 150 }),
  );
  for (const [table, type] of [
    ["text_ledgers", "VARCHAR"],
    ["number_ledgers", "BIGINT"],
  ]) {
    await duck.run(`CREATE TABLE ${table} (${LEDGER_TABLE_COLUMNS.replace("%PARTNER%", type)})`);
    const own = ledgers.filter((ledger) => ledger.numericPartners === (type === "BIGINT"));
    for (const statement of insertStatements(table, own)) await duck.run(statement);
  }
});

afterAll(() => duck?.close());

/** core's key of a partner or period, as text: how the SQL's grid rows are told apart. */
function keyText(key: LedgerKey | bigint | undefined): string {
  return key === null || key === undefined ? "" : String(key).toLowerCase();
}

interface Expected {
  /** partner key → period key → earned, periods in the summary's order. */
  earned: Map<string, Map<string, number>>;
  periods: string[];
  scale: number;
}

function expectedSummary(ledger: RandomLedger): Expected {
  const keys = coreKeys(ledger);
  const { tiers, method, frequency, fiscalYearStart } = ledger.plan;
  const payouts = payoutLedger(
    ledger.rows.map((row) => row.amount ?? 0),
    keys.partners,
    tiers.map((tier) => tier.from),
    tiers.map((tier) => tier.rate),
    keys.periods,
    method,
  );
  const periods =
    ledger.mode === "date"
      ? summaryPeriods(
          ledger.rows.flatMap((row) => (row.date === null ? [] : [row.date])),
          frequency,
          fiscalYearStart,
        )
      : [...new Set(keys.periods!.map(keyText))].sort();
  const earned = new Map<string, Map<string, number>>();
  let scale = 0;
  ledger.rows.forEach((row, index) => {
    const partner = keyText(keys.partners[index]);
    if (!earned.has(partner)) earned.set(partner, new Map(periods.map((period) => [period, 0])));
    scale += Math.abs(payouts[index]);
    const period = ledger.mode === "date" ? keys.periods![index] : keyText(keys.periods![index]);
    if (period === null) return;
    const byPeriod = earned.get(partner)!;
    byPeriod.set(String(period), byPeriod.get(String(period))! + payouts[index]);
  });
  return { earned, periods, scale };
}

test("DuckDB's partner × period summary equals the sums of PE.PAYOUT_LEDGER and PE.PAYOUT_SCHEDULE's paid and balance", async () => {
  const mismatches: string[] = [];
  let compared = 0;
  for (const ledger of ledgers) {
    const table = ledger.numericPartners ? "number_ledgers" : "text_ledgers";
    await duck.run(
      `CREATE OR REPLACE VIEW ledger AS SELECT partner, amount, booked, period, seq, id FROM ${table} WHERE ledger_id = ${ledger.id}`,
    );
    const { sql } = generateSql({
      target: "payout-summary",
      dialect: "duckdb",
      columns: {
        table: "ledger",
        partner: "partner",
        amount: "amount",
        ...(ledger.mode === "date" ? { date: "booked" } : { period: "period" }),
        order: ["seq", "id"],
      },
      plan: ledger.plan,
    });
    const rows: Row[] = await duck.rows(sql);
    const expected = expectedSummary(ledger);
    const { floor, cap, recover, carry } = ledger.plan;
    const where = `ledger ${ledger.id} (${ledger.mode}, floor ${floor}, cap ${cap}, recover ${recover}, carry ${carry})`;
    expect(rows).toHaveLength(expected.earned.size * expected.periods.length);
    for (const [partner, byPeriod] of expected.earned) {
      const own = rows.filter((row) => keyText(row.pe_partner as string | bigint | null) === partner);
      const earned = expected.periods.map((period) => byPeriod.get(period)!);
      const run = payoutSchedule(earned, { floor, cap: cap ?? undefined, recover, carry });
      const scale = expected.scale + (floor + (cap ?? 0)) * earned.length;
      expected.periods.forEach((period, index) => {
        const row = own[index];
        const what = `${where} partner "${partner}" period ${period}`;
        if (row === undefined || keyText(row.pe_period as string | null) !== keyText(period)) {
          mismatches.push(
            `${what}: SQL row is ${row === undefined ? "missing" : `${String(row.pe_partner)} ${String(row.pe_period)}`}`,
          );
          return;
        }
        if (!closeTo(row.pe_earned as number, earned[index], scale))
          mismatches.push(`${what}: earned ${String(row.pe_earned)} vs ${earned[index]}`);
        if (!closeTo(row.pe_paid as number, run.paid[index], scale))
          mismatches.push(`${what}: paid ${String(row.pe_paid)} vs ${run.paid[index]}`);
        if (!closeTo(row.pe_balance as number, run.balance[index], scale)) {
          mismatches.push(`${what}: balance ${String(row.pe_balance)} vs ${run.balance[index]}`);
        }
        compared++;
      });
    }
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  expect(compared).toBeGreaterThan(2_000);
});
