import { createEngine } from "../../src/engine";
import { excelDate } from "../../src/core/date-serials";
import { applyPlanToEngine, engineValueReader } from "../../src/workbook/appliers/engine";
import { writePlanToXlsx } from "../../src/workbook/appliers/xlsx";
import { buildPayoutsPlan } from "../../src/workbook/models/payouts";
import type { Transaction } from "../../src/workbook/models/payouts/input";
import { LEDGER_COLUMNS } from "../../src/workbook/models/payouts/layout";
import { seededRandom } from "../fixtures";
import { timed, timedAsync, type BenchOptions, type CaseResult } from "../harness";

/**
 * Issue 12's scale point: the payout wizard's and `pe-calc new payouts`' book for a ledger of
 * 100,000 transactions (50 partners × 12 months). Reported, without a target: building the plan,
 * writing it into the engine (one batch, every formula computed), writing the .xlsx with the
 * engine's values cached, and the recalculation after one transaction is typed under the ledger.
 * The summary's SUMIFS cells dominate the engine's time: HyperFormula scans the ledger for each one
 * (Excel's SUMIFS does not), so the partner × period count drives it as much as the ledger's length.
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
    );
  }
  return results;
}
