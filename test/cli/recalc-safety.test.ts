import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import { peCalcInProcess, scratchFolder } from "./support";

/** recalc never rewrites in place a workbook whose charts or macros ExcelJS would drop. */
const scratch = scratchFolder("pe-recalc-safety-");

async function bookWithChart(): Promise<string> {
  const csv = scratch.path("partners.csv");
  writeFileSync(csv, "Name,Strategic fit\nAcme,4\n");
  const book = scratch.path("charted.xlsx");
  expect((await peCalcInProcess(["new", "qualification", "--partners", csv, "-o", book])).status).toBe(0);
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
