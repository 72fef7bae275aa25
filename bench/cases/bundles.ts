import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BenchOptions, CaseResult } from "../harness";

declare const BENCH_PROJECT_ROOT: string;

/**
 * Gzipped sizes from a production build (webpack.config.js into a temporary folder, so dist/ is
 * left alone): the functions chunk Excel loads for the custom functions, and the task pane's own
 * bundle. The pane page loads both (shared runtime); each is measured alone against its budget.
 * The budgets themselves are tested in test/build/bundles.test.ts.
 */
const BUDGETS_KB = { functions: 20, taskpane: 250 };

function scriptsOf(html: string): string[] {
  // The production page is minified: attribute values may be unquoted.
  const sources = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map(
    (match) => match[1] ?? match[2] ?? match[3],
  );
  return sources.filter((src) => !/^https?:/.test(src));
}

function gzippedKb(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

export async function bundleCases(options: BenchOptions & { skipBuild?: boolean }): Promise<CaseResult[]> {
  if (options.skipBuild) return [];
  const outputPath = mkdtempSync(join(tmpdir(), "pe-bench-build-"));
  try {
    const webpackCli = join(BENCH_PROJECT_ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const started = performance.now();
    const build = spawnSync(process.execPath, [webpackCli, "--mode", "production", "--env", `outputPath=${outputPath}`], {
      cwd: BENCH_PROJECT_ROOT,
      encoding: "utf8",
    });
    const buildSeconds = (performance.now() - started) / 1000;
    if (build.status !== 0) throw new Error(`the production build failed:\n${build.stdout}${build.stderr}`);
    const scripts = scriptsOf(readFileSync(join(outputPath, "taskpane.html"), "utf8"));
    const functionsFile = scripts.find((src) => /(^|\/)functions\.js$/.test(src));
    const paneFiles = scripts.filter((src) => src !== functionsFile);
    if (!functionsFile || paneFiles.length === 0)
      throw new Error(`taskpane.html does not load the expected scripts: ${scripts.join(", ")}`);
    const functionsKb = gzippedKb(join(outputPath, functionsFile));
    const paneKb = paneFiles.reduce((total, file) => total + gzippedKb(join(outputPath, file)), 0);
    const note = `production build in ${buildSeconds.toFixed(0)} s; gzip -9`;
    return [
      {
        case: `functions chunk (${functionsFile}), gzipped, against its 20 KB budget`,
        ours: functionsKb,
        reference: BUDGETS_KB.functions,
        ratio: functionsKb / BUDGETS_KB.functions,
        target: 1,
        met: functionsKb <= BUDGETS_KB.functions,
        unit: "KB",
        note,
      },
      {
        case: `task pane bundle (${paneFiles.join(" + ")}), gzipped, against its 250 KB budget`,
        ours: paneKb,
        reference: BUDGETS_KB.taskpane,
        ratio: paneKb / BUDGETS_KB.taskpane,
        target: 1,
        met: paneKb <= BUDGETS_KB.taskpane,
        unit: "KB",
        note,
      },
    ];
  } finally {
    rmSync(outputPath, { recursive: true, force: true });
  }
}
