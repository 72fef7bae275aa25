// Generates generated/functions.json from the JSDoc in src/functions/functions.ts, the same way
// the webpack plugin does for the add-in, and fails on any metadata error (the library's own CLI
// exits 0 on errors, so it is not used).
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const input = resolve(root, "src/functions/functions.ts");
const output = resolve(root, "generated/functions.json");

const result = await generateCustomFunctionsMetadata(input, false);
if (result.errors.length > 0) {
  for (const error of result.errors) console.error(`functions.ts: ${error}`);
  process.exit(1);
}
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(JSON.parse(result.metadataJson), null, 2)}\n`);
console.log(`functions.json: ${JSON.parse(result.metadataJson).functions.length} functions`);
