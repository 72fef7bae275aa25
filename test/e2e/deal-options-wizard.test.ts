/**
 * The deal-options wizard in the workbench, in Chromium: three options keyed in (a revenue share
 * by year, a flat fee, a hybrid of flat fee and co-marketing split), then the grid: both sides'
 * NPVs and paybacks against an independent computation (Excel's NPV evaluated by the engine in
 * Node, the core payback), the verdicts, and the verdicts moving when the revenue forecast is
 * edited in the grid; axe-clean at every step. The tests run in order on one page.
 */
import type { Page } from "playwright-core";
import { payback } from "../../src/core/payback";
import { createEngine } from "../../src/engine";
import { cellAddress, parseCell } from "../../src/workbook/a1";
import { buildDealOptionsPlan } from "../../src/workbook/models/deal-options";
import { expectCleanStep, openWizard, type BrowserSession } from "./support/session";
import { cellText, pane, typeInCell } from "./support/workbench-page";

jest.setTimeout(180_000);

// What the wizard below types, as the model's input: the test follows the model's layout, not a copy of it.
const { layout } = buildDealOptionsPlan({
  termYears: 3,
  revenue: [400_000, 600_000, 800_000],
  ourInvestment: 100_000,
  ourCosts: { engineering: 60_000, support: 30_000, coMarketing: 20_000 },
  partner: { investment: 80_000, yearlyCosts: 50_000, ownRevenue: 40_000 },
  options: [
    { name: "Rev share", revenueShare: { basis: "byYear", rates: [0.3, 0.2, 0.15] } },
    { name: "Flat fee", flatFee: 110_000 },
    { name: "Hybrid", flatFee: 40_000, coMarketing: { budget: 40_000, ourShare: 0.6 } },
  ],
  positions: { idealNpv: 800_000, acceptableNpv: 700_000, walkAwayNpv: 500_000, partnerBatnaNpv: 150_000 },
});

// Worked by hand (our costs 110k a year): A pays 120k a year, B 110k, C 40k plus co-marketing 24k ours / 16k the partner's.
const OURS = [
  [-100_000, 170_000, 370_000, 570_000],
  [-100_000, 180_000, 380_000, 580_000],
  [-100_000, 226_000, 426_000, 626_000],
];
const PARTNERS = [
  [-80_000, 110_000, 110_000, 110_000],
  [-80_000, 100_000, 100_000, 100_000],
  [-80_000, 14_000, 14_000, 14_000],
];

/** Excel's NPV, evaluated by the engine on its own; the year 0 flow is added outside it. */
function excelNpv(flows: number[]): number {
  const hf = createEngine();
  const sheet = hf.getSheetId(hf.addSheet("Check"))!;
  hf.setCellContents({ sheet, row: 0, col: 0 }, [[`=${flows[0]}+NPV(0.1,${flows.slice(1).join(",")})`]]);
  return hf.getCellValue({ sheet, row: 0, col: 0 }) as number;
}
const moneyText = (value: number) => `${value < 0 ? "-" : ""}$${Math.round(Math.abs(value)).toLocaleString("en-US")}`;
const yearsText = (value: number) => String(Math.round(value * 100) / 100);
/** PE.PAYBACK's #N/A (never paid back) shows as the sheet's words. */
const paybackText = (flows: number[]) => {
  try {
    return yearsText(payback(flows));
  } catch {
    return "not within the term";
  }
};

let session: BrowserSession;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const wizard = await openWizard("Step 1 of 4: Shared assumptions", { tab: "Deal options", timeoutMs: 15_000 });
  ({ session, page, errors: pageErrors } = wizard);
}, 300_000);

afterAll(() => session?.close());

const heading = (text: string) => pane(page).getByRole("heading", { name: text });
const box = (name: string) => pane(page).getByRole("textbox", { name, exact: true });
const optionBox = (option: string, name: string) =>
  pane(page).getByRole("group", { name: option }).getByRole("textbox", { name, exact: true });
const next = () => pane(page).getByRole("button", { name: "Next" });
const checkStep = (name: string) => expectCleanStep(page, `deal-options-${name}`);

describe("the deal-options wizard, keyed through in the workbench", () => {
  it("step 1 takes the shared assumptions and flags a forecast that is not a number", async () => {
    await box("Year 1 revenue").fill("lots");
    await expect(
      pane(page).getByText('"lots" is not a number: enter the year 1 revenue forecast (0 if none)').isVisible(),
    ).resolves.toBe(true);
    await box("Year 1 revenue").fill("400000");
    await box("Year 2 revenue").fill("600000");
    await box("Year 3 revenue").fill("800000");
    await box("Our investment before year 1").fill("100000");
    await box("Engineering per year").fill("60000");
    await box("Support per year").fill("30000");
    await box("Co-marketing per year").fill("20000");
    await box("Partner's investment before year 1").fill("80000");
    await box("Partner's costs per year").fill("50000");
    await box("Partner's own revenue per year").fill("40000");
    await expect(box("Discount rate").inputValue()).resolves.toBe("10");
    await checkStep("1-shared");
    await next().click();
    await heading("Step 2 of 4: Options").waitFor();
  });

  it("step 2 takes three options: a revenue share, a flat fee and a hybrid", async () => {
    await expect(optionBox("Option A", "Revenue share by contract year (%)").inputValue()).resolves.toBe("30, 20, 15");
    await optionBox("Option A", "Option A name").fill("Rev share");
    await optionBox("Option B", "Flat fee per year").fill("110000");
    await pane(page).getByRole("button", { name: "Add an option" }).click();
    await optionBox("Option C", "Option C name").fill("Hybrid");
    await optionBox("Option C", "Flat fee per year").fill("40000");
    await optionBox("Option C", "Joint co-marketing budget per year").fill("40000");
    await optionBox("Option C", "Our share").fill("60");
    await checkStep("2-options");
    await next().click();
    await heading("Step 3 of 4: Positions and BATNA").waitFor();
  });

  it("step 3 takes our positions and the partner's BATNA; the review writes the comparison", async () => {
    await box("Our ideal NPV").fill("800000");
    await box("Our acceptable NPV").fill("700000");
    await box("Our walk-away NPV").fill("500000");
    await box("Partner's BATNA (NPV it must beat)").fill("150000");
    await checkStep("3-positions");
    await next().click();
    await heading("Step 4 of 4: Review and write").waitFor();
    await checkStep("4-review");
    await pane(page).getByRole("button", { name: "Write the comparison" }).click();
    await pane(page).getByTestId("write-summary").waitFor();
    await checkStep("5-summary");
    await expect(page.getByTestId("sheet-grid").getAttribute("data-sheet")).resolves.toBe("Deal options");
  });
});

describe("the comparison in the workbench's grid", () => {
  it("shows both NPVs and paybacks as the independent computation gives them, and the verdicts", async () => {
    const s = layout.summary;
    for (let i = 0; i < 3; i++) {
      await expect(cellText(page, s.ourNpv[i])).resolves.toBe(moneyText(excelNpv(OURS[i])));
      await expect(cellText(page, s.partnerNpv[i])).resolves.toBe(moneyText(excelNpv(PARTNERS[i])));
      await expect(cellText(page, s.ourPayback[i])).resolves.toBe(paybackText(OURS[i]));
      await expect(cellText(page, s.partnerPayback[i])).resolves.toBe(paybackText(PARTNERS[i]));
    }
    // A 788,580 acceptable, B 813,449 ideal, C 1,091,082 ideal; the partner: 193,554 and 168,685 beat 150k, C −45,184 does not.
    await expect(cellText(page, s.verdict[0])).resolves.toBe("Balanced: acceptable for us; the partner's NPV beats its BATNA");
    await expect(cellText(page, s.verdict[1])).resolves.toBe("Balanced: ideal for us; the partner's NPV beats its BATNA");
    await expect(cellText(page, s.verdict[2])).resolves.toBe(
      "Not balanced: ideal for us; the partner's NPV does not beat its BATNA",
    );
    await checkStep("6-grid");
  });

  it("a lower revenue forecast typed in the grid changes the verdicts", async () => {
    const first = parseCell(layout.inputs.revenue!.split(":")[0]);
    for (const [t, value] of [250_000, 350_000, 450_000].entries())
      await typeInCell(page, cellAddress({ row: first.row + t, col: first.col }), String(value));
    // Our nets fall by 150k, 250k, 350k a year: A −20k/10k/100k… all below walk-away now.
    const lower = OURS[1].map((v, t) => v - [0, 150_000, 250_000, 350_000][t]);
    await expect(cellText(page, layout.summary.ourNpv[1])).resolves.toBe(moneyText(excelNpv(lower)));
    for (let i = 0; i < 3; i++)
      await expect(cellText(page, layout.summary.verdict[i])).resolves.toMatch(/^Not balanced: below walk-away for us/);
    await checkStep("7-grid-revenue-edited");
    expect(pageErrors).toEqual([]);
  });
});
