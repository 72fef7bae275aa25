/**
 * The qualification wizard's column mapping (issue 13 item 2), in Chromium: a CRM export pasted
 * with an `Account ID` first column and a `Region` column. The wizard guesses the partner-name
 * column from the headers, the user picks it (and sees what picking the ID column would do),
 * `Region` and `Account ID` are named as kept out of the model, and the written matrix scores
 * the partners from the mapped criteria columns; axe finds nothing serious on the step.
 */
import type { Page } from "playwright-core";
import { partnerScore } from "../../src/core/scoring";
import { cellAddress } from "../../src/workbook/a1";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import { expectCleanStep, openWizard, type BrowserSession } from "./support/session";
import { cellText, pane } from "./support/workbench-page";

jest.setTimeout(120_000);

const CRITERIA = ["Strategic fit", "Market reach", "Capabilities", "Financial health", "Track record"];
const WEIGHTS = [30, 25, 20, 15, 10];
const PARTNERS = [
  { id: "001A000001", name: "Acme Cloud", region: "EMEA", ratings: [5, 4, 4, 5, 4] },
  { id: "001A000002", name: "Globex", region: "AMER", ratings: [3, 3, 2, 4, 3] },
  { id: "001A000003", name: "Initech", region: "APAC", ratings: [1, 2, 1, 2, 1] },
];
const PASTED = [
  ["Account ID", "Partner", ...CRITERIA, "Region"],
  ...PARTNERS.map((p) => [p.id, p.name, ...p.ratings.map(String), p.region]),
]
  .map((row) => row.join("\t"))
  .join("\n");

const { layout } = buildQualificationPlan({ partners: PARTNERS.map((p) => p.name), ratings: PARTNERS.map((p) => p.ratings) });
const address = (partner: number, column: number) => cellAddress({ row: layout.firstDataRow + partner, col: column });

let session: BrowserSession;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const wizard = await openWizard("Step 1 of 5: Partners", { timeoutMs: 30_000 });
  ({ session, page, errors: pageErrors } = wizard);
}, 300_000);

afterAll(() => session?.close());

const nameColumn = () => pane(page).getByRole("combobox", { name: /^Partner name column/ });
const preview = () => pane(page).getByTestId("partner-preview");

describe("the qualification wizard's column mapping, from a CRM export", () => {
  it("guesses the name column past the Account ID, lets the user pick it and names the columns kept out", async () => {
    await pane(page).getByRole("radio", { name: "In a list I paste" }).check();
    await pane(page).getByLabel("Partner names, one per line").fill(PASTED);
    await pane(page)
      .getByRole("checkbox", { name: /first row holds column headers/ })
      .check();

    // The guess skips the identifier column; every criterion is found by its header.
    await expect(nameColumn().inputValue()).resolves.toBe("1");
    for (const [i, criterion] of CRITERIA.entries())
      await expect(
        pane(page)
          .getByRole("combobox", { name: new RegExp(`^${criterion} ratings`) })
          .inputValue(),
      ).resolves.toBe(String(2 + i));
    await expect(pane(page).getByTestId("kept-out-columns").innerText()).resolves.toBe(
      "Kept out of the model: Account ID, Region.",
    );

    // Picking the ID column would name the partners 001A…: the preview says so at once.
    await nameColumn().selectOption({ label: "Account ID" });
    await expect(preview().innerText()).resolves.toContain("001A000001");
    await expect(pane(page).getByTestId("kept-out-columns").innerText()).resolves.toBe("Kept out of the model: Partner, Region.");
    // The user picks the partner column.
    await nameColumn().selectOption({ label: "Partner" });
    const shown = await preview().innerText();
    expect(shown).toContain(`3 partners, with ratings for ${CRITERIA.join(", ")}`);
    for (const p of PARTNERS) expect(shown).toContain(p.name);
    expect(shown).not.toContain("001A");
    await expectCleanStep(page, "qualification-mapping-1-columns");
  });

  it("writes the matrix with the right scores from the mapped columns", async () => {
    await pane(page).getByRole("button", { name: "5. Review and write" }).click();
    await pane(page).getByRole("heading", { name: "Step 5 of 5: Review and write" }).waitFor();
    await pane(page).getByRole("button", { name: "Write the matrix" }).click();
    await pane(page).getByTestId("write-summary").waitFor();
    await expect(pane(page).getByTestId("write-summary").innerText()).resolves.toContain("3 partners in the matrix");
    for (const [p, partner] of PARTNERS.entries()) {
      await expect(cellText(page, address(p, 0))).resolves.toBe(partner.name);
      await expect(cellText(page, address(p, layout.columns.score))).resolves.toBe(
        partnerScore(partner.ratings, WEIGHTS, 5).toFixed(1),
      );
    }
    expect(pageErrors).toEqual([]);
  });
});
