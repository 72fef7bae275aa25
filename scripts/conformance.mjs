// npm run conformance -- DIR: runs `pe-calc check --json` over every .xlsx in DIR (one process per
// file, so one workbook's trouble cannot hide another's) and prints the totals; with a SOURCES.tsv
// beside the files (or in DIR's parent) that has `file` and `group` columns, also per group.
// Not part of npm test: the corpus is not ours to commit. Options: --by-reason lists the counted
// disagreements by reason class, largest first.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const byReason = args.includes("--by-reason");
const dir = args.find((arg) => !arg.startsWith("--"));
if (!dir || !existsSync(dir)) {
  console.error("usage: npm run conformance -- DIR [--by-reason]   (DIR holds the .xlsx files to check)");
  process.exit(2);
}

function groups() {
  const map = new Map();
  for (const candidate of [join(dir, "SOURCES.tsv"), join(dir, "..", "SOURCES.tsv")]) {
    if (!existsSync(candidate)) continue;
    const [header, ...lines] = readFileSync(candidate, "utf8").split(/\r?\n/).filter(Boolean);
    const columns = header.split("\t");
    const fileAt = columns.indexOf("file");
    const groupAt = columns.indexOf("group");
    if (fileAt < 0 || groupAt < 0) continue;
    for (const line of lines) {
      const fields = line.split("\t");
      map.set(basename(fields[fileAt]), fields[groupAt]);
    }
    break;
  }
  return map;
}

const groupOf = groups();
const files = readdirSync(dir)
  .filter((f) => f.toLowerCase().endsWith(".xlsx"))
  .sort();
const totals = new Map();
const reasons = new Map();
const add = (group, counted, agreeing, failed) => {
  const t = totals.get(group) ?? { files: 0, failed: 0, counted: 0, agreeing: 0 };
  t.files++;
  t.failed += failed ? 1 : 0;
  t.counted += counted;
  t.agreeing += agreeing;
  totals.set(group, t);
};
for (const file of files) {
  const path = join(dir, file);
  let output;
  try {
    output = execFileSync(process.execPath, [join(root, "bin", "pe-calc.js"), "check", "--json", path], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    output = error.stdout ?? "";
  }
  let result;
  try {
    [result] = JSON.parse(output);
  } catch {
    result = { failed: "the check crashed" };
  }
  const group = groupOf.get(file) ?? "-";
  if (result.failed) {
    console.log(`${file}  FAILED: ${result.failed}`);
    add(group, 0, 0, true);
    continue;
  }
  console.log(
    `${file}  ${result.agreeing} of ${result.counted}${result.volatile.length ? `  (${result.volatile.length} volatile)` : ""}`,
  );
  add(group, result.counted, result.agreeing, false);
  for (const d of result.disagreements) {
    const reason = d.reason.startsWith("follows ") ? "follows another disagreeing cell" : d.reason;
    const entry = reasons.get(reason) ?? { cells: 0, example: `${file} ${d.cell} ${d.formula}` };
    entry.cells++;
    reasons.set(reason, entry);
  }
}
const percent = (t) => (t.counted === 0 ? "-" : `${((100 * t.agreeing) / t.counted).toFixed(2)}%`);
const all = { files: 0, failed: 0, counted: 0, agreeing: 0 };
for (const t of totals.values()) for (const k of Object.keys(all)) all[k] += t[k];
console.log("");
console.log(
  `total: ${all.agreeing} of ${all.counted} counted formula cells agree (${percent(all)}), ${all.failed} of ${all.files} files failed`,
);
if (groupOf.size > 0) {
  for (const [group, t] of [...totals].sort()) {
    console.log(`  ${group}: ${t.agreeing} of ${t.counted} (${percent(t)}), ${t.failed} of ${t.files} files failed`);
  }
}
if (byReason) {
  console.log("\ndisagreements by reason:");
  for (const [reason, entry] of [...reasons].sort((a, b) => b[1].cells - a[1].cells)) {
    console.log(`  ${String(entry.cells).padStart(6)}  ${reason}   e.g. ${entry.example.slice(0, 140)}`);
  }
}
