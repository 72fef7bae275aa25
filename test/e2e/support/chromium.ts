/**
 * Finds Debian's Chromium (or CHROMIUM_PATH) for Playwright. On a fresh Debian machine where the
 * tests run as root it installs the `chromium` package; anywhere else a missing browser fails
 * with one line saying how to get it. Never `npx playwright install`: no downloads from the web.
 */
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function found(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist: point it at a Chromium or Chrome binary`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

function canInstallWithApt(): boolean {
  return (
    process.platform === "linux" &&
    process.getuid?.() === 0 &&
    existsSync("/etc/debian_version") &&
    existsSync("/usr/bin/apt-get")
  );
}

export function chromiumPath(): string {
  const path = found();
  if (path) return path;
  if (canInstallWithApt()) {
    execSync("apt-get update && apt-get install -y chromium", {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    const installed = found();
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium for the browser tests: install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary",
  );
}
