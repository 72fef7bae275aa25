import JSZip from "jszip";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { peCalcInProcess, scratchFolder } from "./support";

/**
 * recalc only patches cached values (recalc-write.ts), so a workbook with charts or macros is safe
 * to rewrite in place, and `-o` naming the input in any spelling is that same in-place rewrite.
 */
const scratch = scratchFolder("pe-recalc-safety-");

async function bookWithChart(name: string): Promise<string> {
  const csv = scratch.path(`${name}.csv`);
  writeFileSync(csv, "Name,Strategic fit\nAcme,4\n");
  const book = scratch.path(`${name}.xlsx`);
  expect((await peCalcInProcess(["new", "qualification", "--partners", csv, "-o", book, "--force"])).status).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(book));
  zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
  zip.file("xl/vbaProject.bin", "macros");
  writeFileSync(book, await zip.generateAsync({ type: "nodebuffer" }));
  return book;
}

async function partsOf(book: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(book));
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir && !n.startsWith("xl/worksheets/")))
    parts[name] = await zip.file(name)!.async("base64");
  return parts;
}

test.each([
  ["no -o", (_book: string) => undefined],
  ["./ relative", (book: string) => `./${relative(process.cwd(), book)}`],
  ["absolute", (book: string) => book],
  [
    "through a symlink",
    (book: string) => {
      const link = scratch.path(`link-${Math.random().toString(36).slice(2)}.xlsx`);
      symlinkSync(book, link);
      return link;
    },
  ],
])("recalculating in place (%s) keeps charts and macros byte for byte", async (label, spell) => {
  const book = await bookWithChart(`charted-${label.replace(/\W+/g, "-")}`);
  const before = await partsOf(book);
  const target = spell(book);
  const result = await peCalcInProcess(["recalc", book, ...(target === undefined ? [] : ["-o", target])]);
  expect(result).toEqual({ status: 0, stdout: expect.stringMatching(/^recalculated \d+ formulas in .*\n$/), stderr: "" });
  expect(result.stdout).not.toContain("wrote");
  expect(await partsOf(book)).toEqual(before);
});

test("an existing output is replaced only with --force", async () => {
  const book = await bookWithChart("forced");
  const out = scratch.path("taken.xlsx");
  writeFileSync(out, "keep me");
  const refused = await peCalcInProcess(["recalc", book, "-o", out]);
  expect(refused).toEqual({
    status: 1,
    stdout: "",
    stderr: `pe-calc recalc: ${out} already exists: choose another output file, or add --force (-f) to replace it\n`,
  });
  expect(readFileSync(out, "utf8")).toBe("keep me");
  expect((await peCalcInProcess(["recalc", book, "-o", out, "-f"])).status).toBe(0);
  expect(readFileSync(out, "utf8")).not.toBe("keep me");
});
