import { catalog } from "../../src/core/catalog";
import { excelDate } from "../../src/core/date-serials";
import { buildPayoutsPlan } from "../../src/workbook/models/payouts";
import { LEDGER_COLUMNS } from "../../src/workbook/models/payouts/layout";
import { cellAt } from "../../src/workbook/models/shared/sheet-builder";
import { sampleLedger } from "../workbook/payouts-ledger-fixture";
import { planInEngine, type EngineSheet } from "../workbook/engine-sheet";

/**
 * Deterministic budget behind the payout-book benchmark (bench/cases/payout-book.ts): the ledger is
 * read a fixed number of times per recalculation, whatever the number of partners × periods in the
 * summary. The SUMIFS per summary cell this replaced read it once per cell (quadratic in practice:
 * 600 scans of 125,000 rows for a 100,000-transaction book).
 */
const TRANSACTIONS = 300;
const PARTNERS = 20;

let engines: EngineSheet[] = [];

afterEach(() => {
  jest.restoreAllMocks();
  for (const { hf } of engines) hf.destroy();
  engines = [];
});

function ledgerReads() {
  return {
    totals: jest.spyOn(catalog.PAYOUT_TOTALS, "compute"),
    payouts: jest.spyOn(catalog.PAYOUT_LEDGER, "compute"),
  };
}

describe("the payout book reads its ledger a fixed number of times per recalculation", () => {
  const draft = { ledger: sampleLedger(TRANSACTIONS, PARTNERS), floor: 50 };

  test("writing the book computes the summary's earned block with one PE.PAYOUT_TOTALS call", () => {
    const { layout, plan } = buildPayoutsPlan(draft);
    expect(layout.partners.length * layout.periods.length).toBeGreaterThanOrEqual(PARTNERS * 10);
    const reads = ledgerReads();
    engines.push(planInEngine(plan, layout.sheet));
    expect(reads.totals).toHaveBeenCalledTimes(1);
    expect(reads.payouts).toHaveBeenCalledTimes(1);
  });

  test("a transaction typed under the ledger recomputes the payouts and the whole summary once each", () => {
    const { layout, plan } = buildPayoutsPlan(draft);
    const book = planInEngine(plan, layout.sheet);
    engines.push(book);
    const reads = ledgerReads();
    const row = layout.ledger.firstRow + TRANSACTIONS;
    book.hf.setCellContents({ sheet: book.sheet, row, col: LEDGER_COLUMNS.partner }, [
      [layout.partners[0], excelDate(2026, 6, 1), 1_000],
    ]);
    expect(reads.totals).toHaveBeenCalledTimes(1);
    expect(reads.payouts).toHaveBeenCalledTimes(1);
    expect(book.at(cellAt(row, LEDGER_COLUMNS.payout))).toEqual(expect.any(Number));
  });
});
