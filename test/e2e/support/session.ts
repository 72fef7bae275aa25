import type { Browser, Page } from "playwright-core";
import { launchChromium, screenshot, seriousViolations } from "./browser";
import { builtPages, servePages, type ServedPages } from "./pages";

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

/** A wizard step as a person sees it: its screenshot saved as an artifact, and no serious or critical axe violation. */
export async function expectCleanStep(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await seriousViolations(page);
  expect({ step: name, violations }).toEqual({ step: name, violations: [] });
}
