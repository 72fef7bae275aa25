import { openPage } from "./support/browser";
import { startSession } from "./support/session";
import { pane } from "./support/workbench-page";
jest.setTimeout(300_000);
test("debug", async () => {
  const session = await startSession();
  const { page, errors } = await openPage(session.browser, session.served.origin, "index.html");
  page.on("console", (m) => console.log("console", m.type(), m.text().slice(0, 300)));
  await pane(page).getByRole("tab", { name: "Scorecard" }).click();
  await page.waitForTimeout(5000);
  console.log("errors", errors);
  console.log((await pane(page).innerText()).slice(0, 800));
  await session.close();
});
