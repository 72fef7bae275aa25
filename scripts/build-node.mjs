// Bundles the Node entry points (the pe-calc command) into dist/node so that `npx pe-calc`
// starts without a TypeScript toolchain at run time. Packages stay external (installed by npm).
import { build } from "esbuild";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

await build({
  entryPoints: { "pe-calc": resolve(root, "src/cli/main.ts") },
  outdir: resolve(root, "dist/node"),
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
