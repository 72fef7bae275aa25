// Bundles the pe-calc command into one file, dist/node/pe-calc.cjs, so that `npx pe-calc` starts
// without a TypeScript toolchain, then warms a V8 code cache for it (see bin/pe-calc.js).
//
// The packages are bundled too: resolving and reading the hundreds of files of ExcelJS and
// HyperFormula (and compiling them one by one) cost more start-up time than everything else a
// 1,000-partner `pe-calc new` does outside the engine. Measured on the shared 2-core machine, CPU
// time to load each package: ExcelJS 244 → 88 ms, HyperFormula 116 → 50 ms (min of 5 runs). Each
// module still runs only when a command first uses it (esbuild's lazy module initialisers), so
// `recalc` never initialises ExcelJS and `--help` no engine.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = resolve(root, "dist/node");

// The build id names the code cache that belongs to this bundle: bin/pe-calc.js reads it from the
// first line and never uses a cache made for another build.
const buildId = randomBytes(8).toString("hex");
mkdirSync(outdir, { recursive: true });
for (const stale of readdirSync(outdir, { withFileTypes: true }).filter((e) => e.name.endsWith(".code-cache")))
  rmSync(join(outdir, stale.name), { force: true });

/**
 * Packages resolve to their CommonJS builds, the code Node itself loads for `require`. Bundling
 * HyperFormula's ES build instead routes its every call into chevrotain (CommonJS) through an
 * interop getter: 5% of a 10,000-partner `pe-calc new`, in the lexer's hottest loop.
 */
const commonJsPackages = {
  name: "commonjs-packages",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind !== "import-statement" && args.kind !== "dynamic-import") return undefined;
      if (args.pluginData === "commonjs") return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: "require-call",
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "commonjs",
      });
      return resolved.errors.length > 0 ? undefined : resolved;
    });
  },
};

await build({
  entryPoints: { "pe-calc": resolve(root, "src/cli/main.ts") },
  plugins: [commonJsPackages],
  outdir,
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  banner: { js: `// pe-calc build ${buildId}` },
  sourcemap: true,
  logLevel: "warning",
});

// esbuild escapes non-ASCII characters in code (charset "ascii"), but comments it keeps may hold a
// few (an em dash in a package's JSDoc). One of them makes V8 hold the whole 6 MB source as a
// two-byte string and decode it as UTF-8 at every start; escaped, the source is plain ASCII and
// bin/pe-calc.js reads it as Latin-1, the fast path (about 15 ms of each start here).
const bundlePath = join(outdir, "pe-calc.cjs");
const bundled = readFileSync(bundlePath, "utf8");
writeFileSync(
  bundlePath,
  bundled.replace(/[^\t\n\r\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`),
);

// Warm-up: the commands users run most, each leaving what V8 compiled in the code cache
// (bin/pe-calc.js writes it at exit when PE_CALC_WRITE_CODE_CACHE=1). A run without a usable cache
// compiles from source as before, so a failure here only costs speed.
const scratch = mkdtempSync(join(tmpdir(), "pe-calc-warm-"));
try {
  const partners = join(scratch, "partners.csv");
  writeFileSync(
    partners,
    "Name,Strategic fit,Market reach,Capabilities,Financial health,Track record\nNorth,5,4,3,2,1\nSouth,1,2,3,4,5\nEast,3,,3,3,3\n",
  );
  const book = join(scratch, "matrix.xlsx");
  const runs = [
    ["new", "qualification", "--partners", partners, "-o", book],
    ["recalc", book, "-o", join(scratch, "recalculated.xlsx")],
    ["eval", "=PE.TIER(PE.PARTNER_SCORE({5,4,3,2,1}))"],
  ];
  for (const args of runs) {
    const run = spawnSync(process.execPath, [join(root, "bin/pe-calc.js"), ...args], {
      env: { ...process.env, PE_CALC_WRITE_CODE_CACHE: "1" },
      encoding: "utf8",
    });
    if (run.status !== 0) {
      console.warn(
        `pe-calc code cache: warm-up "pe-calc ${args[0]}" failed (${run.stderr.trim()}); pe-calc still works, only starts slower`,
      );
      break;
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
