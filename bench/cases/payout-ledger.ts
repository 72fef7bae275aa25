import type { HyperFormula, RawCellContent } from "hyperformula";
import { payoutLedger } from "../../src/core/payout-ledger";
import { createEngine } from "../../src/engine";
import { columnValues, requireSameResults } from "../check";
import { fullRecalculation } from "../engine-build";
import { seededRandom } from "../fixtures";
import {
  collectGarbage,
  compare,
  fittedExponent,
  median,
  roundsFor,
  timed,
  type BenchOptions,
  type CaseResult,
} from "../harness";

/**
 * Issue 12's payout ledger: PE.PAYOUT_LEDGER over a ledger of transactions (partner, period,
 * amount) against what an Excel user writes today, a running SUMIFS per row with the tier
 * function on it (quadratic: every row re-sums the rows above); how the one formula scales from
 * 10,000 to 100,000 rows; and core's payoutLedger against a hand-written loop.
 */
export const LEDGER_ROWS = 10_000;
export const LEDGER_PARTNERS = 200;
export const LEDGER_PERIODS = 12;
export const LEDGER_SCALING_SIZES = [10_000, 30_000, 100_000] as const;

/** Four marginal tiers on the partner's revenue in the period. */
const TIERS = { starts: [0, 10_000, 25_000, 50_000], rates: [0.05, 0.08, 0.1, 0.12] } as const;
/** HyperFormula's default sheet limit is 40,000 rows; Excel's is 1,048,576. */
const BIG_SHEET = { maxRows: 1_048_576 };
/** The ledger's first row (0-based) and the tier table's columns. */
const FIRST = 1;
const OURS_COLUMN = 3;
const REFERENCE_COLUMN = 5;

interface Ledger {
  partners: string[];
  periods: string[];
  amounts: number[];
}

/** Transactions in date order over 200 partners × 12 months; about one in twelve a refund. */
export function ledgerTransactions(count: number, seed = 12): Ledger {
  const random = seededRandom(seed);
  const ledger: Ledger = { partners: [], periods: [], amounts: [] };
  for (let row = 0; row < count; row++) {
    const month = 1 + Math.floor((row * LEDGER_PERIODS) / count);
    const partner = 1 + Math.floor(random() * LEDGER_PARTNERS);
    const refund = random() < 1 / 12;
    const amount = Math.round(random() * 8_000) * (refund ? -0.5 : 1);
    ledger.partners.push(`P${String(partner).padStart(3, "0")}`);
    ledger.periods.push(`2026-${String(month).padStart(2, "0")}`);
    ledger.amounts.push(amount);
  }
  return ledger;
}

type LedgerStyle = "pe" | "builtin";

/** The tier function an Excel user writes without the add-in, on a cell or expression. */
function builtinShare(x: string): string {
  return `SUMPRODUCT((${x}>$H$1:$K$1)*(${x}-$H$1:$K$1)*$H$3:$K$3)`;
}

/**
 * A: partner, B: period, C: amount; ours: one spilled PE.PAYOUT_LEDGER in D; the reference: the
 * running total in E (SUMIFS over the rows up to this one) and the payout in F, F(E) − F(E − C).
 * The tier table sits in H1:K3 (starts, rates, rate steps).
 */
export function ledgerSheet(ledger: Ledger, style: LedgerStyle): RawCellContent[][] {
  const last = FIRST + ledger.amounts.length;
  const rows: RawCellContent[][] = [
    ["Partner", "Period", "Amount", "Payout", "Running", "Payout (SUMIFS)", "", ...TIERS.starts],
    // Every row as wide as the formulas it may hold: a sparse row would hand the engine holes.
    ...ledger.amounts.map((amount, index): RawCellContent[] => [
      ledger.partners[index],
      ledger.periods[index],
      amount,
      null,
      null,
      null,
      null,
    ]),
  ];
  rows[1].push(...TIERS.rates);
  rows[2].push("=H2", "=I2-H2", "=J2-I2", "=K2-J2");
  if (style === "pe") {
    rows[FIRST][OURS_COLUMN] = `=PE.PAYOUT_LEDGER(C2:C${last},A2:A${last},$H$1:$K$1,$H$2:$K$2,B2:B${last})`;
    return rows;
  }
  ledger.amounts.forEach((_, index) => {
    const row = FIRST + index + 1;
    rows[FIRST + index][4] = `=SUMIFS(C$2:C${row},A$2:A${row},A${row},B$2:B${row},B${row})`;
    rows[FIRST + index][REFERENCE_COLUMN] = `=${builtinShare(`E${row}`)}-${builtinShare(`(E${row}-C${row})`)}`;
  });
  return rows;
}

async function engineCase(options: BenchOptions): Promise<CaseResult> {
  const ledger = ledgerTransactions(options.quick ? LEDGER_ROWS / 5 : LEDGER_ROWS);
  const count = ledger.amounts.length;
  const payouts: { ours?: ReturnType<typeof columnValues>; reference?: ReturnType<typeof columnValues> } = {};
  const keep = (side: "ours" | "reference", column: number) => (hf: HyperFormula) => {
    payouts[side] = columnValues(hf, column, FIRST, count);
  };
  const result = await compare({
    name:
      `payout ledger ${count.toLocaleString("en-US")} transactions, ${LEDGER_PARTNERS} partners × ${LEDGER_PERIODS} periods, ` +
      "full recalculation: one PE.PAYOUT_LEDGER vs a running SUMIFS per row with the tier SUMPRODUCT on it",
    target: 0.05,
    // The reference takes minutes at 10,000 rows (HyperFormula's SUMIFS over 10,000 growing
    // ranges): one round, no warm-up, which if anything favours the reference (ours runs cold).
    rounds: 1,
    warmup: 0,
    ours: fullRecalculation(ledgerSheet(ledger, "pe"), keep("ours", OURS_COLUMN)),
    reference: fullRecalculation(ledgerSheet(ledger, "builtin"), keep("reference", REFERENCE_COLUMN)),
    note: "the reference re-sums every row above each row (SUMIFS over A$2:A<row>): quadratic",
  });
  requireSameResults("payout ledger", payouts.ours ?? [], payouts.reference ?? []);
  return result;
}

function scalingCase(options: BenchOptions): CaseResult {
  const sizes = options.quick ? LEDGER_SCALING_SIZES.slice(0, 2) : LEDGER_SCALING_SIZES;
  const builds: Record<number, number> = { 10_000: 5, 30_000: 3, 100_000: 3 };
  const samples = sizes.map((size) => {
    const content = ledgerSheet(ledgerTransactions(size), "pe");
    const times: number[] = [];
    for (let round = 0; round < (options.quick ? 1 : builds[size]) + 1; round++) {
      let hf: HyperFormula | undefined;
      collectGarbage();
      const ms = timed(() => (hf = createEngine(BIG_SHEET, { Sheet1: content })));
      hf?.destroy();
      if (round > 0) times.push(ms); // the first build of each size warms up
    }
    return { size, ms: median(times) };
  });
  const exponent = fittedExponent(samples);
  const detail = samples.map((sample) => `${sample.size.toLocaleString("en-US")} rows ${sample.ms.toFixed(0)} ms`).join(", ");
  return {
    case: "scaling: full recalculation of one PE.PAYOUT_LEDGER at 10k / 30k / 100k transactions",
    ours: exponent,
    reference: null,
    ratio: exponent,
    target: 1.1,
    met: exponent <= 1.1,
    unit: "exponent",
    note:
      `fitted exponent of time against rows (medians: ${detail}); slope between the two largest sizes ` +
      `${fittedExponent(samples.slice(-2)).toFixed(2)}; the engine storing the ledger and the spill is part of each time`,
  };
}

/**
 * The loop a programmer would write for the same figures with no checks: one Map from
 * "partner|period" (lower-cased) to the running total, the marginal tiers inline.
 */
function inlinePayouts(ledger: Ledger, starts: readonly number[], rates: readonly number[]): number[] {
  const totals = new Map<string, number>();
  const share = (revenue: number) => {
    let paid = 0;
    for (let tier = 0; tier < starts.length && revenue > starts[tier]; tier++) {
      const top = tier + 1 < starts.length ? Math.min(revenue, starts[tier + 1]) : revenue;
      paid += rates[tier] * (top - starts[tier]);
    }
    return paid;
  };
  const payouts = new Array<number>(ledger.amounts.length);
  for (let row = 0; row < ledger.amounts.length; row++) {
    const key = `${ledger.partners[row].toLowerCase()}|${ledger.periods[row].toLowerCase()}`;
    const before = totals.get(key) ?? 0;
    const after = before + ledger.amounts[row];
    totals.set(key, after);
    payouts[row] = share(Math.max(after, 0)) - share(Math.max(before, 0));
  }
  return payouts;
}

async function coreCase(options: BenchOptions): Promise<CaseResult> {
  const ledger = ledgerTransactions(options.quick ? 20_000 : 100_000, 13);
  const starts = [...TIERS.starts];
  const rates = [...TIERS.rates];
  const sums = [0, 0];
  const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const result = await compare({
    name: "core payoutLedger, 100,000 transactions (200 partners × 12 periods) vs an inline Map + tier loop",
    target: 3,
    rounds: roundsFor(9, options),
    ours: () => timed(() => (sums[0] = total(payoutLedger(ledger.amounts, ledger.partners, starts, rates, ledger.periods)))),
    reference: () => timed(() => (sums[1] = total(inlinePayouts(ledger, starts, rates)))),
  });
  if (Math.abs(sums[0] - sums[1]) > 1e-9 * Math.max(1, Math.abs(sums[1]))) {
    throw new Error(`payoutLedger: core pays ${sums[0]} in all but the inline loop ${sums[1]}`);
  }
  return result;
}

export async function payoutLedgerCases(options: BenchOptions): Promise<CaseResult[]> {
  return [await coreCase(options), await engineCase(options), scalingCase(options)];
}
