#!/usr/bin/env node
// Launcher for the bundled pe-calc command (built by `npm ci` / `npm install` through `prepare`).
//
// The bundle is compiled with the V8 code cache that scripts/build-node.mjs warmed for it, so a
// run skips most parsing and compiling (Node 20 has no compile cache of its own; 22's
// module.enableCompileCache does the same). The cache is used only when its build id matches the
// bundle's first line, and V8 itself rejects one made by another V8 version or with other flags:
// then the bundle is compiled from source, as a plain require would.
const path = require("node:path");
const fs = require("node:fs");
const vm = require("node:vm");
const { wrap } = require("node:module");

const bundle = path.join(__dirname, "..", "dist", "node", "pe-calc.cjs");
let source;
try {
  // Plain ASCII (scripts/build-node.mjs escapes the rest), so Latin-1 reads it exactly, and faster.
  source = fs.readFileSync(bundle, "latin1");
} catch {
  console.error("pe-calc is not built yet: run `npm run build:node` (npm ci does it for you).");
  process.exit(2);
}
const buildId = /^\/\/ pe-calc build ([0-9a-f]+)/.exec(source)?.[1];
const cacheFile = buildId === undefined ? undefined : path.join(path.dirname(bundle), `pe-calc.${buildId}.code-cache`);
let cachedData;
try {
  if (cacheFile !== undefined) cachedData = fs.readFileSync(cacheFile);
} catch {
  // No cache yet: compile from source.
}
const script = new vm.Script(wrap(source), { filename: bundle, cachedData });
if (process.env.PE_CALC_WRITE_CODE_CACHE === "1" && cacheFile !== undefined) {
  // Taken at exit, so it holds every function this run compiled, not only the top level.
  process.on("exit", () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
const bundleModule = { exports: {} };
script.runInThisContext()(bundleModule.exports, require, bundleModule, bundle, path.dirname(bundle));
