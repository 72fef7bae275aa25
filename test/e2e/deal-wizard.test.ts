/**
 * The deal-model wizard in the workbench, in Chromium: clicked and keyed through to the end with
 * the known deal (revenue 100k / 120k / 150k at 30 / 20 / 15% by contract year), inline messages
 * that block Next and Write (a 150% rate, a term of 0 years, missing forecasts), the inputs
 * restored when the pane reopens, then the live grid (payouts 30,000 / 24,000 / 22,500, total
 * 76,500; a rate edited in the grid moving the schedule), the .xlsx download reopened with
 * ExcelJS, an axe-core scan and a screenshot of every step. The tests run in order on one page.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { cellAddress, parseRange } from "../../src/workbook/a1";
import { buildDealPlan } from "../../src/workbook/models/deal";
import { expectCleanStep, openWizard, type BrowserSession } from "./support/session";
import { cellKind, cellText, formulaBarOf, goToCell, pane, typeInCell } from "./support/workbench-page";

jest.setTimeout(120_000);

const PARTNER = "=1+1 Acme";
const REVENUE = [100_000, 120_000, 150_000];

// Where the plan puts things, from the model's own builder (the test follows the layout, not a copy of it).
const { layout } = buildDealPlan({ partnerName: PARTNER, termYears: 3, revenue: REVENUE });
const { columns, firstRow, totalsRow } = layout.schedule;
const scheduleCell = (year: number, column: number) => cellAddress({ row: firstRow + year - 1, col: column });
const totalCell = (column: number) => cellAddress({ row: totalsRow, col: column });
const rateCell = (year: number) => {
  const { start } = parseRange(layout.inputs.shareRates!);
  return cellAddress({ row: start.row + year - 1, col: start.col });
};

let session: BrowserSession;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const wizard = await openWizard("Step 1 of 5: Revenue share", { tab: "Deal model", timeoutMs: 15_000 });
  ({ session, page, errors: pageErrors } = wizard);
}, 300_000);

afterAll(() => session?.close());

function heading(text: string) {
  return pane(page).getByRole("heading", { name: text });
}

const checkStep = (name: string) => expectCleanStep(page, `deal-${name}`);

/** A text field by its label (the hint is its description, not part of its name). */
const box = (name: string) => pane(page).getByRole("textbox", { name, exact: true });
const next = () => pane(page).getByRole("button", { name: "Next" });
const sheetTabs = () => page.getByTestId("sheet-tabs").getByRole("tab").allInnerTexts();

describe("the deal wizard, clicked and keyed through in the workbench", () => {
  it("step 1 offers the typical rates and refuses a rate of 150% beside its field, blocking Next and Write", async () => {
    await expect(pane(page).getByText("typically 15–30% to the referring or supporting party").isVisible()).resolves.toBe(true);
    const year1 = box("Year 1");
    await expect(year1.inputValue()).resolves.toBe("30");
    await expect(box("Year 2").inputValue()).resolves.toBe("20");
    await expect(box("Year 3 onwards").inputValue()).resolves.toBe("15");
    await checkStep("1-share");

    // The basis by keyboard: the arrow keys move between the options, and the tiers come with the reading's example.
    await pane(page)
      .getByRole("radio", { name: /^By contract year/ })
      .focus();
    await page.keyboard.press("ArrowDown");
    await expect(pane(page).getByRole("radio", { name: "By yearly revenue tier" }).isChecked()).resolves.toBe(true);
    await expect(box("Tier 2 from yearly revenue").inputValue()).resolves.toBe("100000");
    await expect(box("Tier 2 rate").inputValue()).resolves.toBe("20");
    await checkStep("1-share-tiers");
    await pane(page).getByRole("radio", { name: "By yearly revenue tier" }).focus();
    await page.keyboard.press("ArrowUp");
    await expect(
      pane(page)
        .getByRole("radio", { name: /^By contract year/ })
        .isChecked(),
    ).resolves.toBe(true);

    await year1.fill("150");
    const message = pane(page).getByText("Year 1 rate is 150%: enter a rate from 0% to 100%");
    await expect(message.isVisible()).resolves.toBe(true);
    await expect(year1.getAttribute("aria-invalid")).resolves.toBe("true");
    await year1.press("Enter"); // Enter submits the step: blocked
    await expect(heading("Step 1 of 5: Revenue share").isVisible()).resolves.toBe(true);
    await expect(pane(page).getByText("One thing needs fixing before you go on").isVisible()).resolves.toBe(true);
    await checkStep("1-share-error");

    // Write, from the review step, goes back to the rate and writes nothing.
    await pane(page).getByRole("button", { name: "5. Review and write" }).click();
    await pane(page).getByRole("button", { name: "Write the deal model" }).click();
    await heading("Step 1 of 5: Revenue share").waitFor();
    await expect(message.isVisible()).resolves.toBe(true);
    await expect(sheetTabs()).resolves.toEqual(["Sheet1"]);

    await year1.fill("30");
    await expect(message.count()).resolves.toBe(0);
    await box("Partner").fill(PARTNER);
    await year1.press("Enter");
    await heading("Step 2 of 5: Referral, reseller, co-marketing").waitFor();
  });

  it("step 2 shows the referral, reseller and co-marketing starting points with their typical ranges", async () => {
    await expect(box("Fee rate").inputValue()).resolves.toBe("20");
    await expect(pane(page).getByText("Typical 10–30%").isVisible()).resolves.toBe(true);
    await pane(page)
      .getByRole("checkbox", { name: /The partner also resells/ })
      .check();
    await expect(box("Discount off list").inputValue()).resolves.toBe("35");
    // A field not filled in yet is not flagged before the user tries to go on.
    await expect(box("List price per unit").getAttribute("aria-invalid")).resolves.not.toBe("true");
    await expect(pane(page).getByText("Typical 20–40%").isVisible()).resolves.toBe(true);
    await pane(page).getByRole("button", { name: "60/40" }).click();
    await expect(box("Our share").inputValue()).resolves.toBe("60");
    await expect(pane(page).getByRole("button", { name: "60/40" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await checkStep("2-fees");
    // Back to the known deal: no reseller, 50/50.
    await pane(page).getByRole("button", { name: "50/50" }).click();
    await pane(page)
      .getByRole("checkbox", { name: /The partner also resells/ })
      .uncheck();
    await next().click();
    await heading("Step 3 of 5: Term and forecast").waitFor();
  });

  it("step 3 asks for one forecast per term year, refuses a term of 0 years and keeps what was typed", async () => {
    const term = box("Term modelled (years)");
    await expect(term.inputValue()).resolves.toBe("3");
    await expect(
      pane(page)
        .getByRole("textbox", { name: /^Year \d revenue$/ })
        .count(),
    ).resolves.toBe(3);
    // Next with the forecasts still blank: each field says so, the step stays.
    await next().click();
    await expect(pane(page).getByText("Enter the year 2 revenue forecast (0 if none)").isVisible()).resolves.toBe(true);
    await expect(heading("Step 3 of 5: Term and forecast").isVisible()).resolves.toBe(true);
    await checkStep("3-forecast-missing");

    // Keyboard: the first invalid field has focus after the blocked Next.
    await expect(box("Year 1 revenue").evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    for (const [i, revenue] of REVENUE.entries()) {
      await box(`Year ${i + 1} revenue`).focus();
      await page.keyboard.type(i === 1 ? "120,000" : String(revenue));
    }
    await term.fill("0");
    await expect(
      pane(page).getByText("The term is 0 years: enter a whole number of years from 1 to 50").isVisible(),
    ).resolves.toBe(true);
    await expect(
      pane(page)
        .getByRole("textbox", { name: /^Year \d revenue$/ })
        .count(),
    ).resolves.toBe(0);
    await checkStep("3-forecast-term-0");
    await term.fill("3");
    await expect(box("Year 2 revenue").inputValue()).resolves.toBe("120,000");
    await checkStep("3-forecast");
    await next().click();
    await heading("Step 4 of 5: Contract terms").waitFor();
  });

  it("step 4 offers the contract terms' typical values, and reopening the pane restores every input", async () => {
    await expect(box("Liability floor").inputValue()).resolves.toBe("500000");
    await expect(box("Indemnity multiple").inputValue()).resolves.toBe("1.5");
    await expect(pane(page).getByText("× annual partnership value; typical 1–2×").isVisible()).resolves.toBe(true);
    await expect(pane(page).getByText("Typical 1–3 years").isVisible()).resolves.toBe(true);
    await expect(pane(page).getByText("Typical 30–90 days").isVisible()).resolves.toBe(true);
    await checkStep("4-terms");

    await page.waitForTimeout(900); // the pane saves its inputs 400 ms after the last change
    await page.getByRole("button", { name: "Reopen the pane" }).click();
    await pane(page).getByRole("tab", { name: "Deal model" }).click();
    await heading("Step 4 of 5: Contract terms").waitFor();
    await pane(page).getByRole("button", { name: "3. Term and forecast" }).click();
    await expect(box("Year 3 revenue").inputValue()).resolves.toBe("150000");
    await pane(page).getByRole("button", { name: "1. Revenue share" }).click();
    await expect(box("Partner").inputValue()).resolves.toBe(PARTNER);
    await pane(page).getByRole("button", { name: "5. Review and write" }).click();
    await heading("Step 5 of 5: Review and write").waitFor();
  });

  it("step 5 previews the payouts, writes the model and the summary goes to the new sheet", async () => {
    const preview = await pane(page).getByTestId("payout-preview").innerText();
    expect(preview).toContain("Year 1: $30,000");
    expect(preview).toContain("Year 2: $24,000");
    expect(preview).toContain("Year 3: $22,500");
    expect(preview).toContain("Total $76,500");
    await checkStep("5-review");
    await pane(page).getByRole("button", { name: "Write the deal model" }).click();
    await pane(page).getByTestId("write-summary").waitFor();
    const summary = await pane(page).getByTestId("write-summary").innerText();
    expect(summary).toContain("New sheet “Deal model”");
    expect(summary).toContain("Partner payout by year: $30,000 / $24,000 / $22,500; $76,500 in total");
    expect(summary).toContain("Deal_ShareRates");
    await checkStep("6-summary");
    await page.getByTestId("sheet-tabs").getByRole("tab", { name: "Sheet1" }).click();
    await pane(page).getByRole("button", { name: "Go to sheet “Deal model”" }).click();
    await expect(page.getByTestId("sheet-grid").getAttribute("data-sheet")).resolves.toBe("Deal model");
  });
});

describe("the deal model in the workbench's grid", () => {
  it("shows the known deal's payouts and total, from PE formulas over the named assumptions", async () => {
    const payouts = ["$30,000", "$24,000", "$22,500"];
    for (const [i, payout] of payouts.entries()) {
      await expect(cellText(page, scheduleCell(i + 1, columns.payout))).resolves.toBe(payout);
      await expect(cellText(page, scheduleCell(i + 1, columns.revenue))).resolves.toBe(`$${REVENUE[i].toLocaleString("en-US")}`);
    }
    await expect(cellText(page, totalCell(columns.payout))).resolves.toBe("$76,500");
    await expect(formulaBarOf(page, scheduleCell(2, columns.payout))).resolves.toMatch(
      /^=INDEX\(PE\.REVSHARE_TIERED\(\$B\$\d+:B\d+,Deal_ShareStarts,Deal_ShareRates,Deal_ShareMethod\),A\d+\)$/,
    );
    await expect(formulaBarOf(page, scheduleCell(1, columns.referral))).resolves.toContain("PE.REFERRAL_FEE(");
    await expect(cellText(page, scheduleCell(1, columns.referral))).resolves.toBe("$20,000");
    await expect(formulaBarOf(page, layout.caps.liabilityCap)).resolves.toMatch(/^=PE\.LIABILITY_CAP\(/);
    await expect(cellText(page, layout.caps.liabilityCap)).resolves.toBe("$500,000");
    await expect(cellText(page, "A1")).resolves.toBe(`Deal model: ${PARTNER}`);
    await expect(cellKind(page, "A1")).resolves.toBe("text");
    await goToCell(page, "A1");
    await checkStep("7-grid");
  });

  it("moves the schedule when a rate cell is edited in the grid", async () => {
    await expect(cellText(page, rateCell(2))).resolves.toBe("20.0%");
    await typeInCell(page, rateCell(2), "25%");
    await expect(cellText(page, rateCell(2))).resolves.toBe("25.0%");
    await expect(cellText(page, scheduleCell(2, columns.payout))).resolves.toBe("$30,000");
    await expect(cellText(page, totalCell(columns.payout))).resolves.toBe("$82,500");
    await expect(cellText(page, scheduleCell(3, columns.payout))).resolves.toBe("$22,500");
    await goToCell(page, rateCell(2));
    await checkStep("8-grid-rate-edited");
  });

  it("downloads the workbook as .xlsx that ExcelJS reopens with the same values and formulas", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet("Deal model");
    expect(sheet).toBeDefined();
    const value = (a1: string) => sheet!.getCell(a1).value;
    const result = (a1: string) => (value(a1) as ExcelJS.CellFormulaValue).result;
    expect([1, 2, 3].map((year) => result(scheduleCell(year, columns.payout)))).toEqual([30_000, 30_000, 22_500]);
    expect(result(totalCell(columns.payout))).toBe(82_500);
    expect((value(scheduleCell(1, columns.payout)) as ExcelJS.CellFormulaValue).formula).toMatch(/_xldudf_PE_REVSHARE_TIERED\(/);
    expect(value(rateCell(2))).toBe(0.25);
    expect([1, 2, 3].map((year) => value(scheduleCell(year, columns.revenue)))).toEqual(REVENUE);
    expect(value("A1")).toBe(`Deal model: ${PARTNER}`);
    expect(result(layout.caps.liabilityCap)).toBe(500_000);
    expect(workbook.definedNames.getRanges("Deal_ShareRates").ranges).toEqual([
      `'Deal model'!${layout.inputs.shareRates!.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`,
    ]);
    expect(pageErrors).toEqual([]);
  });
});
