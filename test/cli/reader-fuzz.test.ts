import fc from "fast-check";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { workbookParts, zipParts } from "./hostile-fixtures";
import { peCalcInProcess, ROOT, scratchFolder } from "./support";

/**
 * A seeded fuzz test of pe-calc's readers with a fixed budget (the same inputs every run): random
 * and mutated CSV, JSON and .xlsx parts must each end with exit status 0 or 1 and a message, never
 * an exception escaping the command (which the top-level guard would report as an internal error).
 */
const scratch = scratchFolder("pe-fuzz-");
const SEED = 20261207;

async function expectHandled(args: string[]): Promise<void> {
  const result = await peCalcInProcess(args);
  expect([0, 1]).toContain(result.status);
  if (result.status === 1) expect(result.stderr).toMatch(/^pe-calc /);
  expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
}

test("CSV reader: random text and bytes in the shape of partner lists", async () => {
  const cell = fc.oneof(
    fc.constantFrom("", "4", "4,5", "80%", "-1", "7", "1e400", '"', '""', "Acme", "=cmd|' /C calc'!A0", "\u0000", "Métro"),
    fc.string({ maxLength: 12 }),
  );
  const delimiter = fc.constantFrom(",", ";", "\t", "|");
  const table = fc
    .tuple(
      delimiter,
      fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 6 }),
      fc.constantFrom("\n", "\r\n", "\r"),
    )
    .map(([d, rows, eol]) =>
      Buffer.from(["Partner" + d + "Strategic fit" + d + "Region", ...rows.map((r) => r.join(d))].join(eol)),
    );
  const input = fc.oneof(
    { weight: 4, arbitrary: table },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map(Buffer.from) },
  );
  await fc.assert(
    fc.asyncProperty(input, async (bytes) => {
      const file = scratch.path("fuzz.csv");
      writeFileSync(file, bytes);
      await expectHandled(["new", "qualification", "--partners", file, "-o", scratch.path("fuzz-q.xlsx"), "--force"]);
    }),
    { seed: SEED, numRuns: 60 },
  );
}, 120_000);

test("JSON reader: the deal example with random values in its fields, and random text", async () => {
  const example = JSON.parse(readFileSync(join(ROOT, "docs/examples/deal.json"), "utf8")) as Record<string, unknown>;
  const keys = Object.keys(example);
  const mutated = fc
    .tuple(fc.constantFrom(...keys, "ui", "unknownField"), fc.jsonValue({ maxDepth: 4 }))
    .map(([key, value]) => JSON.stringify({ ...example, [key]: value }));
  const truncated = fc.nat({ max: 400 }).map((n) => JSON.stringify(example).slice(0, n));
  const input = fc.oneof(mutated, truncated, fc.string({ maxLength: 60 }));
  await fc.assert(
    fc.asyncProperty(input, async (text) => {
      const file = scratch.path("fuzz.json");
      writeFileSync(file, text);
      await expectHandled(["new", "deal", "--from", file, "-o", scratch.path("fuzz-d.xlsx"), "--force"]);
    }),
    { seed: SEED, numRuns: 60 },
  );
}, 120_000);

test(".xlsx reader: a workbook's XML parts with bytes changed, cut or inserted", async () => {
  const parts = await workbookParts((ws) => {
    ws.getCell("A1").value = 2;
    ws.getCell("B1").value = "text";
    ws.getCell("A2").value = { formula: "A1*2+LEN(B1)" } as never;
  });
  const names = [
    "xl/worksheets/sheet1.xml",
    "xl/workbook.xml",
    "xl/sharedStrings.xml",
    "[Content_Types].xml",
    "xl/_rels/workbook.xml.rels",
  ].filter((name) => parts.has(name));
  const edit = fc.record({
    part: fc.constantFrom(...names),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom("flip", "cut", "insert"),
    text: fc.constantFrom(
      "<",
      ">",
      '"',
      "&",
      '<c r="XFD1048576"><v>1</v></c>',
      "<f>" + "SUM(".repeat(70) + "</f>",
      "\u0000",
      'r="A0"',
    ),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
      const changed = new Map(parts);
      for (const { part, at, kind, text } of edits) {
        const xml = changed.get(part)!.toString("latin1");
        const i = Math.floor(at * xml.length);
        const next =
          kind === "cut"
            ? xml.slice(0, i)
            : kind === "insert"
              ? xml.slice(0, i) + text + xml.slice(i)
              : xml.slice(0, i) + text + xml.slice(i + 1);
        changed.set(part, Buffer.from(next, "latin1"));
      }
      const file = scratch.path("fuzz.xlsx");
      writeFileSync(file, zipParts(changed));
      await expectHandled(["recalc", file, "--csv", "Sheet1"]);
    }),
    { seed: SEED, numRuns: 50 },
  );
}, 120_000);
