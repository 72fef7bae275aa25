import { excelDate, isoDate } from "../../src/core/date-serials";
import { periodKey, type PeriodFrequency } from "../../src/core/period";
import type { LedgerKey, LedgerMethod } from "../../src/core/payout-ledger";
import type { PayoutSqlPlan } from "../../src/core/sql/plans";
import { duckLiteral, integer, pick } from "./support";

/**
 * Seeded random ledgers for the DuckDB proofs: refunds, zero and blank amounts, ties in the order
 * column (broken by a unique id), blank and differently-cased keys, many partners, tiers that
 * rates need not climb, every frequency and fiscal-year start. Each ledger is rows of a shared
 * table, told apart by ledger_id.
 */

export type PeriodMode = "date" | "period" | "none";

export interface LedgerRow {
  partner: string | number | null;
  amount: number | null;
  /** An Excel date serial, or null for a NULL date. */
  date: number | null;
  period: string | null;
  seq: number;
  id: number;
}

export interface RandomLedger {
  id: number;
  numericPartners: boolean;
  mode: PeriodMode;
  plan: PayoutSqlPlan;
  /** In ledger order: (seq, id) ascending. */
  rows: LedgerRow[];
}

const TEXT_PARTNERS = [
  "Contoso",
  "contoso",
  "CONTOSO",
  "Fabrikam",
  "fabrikam",
  "Northwind",
  "Ünïcode",
  "ÜNÏCODE",
  "Ωmega",
  "ωMEGA",
  "x'y",
  "a b",
  "1",
  "01",
  "",
  null,
];
const NUMBER_PARTNERS = [1, 2, 3, 10, 0, -5, 123456789, null];
const PERIOD_KEYS = ["2026-Q1", "2026-q1", "2026-Q2", "FY2027", "2026-03", "", null];

function partnersFor(random: () => number, numeric: boolean): (string | number | null)[] {
  if (numeric) return NUMBER_PARTNERS.filter(() => random() < 0.6).concat([7]);
  if (random() < 0.2) {
    // Many partners: up to 300 names in mixed case.
    const count = integer(random, 20, 300);
    return Array.from({ length: count }, (_, index) => (random() < 0.5 ? `P${index}` : `p${index}`));
  }
  return TEXT_PARTNERS.filter(() => random() < 0.4).concat(["Contoso"]);
}

function amountOf(random: () => number, starts: readonly number[]): number | null {
  const roll = random();
  if (roll < 0.06) return null;
  if (roll < 0.1) return 0;
  if (roll < 0.14) return pick(random, starts);
  if (roll < 0.3) return -integer(random, 1, 300_000) / 100;
  return integer(random, 1, 500_000) / 100;
}

function randomPlan(random: () => number): PayoutSqlPlan {
  const count = integer(random, 1, 4);
  const tiers: { from: number; rate: number }[] = [];
  let from = random() < 0.8 ? 0 : integer(random, 1, 10) * 50;
  for (let tier = 0; tier < count; tier++) {
    tiers.push({ from, rate: random() < 0.1 ? pick(random, [0, 1]) : integer(random, 0, 60) / 200 });
    from += integer(random, 2, 60) * 50;
  }
  const method: LedgerMethod = random() < 0.5 ? "marginal" : "retroactive";
  const frequency: PeriodFrequency = pick(random, ["month", "quarter", "year"] as const);
  const fiscalYearStart = random() < 0.5 ? 1 : integer(random, 1, 12);
  const floor = random() < 0.4 ? 0 : integer(random, 0, 40) * 5;
  const cap = random() < 0.4 ? null : floor + integer(random, 0, 60) * 10;
  return { tiers, method, frequency, fiscalYearStart, floor, cap, recover: random() < 0.6, carry: random() < 0.6 };
}

const FIRST_DATE = excelDate(2019, 1, 1);
const LAST_DATE = excelDate(2028, 12, 31);

function dateOf(random: () => number, edgeDates: boolean): number | null {
  const roll = random();
  if (roll < 0.04) return null;
  if (roll < 0.05 && edgeDates) return pick(random, [excelDate(1900, 3, 1), excelDate(9999, 12, 31), excelDate(2026, 4, 1)]);
  return integer(random, FIRST_DATE, LAST_DATE);
}

export function randomLedger(
  random: () => number,
  id: number,
  options: { mode?: PeriodMode; maxRows?: number; edgeDates?: boolean } = {},
): RandomLedger {
  const numericPartners = random() < 0.15;
  const roll = random();
  const mode: PeriodMode = options.mode ?? (roll < 0.45 ? "date" : roll < 0.9 ? "period" : "none");
  const plan = randomPlan(random);
  const partners = partnersFor(random, numericPartners);
  const starts = plan.tiers.map((tier) => tier.from);
  const size =
    random() < 0.05 ? integer(random, 100, options.maxRows ?? 400) : integer(random, 1, Math.min(40, options.maxRows ?? 40));
  const ids = Array.from({ length: size }, (_, index) => index + 1).sort(() => random() - 0.5);
  const rows = ids.map((rowId) => ({
    partner: pick(random, partners),
    amount: amountOf(random, starts),
    date: mode === "date" ? dateOf(random, options.edgeDates ?? true) : null,
    period: mode === "period" ? pick(random, PERIOD_KEYS) : null,
    seq: integer(random, 0, Math.max(1, Math.floor(size / 3))),
    id: rowId,
  }));
  rows.sort((a, b) => a.seq - b.seq || a.id - b.id);
  return { id, numericPartners, mode, plan, rows };
}

/** core's keys for one ledger, in ledger order. */
export function coreKeys(ledger: RandomLedger): { partners: LedgerKey[]; periods?: LedgerKey[] } {
  const partners = ledger.rows.map((row) => row.partner);
  if (ledger.mode === "none") return { partners };
  const { frequency, fiscalYearStart } = ledger.plan;
  const periods = ledger.rows.map((row) =>
    ledger.mode === "period" ? row.period : row.date === null ? null : periodKey(row.date, frequency, fiscalYearStart),
  );
  return { partners, periods };
}

export const LEDGER_TABLE_COLUMNS =
  "ledger_id INTEGER, partner %PARTNER%, amount DOUBLE, booked DATE, period VARCHAR, seq INTEGER, id INTEGER";

/** INSERT statements for a set of ledgers into `table`, in chunks DuckDB parses quickly. */
export function insertStatements(table: string, ledgers: readonly RandomLedger[]): string[] {
  const tuples = ledgers.flatMap((ledger) =>
    ledger.rows.map(
      (row) =>
        `(${ledger.id}, ${duckLiteral(row.partner)}, ${duckLiteral(row.amount)}, ${row.date === null ? "NULL" : `DATE '${isoDate(row.date)}'`}, ` +
        `${duckLiteral(row.period)}, ${row.seq}, ${row.id})`,
    ),
  );
  const statements: string[] = [];
  for (let start = 0; start < tuples.length; start += 5_000) {
    statements.push(`INSERT INTO ${table} VALUES ${tuples.slice(start, start + 5_000).join(",\n")}`);
  }
  return statements;
}
