/**
 * The payout wizard in the workbench, in Chromium: a 1,000-transaction ledger pasted as CSV, its
 * columns confirmed, a text date refused on its line, the plan (floor and cap) typed, the book
 * written; then the live grid checked against core (payouts against payoutLedger, the summary and
 * one statement against payoutSchedule), a transaction typed under the ledger moving its payout
 * and the summary, and an axe-core scan of every step. The tests run in order on one page.
 */
import type { Page } from "playwright-core";
import { isoDate, excelDate } from "../../src/core/date-serials";
import { payoutLedger } from "../../src/core/payout-ledger";
import { payoutSchedule } from "../../src/core/payout-schedule";
import { periodKey } from "../../src/core/period";
import { cellAt } from "../../src/workbook/models/shared/sheet-builder";
import { buildPayoutsPlan } from "../../src/workbook/models/payouts";
import type { Transaction } from "../../src/workbook/models/payouts/input";
import { LEDGER_COLUMNS } from "../../src/workbook/models/payouts/layout";
import { sampleLedger } from "../workbook/payouts-ledger-fixture";
import { expectCleanStep, openWizard, type BrowserSession } from "./support/session";
import { cellText, pane, typeInCell } from "./support/workbench-page";

jest.setTimeout(180_000);

const LEDGER = sampleLedger(1_000, 7, 3);
const TIERS = [
  { from: 0, rate: 0.01 },
  { from: 1_000, rate: 0.02 },
  { from: 3_000, rate: 0.03 },
];
const TERMS = { floor: 20, cap: 250 };
const CSV = [
  "Partner,Date,Amount,Customer,Description",
  ...LEDGER.map((t) => [t.partner, isoDate(t.date), t.amount, t.customer, t.description].join(",")),
].join("\n");

// Where the plan puts things, from the model's own builder; the expected figures from core.
const { layout } = buildPayoutsPlan({ ledger: LEDGER, tiers: TIERS, ...TERMS });
function expected(ledger: Transaction[]) {
  const keys = ledger.map((t) => periodKey(t.date));
  const payouts = payoutLedger(
    ledger.map((t) => t.amount),
    ledger.map((t) => t.partner),
    TIERS.map((t) => t.from),
    TIERS.map((t) => t.rate),
    keys,
  );
  const earnedOf = (partner: string) =>
    layout.periods.map((p) => ledger.reduce((s, t, i) => (t.partner === partner && keys[i] === p ? s + payouts[i] : s), 0));
  return { payouts, earnedOf, scheduleOf: (partner: string) => payoutSchedule(earnedOf(partner), TERMS) };
}
/** A cell showing an amount with two decimals: within half a cent of core's figure (the grid and JavaScript may round a half cent differently). */
async function expectAmount(address: string, value: number): Promise<void> {
  const shown = await cellText(page, address);
  const parsed = Number(shown.replace(/[$,]/g, ""));
  expect({ address, shown, off: Math.abs(parsed - value) <= 0.0051 }).toEqual({ address, shown, off: true });
}

let session: BrowserSession;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const wizard = await openWizard("Step 1 of 3: Ledger and columns", { tab: "Payouts", timeoutMs: 30_000 });
  ({ session, page, errors: pageErrors } = wizard);
}, 300_000);

afterAll(() => session?.close());

function heading(text: string) {
  return pane(page).getByRole("heading", { name: text });
}
const checkStep = (name: string) => expectCleanStep(page, `payouts-${name}`);
const box = (name: string) => pane(page).getByRole("textbox", { name, exact: true });
const next = () => pane(page).getByRole("button", { name: "Next" });

describe("the payout wizard, from a pasted 1,000-row ledger", () => {
  it("reads the pasted ledger, guesses its columns and names a date that holds text by its line", async () => {
    const ledgerBox = pane(page).getByRole("textbox", { name: /^Ledger: partner, date, amount/ });
    const bad = CSV.split("\n");
    bad[5] = "Partner A,next week,100,,";
    await ledgerBox.fill(bad.join("\n"));
    await expect(pane(page).getByText('line 6, column "Date": "next week" is not a date').isVisible()).resolves.toBe(true);
    await expect(
      pane(page)
        .getByRole("combobox", { name: /^Amount column/ })
        .inputValue(),
    ).resolves.toBe("2");
    await checkStep("1-ledger-error");
    await ledgerBox.fill(CSV);
    await expect(pane(page).getByTestId("ledger-preview").innerText()).resolves.toContain("1,000 transactions of 7 partners");
    await next().click();
    await expect(pane(page).getByText("Check the columns, then confirm them").isVisible()).resolves.toBe(true);
    await pane(page).getByRole("checkbox", { name: "These columns are right" }).check();
    await checkStep("1-ledger");
    await next().click();
    await heading("Step 2 of 3: Tiers, periods, floor and cap").waitFor();
  });

  it("takes the plan, refusing a rate above 100% and starts that do not go up", async () => {
    await expect(box("Tier 2 rate").inputValue()).resolves.toBe("2");
    await box("Tier 2 rate").fill("150");
    await expect(pane(page).getByText("Tier 2's rate is 150%: enter a rate from 0% to 100%").isVisible()).resolves.toBe(true);
    await box("Tier 2 rate").fill("2");
    await box("Tier 3 from").fill("500");
    await expect(
      pane(page).getByText("Tier 3 starts at 500, not above tier 2's 1000: starts must go up").isVisible(),
    ).resolves.toBe(true);
    await checkStep("2-plan-error");
    await box("Tier 3 from").fill("3000");
    await box("Floor").fill(String(TERMS.floor));
    await box("Cap").fill(String(TERMS.cap));
    await checkStep("2-plan");
    await next().click();
    await heading("Step 3 of 3: Review and write").waitFor();
  });

  it("writes the payout book", async () => {
    await checkStep("3-review");
    await pane(page).getByRole("button", { name: "Write the payout book" }).click();
    await pane(page).getByTestId("write-summary").waitFor({ timeout: 120_000 });
    await expect(pane(page).getByTestId("write-summary").innerText()).resolves.toContain("1,000 transactions");
    await checkStep("4-summary");
    await expect(page.getByTestId("sheet-grid").getAttribute("data-sheet")).resolves.toBe("Payouts");
  });
});

describe("the payout book in the workbench's grid", () => {
  const { payouts, scheduleOf, earnedOf } = expected(LEDGER);

  it("shows each transaction's payout as core's payoutLedger computes it", async () => {
    for (const i of [0, 1, 2, 137, 500, 998, 999]) {
      await expectAmount(cellAt(layout.ledger.firstRow + i, LEDGER_COLUMNS.payout), payouts[i]);
      await expect(cellText(page, cellAt(layout.ledger.firstRow + i, LEDGER_COLUMNS.period))).resolves.toBe(
        periodKey(LEDGER[i].date),
      );
    }
  });

  it("shows the summary's earned, paid and balance as core's payoutSchedule computes them", async () => {
    for (const p of [0, 4]) {
      const partner = layout.partners[p];
      const run = scheduleOf(partner);
      const earned = earnedOf(partner);
      for (const k of [0, 5, 9]) {
        await expectAmount(cellAt(layout.summary.earned.firstRow + p, 1 + k), earned[k]);
        await expectAmount(cellAt(layout.summary.paid.firstRow + p, 1 + k), run.paid[k]);
        await expectAmount(cellAt(layout.summary.balance.firstRow + p, 1 + k), run.balance[k]);
      }
    }
  });

  it("shows one partner's statement: its periods and its transactions", async () => {
    const partner = layout.partners[2];
    await typeInCell(page, layout.statement.partnerCell, partner);
    const run = scheduleOf(partner);
    const last = layout.periods.length - 1;
    for (const k of [0, 3, last]) {
      await expectAmount(cellAt(layout.statement.firstPeriodRow + k, 2), run.paid[k]);
      await expectAmount(cellAt(layout.statement.firstPeriodRow + k, 3), run.balance[k]);
    }
    // The spare period slots after the ledger's last period stay blank.
    await expect(cellText(page, cellAt(layout.statement.firstPeriodRow + last + 1, 0))).resolves.toBe("");
    await expect(cellText(page, cellAt(layout.statement.firstPeriodRow + last + 1, 2))).resolves.toBe("");
    const own = LEDGER.map((t, i) => ({ t, i })).filter(({ t }) => t.partner === partner);
    for (const k of [0, 1, own.length - 1]) {
      await expectAmount(cellAt(layout.statement.firstLineRow + k, 6), payouts[own[k].i]);
      await expect(cellText(page, cellAt(layout.statement.firstLineRow + k, 1))).resolves.toBe(isoDate(own[k].t.date));
    }
    await expect(cellText(page, cellAt(layout.statement.firstLineRow + own.length, 1))).resolves.toBe("");
    await checkStep("5-statement");
  });

  it("updates the payout, the summary and the statement when a transaction is typed under the ledger", async () => {
    const partner = layout.partners[2];
    const row = layout.ledger.firstRow + LEDGER.length;
    const date = excelDate(2026, 10, 20);
    await typeInCell(page, cellAt(row, LEDGER_COLUMNS.partner), partner);
    await typeInCell(page, cellAt(row, LEDGER_COLUMNS.date), String(date));
    await typeInCell(page, cellAt(row, LEDGER_COLUMNS.amount), "4000");
    const added = [...LEDGER, { partner, date, amount: 4_000, customer: "", description: "" }];
    const after = expected(added);
    await expectAmount(cellAt(row, LEDGER_COLUMNS.payout), after.payouts[LEDGER.length]);
    const k = layout.periods.indexOf("2026-10");
    await expectAmount(cellAt(layout.summary.earned.firstRow + 2, 1 + k), after.earnedOf(partner)[k]);
    await expectAmount(cellAt(layout.summary.paid.firstRow + 2, 1 + k), after.scheduleOf(partner).paid[k]);
    const own = added.filter((t) => t.partner === partner).length;
    await expect(cellText(page, cellAt(layout.statement.firstLineRow + own - 1, 4))).resolves.toBe("$4,000.00");
    expect(pageErrors).toEqual([]);
  });
});
