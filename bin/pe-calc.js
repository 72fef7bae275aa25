#!/usr/bin/env node
// Launcher for the bundled pe-calc command (built by `npm ci` / `npm install` through `prepare`).
const path = require("node:path");
const fs = require("node:fs");

const bundle = path.join(__dirname, "..", "dist", "node", "pe-calc.cjs");
if (!fs.existsSync(bundle)) {
  console.error("pe-calc is not built yet: run `npm run build:node` (npm ci does it for you).");
  process.exit(2);
}
require(bundle);
