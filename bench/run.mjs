// `npm run bench`: bundles bench/main.ts with esbuild (no TypeScript toolchain at run time), then
// runs it in a fresh Node process with --expose-gc so that rounds start from a collected heap.
// Arguments pass through: `npm run bench -- --only matrix --quick`, `-- --help`.
// BENCH_NODE_OPTIONS adds Node flags, e.g. BENCH_NODE_OPTIONS=--cpu-prof to profile a case.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// Inside node_modules so that the bundle resolves the project's packages (kept external).
const outfile = join(root, "node_modules", ".cache", "pe-bench", "bench.cjs");
mkdirSync(dirname(outfile), { recursive: true });

await build({
  entryPoints: [join(root, "bench", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: "inline",
  logLevel: "warning",
  define: { BENCH_PROJECT_ROOT: JSON.stringify(root) },
});

const extraFlags = (process.env.BENCH_NODE_OPTIONS ?? "").split(/\s+/).filter(Boolean);
const result = spawnSync(
  process.execPath,
  ["--expose-gc", "--enable-source-maps", "--max-old-space-size=3072", ...extraFlags, outfile, ...process.argv.slice(2)],
  { stdio: "inherit", cwd: root },
);
process.exit(result.status ?? 1);
