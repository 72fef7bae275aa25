/**
 * The scorecard wizard in the workbench, in Chromium: 30 partners × 6 quarters pasted in long
 * form, the guessed columns confirmed, two further KPIs and the contracts pasted, the rules, then
 * the written portfolio and QBR sheets in the live grid: every partner's status and renewal flag
 * equal to core's, a seventh quarter's actuals typed into the grid changing a status, the QBR
 * following the partner typed into its drop-down cell. Axe at every step. The tests run in order.
 */
import type { Page } from "playwright-core";
import { columnLetters } from "../../src/workbook/a1";
import { buildScorecardPlan } from "../../src/workbook/models/scorecard";
import { expectedFromCore, scorecardFixture } from "../workbook/scorecard-fixture";
import { expectCleanStep, openWizard, type BrowserSession } from "./support/session";
import { cellText, formulaBarOf, pane, typeInCell } from "./support/workbench-page";

jest.setTimeout(180_000);

const fixture = scorecardFixture(30, 6);
const partners = fixture.partners!;
const { layout, qbr } = buildScorecardPlan(fixture);
const c = layout.columns;
const cell = (col: number, p: number) => `${columnLetters(col)}${layout.firstDataRow + 1 + p}`;

const ACTUALS = [
  "partner\tperiod\ttarget\tactual",
  ...partners.flatMap((p) => fixture.periods!.map((q, i) => `${p.name}\t${q}\t${p.targets![i]}\t${p.actuals![i] ?? ""}`)),
].join("\n");
const CONTRACTS = [
  "partner,start,initial term (years),renewal term (years),notice (days),New customers,Joint pipeline",
  ...partners.map((p) =>
    [p.name, p.start, p.initialYears, p.renewalYears, p.noticeDays, p.kpis![0] ?? "", p.kpis![1] ?? ""].join(","),
  ),
].join("\n");

let session: BrowserSession;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const wizard = await openWizard("Step 1 of 5: Targets and actuals", { tab: "Scorecard", timeoutMs: 20_000 });
  ({ session, page, errors: pageErrors } = wizard);
}, 300_000);

afterAll(() => session?.close());

const heading = (text: string) => pane(page).getByRole("heading", { name: text });
const box = (name: string) => pane(page).getByRole("textbox", { name, exact: true });
const next = () => pane(page).getByRole("button", { name: "Next" });
const checkStep = (name: string) => expectCleanStep(page, `scorecard-${name}`);

describe("the scorecard wizard in the workbench", () => {
  it("reads 30 partners × 6 quarters pasted as text copied from Excel", async () => {
    await next().click();
    await expect(pane(page).getByText("Paste the targets and actuals (with their header row)").first().isVisible()).resolves.toBe(
      true,
    );
    await box("Targets and actuals").fill(ACTUALS);
    await box("Targets and actuals").blur(); // the pane takes a long paste when the field is left
    await pane(page).getByText("Read 30 partners × 6 quarters (2025-Q1 to 2026-Q2).").waitFor();
    await checkStep("1-data");
    await next().click();
    await heading("Step 2 of 5: Columns").waitFor();
  });

  it("shows the columns guessed from the header for the user to confirm", async () => {
    await expect(
      pane(page)
        .getByRole("radio", { name: /^Long form/ })
        .isChecked(),
    ).resolves.toBe(true);
    await expect(pane(page).getByRole("combobox", { name: "Period (quarter)" }).inputValue()).resolves.toBe("1");
    await expect(pane(page).getByRole("combobox", { name: "Actual" }).inputValue()).resolves.toBe("3");
    await checkStep("2-columns");
    await next().click();
    await heading("Step 3 of 5: Contracts and KPIs").waitFor();
  });

  it("takes two further KPIs with weights and the contracts", async () => {
    for (const [i, [name, target]] of [
      ["New customers", "8"],
      ["Joint pipeline", "60"],
    ].entries()) {
      await pane(page).getByRole("button", { name: "Add a KPI" }).click();
      await box(`KPI ${i + 1} name`).fill(name);
      await pane(page).getByRole("textbox", { name: "Target" }).nth(i).fill(target);
    }
    await box("Contracts (optional)").fill(CONTRACTS);
    await box("Contracts (optional)").blur();
    await checkStep("3-contracts");
    await next().click();
    await heading("Step 4 of 5: Rules and bands").waitFor();
  });

  it("takes the as-of date and keeps the playbook's rules and bands", async () => {
    await pane(page).getByLabel("As of").fill(fixture.asOf);
    await expect(box("Expand after (quarters on target)").inputValue()).resolves.toBe("2");
    await expect(box("Exit review after (quarters below)").inputValue()).resolves.toBe("3");
    await expect(box("Band 1 from").inputValue()).resolves.toBe("80");
    await checkStep("4-rules");
    await next().click();
    await heading("Step 5 of 5: Review and write").waitFor();
  });

  it("previews today's statuses and writes both sheets", async () => {
    const counts = new Map<string, number>();
    for (const p of partners) {
      const { status } = expectedFromCore(p, fixture.asOf);
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
    await expect(
      pane(page)
        .getByText(`Expand ${counts.get("Expand")}, Maintain ${counts.get("Maintain")}`)
        .isVisible(),
    ).resolves.toBe(true);
    await checkStep("5-review");
    await pane(page).getByRole("button", { name: "Write the scorecard" }).click();
    await pane(page).getByTestId("write-summary").waitFor({ timeout: 60_000 });
    await checkStep("6-summary");
    const tabs = await page.getByTestId("sheet-tabs").getByRole("tab").allInnerTexts();
    expect(tabs).toEqual(expect.arrayContaining(["Portfolio", "QBR"]));
    await page.getByTestId("sheet-tabs").getByRole("tab", { name: "Portfolio" }).click();
  });
});

describe("the scorecard in the workbench's grid", () => {
  it("shows every partner's status and renewal flag as core computes them", async () => {
    for (const [p, partner] of partners.entries()) {
      const expected = expectedFromCore(partner, fixture.asOf);
      await expect(cellText(page, cell(0, p))).resolves.toBe(partner.name);
      await expect(cellText(page, cell(c.status, p))).resolves.toBe(expected.status);
      await expect(cellText(page, cell(c.renewal, p))).resolves.toBe(expected.renewal);
    }
    await expect(formulaBarOf(page, cell(c.status, 0))).resolves.toContain("PE.PARTNER_STATUS(");
    await expect(formulaBarOf(page, cell(c.termEnd, 0))).resolves.toContain("PE.TERM_END(");
    await checkStep("7-grid");
  });

  it("changes a status when a seventh quarter's actuals are typed into the grid", async () => {
    // Partner 02 is on an exit review after three quarters below; two quarters met make it one to expand
    const p = 1;
    await expect(cellText(page, cell(c.status, p))).resolves.toBe("Exit review");
    await typeInCell(page, cell(c.targets[6], p), "110000");
    await typeInCell(page, cell(c.actuals[6], p), "120000");
    await expect(cellText(page, cell(c.status, p))).resolves.toBe("Maintain");
    await expect(cellText(page, cell(c.reported, p))).resolves.toBe("7");
    const exitCount = layout.counts.find((x) => x.label === "Exit review")!.cell;
    const expectedExits = partners.filter((x) => expectedFromCore(x, fixture.asOf).status === "Exit review").length - 1;
    await expect(cellText(page, exitCount)).resolves.toBe(String(expectedExits));
    await checkStep("8-seventh-quarter");
  });

  it("the QBR sheet follows the partner typed into its drop-down cell", async () => {
    await page.getByTestId("sheet-tabs").getByRole("tab", { name: "QBR" }).click();
    await expect(cellText(page, qbr.statusCell)).resolves.toBe(expectedFromCore(partners[0], fixture.asOf).status);
    await typeInCell(page, qbr.partnerCell, partners[1].name);
    await expect(cellText(page, qbr.statusCell)).resolves.toBe("Maintain");
    await expect(cellText(page, qbr.decisionCell)).resolves.toBe("Maintain");
    await expect(cellText(page, qbr.quarterCell)).resolves.toBe("2026-Q3");
    await checkStep("9-qbr");
    expect(pageErrors).toEqual([]);
  });
});
