import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildXlsx, f, v } from "../engine/xlsx-fixture";
import { ensureCliBuilt, peCalcInProcess, ROOT, scratchFolder } from "./support";

/** `pe-calc check`: per file "N of M formula cells agree", each disagreement, --json, exit 0/1/2. */
describe("pe-calc check", () => {
  const scratch = scratchFolder("pe-check-");

  async function book(name: string, rows: string): Promise<string> {
    const path = scratch.path(name);
    writeFileSync(path, await buildXlsx({ sheets: [{ name: "Data", rows }] }));
    return path;
  }

  test("all cells agree: one line, exit 0", async () => {
    const path = await book("good.xlsx", v("A1", 2) + f("B1", "A1*2", 4) + f("B2", "TODAY()", 1));
    expect(await peCalcInProcess(["check", path])).toEqual({
      status: 0,
      stdout: `${path}: 1 of 1 formula cells agree (1 volatile not counted)\n`,
      stderr: "",
    });
  });

  test("a disagreement is listed with cell, formula, Excel's value, ours and a reason; exit 1; --json for machines", async () => {
    const good = await book("good2.xlsx", v("A1", 2) + f("B1", "A1*2", 4));
    const bad = await book("bad.xlsx", v("A1", 2) + f("B1", "A1*2", 5) + f("B2", "NOSUCHFN(A1)", 1));
    const text = await peCalcInProcess(["check", good, bad]);
    expect(text.status).toBe(1);
    expect(text.stdout).toBe(
      `${good}: 1 of 1 formula cells agree\n` +
        `${bad}: 0 of 2 formula cells agree\n` +
        "  Data!B1  =A1*2  Excel: 5  ours: 4  (different value)\n" +
        "  Data!B2  =NOSUCHFN(A1)  Excel: 1  ours: #NAME?  (unsupported function NOSUCHFN)\n",
    );
    const json = await peCalcInProcess(["check", "--json", bad]);
    expect(json.status).toBe(1);
    const [result] = JSON.parse(json.stdout);
    expect(result).toMatchObject({ file: bad, counted: 2, agreeing: 0, volatile: [] });
    expect(result.disagreements[0]).toEqual({ cell: "Data!B1", formula: "=A1*2", excel: 5, ours: 4, reason: "different value" });
  });

  test("a file that cannot be read fails with one line; usage errors exit 2", async () => {
    const notZip = scratch.path("not.xlsx");
    writeFileSync(notZip, "hello");
    const result = await peCalcInProcess(["check", notZip]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`${notZip}: ${notZip} cannot be checked: it is not a zip archive\n`);
    expect((await peCalcInProcess(["check"])).status).toBe(2);
    expect((await peCalcInProcess(["check", "--nope", notZip])).stderr).toBe(
      "pe-calc check: unknown option --nope (pe-calc check --help)\n",
    );
  });

  test("a sparse sheet (cells at XFD1 and A39000, and past HyperFormula's 40,000-row default) loads with a heap of 200 MB", async () => {
    ensureCliBuilt();
    const path = await book(
      "sparse.xlsx",
      v("XFD1", 1) + v("A39000", 2) + f("B39000", "A39000+XFD1", 3) + f("A1048576", "B39000*2", 6),
    );
    const run = spawnSync(process.execPath, ["--max-old-space-size=200", join(ROOT, "bin/pe-calc.js"), "check", path], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`${path}: 2 of 2 formula cells agree\n`);
    expect(run.status).toBe(0);
  });
});
