import { payoutLedger } from "../../src/core/payout-ledger";
import { payoutSchedule } from "../../src/core/payout-schedule";
import { periodKey } from "../../src/core/period";
import { excelDate } from "../../src/core/date-serials";
import { cellAt } from "../../src/workbook/models/shared/sheet-builder";
import { buildPayoutsPlan } from "../../src/workbook/models/payouts";
import type { PayoutsInputDraft } from "../../src/workbook/models/payouts/input";
import { LEDGER_COLUMNS } from "../../src/workbook/models/payouts/layout";
import { planInEngine } from "./engine-sheet";
import { sampleLedger } from "./payouts-ledger-fixture";

const TIERS = [
  { from: 0, rate: 0.01 },
  { from: 1_000, rate: 0.02 },
  { from: 3_000, rate: 0.03 },
];

function build(draft: PayoutsInputDraft) {
  const built = buildPayoutsPlan(draft);
  const engine = planInEngine(built.plan, built.layout.sheet);
  const { hf, sheet } = engine;
  const value = (row: number, col: number): unknown => hf.getCellValue({ sheet, row, col });
  const ledgerColumn = (col: number, count = built.layout.ledger.transactions): unknown[] =>
    Array.from({ length: count }, (_, i) => value(built.layout.ledger.firstRow + i, col));
  return { ...engine, ...built, value, ledgerColumn };
}

/** What core says each partner earns, is paid and carries per period of the summary. */
function expectedSummary(draft: Required<Pick<PayoutsInputDraft, "ledger">> & PayoutsInputDraft, periods: string[]) {
  const ledger = draft.ledger;
  const keys = ledger.map((t) => periodKey(t.date, draft.frequency ?? "month", draft.fiscalYearStart ?? 1));
  const payouts = payoutLedger(
    ledger.map((t) => t.amount),
    ledger.map((t) => t.partner),
    (draft.tiers ?? TIERS).map((t) => t.from),
    (draft.tiers ?? TIERS).map((t) => t.rate),
    keys,
    draft.method ?? "marginal",
  );
  const earnedOf = (partner: string): number[] =>
    periods.map((p) =>
      ledger.reduce(
        (sum, t, i) => (t.partner.toLowerCase() === partner.toLowerCase() && keys[i] === p ? sum + payouts[i] : sum),
        0,
      ),
    );
  return { payouts, keys, earnedOf };
}

describe("the payout book in the engine", () => {
  const draft = { ledger: sampleLedger(400), floor: 150, cap: 400, tiers: TIERS } satisfies PayoutsInputDraft;

  test("each transaction's period and payout equal core's PE.PERIOD and payoutLedger", () => {
    const { layout, ledgerColumn } = build(draft);
    const { payouts, keys } = expectedSummary(draft, []);
    expect(ledgerColumn(LEDGER_COLUMNS.period)).toEqual(keys);
    const got = ledgerColumn(LEDGER_COLUMNS.payout) as number[];
    got.forEach((v, i) => expect(v).toBeCloseTo(payouts[i], 9));
    expect(layout.ledger.coveredRows).toBe(400 + 1_000);
    // Rows covered but not yet used are blank, not zero.
    expect(ledgerColumn(LEDGER_COLUMNS.payout, 401)[400]).toBe("");
  });

  test("the summary's earned, paid and balance equal core's payoutSchedule per partner", () => {
    const { layout, value } = build(draft);
    const { earnedOf } = expectedSummary(draft, layout.periods);
    expect(layout.periods[0]).toBe("2026-01");
    expect(layout.periods.at(-1)).toBe("2026-12");
    layout.partners.forEach((partner, i) => {
      const earned = earnedOf(partner);
      const run = payoutSchedule(earned, { floor: 150, cap: 400 });
      layout.periods.forEach((_, k) => {
        expect(value(layout.summary.earned.firstRow + i, 1 + k)).toBeCloseTo(earned[k], 9);
        expect(value(layout.summary.paid.firstRow + i, 1 + k)).toBeCloseTo(run.paid[k], 9);
        expect(value(layout.summary.balance.firstRow + i, 1 + k)).toBeCloseTo(run.balance[k], 9);
      });
    });
    const p = layout.periods.length;
    const totalEarned = layout.partners.reduce((s, partner) => s + earnedOf(partner).reduce((a, b) => a + b, 0), 0);
    expect(value(layout.summary.earned.totalsRow, p + 1)).toBeCloseTo(totalEarned, 6);
  });

  test("the statement shows the chosen partner's periods and transactions, and follows the drop-down", () => {
    const { layout, value, set } = build(draft);
    const check = (partner: string): void => {
      const { earnedOf, payouts } = expectedSummary(draft, layout.periods);
      const run = payoutSchedule(earnedOf(partner), { floor: 150, cap: 400 });
      layout.periods.forEach((_, k) => {
        expect(value(layout.statement.firstPeriodRow + k, 2)).toBeCloseTo(run.paid[k], 9);
        expect(value(layout.statement.firstPeriodRow + k, 3)).toBeCloseTo(run.balance[k], 9);
      });
      const own = draft.ledger.map((t, i) => ({ t, i })).filter(({ t }) => t.partner === partner);
      own.forEach(({ t, i }, k) => {
        const row = layout.statement.firstLineRow + k;
        expect(value(row, 1)).toBe(t.date);
        expect(value(row, 2)).toBe(t.customer);
        expect(value(row, 3)).toBe(t.description);
        expect(value(row, 4)).toBe(t.amount);
        expect(value(row, 6)).toBeCloseTo(payouts[i], 9);
      });
      expect(value(layout.statement.firstLineRow + own.length, 1)).toBe("");
    };
    check(layout.partners[0]);
    set(layout.statement.partnerCell, layout.partners[3]);
    check(layout.partners[3]);
  });

  test("a transaction typed under the ledger updates its payout, the summary and the statement", () => {
    const { layout, value, set, ledgerColumn } = build(draft);
    const partner = layout.partners[0];
    const row = layout.ledger.firstRow + 400;
    const before = value(layout.summary.earned.firstRow, layout.periods.length + 1) as number;
    set(cellAt(row, LEDGER_COLUMNS.partner), partner);
    set(cellAt(row, LEDGER_COLUMNS.date), excelDate(2026, 11, 20));
    set(cellAt(row, LEDGER_COLUMNS.amount), 5_000);
    const ledger = [...draft.ledger, { partner, date: excelDate(2026, 11, 20), amount: 5_000, customer: "", description: "" }];
    const { payouts } = expectedSummary({ ...draft, ledger }, []);
    expect(value(row, LEDGER_COLUMNS.period)).toBe("2026-11");
    expect(value(row, LEDGER_COLUMNS.payout)).toBeCloseTo(payouts[400], 9);
    expect(value(layout.summary.earned.firstRow, layout.periods.length + 1)).toBeCloseTo(before + payouts[400], 6);
    const own = ledgerColumn(LEDGER_COLUMNS.partner, 401).filter((p) => p === partner).length;
    expect(value(layout.statement.firstLineRow + own - 1, 4)).toBe(5_000);
  });

  test("a partner with more transactions than the statement's lines gets a note saying how many are listed", () => {
    const small = { ledger: sampleLedger(20, 2), tiers: TIERS } satisfies PayoutsInputDraft;
    const { layout, value, hf, sheet } = build(small);
    const noteAt = (): unknown => value(layout.statement.firstLineRow - 2, 1);
    expect(noteAt()).toBe("");
    const partner = layout.partners[0];
    const own = small.ledger.filter((t) => t.partner === partner).length;
    const added = layout.statement.lines - own + 1;
    hf.setCellContents(
      { sheet, row: layout.ledger.firstRow + small.ledger.length, col: LEDGER_COLUMNS.partner },
      Array.from({ length: added }, () => [partner, excelDate(2026, 11, 2), 10]),
    );
    expect(noteAt()).toBe(
      `Lists the first ${layout.statement.lines} of ${layout.statement.lines + 1} transactions: filter the ledger table by partner for the rest.`,
    );
  });

  test("partners named like SUMIFS criteria (>0, =Acme, <b>) are totalled as themselves", () => {
    const names = [">0", "=Acme", "<b>", "Plain"];
    const ledger = names.flatMap((partner, i) => [
      { partner, date: excelDate(2026, 2, 1), amount: 1_000 * (i + 1) },
      { partner, date: excelDate(2026, 3, 1), amount: 500 },
    ]);
    const { layout, value } = build({ ledger, tiers: TIERS });
    const { earnedOf } = expectedSummary({ ledger, tiers: TIERS }, layout.periods);
    layout.partners.forEach((partner, i) =>
      earnedOf(partner).forEach((earned, k) => expect(value(layout.summary.earned.firstRow + i, 1 + k)).toBeCloseTo(earned, 9)),
    );
    expect(earnedOf(">0").reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  test("the example of the issue: step rates 1% / 2% / 3%, each sale its own partner", () => {
    const amounts = [200, 300, 1_500, 1_200, 2_000, 4_500];
    const ledger = amounts.map((amount, i) => ({ partner: `P${i}`, date: excelDate(2026, 3, 1), amount }));
    const { ledgerColumn } = build({ ledger, tiers: TIERS });
    expect(ledgerColumn(LEDGER_COLUMNS.payout)).toEqual([2, 3, 20, 14, 30, 95]);
  });
});
