/**
 * The charter wizard in the workbench, in Chromium: every section clicked and keyed through (the
 * playbook's suggestions added with one click, the 20% / 70% gates and phase guidance shown), a
 * charter without exit criteria stopped before anything is written, the inputs restored when the
 * pane reopens, then the sheet in the grid ("=1+1" typed as a goal stays text; the crawl gate
 * shows PENDING, then GO once baseline 10 and pilot 12 are typed into the grid), the .xlsx
 * download reopened with ExcelJS, an axe-core scan and a screenshot of every step.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { cellAddress } from "../../src/workbook/a1";
import { buildCharterPlan } from "../../src/workbook/models/charter";
import {
  EXIT_CRITERIA_SUGGESTIONS,
  METRIC_SUGGESTIONS,
  PHASE_DELIVERABLE_SUGGESTIONS,
  VALUE_SUGGESTIONS,
} from "../../src/workbook/models/charter/defaults";
import type { CharterInputDraft } from "../../src/workbook/models/charter/input";
import { expectCleanStep, openWizard, type BrowserSession } from "./support/session";
import { cellKind, cellText, formulaBarOf, goToCell, pane, typeInCell } from "./support/workbench-page";

jest.setTimeout(120_000);

/** What the test types and clicks, as the charter model's input: the sheet's layout comes from it. */
const ANSWERS = {
  ourName: "Contoso",
  partnerName: "Fabrikam",
  goals: {
    us: ["=1+1", "50 new customers through Fabrikam in year 1"],
    partner: ["Access to our mid-market customers"],
    customers: ["Onboarding in days, not weeks"],
  },
  valueExchange: {
    weGive: [VALUE_SUGGESTIONS.weGive[0]],
    partnerGives: [VALUE_SUGGESTIONS.partnerGives[0]],
    balanced: true,
    note: "",
  },
  phases: {
    crawl: {
      start: "2025-03-03",
      end: "2025-04-28",
      deliverables: [PHASE_DELIVERABLE_SUGGESTIONS.crawl[0]],
      metrics: ["Customers onboarded"],
      gate: { metric: "Customers onboarded per week", threshold: 0.2, better: "higher" },
    },
    walk: { start: "2025-05-05", end: "2025-07-21", deliverables: ["Formal integration"], metrics: [], gate: { threshold: 0.7 } },
    run: { deliverables: [], metrics: [] },
  },
  measurement: { metrics: [METRIC_SUGGESTIONS[0]], tracking: [] },
  governance: {
    ourOwners: ["Ana Ruiz, VP Partnerships"],
    partnerOwners: ["Li Wei, CTO"],
    escalation: ["Working team", "Steering committee"],
  },
  exitCriteria: [EXIT_CRITERIA_SUGGESTIONS[0]],
  signatories: { us: { name: "Ana Ruiz", title: "VP Partnerships" }, partner: { name: "Li Wei", title: "CTO" } },
} satisfies CharterInputDraft;

const { layout } = buildCharterPlan(ANSWERS);
const goalsRow = layout.sections.find((s) => s.title.startsWith("1. Mutual goals"))!.row + 1;
const FIRST_GOAL = cellAddress({ row: goalsRow, col: 1 });

let session: BrowserSession;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const wizard = await openWizard("Step 1 of 10: Goals", { tab: "Charter", timeoutMs: 15_000 });
  ({ session, page, errors: pageErrors } = wizard);
}, 300_000);

afterAll(() => session?.close());

function heading(text: string) {
  return pane(page).getByRole("heading", { name: text });
}

const checkStep = (name: string) => expectCleanStep(page, `charter-${name}`);

/** A text field or text area by its label (hints are descriptions, not part of the name). */
const box = (name: string) => pane(page).getByRole("textbox", { name, exact: true });
const next = async (to: string) => {
  await pane(page).getByRole("button", { name: "Next" }).click();
  await heading(to).waitFor();
};
const lines = (items: readonly string[]) => items.join("\n");

describe("the charter wizard, clicked and keyed through in the workbench", () => {
  it("step 1 takes the parties and the goals of each side, text that looks like a formula included", async () => {
    await checkStep("1-goals-empty");
    await box("Our company").fill(ANSWERS.ourName);
    await box("Partner").fill(ANSWERS.partnerName);
    await box("What success looks like for Contoso").fill(lines(ANSWERS.goals.us));
    await box("What success looks like for Fabrikam").fill(lines(ANSWERS.goals.partner));
    await box("What success looks like for customers").fill(lines(ANSWERS.goals.customers));
    await checkStep("1-goals");
    await next("Step 2 of 10: Value exchange");
  });

  it("step 2 adds what each side gives with one click and asks whether the exchange is balanced", async () => {
    // By keyboard: Enter on a suggestion adds it, and focus stays on it (now marked as added).
    await pane(page)
      .getByRole("button", { name: `Add contribution: ${ANSWERS.valueExchange.weGive[0]}` })
      .focus();
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).resolves.toBe(
      `${ANSWERS.valueExchange.weGive[0]} (added)`,
    );
    await pane(page)
      .getByRole("button", { name: `Add contribution: ${ANSWERS.valueExchange.partnerGives[0]}` })
      .click();
    await expect(box("What Contoso gives").inputValue()).resolves.toBe(ANSWERS.valueExchange.weGive[0]);
    await expect(
      pane(page)
        .getByRole("button", { name: `${ANSWERS.valueExchange.weGive[0]} (added)` })
        .isDisabled(),
    ).resolves.toBe(true);
    const balanced = pane(page).getByRole("radiogroup", { name: /Is the exchange balanced\?/ });
    await expect(balanced.getByRole("radio", { name: "Not sure yet" }).isChecked()).resolves.toBe(true);
    await balanced.getByRole("radio", { name: "Yes" }).check();
    await checkStep("2-value");
    await next("Step 3 of 10: Crawl");
  });

  it("step 3 shows the crawl guidance and the 20% gate, with dates, deliverables and the gate metric", async () => {
    await expect(pane(page).getByText("4 to 8 weeks with 1 or 2 pilot customers").isVisible()).resolves.toBe(true);
    await expect(box("Improvement needed").inputValue()).resolves.toBe("20");
    await expect(pane(page).getByRole("radio", { name: "Higher" }).isChecked()).resolves.toBe(true);
    const crawl = ANSWERS.phases.crawl;
    await pane(page).getByLabel("Crawl starts").fill(crawl.start);
    await pane(page).getByLabel("Crawl ends").fill(crawl.end);
    await pane(page)
      .getByRole("button", { name: `Add deliverable: ${crawl.deliverables[0]}` })
      .click();
    await box("Crawl metrics").fill(lines(crawl.metrics));
    await box("Gate metric").fill(crawl.gate.metric);
    await checkStep("3-crawl");
    await next("Step 4 of 10: Walk");
  });

  it("step 4 shows the walk guidance and the 70% gate; a walk ending before it starts is refused on its field", async () => {
    await expect(pane(page).getByText("8 to 12 weeks with 5 to 10 more customers").isVisible()).resolves.toBe(true);
    await expect(box("Adoption needed").inputValue()).resolves.toBe("70");
    const walk = ANSWERS.phases.walk;
    await pane(page).getByLabel("Walk starts").fill(walk.start);
    await pane(page).getByLabel("Walk ends").fill("2025-05-01");
    await expect(pane(page).getByText("Walk ends (2025-05-01) before it starts (2025-05-05)").isVisible()).resolves.toBe(true);
    await checkStep("4-walk-error");
    await pane(page).getByLabel("Walk ends").fill(walk.end);
    await box("Walk deliverables").fill(lines(walk.deliverables));
    await checkStep("4-walk");
    await next("Step 5 of 10: Run");
  });

  it("step 5 shows the run guidance", async () => {
    await expect(pane(page).getByText("6 to 12 months and ongoing").isVisible()).resolves.toBe(true);
    await checkStep("5-run");
    await next("Step 6 of 10: Measurement");
  });

  it("step 6 offers the playbook's metrics and the review cadence", async () => {
    await pane(page)
      .getByRole("button", { name: `Add metric: ${METRIC_SUGGESTIONS[0]}` })
      .click();
    await expect(pane(page).getByRole("combobox", { name: "Working team meets" }).inputValue()).resolves.toBe("weekly");
    await expect(pane(page).getByRole("combobox", { name: "Steering committee meets" }).inputValue()).resolves.toBe("monthly");
    await expect(pane(page).getByRole("combobox", { name: "Executive business review" }).inputValue()).resolves.toBe("quarterly");
    await checkStep("6-measurement");
    await next("Step 7 of 10: Governance");
  });

  it("step 7 takes the decision owners on both sides and the escalation path", async () => {
    await box("Decision owners at Contoso").fill(lines(ANSWERS.governance.ourOwners));
    await box("Decision owners at Fabrikam").fill(lines(ANSWERS.governance.partnerOwners));
    await box("Escalation path").fill(lines(ANSWERS.governance.escalation));
    await checkStep("7-governance");
    await next("Step 8 of 10: Exit criteria");
  });

  it("step 8 stops a charter without exit criteria, from Next and from Write, and adds a suggestion with one click", async () => {
    const exit = pane(page).getByRole("textbox", { name: /^Exit criteria/ });
    const message = pane(page).getByText(/^A charter needs at least one exit criterion/);
    await expect(message.count()).resolves.toBe(0); // not before the user tries to go on
    await pane(page).getByRole("button", { name: "Next" }).click();
    await expect(message.isVisible()).resolves.toBe(true);
    await expect(exit.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(heading("Step 8 of 10: Exit criteria").isVisible()).resolves.toBe(true);
    await checkStep("8-exit-missing");

    await pane(page).getByRole("button", { name: "10. Review and write" }).click();
    await pane(page).getByRole("button", { name: "Write the charter" }).click();
    await heading("Step 8 of 10: Exit criteria").waitFor();
    await expect(message.isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("sheet-tabs").getByRole("tab").allInnerTexts()).resolves.toEqual(["Sheet1"]);

    await pane(page)
      .getByRole("button", { name: `Add exit criterion: ${ANSWERS.exitCriteria[0]}` })
      .click();
    await expect(exit.inputValue()).resolves.toBe(ANSWERS.exitCriteria[0]);
    await expect(message.count()).resolves.toBe(0);
    await checkStep("8-exit");
    await next("Step 9 of 10: Signatures");
  });

  it("step 9 takes the signatories, and reopening the pane restores every input", async () => {
    for (const [side, legend] of [
      ["us", "For Contoso"],
      ["partner", "For Fabrikam"],
    ] as const) {
      const group = pane(page).getByRole("group", { name: legend });
      await group.getByRole("textbox", { name: "Name" }).fill(ANSWERS.signatories[side].name);
      await group.getByRole("textbox", { name: "Title" }).fill(ANSWERS.signatories[side].title);
    }
    await checkStep("9-signatures");
    await page.waitForTimeout(900); // the pane saves its inputs 400 ms after the last change
    await page.getByRole("button", { name: "Reopen the pane" }).click();
    await pane(page).getByRole("tab", { name: "Charter" }).click();
    await heading("Step 9 of 10: Signatures").waitFor();
    await expect(
      pane(page).getByRole("group", { name: "For Fabrikam" }).getByRole("textbox", { name: "Title" }).inputValue(),
    ).resolves.toBe("CTO");
    await pane(page).getByRole("button", { name: "1. Goals" }).click();
    await expect(box("What success looks like for Contoso").inputValue()).resolves.toBe(lines(ANSWERS.goals.us));
    await pane(page).getByRole("button", { name: "3. Crawl" }).click();
    await expect(pane(page).getByLabel("Crawl ends").inputValue()).resolves.toBe(ANSWERS.phases.crawl.end);
    await pane(page).getByRole("button", { name: "10. Review and write" }).click();
    await heading("Step 10 of 10: Review and write").waitFor();
  });

  it("step 10 reviews and writes the charter, then the summary goes to the new sheet", async () => {
    await expect(pane(page).getByTestId("blank-lines").count()).resolves.toBe(0);
    await expect(pane(page).getByText("go at 20% improvement").isVisible()).resolves.toBe(true);
    await checkStep("10-review");
    await pane(page).getByRole("button", { name: "Write the charter" }).click();
    await pane(page).getByTestId("write-summary").waitFor();
    const summary = await pane(page).getByTestId("write-summary").innerText();
    expect(summary).toContain("New sheet “Charter”");
    expect(summary).toContain("1 exit criterion; signature lines for both sides");
    await checkStep("11-summary");
    await page.getByTestId("sheet-tabs").getByRole("tab", { name: "Sheet1" }).click();
    await pane(page).getByRole("button", { name: "Go to sheet “Charter”" }).click();
    await expect(page.getByTestId("sheet-grid").getAttribute("data-sheet")).resolves.toBe("Charter");
  });
});

describe("the charter in the workbench's grid", () => {
  it("holds every typed string as text: the goal =1+1 stays =1+1", async () => {
    await expect(cellText(page, cellAddress({ row: goalsRow, col: 0 }))).resolves.toBe("For Contoso");
    await expect(cellText(page, FIRST_GOAL)).resolves.toBe("=1+1");
    await expect(cellKind(page, FIRST_GOAL)).resolves.toBe("text");
    await expect(formulaBarOf(page, FIRST_GOAL)).resolves.toBe("'=1+1");
  });

  it("draws the charter's merged cells as one cell each, and its dates through the sheet's date format", async () => {
    await goToCell(page, "A1");
    const merged = page.locator("[data-testid=sheet-grid] [data-merged]");
    await expect(merged.count()).resolves.toBeGreaterThan(0);
    const area = await merged.first().getAttribute("data-merged");
    const [first, last] = (area ?? "").split(":");
    expect(first).not.toBe(last);
    // A cell inside the area (not its first) is not drawn on its own.
    const box = await merged.first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    const numbers = (await page.locator("[data-testid=sheet-grid] [data-kind=number]").allInnerTexts()).map((t) => t.trim());
    expect(numbers.some((text) => /^\d{4}-\d{2}-\d{2}$/.test(text))).toBe(true);
    expect(numbers.some((text) => /^4\d{4}$/.test(text))).toBe(false);
  });

  it("shows the gates PENDING, then the crawl gate GO once baseline 10 and pilot 12 are typed into the grid", async () => {
    const { cells } = layout;
    await expect(cellText(page, cells.crawlGate)).resolves.toBe("PENDING");
    await expect(cellText(page, cells.walkGate)).resolves.toBe("PENDING");
    await expect(cellText(page, cells.runGate)).resolves.toBe("PENDING");
    await expect(formulaBarOf(page, cells.crawlGate)).resolves.toMatch(
      /PE\.CRAWL_GATE\(Charter_CrawlBaseline,Charter_CrawlPilot,/,
    );
    await goToCell(page, cells.crawlGate);
    await checkStep("12-grid-pending");

    await typeInCell(page, cells.crawlBaseline, "10");
    await expect(cellText(page, cells.crawlGate)).resolves.toBe("PENDING");
    await typeInCell(page, cells.crawlPilot, "12");
    await expect(cellText(page, layout.crawlImprovement)).resolves.toBe("20.0%");
    await expect(cellText(page, cells.crawlGate)).resolves.toBe("GO");
    await expect(cellText(page, cells.walkGate)).resolves.toBe("PENDING");
    await expect(cellText(page, cells.runGate)).resolves.toBe("PENDING");
    await goToCell(page, cells.crawlGate);
    await checkStep("13-grid-crawl-go");
  });

  it("downloads the workbook as .xlsx that ExcelJS reopens with the same values, text and print area", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet("Charter");
    expect(sheet).toBeDefined();
    const value = (a1: string) => sheet!.getCell(a1).value;
    const gate = (a1: string) => value(a1) as ExcelJS.CellFormulaValue;
    expect(value(FIRST_GOAL)).toBe("=1+1");
    expect(value(layout.cells.crawlBaseline)).toBe(10);
    expect(value(layout.cells.crawlPilot)).toBe(12);
    expect(gate(layout.cells.crawlGate).formula).toMatch(/_xldudf_PE_CRAWL_GATE\(/);
    expect(gate(layout.cells.crawlGate).result).toBe("GO");
    expect(gate(layout.cells.walkGate).result).toBe("PENDING");
    expect(gate(layout.cells.runGate).result).toBe("PENDING");
    expect(value(layout.signatures.partner.name)).toBe("Li Wei");
    expect(sheet!.pageSetup.printArea?.replace(/\$/g, "")).toBe(layout.printArea);
    expect(pageErrors).toEqual([]);
  });
});
