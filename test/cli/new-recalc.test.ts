import JSZip from "jszip";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { ensureCliBuilt, openWorkbook, peCalc, peCalcInProcess, scratchFolder } from "./support";

/** `pe-calc new qualification` and `pe-calc recalc`: in process for the details, through the built command for exit codes. */
const scratch = scratchFolder("pe-calc-");
const { file } = scratch;

// Header in another order and case; a quoted name with a comma, a quoted name that looks like a formula, a blank rating.
const CSV = [
  "Name,TRACK RECORD,strategic fit,Market Reach,Capabilities,Financial health",
  "Acme,4,5,5,5,4",
  '"Globex, Inc.",2,4,4,3,3',
  "\"=cmd|' /C calc'!A0\",5,3,,4,4",
  "",
].join("\r\n");

describe("pe-calc new qualification", () => {
  test("writes the matrix from a CSV: names as text, ratings by header, cached scores", async () => {
    const partners = file("partners.csv", CSV);
    const output = file("matrix.xlsx");
    const result = await peCalcInProcess(["new", "qualification", "--partners", partners, "-o", output]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`wrote ${output}: sheet "Qualification", 3 partners in table QualificationMatrix (A10:L13)\n`);
    // The plan's chart is in the file (DrawingML parts), so nothing is left to warn about.
    expect(result.stderr).not.toMatch(/chart/);
    expect((await JSZip.loadAsync(readFileSync(output))).file("xl/charts/chart1.xml")).not.toBeNull();

    const ws = (await openWorkbook(output)).getWorksheet("Qualification")!;
    expect([11, 12, 13].map((r) => ws.getCell(r, 1).value)).toEqual(["Acme", "Globex, Inc.", "=cmd|' /C calc'!A0"]);
    expect(ws.getCell("A13").formula).toBeUndefined();
    // ratings land under their criterion, whatever the CSV's column order
    expect([2, 3, 4, 5, 6].map((c) => ws.getCell(11, c).value)).toEqual([5, 5, 5, 4, 4]);
    expect(ws.getCell("C13").value).toBeNull();
    // Acme 475/500 = 95; Globex 345/500 = 69; the third 3,_,4,4,5 is scored over the four criteria
    // rated (weights 30+20+15+10 = 75): 90+80+60+50 = 280/375 = 74.67, Tier 2 until market reach is rated
    [95, 69, 280 / 3.75].forEach((score, i) => expect(ws.getCell(11 + i, 7).result).toBeCloseTo(score, 9));
    expect(["H11", "H12", "H13"].map((a) => ws.getCell(a).result)).toEqual(["Tier 1", "Tier 3", "Tier 2 (provisional)"]);
    expect(ws.getCell("J13").result).toBe("Missing 1");
  });

  test("--sheet names the sheet", async () => {
    const output = file("named.xlsx");
    expect(
      (
        await peCalcInProcess([
          "new",
          "qualification",
          "--partners",
          file("p2.csv", "Partner\nAcme\n"),
          `--sheet=Q 2025`,
          "-o",
          output,
        ])
      ).status,
    ).toBe(0);
    expect((await openWorkbook(output)).getWorksheet("Q 2025")).toBeDefined();
  });

  test("columns that name no criterion are kept out, with a note", async () => {
    const partners = file("extra.csv", "Partner,Strategic fit,Reach\nAcme,1,2\n");
    const result = await peCalcInProcess(["new", "qualification", "--partners", partners, "-o", file("extra.xlsx")]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(
      'pe-calc new qualification: note: columns kept out of the matrix: Reach (rate them with --criteria "Column=weight,…")\n',
    );
  });

  test.each([
    ["Partner,Capabilities\nAcme,high\n", ':2:2: "high" under "Capabilities" is not a number (ratings run 0 to 5)'],
    [
      "Partner,Capabilities\nAcme,3\nGlobex,7\n",
      ':3:2: 7 under "Capabilities" is outside the scale: ratings run 0 to 5 (use --scale to change the top of the scale)',
    ],
    ['Partner\n"Acme,2\n', ':2:1: not valid CSV: a quoted field is not closed (a missing ")'],
    ["", ":1:1: the file is empty: put a header row first, then one partner a line"],
    ["Partner,Capabilities,capabilities\nAcme,1,2\n", ':1:3: the header "capabilities" repeats column 2\'s: rename one of them'],
  ])("a bad partner file gives one line and exit 1 (%#)", async (csv, message) => {
    const partners = file("bad.csv", csv);
    const result = await peCalcInProcess(["new", "qualification", "--partners", partners, "-o", file("bad.xlsx")]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(result.stderr).toContain(`pe-calc new qualification: ${partners}${message}`);
  });

  test("a missing file or an unwritable output is one line, exit 1", async () => {
    const missing = await peCalcInProcess(["new", "qualification", "--partners", scratch.path("nope.csv"), "-o", file("x.xlsx")]);
    expect(missing).toEqual({
      status: 1,
      stdout: "",
      stderr: `pe-calc new qualification: cannot read ${scratch.path("nope.csv")}: no such file or folder\n`,
    });
    const unwritable = await peCalcInProcess([
      "new",
      "qualification",
      "--partners",
      file("ok.csv", "P\nA\n"),
      "-o",
      scratch.path("no-such-folder", "x.xlsx"),
    ]);
    expect(unwritable.status).toBe(1);
    expect(unwritable.stderr).toBe(
      `pe-calc new qualification: cannot write ${scratch.path("no-such-folder", "x.xlsx")}: its folder does not exist\n`,
    );
  });

  test.each([
    [
      ["new"],
      "pe-calc new: say which model to build: use qualification, deal, charter, scorecard, deal-options, payouts (pe-calc new --help)\n",
    ],
    [
      ["new", "budget"],
      'pe-calc new: unknown model "budget": use qualification, deal, charter, scorecard, deal-options, payouts (pe-calc new --help)\n',
    ],
    [["new", "qualification", "-o", "x.xlsx"], "pe-calc new qualification: --partners is required (pe-calc new --help)\n"],
    [
      ["new", "qualification", "--partners", "p.csv"],
      "pe-calc new qualification: -o out.xlsx is required (pe-calc new --help)\n",
    ],
    [["new", "qualification", "--partners"], "pe-calc new qualification: --partners needs a value (pe-calc new --help)\n"],
    [["new", "qualification", "--colour", "red"], "pe-calc new qualification: unknown option --colour (pe-calc new --help)\n"],
  ])("usage errors: %j", async (args, message) => {
    expect(await peCalcInProcess(args)).toEqual({ status: 2, stdout: "", stderr: message });
  });
});

describe("pe-calc recalc", () => {
  async function matrix(name: string): Promise<string> {
    const output = file(name);
    await peCalcInProcess(["new", "qualification", "--partners", file(`${name}.csv`, CSV), "-o", output]);
    return output;
  }

  test("recalculates after an input changed in the file and writes the new cached values", async () => {
    const book = await matrix("book.xlsx");
    const workbook = await openWorkbook(book);
    workbook.getWorksheet("Qualification")!.getCell("C4").value = 0; // Track record's weight is column F; Market reach (C4) drops to 0
    await workbook.xlsx.writeFile(book);

    const out = file("out.xlsx");
    const result = await peCalcInProcess(["recalc", book, "-o", out]);
    expect(result).toEqual({ status: 0, stdout: `recalculated 24 formulas in ${book}, wrote ${out}\n`, stderr: "" });
    const ws = (await openWorkbook(out)).getWorksheet("Qualification")!;
    // weights 30/0/20/15/10 (sum 75): Acme (150+0+100+60+40)/375 = 93.33; Globex (120+60+45+20)/375 = 65.33
    expect(ws.getCell("G11").result).toBeCloseTo(93.3333, 4);
    expect(ws.getCell("G12").result).toBeCloseTo(65.3333, 4);
    expect(ws.getCell("G4").result).toBe(75);
    // The formula stays as the file stores it: structured references, the add-in call under its file prefix.
    expect(ws.getCell("G11").formula).toMatch(
      /^IF\(COUNT\(QualificationMatrix\[\[#This Row\],\[Strategic fit\]:\[Track record\]\]\)=0,"",_xldudf_PE_PARTNER_SCORE\(/,
    );
  });

  test("results of 0 and FALSE survive a recalculation (ExcelJS drops falsy results unless written carefully)", async () => {
    const book = await matrix("falsy.xlsx");
    const out = file("falsy-out.xlsx");
    expect((await peCalcInProcess(["recalc", book, "-o", out])).status).toBe(0);
    const ws = (await openWorkbook(out)).getWorksheet("Qualification")!;
    expect(ws.getCell("K11").result).toBe(0);
    expect(ws.getCell("L12").result).toBe(false);
  });

  test("without -o or --csv the workbook itself gets the new values", async () => {
    const book = await matrix("inplace.xlsx");
    const workbook = await openWorkbook(book);
    workbook.getWorksheet("Qualification")!.getCell("B5").value = 10;
    await workbook.xlsx.writeFile(book);
    expect((await peCalcInProcess(["recalc", book])).stdout).toBe(`recalculated 24 formulas in ${book}\n`);
    expect((await openWorkbook(book)).getWorksheet("Qualification")!.getCell("G11").result).toBe(47.5);
  });

  test("--csv prints a sheet's computed values, quoted where needed", async () => {
    // The third partner lacks one rating: scored over the rest (74.67), ranked 2nd, its tier provisional.
    const THIRD = "'=cmd|' /C calc'!A0,3,,4,4,5,74.6666666666667,Tier 2 (provisional),2,Missing 1,10.3333333333333,TRUE,,";
    const book = await matrix("csv.xlsx");
    const before = readFileSync(book);
    const result = await peCalcInProcess(["recalc", book, "--csv", "QUALIFICATION"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.split("\r\n");
    expect(lines[9]).toBe(
      "Partner,Strategic fit,Market reach,Capabilities,Financial health,Track record,Score,Tier,Rank,Complete?,Gap to next tier,Tier stable?,,",
    );
    expect(lines[10]).toBe("Acme,5,5,5,4,4,95,Tier 1,1,Yes,0,TRUE,,");
    expect(lines[11]).toBe('"Globex, Inc.",4,4,3,3,2,69,Tier 3,3,Yes,1,FALSE,,');
    // Formula-like text is neutralised with a leading ' (OWASP CSV injection); --raw prints it as is.
    expect(lines[12]).toBe(THIRD);
    const raw = await peCalcInProcess(["recalc", book, "--csv", "Qualification", "--raw"]);
    expect(raw.stdout.split("\r\n")[12]).toBe(THIRD.slice(1));
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test("a workbook saved by Excel: add-in and newer functions under their file prefixes", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Data");
    ws.addRow([5, 4, 3, 2, 1]);
    ws.getCell("F1").value = { formula: "_xldudf_PE_PARTNER_SCORE(A1:E1)" } as ExcelJS.CellFormulaValue;
    ws.getCell("G1").value = { formula: '_xlfn.IFS(F1>50,"_xlfn.kept",TRUE,"low")' } as ExcelJS.CellFormulaValue;
    ws.getCell("H1").value = { formula: "_xldudf_PE_TIER(F1)" } as ExcelJS.CellFormulaValue;
    ws.getCell("A2").value = "12";
    ws.getCell("B2").value = { formula: "ISTEXT(A2)" } as ExcelJS.CellFormulaValue;
    const book = file("excel.xlsx");
    await workbook.xlsx.writeFile(book);
    expect((await peCalcInProcess(["recalc", book, "--csv", "Data"])).stdout).toBe(
      "5,4,3,2,1,70,_xlfn.kept,Tier 2\r\n12,TRUE,,,,,,\r\n",
    );
  });

  test("bad files and sheets are one line, exit 1", async () => {
    const notZip = file("fake.xlsx", "Partner\nAcme\n");
    expect(await peCalcInProcess(["recalc", notZip])).toEqual({
      status: 1,
      stdout: "",
      stderr: `pe-calc recalc: ${notZip} is not an .xlsx workbook (it is not a zip archive)\n`,
    });
    expect(await peCalcInProcess(["recalc", scratch.path("missing.xlsx")])).toEqual({
      status: 1,
      stdout: "",
      stderr: `pe-calc recalc: cannot read ${scratch.path("missing.xlsx")}: no such file or folder\n`,
    });
    const book = await matrix("sheets.xlsx");
    expect(await peCalcInProcess(["recalc", book, "--csv", "Summary"])).toEqual({
      status: 1,
      stdout: "",
      stderr: `pe-calc recalc: no sheet "Summary" in ${book}: its sheets are Qualification\n`,
    });
  });

  test.each([
    [["recalc"], "pe-calc recalc: say which workbook to recalculate: pe-calc recalc book.xlsx (pe-calc recalc --help)\n"],
    [["recalc", "a.xlsx", "b.xlsx"], "pe-calc recalc: one workbook at a time (got a.xlsx, b.xlsx) (pe-calc recalc --help)\n"],
    [["recalc", "a.xlsx", "--csv"], "pe-calc recalc: --csv needs a value (pe-calc recalc --help)\n"],
  ])("usage errors: %j", async (args, message) => {
    expect(await peCalcInProcess(args)).toEqual({ status: 2, stdout: "", stderr: message });
  });
});

describe("the built pe-calc", () => {
  beforeAll(ensureCliBuilt);

  test("new and recalc run end to end and fail with one line and a non-zero status", () => {
    const partners = file("e2e.csv", CSV);
    const output = file("e2e.xlsx");
    expect(peCalc(["new", "qualification", "--partners", partners, "-o", output]).status).toBe(0);
    const csv = peCalc(["recalc", output, "--csv", "Qualification"]);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toContain("\r\nAcme,5,5,5,4,4,95,Tier 1,1,Yes,0,TRUE,,\r\n");

    const bad = peCalc([
      "new",
      "qualification",
      "--partners",
      file("e2e-bad.csv", "Partner,Capabilities\nA,x\n"),
      "-o",
      file("e2e-bad.xlsx"),
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    const usage = peCalc(["recalc"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim().split("\n")).toHaveLength(1);
  });
});
