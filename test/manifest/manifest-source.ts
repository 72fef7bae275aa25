import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export const projectRoot = resolve(__dirname, "..", "..");
export const manifestPath = resolve(projectRoot, "manifest.xml");

export function readManifest(): string {
  return readFileSync(manifestPath, "utf8");
}
