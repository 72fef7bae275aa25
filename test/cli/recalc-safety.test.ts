import JSZip from "jszip";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../../src/cli/io";
import { runCli } from "../../src/cli/run-cli";

/** recalc never rewrites in place a workbook whose charts or macros ExcelJS would drop. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pe-recalc-safety-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), readStdin: async () => "", stdinIsTerminal: false };
  return { status: await runCli(args, io), stdout, stderr };
}

async function bookWithChart(): Promise<string> {
  const csv = join(dir, "partners.csv");
  writeFileSync(csv, "Name,Strategic fit\nAcme,4\n");
  const book = join(dir, "charted.xlsx");
  expect((await run(["new", "qualification", "--partners", csv, "-o", book])).status).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(book));
  zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
  zip.file("xl/vbaProject.bin", "macros");
  writeFileSync(book, await zip.generateAsync({ type: "nodebuffer" }));
  return book;
}

test("refuses to rewrite in place and leaves the file untouched", async () => {
  const book = await bookWithChart();
  const before = readFileSync(book);
  const result = await run(["recalc", book]);
  expect(result.status).toBe(1);
  expect(result.stderr).toBe(
    `pe-calc recalc: ${book} has charts, macros, which recalc cannot carry over: write the results to a new file with -o out.xlsx\n`,
  );
  expect(readFileSync(book).equals(before)).toBe(true);
});

test("writes to another file with -o and says what that copy lacks", async () => {
  const book = await bookWithChart();
  const out = join(dir, "out.xlsx");
  const result = await run(["recalc", book, "-o", out]);
  expect(result.status).toBe(0);
  expect(result.stderr).toBe(`pe-calc recalc: note: ${out} does not keep the charts, macros of ${book}\n`);
  expect(result.stdout).toMatch(/^recalculated \d+ formulas/);
});
