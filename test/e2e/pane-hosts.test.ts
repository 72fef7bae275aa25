/**
 * The pane wherever it runs: taskpane.html opened in a plain browser (office.js reports no host)
 * picks the engine host on an engine of its own; the workbench works with no office.js at all;
 * a write the engine cannot hold fails with its reason, leaving the workbook as it was; partners
 * come from the grid's selection; and with a stand-in office.js reporting Excel in the Black
 * theme, the pane turns dark and reads the selection through Excel.run.
 */
import { openPage, screenshot, seriousViolations } from "./support/browser";
import { startSession, type BrowserSession } from "./support/session";
import { goToCell, pane, typeInFormulaBar } from "./support/workbench-page";

jest.setTimeout(120_000);

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession();
}, 300_000);

afterAll(() => session?.close());

describe("the task pane outside Office", () => {
  it("runs the qualification wizard end to end on its own engine when taskpane.html is opened in a browser", async () => {
    const { page, errors } = await openPage(session.browser, session.served.origin, "taskpane.html");
    try {
      await pane(page).getByRole("heading", { name: "Step 1 of 5: Partners" }).waitFor();
      await pane(page).getByRole("radio", { name: "Nowhere yet: give me a blank table" }).check();
      await pane(page).getByLabel("Number of rows").fill("3");
      await expect(seriousViolations(page)).resolves.toEqual([]);
      await pane(page).getByRole("button", { name: "Next" }).click();
      await pane(page).getByRole("button", { name: "5. Review and write" }).click();
      await pane(page).getByRole("button", { name: "Write the matrix" }).click();
      await pane(page).getByTestId("write-summary").waitFor();
      await expect(pane(page).getByTestId("write-summary").innerText()).resolves.toContain("New sheet “Qualification”");
      await screenshot(page, "taskpane-standalone-summary");
      await expect(seriousViolations(page)).resolves.toEqual([]);
      await pane(page).getByRole("tab", { name: "Functions" }).click();
      await expect(pane(page).getByText("PE.PARTNER_SCORE(").first().isVisible()).resolves.toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("serves the workbench without office.js: the pane and the grid still work", async () => {
    const { page, errors } = await openPage(session.browser, session.served.origin, "index.html", { withoutOfficeJs: true });
    try {
      await pane(page).getByRole("heading", { name: "Step 1 of 5: Partners" }).waitFor();
      await page.getByTestId("sheet-grid").waitFor();
      await page.getByRole("tab", { name: "Formula box" }).click();
      const formula = page.getByRole("textbox", { name: "Formula", exact: true });
      await formula.fill("=PE.TIER(PE.PARTNER_SCORE({4,5,3,4,5}))");
      await page.getByRole("button", { name: "Evaluate" }).click();
      await expect(page.locator("output").first().innerText()).resolves.toBe("Tier 2");
      await screenshot(page, "workbench-formula-box");
      await expect(seriousViolations(page)).resolves.toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("a write that fails", () => {
  it("shows the reason, writes nothing and keeps the inputs", async () => {
    // Sheets of 2,000 rows (the workbench's ?rows=), so a 3,000-row matrix cannot fit.
    const { page } = await openPage(session.browser, session.served.origin, "index.html?rows=2000");
    try {
      await pane(page).getByRole("heading", { name: "Step 1 of 5: Partners" }).waitFor();
      await pane(page).getByRole("radio", { name: "Nowhere yet: give me a blank table" }).check();
      await pane(page).getByLabel("Number of rows").fill("3000");
      await pane(page).getByRole("button", { name: "Next" }).click();
      await pane(page).getByRole("button", { name: "5. Review and write" }).click();
      await pane(page).getByRole("button", { name: "Write the matrix" }).click();
      const failure = pane(page).getByTestId("write-failed");
      await failure.waitFor({ timeout: 60_000 });
      const message = await failure.innerText();
      expect(message).toContain("Nothing was written.");
      expect(message).toContain("Could not write the qualification matrix");
      await screenshot(page, "qualification-write-failed");
      await expect(seriousViolations(page)).resolves.toEqual([]);
      const sheetTabs = await page.getByTestId("sheet-tabs").getByRole("tab").allInnerTexts();
      expect(sheetTabs).toEqual(["Sheet1"]);
      await expect(pane(page).getByRole("heading", { name: "Step 5 of 5: Review and write" }).isVisible()).resolves.toBe(true);
      await pane(page).getByRole("button", { name: "1. Partners" }).click();
      await expect(pane(page).getByLabel("Number of rows").inputValue()).resolves.toBe("3000");
    } finally {
      await page.context().close();
    }
  });
});

describe("partners from the selection", () => {
  it("reads the names (and ratings under criterion headers) selected in the grid with Shift+arrows", async () => {
    const { page, errors } = await openPage(session.browser, session.served.origin, "index.html");
    try {
      await pane(page).getByRole("heading", { name: "Step 1 of 5: Partners" }).waitFor();
      const rows = [
        ["Partner", "Market reach"],
        ["Acme", "4"],
        ['\'=HYPERLINK("x")', "5"],
        ["Globex", ""],
      ];
      for (const [r, row] of rows.entries()) {
        for (const [c, value] of row.entries()) {
          if (value === "") continue;
          await typeInFormulaBar(page, `${"AB"[c]}${r + 1}`, value);
        }
      }
      await goToCell(page, "A1");
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowDown");
      await page.keyboard.press("Shift+ArrowRight");
      await expect(page.getByTestId("name-box").inputValue()).resolves.toBe("A1:B4");
      await pane(page).getByRole("button", { name: "Read the selected cells" }).click();
      await pane(page)
        .getByRole("checkbox", { name: /first row holds column headers/ })
        .check();
      const preview = await pane(page).getByTestId("partner-preview").innerText();
      expect(preview).toContain("3 partners, with ratings for Market reach");
      expect(preview).toContain('=HYPERLINK("x")');
      await screenshot(page, "qualification-from-selection");
      await expect(seriousViolations(page)).resolves.toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

/** Just enough of office.js for the pane to believe it is in Excel with the Black (dark) theme. */
const FAKE_DARK_EXCEL = `
  const item = { isNullObject: true, value: null, load() { return this; } };
  const used = { isNullObject: false, rowCount: 2, values: [["Acme"], ["=1+1"]], load() { return this; } };
  const workbook = {
    settings: { getItemOrNullObject: () => item, add: () => undefined },
    getSelectedRange: () => ({ getUsedRangeOrNullObject: () => used }),
  };
  const context = { workbook, sync: async () => undefined };
  window.Office = {
    onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
    HostType: { Excel: "Excel" },
    context: { officeTheme: { bodyBackgroundColor: "#262626" } },
  };
  window.Excel = { run: (batch) => batch(context) };
`;

describe("the task pane inside Excel", () => {
  it("follows Office's dark theme and reads the selection through Excel.run", async () => {
    const { page, errors } = await openPage(session.browser, session.served.origin, "taskpane.html", {
      officeJs: FAKE_DARK_EXCEL,
    });
    try {
      await pane(page).getByRole("heading", { name: "Step 1 of 5: Partners" }).waitFor();
      const background = await page.evaluate(
        () => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor,
      );
      const [red, green, blue] = (background.match(/\d+/g) ?? []).map(Number);
      expect(0.299 * red + 0.587 * green + 0.114 * blue).toBeLessThan(100);
      await expect(pane(page).getByText("Excel is not here").count()).resolves.toBe(0);
      await pane(page).getByRole("button", { name: "Read the selected cells" }).click();
      await expect(pane(page).getByTestId("partner-preview").innerText()).resolves.toContain("2 partners");
      await screenshot(page, "taskpane-excel-dark");
      await expect(seriousViolations(page)).resolves.toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
