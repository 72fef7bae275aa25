import JSZip from "jszip";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { peCalcInProcess, scratchFolder } from "./support";

/** recalc never rewrites in place a workbook whose charts or macros ExcelJS would drop. */
const scratch = scratchFolder("pe-recalc-safety-");

async function bookWithChart(): Promise<string> {
  const csv = scratch.path("partners.csv");
  writeFileSync(csv, "Name,Strategic fit\nAcme,4\n");
  const book = scratch.path("charted.xlsx");
  expect((await peCalcInProcess(["new", "qualification", "--partners", csv, "-o", book, "--force"])).status).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(book));
  zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
  zip.file("xl/vbaProject.bin", "macros");
  writeFileSync(book, await zip.generateAsync({ type: "nodebuffer" }));
  return book;
}

test("refuses to rewrite in place and leaves the file untouched", async () => {
  const book = await bookWithChart();
  const before = readFileSync(book);
  const result = await peCalcInProcess(["recalc", book]);
  expect(result.status).toBe(1);
  expect(result.stderr).toBe(
    `pe-calc recalc: ${book} has charts, macros, which recalc cannot carry over: write the results to a new file with -o out.xlsx\n`,
  );
  expect(readFileSync(book).equals(before)).toBe(true);
});

test("writes to another file with -o and says what that copy lacks", async () => {
  const book = await bookWithChart();
  const out = scratch.path("out.xlsx");
  const result = await peCalcInProcess(["recalc", book, "-o", out]);
  expect(result.status).toBe(0);
  expect(result.stderr).toBe(`pe-calc recalc: note: ${out} does not keep the charts, macros of ${book}\n`);
  expect(result.stdout).toMatch(/^recalculated \d+ formulas/);
});

test.each([
  ["./ relative", (book: string) => `./${relative(process.cwd(), book)}`],
  ["absolute", (book: string) => book],
  [
    "through a symlink",
    (book: string) => {
      const link = scratch.path("link-to-charted.xlsx");
      symlinkSync(book, link);
      return link;
    },
  ],
])("-o naming the input itself (%s) is the in-place rewrite: refused the same way", async (_, spell) => {
  const book = await bookWithChart();
  const before = readFileSync(book);
  const result = await peCalcInProcess(["recalc", book, "-o", spell(book)]);
  expect(result.status).toBe(1);
  expect(result.stderr).toBe(
    `pe-calc recalc: ${book} has charts, macros, which recalc cannot carry over: write the results to a new file with -o out.xlsx\n`,
  );
  expect(readFileSync(book).equals(before)).toBe(true);
});

test("an existing output is replaced only with --force", async () => {
  const book = await bookWithChart();
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
