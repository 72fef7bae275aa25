import type { Browser, Page } from "playwright-core";
import { launchChromium, openPage, screenshot, seriousViolations } from "./browser";
import { builtPages, servePages, type ServedPages } from "./pages";
import { pane } from "./workbench-page";

/** What a browser test file runs against: the built pages served on loopback, and one Chromium. */
export interface BrowserSession {
  served: ServedPages;
  browser: Browser;
  close(): Promise<void>;
}

export async function startSession(): Promise<BrowserSession> {
  const served = await servePages(await builtPages());
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await served.close();
    throw error;
  }
  return {
    served,
    browser,
    close: async () => {
      await browser.close();
      await served.close();
    },
  };
}

/** A session with the workbench open on one wizard, and what its page reported as errors. */
export interface OpenedWizard {
  session: BrowserSession;
  page: Page;
  errors: string[];
}

/**
 * What every wizard's test file does first: start a session, open the workbench, set how long a
 * page action may wait (`timeoutMs`; Playwright's default without it), pick the wizard's `tab`
 * (the first wizard without it) and wait for its first step's heading.
 */
export async function openWizard(firstStep: string, options: { tab?: string; timeoutMs?: number } = {}): Promise<OpenedWizard> {
  const session = await startSession();
  try {
    const { page, errors } = await openPage(session.browser, session.served.origin, "index.html");
    if (options.timeoutMs !== undefined) page.setDefaultTimeout(options.timeoutMs);
    if (options.tab !== undefined) await pane(page).getByRole("tab", { name: options.tab }).click();
    await pane(page).getByRole("heading", { name: firstStep }).waitFor();
    return { session, page, errors };
  } catch (error) {
    await session.close();
    throw error;
  }
}

/** A wizard step as a person sees it: its screenshot saved as an artifact, and no serious or critical axe violation. */
export async function expectCleanStep(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await seriousViolations(page);
  expect({ step: name, violations }).toEqual({ step: name, violations: [] });
}
