/** One Chromium per test file, pages that never reach the internet, axe-core and screenshots. */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "./chromium";
import { projectRoot } from "./pages";

export const ARTIFACTS = resolve(projectRoot, "test-artifacts", "e2e");
const AXE = resolve(projectRoot, "node_modules/axe-core/axe.min.js");

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

export interface PageOptions {
  /** Serve the page without office.js (404), as on a machine where it is absent. */
  withoutOfficeJs?: boolean;
  /** A script served in place of office.js, from the CDN or the local copy (a stand-in for Excel). */
  officeJs?: string;
  /** The window's size in CSS pixels (default 1600 × 1000). */
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel: 2 is a display scaled to 200%. */
  deviceScaleFactor?: number;
}

/**
 * A fresh page (its own context: no storage shared between tests). Requests leave 127.0.0.1
 * never: Microsoft's office.js CDN is answered with an empty script, anything else is refused.
 */
export async function openPage(
  browser: Browser,
  origin: string,
  path: string,
  options: PageOptions = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1600, height: 1000 },
    deviceScaleFactor: options.deviceScaleFactor,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    const script = (body: string) => route.fulfill({ status: 200, contentType: "text/javascript", body });
    if (options.officeJs !== undefined && /\/office\.js(\?|$)/.test(url)) return script(options.officeJs);
    if (url.startsWith("https://appsforoffice.microsoft.com/")) return script("");
    if (options.withoutOfficeJs && url.includes("/office-js/")) return route.fulfill({ status: 404, body: "" });
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    return route.abort();
  });
  await page.goto(`${origin}/${path}`);
  return { page, errors };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core's serious and critical violations on the page as it is now. Tabster's focus sentinels
 * (`<i data-tabster-dummy tabindex=0 aria-hidden>`, which Fluent's TabList uses to route Tab
 * presses) are left out: they exist only to pass focus on at once, a known false positive of
 * aria-hidden-focus that Fluent closed as by design (microsoft/fluentui#27517).
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run({ include: [document], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * Saves the page as the user sees it, and the task pane whole (it scrolls on its own, so the
 * page shot may show only part of a step): `<name>.png` and `<name>-pane.png`.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = resolve(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  const pane = page.getByTestId("task-pane");
  if ((await pane.count()) === 1) {
    // Grow the window until the pane needs no scrolling, shoot it whole, then put the window back.
    const viewport = page.viewportSize() ?? { width: 1600, height: 1000 };
    const height = await pane.evaluate((element) => element.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height + 160) });
    await pane.screenshot({ path: resolve(ARTIFACTS, `${name}-pane.png`) });
    await page.setViewportSize(viewport);
  }
  return path;
}
