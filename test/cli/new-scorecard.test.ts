import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsxSettings } from "../../src/workbook/appliers/xlsx";
import { columnLetters } from "../../src/workbook/a1";
import { buildScorecardPlan, SCORECARD_SETTINGS_KEY } from "../../src/workbook/models/scorecard";
import { expectedFromCore, scorecardFixture } from "../workbook/scorecard-fixture";
import { openWorkbook, peCalcInProcess, ROOT, scratchFolder } from "./support";

/** `pe-calc new scorecard`: the examples give the wizard's workbook; bad files name file, line and column and write nothing. */
const EXAMPLES = join(ROOT, "docs/examples");
const ACTUALS = join(EXAMPLES, "scorecard-actuals.csv");
const WIDE = join(EXAMPLES, "scorecard-actuals-wide.csv");
const CONTRACTS = join(EXAMPLES, "scorecard-contracts.csv");
const PLAN = join(EXAMPLES, "scorecard-plan.json");
const { file } = scratchFolder("pe-calc-scorecard-");
const args = (output: string, actuals = ACTUALS): string[] => [
  "new",
  "scorecard",
  "--actuals",
  actuals,
  "--contracts",
  CONTRACTS,
  "--plan",
  PLAN,
  "-o",
  output,
];

describe("pe-calc new scorecard", () => {
  const fixture = scorecardFixture(30, 6);
  const { layout } = buildScorecardPlan(fixture);
  const c = layout.columns;

  test("writes the portfolio and QBR sheets from the examples, values computed, answers saved", async () => {
    const output = file("scorecard.xlsx");
    const result = await peCalcInProcess(args(output));
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`wrote ${output}: sheets "Portfolio" (30 partners × 6 quarters in table Scorecard) and "QBR"\n`);
    const workbook = await openWorkbook(output);
    const ws = workbook.getWorksheet("Portfolio")!;
    expect(workbook.getWorksheet("QBR")).toBeDefined();
    fixture.partners!.forEach((partner, p) => {
      const row = layout.firstDataRow + 1 + p;
      const expected = expectedFromCore(partner, fixture.asOf);
      expect(ws.getCell(`A${row}`).value).toBe(partner.name);
      expect(ws.getCell(`${columnLetters(c.status)}${row}`).result).toBe(expected.status);
      expect(ws.getCell(`${columnLetters(c.renewal)}${row}`).result ?? "").toBe(expected.renewal);
    });
    expect(ws.getCell(`${columnLetters(c.status)}${layout.firstDataRow + 1}`).formula).toContain("_xldudf_PE_PARTNER_STATUS(");
    const saved = JSON.parse((await readXlsxSettings(readFileSync(output))).get(SCORECARD_SETTINGS_KEY)!);
    expect(saved).toEqual({ ...JSON.parse(readFileSync(PLAN, "utf8")), partnerCount: 30, quarterCount: 6 });
  });

  test("wide form gives the same table; --csv prints it with dates as YYYY-MM-DD", async () => {
    const long = await peCalcInProcess([
      "new",
      "scorecard",
      "--actuals",
      ACTUALS,
      "--contracts",
      CONTRACTS,
      "--plan",
      PLAN,
      "--csv",
    ]);
    const wide = await peCalcInProcess([
      "new",
      "scorecard",
      "--actuals",
      WIDE,
      "--contracts",
      CONTRACTS,
      "--plan",
      PLAN,
      "--csv",
    ]);
    expect(long.status).toBe(0);
    expect(wide.stdout).toBe(long.stdout);
    const lines = long.stdout.trimEnd().split("\r\n");
    expect(lines).toHaveLength(31);
    expect(lines[0]).toMatch(/^Partner,Contract start,Initial term \(years\),/);
    expect(lines[1]).toMatch(/^Partner 01,2023-01-01,1,1,30,,50,100000,/);
    expect(lines[1]).toContain(",Expand,");
  });

  test.each([
    ["actuals", "partner,period,target,actual\nA,2025-Q1,100,x\n", 'line 2, column 4 "actual": "x" is not a number'],
    ["actuals", "partner,period,target,actual\nA,2025-Q1,100,-5\n", 'line 2, column 4 "actual": -5 is below 0: enter 0 or more'],
    [
      "actuals",
      "partner,period,target,actual\nA,2025-Q1,100,5\nA,2025-Q1,100,6\n",
      "line 3: A has 2025-Q1 twice (also on line 2)",
    ],
    ["actuals", "who,when,how much\nA,1,2\n", "the columns are neither long form"],
    [
      "contracts",
      "partner,start\nPartner 01,01/02/2024\n",
      'line 2, column 2 "start": "01/02/2024" is not a date: write it as YYYY-MM-DD',
    ],
    ["plan", '{"wizard":"scorecard","asOf":"soon"}', 'asOf: the as-of date "soon" is not a date'],
    [
      "plan",
      '{"wizard":"deal"}',
      'holds the deal wizard\'s answers ("wizard": "deal"), not a scorecard\'s: use pe-calc new deal',
    ],
  ])("a bad %s file: one line naming the file, line and column; no file written (%#)", async (which, content, message) => {
    const bad = file(`bad-${which}.${which === "plan" ? "json" : "csv"}`, content);
    const output = file("never.xlsx");
    const files = { actuals: ACTUALS, contracts: CONTRACTS, plan: PLAN, [which]: bad };
    const result = await peCalcInProcess([
      "new",
      "scorecard",
      "--actuals",
      files.actuals,
      "--contracts",
      files.contracts,
      "--plan",
      files.plan,
      "-o",
      output,
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(result.stderr).toContain(`pe-calc new scorecard: ${bad}`);
    expect(result.stderr).toContain(message);
    expect(existsSync(output)).toBe(false);
  });

  test("usage: --actuals and --plan are required, -o unless --csv", async () => {
    expect(await peCalcInProcess(["new", "scorecard", "--plan", PLAN, "-o", "x.xlsx"])).toEqual({
      status: 2,
      stdout: "",
      stderr: "pe-calc new scorecard: --actuals is required (pe-calc new --help)\n",
    });
    expect((await peCalcInProcess(["new", "scorecard", "--actuals", ACTUALS, "--plan", PLAN])).stderr).toBe(
      "pe-calc new scorecard: -o out.xlsx is required (pe-calc new --help)\n",
    );
    expect((await peCalcInProcess(["new", "--help"])).stdout).toContain(
      "scorecard --actuals actuals.csv --contracts contracts.csv --plan plan.json",
    );
  });
});
