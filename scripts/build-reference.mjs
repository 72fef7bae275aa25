// Rewrites the function reference inside README.md; `--check` fails instead when it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadReferenceSources, renderReferenceMarkdown, replaceReference, root } from "./reference.mjs";

const readmePath = resolve(root, "README.md");
const readme = readFileSync(readmePath, "utf8");
const updated = replaceReference(readme, renderReferenceMarkdown(loadReferenceSources()));
if (process.argv.includes("--check")) {
  if (updated !== readme) {
    console.error("README.md's function reference is stale: run `npm run build:reference`.");
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  console.log("README.md: function reference updated");
}
