/**
 * The qualification wizard in the workbench, in Chromium: clicked and keyed through to the end,
 * then the live grid (computed scores, tiers, ranks; edits recalculating), the .xlsx download
 * reopened with ExcelJS, an axe-core scan and a screenshot of every step, and partner names that
 * look like formulas landing as text. The tests of this file run in order on one page.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { partnerScore } from "../../src/core/scoring";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import { cellAddress } from "../../src/workbook/a1";
import { screenshot } from "./support/browser";
import { expectCleanStep, openWizard, type BrowserSession } from "./support/session";
import {
  cellKind,
  cellText,
  formulaBarOf,
  goToCell,
  pane,
  pasteInCell,
  typeInCell,
  typeInFormulaBar,
} from "./support/workbench-page";

jest.setTimeout(120_000);

const CRITERIA = ["Strategic fit", "Market reach", "Capabilities", "Financial health", "Track record"];
const PARTNERS: { name: string; ratings: (number | null)[] }[] = [
  { name: "Acme", ratings: [5, 5, 5, 5, 5] },
  { name: "Globex", ratings: [4, 5, 3, 4, 5] },
  { name: "Initech", ratings: [3, 3, 3, 3, 3] },
  { name: "=1+1", ratings: [1, 1, 1, 1, 1] },
  { name: "+SUM(A1)", ratings: [2, 2, 2, 2, 2] },
  { name: "-2", ratings: [null, 4, 4, 4, 4] },
  { name: "@x", ratings: [4, 4, 4, 4, 4] },
];
const PASTED = [
  ["Partner", ...CRITERIA],
  ...PARTNERS.map((p) => [p.name, ...p.ratings.map((r) => (r === null ? "" : String(r)))]),
]
  .map((row) => row.join("\t"))
  .join("\n");
const WATCH_LABEL = "Tier 3 (watch)";
const TIERS = [
  { threshold: 85, label: "Tier 1" },
  { threshold: 70, label: "Tier 2" },
  { threshold: 50, label: WATCH_LABEL },
];

// Where the plans put things, from the plans' own builder (so the test follows the layout, not a copy of it).
const { layout } = buildQualificationPlan({
  partners: PARTNERS.map((p) => p.name),
  ratings: PARTNERS.map((p) => p.ratings),
  tiers: TIERS,
});
const address = (partner: number, column: number) => cellAddress({ row: layout.firstDataRow + partner, col: column });
const weightCell = (criterion: number) => cellAddress({ row: 3, col: 1 + criterion });

/** A partner's score is over the criteria rated so far (a missing rating is not a 0), its tier provisional until all are. */
function expectedRows(weights: number[], ratings: (number | null)[][]) {
  const scores = ratings.map((r) =>
    partnerScore(
      r.map((x) => x ?? 0),
      weights.map((w, i) => (r[i] === null ? 0 : w)),
      5,
    ),
  );
  return scores.map((score, p) => ({
    score,
    tier:
      (score >= 85 ? "Tier 1" : score >= 70 ? "Tier 2" : score >= 50 ? WATCH_LABEL : "Not qualified") +
      (ratings[p].includes(null) ? " (provisional)" : ""),
    rank: scores.filter((other) => other > score).length + 1,
  }));
}

let session: BrowserSession;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const wizard = await openWizard("Step 1 of 5: Partners");
  ({ session, page, errors: pageErrors } = wizard);
}, 300_000);

afterAll(() => session?.close());

const checkStep = (name: string) => expectCleanStep(page, `qualification-${name}`);

const heading = (text: string) => pane(page).getByRole("heading", { name: text });
const currentRatings = PARTNERS.map((p) => [...p.ratings]);
let currentWeights = [30, 25, 20, 15, 10];

describe("the qualification wizard, clicked and keyed through in the workbench", () => {
  it("step 1 takes a pasted list with a header row, by keyboard", async () => {
    await checkStep("1-partners-empty");
    // Next with no partners yet: the quiet error appears, the step stays.
    await pane(page).getByRole("button", { name: "Next" }).click();
    await expect(heading("Step 1 of 5: Partners").isVisible()).resolves.toBe(true);
    await expect(pane(page).getByText("Add at least one partner").isVisible()).resolves.toBe(true);

    await pane(page).getByRole("radio", { name: "In the selected cells" }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(pane(page).getByRole("radio", { name: "In a list I paste" }).isChecked()).resolves.toBe(true);
    await pane(page).getByLabel("Partner names, one per line").focus();
    await page.keyboard.insertText(PASTED);
    await pane(page)
      .getByRole("checkbox", { name: /first row holds column headers/ })
      .focus();
    await page.keyboard.press("Space");
    const preview = pane(page).getByTestId("partner-preview");
    await expect(preview.innerText()).resolves.toContain(`7 partners, with ratings for ${CRITERIA.join(", ")}`);
    await checkStep("1-partners");
    await pane(page).getByRole("button", { name: "Next" }).focus();
    await page.keyboard.press("Enter");
    await heading("Step 2 of 5: Criteria and weights").waitFor();
  });

  it("step 2 shows each criterion's guidance, warns (without blocking) on weights off 100% and blocks text that is not a number", async () => {
    await expect(pane(page).getByText("shared vision and values").isVisible()).resolves.toBe(true);
    await expect(pane(page).getByTestId("weight-total").innerText()).resolves.toBe("Total weight: 100%");
    const trackRecordWeight = pane(page).getByRole("group", { name: "Criterion 5" }).getByLabel("Weight");

    await trackRecordWeight.fill("15");
    await expect(pane(page).getByTestId("weights-message").innerText()).resolves.toContain("add up to 105%, not 100%");
    await checkStep("2-criteria-warning");

    await trackRecordWeight.fill("abc");
    await trackRecordWeight.press("Enter"); // Enter submits the step: blocked by the error
    await expect(pane(page).getByText('"abc" is not a number').isVisible()).resolves.toBe(true);
    await expect(heading("Step 2 of 5: Criteria and weights").isVisible()).resolves.toBe(true);
    await expect(trackRecordWeight.getAttribute("aria-invalid")).resolves.toBe("true");
    await checkStep("2-criteria-error");

    await trackRecordWeight.fill("10");
    await expect(pane(page).getByTestId("weights-message").count()).resolves.toBe(0);
    await checkStep("2-criteria");
    await trackRecordWeight.press("Enter");
    await heading("Step 3 of 5: Rating scale").waitFor();
  });

  it("step 3 keeps the 0–5 scale", async () => {
    await checkStep("3-scale");
    const scale = pane(page).getByLabel("Top of the rating scale");
    await expect(scale.inputValue()).resolves.toBe("5");
    await scale.press("Enter");
    await heading("Step 4 of 5: Tiers").waitFor();
  });

  it("step 4 relabels a tier, and reopening the pane restores the inputs from the workbook's settings", async () => {
    const label = pane(page).getByRole("group", { name: "Tier 3" }).getByLabel("Label");
    await label.fill(WATCH_LABEL);
    await checkStep("4-tiers");
    await page.waitForTimeout(900); // the pane saves its inputs 400 ms after the last change
    await page.getByRole("button", { name: "Reopen the pane" }).click();
    await heading("Step 4 of 5: Tiers").waitFor();
    await expect(pane(page).getByRole("group", { name: "Tier 3" }).getByLabel("Label").inputValue()).resolves.toBe(WATCH_LABEL);
    await pane(page).getByRole("button", { name: "1. Partners" }).click();
    await expect(pane(page).getByLabel("Partner names, one per line").inputValue()).resolves.toBe(PASTED);
    await pane(page).getByRole("button", { name: "4. Tiers" }).click();
    await pane(page).getByRole("button", { name: "Next" }).click();
    await heading("Step 5 of 5: Review and write").waitFor();
  });

  it("step 5 reviews and writes the matrix, then the summary selects the new sheet", async () => {
    await expect(pane(page).getByText("7 from the pasted list").isVisible()).resolves.toBe(true);
    await checkStep("5-review");
    await pane(page).getByRole("button", { name: "Write the matrix" }).click();
    await pane(page).getByTestId("write-summary").waitFor();
    const summary = await pane(page).getByTestId("write-summary").innerText();
    expect(summary).toContain("New sheet “Qualification”");
    expect(summary).toContain("7 partners in the matrix");
    expect(summary).toContain("1 still needs ratings");
    await checkStep("6-summary");
    await page.getByRole("tab", { name: "Sheet1" }).click();
    await expect(page.getByTestId("sheet-grid").getAttribute("data-sheet")).resolves.toBe("Sheet1");
    await pane(page).getByRole("button", { name: "Go to sheet “Qualification”" }).click();
    await expect(page.getByTestId("sheet-grid").getAttribute("data-sheet")).resolves.toBe("Qualification");
  });
});

describe("the matrix in the workbench's grid", () => {
  async function expectGridMatches(): Promise<void> {
    const expected = expectedRows(currentWeights, currentRatings);
    for (let p = 0; p < PARTNERS.length; p++) {
      const scoreText = await cellText(page, address(p, layout.columns.score));
      expect({ partner: PARTNERS[p].name, score: scoreText }).toEqual({
        partner: PARTNERS[p].name,
        score: expected[p].score.toFixed(1),
      });
      await expect(cellText(page, address(p, layout.columns.tier))).resolves.toBe(expected[p].tier);
      await expect(cellText(page, address(p, layout.columns.rank))).resolves.toBe(String(expected[p].rank));
    }
  }

  it("shows the computed scores, tiers and ranks, with the PE formulas in the formula bar", async () => {
    await expectGridMatches();
    await expect(formulaBarOf(page, address(0, layout.columns.score))).resolves.toMatch(
      /^=IF\(COUNT\(B(\d+):F\1\)=0,"",PE\.PARTNER_SCORE\(B\1:F\1,Qual_Weights\*ISNUMBER\(B\1:F\1\),Qual_Scale\)\)$/,
    );
    await expect(formulaBarOf(page, address(0, layout.columns.tier))).resolves.toMatch(/PE\.TIER\(/);
    await expect(cellText(page, address(5, layout.columns.complete))).resolves.toBe("Missing 1");
    await goToCell(page, "A1");
    await checkStep("7-grid");
  });

  it("puts partner names that look like formulas in as text", async () => {
    for (const p of [3, 4, 5, 6]) {
      const cell = address(p, 0);
      await expect(cellText(page, cell)).resolves.toBe(PARTNERS[p].name);
      await expect(cellKind(page, cell)).resolves.toBe("text");
      await expect(formulaBarOf(page, cell)).resolves.toBe(`'${PARTNERS[p].name}`);
    }
  });

  it("recalculates the dependents of an edited rating (typed in the grid) and an edited weight (typed in the formula bar)", async () => {
    await typeInCell(page, address(2, layout.columns.criteria[0]), "5");
    currentRatings[2][0] = 5;
    await expectGridMatches();
    await expect(cellText(page, address(2, layout.columns.tier))).resolves.toBe("Tier 2");

    await typeInFormulaBar(page, weightCell(0), "0");
    currentWeights = [0, 25, 20, 15, 10];
    await expectGridMatches();
    await expect(cellText(page, address(5, layout.columns.score))).resolves.toBe("80.0");
  });

  it("shows an error's code in the cell and its message as the tooltip", async () => {
    const rating = address(0, layout.columns.criteria[1]);
    await pasteInCell(page, rating, "9"); // typing 9 is refused by the rating's validation; a paste is not checked
    await expect(cellText(page, rating)).resolves.toBe("9");
    const score = address(0, layout.columns.score);
    await expect(cellText(page, score)).resolves.toBe("#NUM!");
    const title = await page.locator(`[data-address="${score}"]`).getAttribute("title");
    expect(title).toContain("above the top of the scale");
    await checkStep("8-grid-error");
    await typeInCell(page, rating, "5");
    await expect(cellText(page, score)).resolves.toBe(expectedRows(currentWeights, currentRatings)[0].score.toFixed(1));
  });

  it("downloads the workbook as .xlsx that ExcelJS reopens with the same values, formulas and text", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("partner-economics.xlsx");
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet("Qualification");
    expect(sheet).toBeDefined();
    const value = (a1: string) => sheet!.getCell(a1).value;
    const expected = expectedRows(currentWeights, currentRatings);
    for (let p = 0; p < PARTNERS.length; p++) {
      expect(value(address(p, 0))).toBe(PARTNERS[p].name);
      const score = value(address(p, layout.columns.score)) as ExcelJS.CellFormulaValue;
      expect(score.formula).toMatch(/_xldudf_PE_PARTNER_SCORE\(/);
      expect(score.result).toBeCloseTo(expected[p].score, 9);
      expect((value(address(p, layout.columns.tier)) as ExcelJS.CellFormulaValue).result).toBe(expected[p].tier);
      expect((value(address(p, layout.columns.rank)) as ExcelJS.CellFormulaValue).result).toBe(expected[p].rank);
    }
    expect(value(weightCell(0))).toBe(0);
    expect(value(address(2, layout.columns.criteria[0]))).toBe(5);
    expect(workbook.definedNames.getRanges("Qual_Weights").ranges).toEqual([`Qualification!$B$4:$F$4`]);
    await expect(page.getByTestId("workbench-notice").innerText()).resolves.toContain("Downloaded partner-economics.xlsx");
  });

  it("takes a partner typed in the row just below the table into the table: scored, tiered, ranked and counted", async () => {
    const row = PARTNERS.length; // the row just below the table
    const tierOneCount = layout.tierCounts[0].countCell;
    const tierOneBefore = Number(await cellText(page, tierOneCount));
    // Globex (below 100) moves down one place when a partner scoring 100 joins.
    const rankOfGlobex = await cellText(page, address(1, layout.columns.rank));
    await typeInCell(page, address(row, 0), "Hooli");
    // The table grew: its calculated columns filled the new row, which is not rated yet.
    await expect(cellText(page, address(row, layout.columns.tier))).resolves.toBe("Not rated");
    await expect(cellText(page, address(row, layout.columns.complete))).resolves.toBe("Not rated");
    await expect(cellText(page, layout.notRated.countCell)).resolves.toBe("1");
    for (const col of layout.columns.criteria) await typeInCell(page, address(row, col), "5");
    await expect(cellText(page, address(row, layout.columns.score))).resolves.toBe("100.0");
    await expect(cellText(page, address(row, layout.columns.tier))).resolves.toBe("Tier 1");
    await expect(cellText(page, address(row, layout.columns.rank))).resolves.toBe("1");
    await expect(cellText(page, address(row, layout.columns.complete))).resolves.toBe("Yes");
    // Everyone else's rank and the tier count include the new partner; no formula was typed.
    await expect(cellText(page, address(1, layout.columns.rank))).resolves.toBe(String(Number(rankOfGlobex) + 1));
    await expect(cellText(page, tierOneCount)).resolves.toBe(String(tierOneBefore + 1));
    await expect(cellText(page, layout.notRated.countCell)).resolves.toBe("0");
    await goToCell(page, address(row, 0));
    await checkStep("9-table-grows");
  });

  it("shows a progress indicator while a large matrix is written, on a second sheet with its own names", async () => {
    await pane(page).getByRole("button", { name: "Back to the inputs" }).click();
    await pane(page).getByRole("radio", { name: "Nowhere yet: give me a blank table" }).check();
    await pane(page).getByLabel("Number of rows").fill("3000");
    await pane(page).getByRole("button", { name: "5. Review and write" }).click();
    // The progress panel may come and go between two polls: a MutationObserver sees it for sure.
    await page.evaluate(() => {
      const seen = window as unknown as { progressSeen: boolean };
      seen.progressSeen = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="write-progress"] [role="progressbar"]')) seen.progressSeen = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await pane(page).getByRole("button", { name: "Write the matrix" }).click();
    await screenshot(page, "qualification-10-large-writing");
    await pane(page).getByTestId("write-summary").waitFor();
    await expect(page.evaluate(() => (window as unknown as { progressSeen: boolean }).progressSeen)).resolves.toBe(true);
    const summary = await pane(page).getByTestId("write-summary").innerText();
    expect(summary).toContain("New sheet “Qualification (2)”");
    expect(summary).toContain("3,000 partners in the matrix");
    expect(summary).toContain("Qual2_Weights");
    await expect(page.getByTestId("sheet-grid").getAttribute("data-sheet")).resolves.toBe("Qualification (2)");
    await expect(cellText(page, address(2999, layout.columns.complete))).resolves.toBe("Not rated");
    expect(pageErrors).toEqual([]);
  });
});
