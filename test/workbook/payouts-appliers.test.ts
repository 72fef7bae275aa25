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
    // The last period with a transaction: a later one gets a spare column when it arrives.
    expect(layout.periods.at(-1)).toBe("2026-10");
    layout.partners.forEach((partner, i) => {
      const earned = earnedOf(partner);
      const run = payoutSchedule(earned, { floor: 150, cap: 400 });
      layout.periods.forEach((_, k) => {
        expect(value(layout.summary.earned.firstRow + i, 1 + k)).toBeCloseTo(earned[k], 9);
        expect(value(layout.summary.paid.firstRow + i, 1 + k)).toBeCloseTo(run.paid[k], 9);
        expect(value(layout.summary.balance.firstRow + i, 1 + k)).toBeCloseTo(run.balance[k], 9);
      });
    });
    const p = layout.summary.periodSlots;
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
    const before = value(layout.summary.earned.firstRow, layout.summary.periodSlots + 1) as number;
    set(cellAt(row, LEDGER_COLUMNS.partner), partner);
    set(cellAt(row, LEDGER_COLUMNS.date), excelDate(2026, 11, 20));
    set(cellAt(row, LEDGER_COLUMNS.amount), 5_000);
    const ledger = [...draft.ledger, { partner, date: excelDate(2026, 11, 20), amount: 5_000, customer: "", description: "" }];
    const { payouts } = expectedSummary({ ...draft, ledger }, []);
    expect(value(row, LEDGER_COLUMNS.period)).toBe("2026-11");
    expect(value(row, LEDGER_COLUMNS.payout)).toBeCloseTo(payouts[400], 9);
    expect(value(layout.summary.earned.firstRow, layout.summary.periodSlots + 1)).toBeCloseTo(before + payouts[400], 6);
    const own = ledgerColumn(LEDGER_COLUMNS.partner, 401).filter((p) => p === partner).length;
    expect(value(layout.statement.firstLineRow + own - 1, 4)).toBe(5_000);
  });

  test("a new partner and a new period appended to the ledger get their summary row and column, statement choice and chart bar", () => {
    const { layout, value, set, hf, sheet } = build(draft);
    const { earned, paid, balance, partnerSlots, periodSlots } = layout.summary;
    const n = layout.partners.length;
    const m = layout.periods.length;
    const first = layout.ledger.firstRow + draft.ledger.length;
    // "Aardvark" sorts first; 2027-01 is a month after every transaction written.
    const added = [
      { partner: "Aardvark", date: excelDate(2027, 1, 10), amount: 2_500, customer: "", description: "" },
      { partner: layout.partners[1], date: excelDate(2027, 1, 12), amount: 800, customer: "", description: "" },
      { partner: "Aardvark", date: excelDate(2026, 3, 3), amount: 600, customer: "", description: "" },
    ];
    hf.setCellContents(
      { sheet, row: first, col: LEDGER_COLUMNS.partner },
      added.map((t) => [t.partner, t.date, t.amount]),
    );
    const ledger = [...draft.ledger, ...added];
    const partners = ["Aardvark", ...layout.partners];
    const periods = [...layout.periods, "2027-01"];
    const label = (i: number) => value(earned.firstRow + i, 0);
    const period = (k: number) => value(earned.headerRow, 1 + k);
    expect(Array.from({ length: n + 1 }, (_, i) => label(i))).toEqual(partners);
    expect(Array.from({ length: m + 1 }, (_, k) => period(k))).toEqual(periods);
    expect(label(n + 1)).toBe("");
    expect(period(m + 1)).toBe("");
    const { earnedOf } = expectedSummary({ ...draft, ledger }, periods);
    let grand = 0;
    partners.forEach((partner, i) => {
      const run = payoutSchedule(earnedOf(partner), { floor: 150, cap: 400 });
      periods.forEach((_, k) => {
        expect(value(earned.firstRow + i, 1 + k)).toBeCloseTo(earnedOf(partner)[k], 9);
        expect(value(paid.firstRow + i, 1 + k)).toBeCloseTo(run.paid[k], 9);
        expect(value(balance.firstRow + i, 1 + k)).toBeCloseTo(run.balance[k], 9);
      });
      expect(value(balance.firstRow + i, periodSlots + 1)).toBeCloseTo(run.balance[m], 9);
      grand += earnedOf(partner).reduce((a, b) => a + b, 0);
    });
    // Spare slots stay blank in every block (no draw paid for a period or partner that is not there).
    for (const block of [earned, paid, balance]) {
      expect(value(block.firstRow + n + 1, 1)).toBe("");
      expect(value(block.firstRow, 1 + m + 1)).toBe("");
      expect(value(block.firstRow + n + 1, periodSlots + 1)).toBe("");
    }
    expect(value(earned.totalsRow, periodSlots + 1)).toBeCloseTo(grand, 6);
    expect(value(earned.totalsRow + 0, 1 + m)).toBeCloseTo(
      partners.reduce((sum, partner) => sum + earnedOf(partner)[m], 0),
      9,
    );
    // Nothing is left out of the summary.
    const side = Math.max(periodSlots + 3, 10);
    expect(value(3, side + 1) as number).toBeCloseTo(0, 6);
    // The chart's data has the new period, the statement's choices the new partner.
    expect(layout.chartSource).toBeDefined();
    expect(value(3 + 3 + 1 + m, side)).toBe("2027-01");
    expect(value(3 + 3 + 1 + m, side + 1)).toBeCloseTo(value(paid.totalsRow, 1 + m) as number, 9);
    set(layout.statement.partnerCell, "Aardvark");
    const run = payoutSchedule(earnedOf("Aardvark"), { floor: 150, cap: 400 });
    periods.forEach((p, k) => {
      expect(value(layout.statement.firstPeriodRow + k, 0)).toBe(p);
      expect(value(layout.statement.firstPeriodRow + k, 2)).toBeCloseTo(run.paid[k], 9);
    });
    expect(value(layout.statement.firstPeriodRow + m + 1, 0)).toBe("");
    expect(value(layout.statement.totalRow, 3)).toBeCloseTo(run.balance[m], 9);
    expect(partnerSlots).toBe(n + 10);
  });

  test("partners beyond the spare rows are left out of the summary and counted in Not in the summary", () => {
    const small = { ledger: sampleLedger(20, 2), tiers: TIERS } satisfies PayoutsInputDraft;
    const { layout, value, hf, sheet } = build(small);
    const extra = layout.summary.partnerSlots - layout.partners.length + 1;
    hf.setCellContents(
      { sheet, row: layout.ledger.firstRow + small.ledger.length, col: LEDGER_COLUMNS.partner },
      Array.from({ length: extra }, (_, i) => [`Z${String(i).padStart(2, "0")}`, excelDate(2026, 2, 1), 100]),
    );
    const side = Math.max(layout.summary.periodSlots + 3, 10);
    // Z00… sort after the partners written; the last one has no row: its payout (1% of 100) is reported.
    expect(value(layout.summary.earned.firstRow + layout.summary.partnerSlots - 1, 0)).toBe(
      `Z${String(extra - 2).padStart(2, "0")}`,
    );
    expect(value(3, side + 1) as number).toBeCloseTo(1, 9);
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
