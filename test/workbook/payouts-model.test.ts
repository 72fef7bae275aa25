import { excelDate } from "../../src/core/date-serials";
import { buildPayoutsPlan, PayoutsInputError, restorePayoutPlan } from "../../src/workbook/models/payouts";
import { validatePayoutsInput } from "../../src/workbook/models/payouts/input";
import { guessMapping, readLedgerRows } from "../../src/workbook/models/payouts/ledger-records";
import { summaryPeriods } from "../../src/workbook/models/payouts/periods";
import { serializePayoutsInput } from "../../src/workbook/models/payouts/saved";
import { sampleLedger } from "./payouts-ledger-fixture";

const ledger = sampleLedger(30, 3);

function cellsOf(plan: ReturnType<typeof buildPayoutsPlan>["plan"]) {
  return plan.sheets[0].blocks.flatMap((b) => b.cells.flat());
}

describe("the payout book's plan", () => {
  test("names every plan input and ledger column, with a table over the transactions and array formulas beside it", () => {
    const { plan, layout } = buildPayoutsPlan({ ledger });
    expect(plan.description).toBe("payout book");
    expect(plan.names.map((n) => n.name)).toEqual(
      expect.arrayContaining([
        "Pay_Method",
        "Pay_Frequency",
        "Pay_FiscalYearStart",
        "Pay_Floor",
        "Pay_Recover",
        "Pay_Cap",
        "Pay_Carry",
        "Pay_Currency",
        "Pay_TierStarts",
        "Pay_Rates",
        "Pay_Payouts",
        "Pay_StatementPartner",
      ]),
    );
    const sheet = plan.sheets[0];
    expect(sheet.tables).toEqual([
      expect.objectContaining({ name: "PayoutLedger", columns: ["Partner", "Date", "Amount", "Customer", "Description"] }),
    ]);
    const first = layout.ledger.firstRow + 1;
    const last = layout.ledger.firstRow + layout.ledger.coveredRows;
    const earned = layout.summary.earned.firstRow + 1;
    const lastPeriod = String.fromCharCode(65 + layout.periods.length);
    expect(sheet.arrayFormulas).toEqual([`B${earned}:${lastPeriod}${earned + 2}`, `F${first}:F${last}`, `G${first}:G${last}`]);
    expect(layout.ledger.coveredRows).toBe(30 + 1_000);
    expect(sheet.validations).toContainEqual(
      expect.objectContaining({ range: layout.statement.partnerCell, rule: { kind: "listFrom", source: "=Pay_PartnerList" } }),
    );
    expect(sheet.charts?.[0]).toMatchObject({ type: "columnClustered", title: "Paid by period" });
    expect(layout.partners).toEqual(["Partner A", "Partner B", "Partner C"]);
  });

  test("the earned block is one PE.PAYOUT_TOTALS over the ledger, no SUMIFS per cell (linear in the ledger's rows)", () => {
    const { plan, layout } = buildPayoutsPlan({ ledger });
    const formulas = cellsOf(plan).flatMap((c) => (c.kind === "formula" ? [c.formula] : []));
    expect(formulas.filter((f) => /SUMIFS|COUNTIFS/.test(f))).toEqual([]);
    const totals = formulas.filter((f) => f.includes("PE.PAYOUT_TOTALS"));
    const header = layout.summary.earned.headerRow + 1;
    const lastPeriod = String.fromCharCode(65 + layout.periods.length);
    const partners = `$A$${layout.summary.earned.firstRow + 1}:$A$${layout.summary.earned.firstRow + 3}`;
    expect(totals).toEqual([
      `=PE.PAYOUT_TOTALS(Pay_Payouts,Pay_Partners,Pay_Periods,${partners},$B$${header}:$${lastPeriod}$${header})`,
    ]);
  });

  test("a blank cap is passed to PE.PAYOUT_SCHEDULE as no cap, never as 0", () => {
    const { plan } = buildPayoutsPlan({ ledger });
    const schedule = cellsOf(plan).find((c) => c.kind === "formula" && c.formula.includes("PE.PAYOUT_SCHEDULE"));
    expect(schedule).toMatchObject({ formula: expect.stringContaining('IF(ISBLANK(Pay_Cap),"",Pay_Cap)') });
  });

  test("typed text stays text: a customer that looks like a formula is written as text", () => {
    const { plan } = buildPayoutsPlan({ ledger: [{ ...ledger[0], customer: "=HYPERLINK(1)", description: "+1" }] });
    const cells = cellsOf(plan);
    expect(cells).toContainEqual({ kind: "text", text: "=HYPERLINK(1)" });
    expect(cells).toContainEqual({ kind: "text", text: "+1" });
  });

  test("a second book in the workbook gets its own sheet, names and table", () => {
    const { plan, layout } = buildPayoutsPlan({ ledger }, ["Payouts"], ["Pay_Method", "PayoutLedger"]);
    expect(layout.sheet).toBe("Payouts (2)");
    expect(plan.names[0].name).toMatch(/^Pay2_/);
    expect(layout.tableName).toBe("PayoutLedger2");
  });

  test("the summary's periods run from the first transaction to the end of the last one's fiscal year", () => {
    const dates = [excelDate(2026, 3, 15), excelDate(2026, 5, 2)];
    expect(summaryPeriods(dates, "quarter", 4)).toEqual(["FY2026-Q4", "FY2027-Q1", "FY2027-Q2", "FY2027-Q3", "FY2027-Q4"]);
    expect(summaryPeriods(dates, "month", 1)).toHaveLength(10);
    expect(summaryPeriods(dates, "year", 1)).toEqual(["2026"]);
  });

  test("the saved input is the one format, without the ledger, and restores the plan", () => {
    const json = serializePayoutsInput({ ledger, floor: 100, cap: null });
    const saved = JSON.parse(json);
    expect(saved).toMatchObject({ wizard: "payouts", version: 1, floor: 100, cap: null, transactionCount: 30 });
    expect(saved.ledger).toBeUndefined();
    expect(restorePayoutPlan(json)).toMatchObject({ floor: 100, method: "marginal" });
    expect(restorePayoutPlan('{"wizard":"deal"}')).toBeNull();
  });
});

describe("the payout book's validation names the field and the row", () => {
  const errorsOf = (draft: unknown) => {
    const checked = validatePayoutsInput(draft);
    return checked.ok ? [] : checked.errors;
  };

  test("a rate above 1 and starts not ascending", () => {
    const errors = errorsOf({
      tiers: [
        { from: 0, rate: 0.1 },
        { from: 0, rate: 30 },
      ],
    });
    expect(errors).toEqual([
      { path: "tiers.1.rate", message: "Tier 2's rate is 3000%: enter a rate from 0% to 100% (write 30% as 0.3)" },
      { path: "tiers.1.from", message: "Tier 2 starts at 0, not above tier 1's 0: starts must go up" },
    ]);
  });

  test("a floor above the cap, a fiscal year starting in month 13", () => {
    expect(errorsOf({ floor: 500, cap: 100, fiscalYearStart: 13 }).map((e) => e.path)).toEqual(["fiscalYearStart", "cap"]);
  });

  test("building refuses a bad input with every problem listed", () => {
    expect(() => buildPayoutsPlan({ ledger: [{ ...ledger[0], partner: "" }] })).toThrow(PayoutsInputError);
    expect(() => buildPayoutsPlan({ ledger: [{ ...ledger[0], partner: "" }] })).toThrow(
      /ledger\.0\.partner: row 1 has no partner/,
    );
  });

  test("reading a ledger: headers guessed, a date that holds text and an amount that is not a number name their rows", () => {
    const header = ["Reseller", "Booked on", "Net amount", "Client", "Memo"];
    const mapping = guessMapping(header);
    expect(mapping).toEqual({ partner: 0, date: 1, amount: 2, customer: 3, description: 4 });
    const read = readLedgerRows(
      [
        { cells: ["Contoso", "2026-03-15", "1,200.50", "A", ""], label: "row 2" },
        { cells: ["Contoso", "soon", "12", "", ""], label: "row 3" },
        { cells: ["Fabrikam", 46100, "abc", "", ""], label: "row 4" },
        { cells: ["Fabrikam", 46100, "(40)", "", ""], label: "row 5" },
        { cells: ["", "", "", "", ""], label: "row 6" },
      ],
      header,
      mapping,
    );
    expect(read.problems.map((p) => p.message)).toEqual([
      'row 3, column "Booked on": "soon" is not a date (use 2026-03-15 or an Excel date)',
      'row 4, column "Net amount": "abc" is not a number',
    ]);
    expect(read.transactions.map((t) => t.amount)).toEqual([1200.5, 12, 0, -40]);
    expect(read.transactions[0].date).toBe(excelDate(2026, 3, 15));
  });

  test("a mapping without the amount column, or two fields on one column, is refused", () => {
    const read = readLedgerRows([], ["Partner", "Date"], { partner: 0, date: 0 });
    expect(read.problems.map((p) => p.message)).toEqual([
      "say which column holds the amount",
      'the partner and the date are both mapped to column "Partner"',
    ]);
  });
});
