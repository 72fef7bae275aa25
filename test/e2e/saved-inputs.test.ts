/**
 * A wizard's inputs are saved in the workbook 400 ms after the last change; leaving the wizard
 * before then (another tab of the pane) must still keep the edit, not drop it with the timer.
 */
import type { Page } from "playwright-core";
import { openPage } from "./support/browser";
import { startSession, type BrowserSession } from "./support/session";
import { pane } from "./support/workbench-page";

jest.setTimeout(120_000);

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startSession();
  ({ page } = await openPage(session.browser, session.served.origin, "index.html"));
  page.setDefaultTimeout(15_000);
}, 300_000);

afterAll(() => session?.close());

it("keeps an edit made just before switching to another wizard", async () => {
  await pane(page).getByRole("tab", { name: "Deal model" }).click();
  const partner = pane(page).getByRole("textbox", { name: "Partner", exact: true });
  await partner.fill("Switched-away Ltd");
  // At once, well inside the save delay: the deal wizard unmounts with its save still pending.
  await pane(page).getByRole("tab", { name: "Charter" }).click();
  await pane(page).getByRole("tab", { name: "Deal model" }).click();
  await expect(pane(page).getByRole("textbox", { name: "Partner", exact: true }).inputValue()).resolves.toBe("Switched-away Ltd");
});
