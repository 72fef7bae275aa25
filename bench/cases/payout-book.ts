import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEngine } from "../../src/engine";
import { dateOfSerial, excelDate } from "../../src/core/date-serials";
import { payoutLedger } from "../../src/core/payout-ledger";
import { periodKey } from "../../src/core/period";
import { applyPlanToEngine, engineValueReader } from "../../src/workbook/appliers/engine";
import { writePlanToXlsx } from "../../src/workbook/appliers/xlsx";
import { buildPayoutsPlan } from "../../src/workbook/models/payouts";
import type { Transaction } from "../../src/workbook/models/payouts/input";
import { LEDGER_COLUMNS } from "../../src/workbook/models/payouts/layout";
import { seededRandom } from "../fixtures";
import { timed, timedAsync, type BenchOptions, type CaseResult } from "../harness";
import { timedRun, type Run } from "./xlsx-files";

declare const BENCH_PROJECT_ROOT: string;

/**
 * Issue 12's scale point: the payout wizard's and `pe-calc new payouts`' book for a ledger of
 * 100,000 transactions (50 partners × 12 months). Reported, without a target: building the plan,
 * writing it into the engine (one batch, every formula computed), writing the .xlsx with the
 * engine's values cached, and the recalculation after one transaction is typed under the ledger.
 * Then the same book through `pe-calc` as users run it (a new Node process, files on disk): `new
 * payouts` writing the .xlsx, `recalc` of that file, and at the largest size `new payouts --csv`
 * printing the partner × period summary; time and peak memory (max RSS, from GNU time) of each.
 * The CSV's earned column must add up to core's payouts of the ledger.
 * The summary's earned block is one PE.PAYOUT_TOTALS (one pass over the ledger): the SUMIFS per
 * summary cell it replaced re-read the ledger for each of the 600 cells (55.8 s to write 10,000).
 */
export const BOOK_SIZES = [10_000, 100_000] as const;
const PARTNERS = 50;

export function bookLedger(count: number, seed = 12): Transaction[] {
  const random = seededRandom(seed);
  const start = excelDate(2026, 1, 1);
  return Array.from({ length: count }, (_, row) => {
    const refund = random() < 1 / 12;
    return {
      partner: `P${String(1 + Math.floor(random() * PARTNERS)).padStart(3, "0")}`,
      date: start + Math.floor((row * 365) / count),
      amount: Math.round(random() * 8_000) * (refund ? -0.5 : 1),
      customer: `C${row % 997}`,
      description: "",
    };
  });
}

const PLAN = {
  wizard: "payouts",
  version: 1,
  sheetName: "Payouts",
  tiers: [
    { from: 0, rate: 0.01 },
    { from: 1_000, rate: 0.02 },
    { from: 3_000, rate: 0.03 },
  ],
  floor: 100,
  cap: 20_000,
};

function isoDate(serial: number): string {
  const { year, month, day } = dateOfSerial(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function ledgerCsv(ledger: readonly Transaction[]): string {
  const lines = ["Partner,Date,Amount,Customer,Description"];
  for (const t of ledger) lines.push(`${t.partner},${isoDate(t.date)},${t.amount},${t.customer},${t.description}`);
  return `${lines.join("\n")}\n`;
}

/** What the summary's earned column must add up to: core's payouts of the whole ledger. */
function corePayoutTotal(ledger: readonly Transaction[]): number {
  const payouts = payoutLedger(
    ledger.map((t) => t.amount),
    ledger.map((t) => t.partner),
    PLAN.tiers.map((t) => t.from),
    PLAN.tiers.map((t) => t.rate),
    ledger.map((t) => periodKey(t.date, "month", 1)),
  );
  return payouts.reduce((sum, payout) => sum + payout, 0);
}

function checkSummaryCsv(csv: string, ledger: readonly Transaction[], expectedRows: number): void {
  const lines = csv.trim().split("\n");
  if (lines[0] !== "Partner,Period,Earned,Paid,Balance") throw new Error(`payout book --csv: header ${lines[0]}`);
  if (lines.length - 1 !== expectedRows) throw new Error(`payout book --csv: ${lines.length - 1} rows, expected ${expectedRows}`);
  const earned = lines.slice(1).reduce((sum, line) => sum + Number(line.split(",")[2]), 0);
  const expected = corePayoutTotal(ledger);
  if (Math.abs(earned - expected) > 1e-6 * Math.max(1, Math.abs(expected)))
    throw new Error(`payout book --csv: earned adds up to ${earned}, core's payouts to ${expected}`);
}

const peak = (run: Run): string =>
  run.maxRssKb === null ? "peak memory unknown (no GNU time)" : `peak memory ${(run.maxRssKb / 1024).toFixed(0)} MiB`;

/** `pe-calc new payouts`, `pe-calc recalc` and (when `csv`) `new payouts --csv` on one ledger. */
function cliRows(ledger: readonly Transaction[], summaryRows: number, csv: boolean): CaseResult[] {
  const size = ledger.length;
  const dir = mkdtempSync(join(tmpdir(), "pe-bench-payouts-"));
  try {
    const ledgerFile = join(dir, "ledger.csv");
    const planFile = join(dir, "plan.json");
    writeFileSync(ledgerFile, ledgerCsv(ledger));
    writeFileSync(planFile, JSON.stringify(PLAN));
    const peCalc = join(BENCH_PROJECT_ROOT, "bin", "pe-calc.js");
    const book = join(dir, "payouts.xlsx");
    const write = timedRun(
      process.execPath,
      [peCalc, "new", "payouts", "--ledger", ledgerFile, "--plan", planFile, "-o", book, "--force"],
      dir,
    );
    const recalc = timedRun(process.execPath, [peCalc, "recalc", book, "-o", join(dir, "recalculated.xlsx"), "--force"], dir);
    const rows = [
      row(`payout book ${size}: pe-calc new payouts`, write.ms, `new process, ledger CSV → .xlsx; ${peak(write)}`),
      row(
        `payout book ${size}: pe-calc recalc`,
        recalc.ms,
        `new process, the written book recalculated and saved; ${peak(recalc)}`,
      ),
    ];
    if (csv) {
      const csvFile = join(dir, "summary.csv");
      // exec: the shell becomes pe-calc, so the time and peak memory are pe-calc's alone.
      const summary = timedRun(
        "sh",
        [
          "-c",
          `exec "$0" "$@" > "${csvFile}"`,
          process.execPath,
          peCalc,
          "new",
          "payouts",
          "--ledger",
          ledgerFile,
          "--plan",
          planFile,
          "--csv",
        ],
        dir,
      );
      checkSummaryCsv(readFileSync(csvFile, "utf8"), ledger, summaryRows);
      rows.push(
        row(
          `payout book ${size}: pe-calc new payouts --csv`,
          summary.ms,
          `partner × period summary to stdout, checked against core; ${peak(summary)}`,
        ),
      );
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const row = (name: string, ms: number, note: string): CaseResult => ({
  case: name,
  ours: Math.round(ms),
  reference: null,
  ratio: null,
  target: null,
  met: true,
  unit: "ms",
  note,
});

export async function payoutBookCases(options: BenchOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const sizes = options.quick ? BOOK_SIZES.map((size) => size / 10) : BOOK_SIZES;
  for (const size of sizes) {
    const ledger = bookLedger(size);
    let built: ReturnType<typeof buildPayoutsPlan> | undefined;
    const planMs = timed(() => {
      built = buildPayoutsPlan({ ledger, floor: 100, cap: 20_000 });
    });
    const { plan, layout } = built!;
    const hf = createEngine({ maxRows: 1_048_576 });
    let applied: ReturnType<typeof applyPlanToEngine> | undefined;
    const engineMs = timed(() => {
      applied = applyPlanToEngine(hf, plan);
    });
    const xlsxMs = await timedAsync(() => writePlanToXlsx(plan, engineValueReader(hf, applied!)));
    const sheet = hf.getSheetId(applied!.sheetNames[layout.sheet])!;
    const next = layout.ledger.firstRow + size;
    const recalcMs = timed(() =>
      hf.setCellContents({ sheet, row: next, col: LEDGER_COLUMNS.partner }, [
        [layout.partners[0], excelDate(2026, 12, 30), 5_000],
      ]),
    );
    const payout = hf.getCellValue({ sheet, row: next, col: LEDGER_COLUMNS.payout });
    if (typeof payout !== "number") throw new Error(`payout book: the added transaction's payout is ${String(payout)}`);
    hf.destroy();
    const shape = `${size.toLocaleString("en")} transactions, ${layout.partners.length} partners × ${layout.periods.length} periods, ${layout.ledger.coveredRows.toLocaleString("en")} covered rows`;
    results.push(
      row(`payout book ${size}: build the plan`, planMs, shape),
      row(`payout book ${size}: write into the engine + compute`, engineMs, "applyPlanToEngine, one batch"),
      row(`payout book ${size}: write the .xlsx`, xlsxMs, "ExcelJS, cached values from the engine"),
      row(`payout book ${size}: recalc after one added transaction`, recalcMs, "one row typed under the ledger"),
      ...cliRows(ledger, layout.partners.length * layout.periods.length, size === sizes[sizes.length - 1]),
    );
  }
  return results;
}
