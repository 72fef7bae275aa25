import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsxSettings } from "../../src/workbook/appliers/xlsx";
import { buildCharterPlan, CHARTER_SETTINGS_KEY } from "../../src/workbook/models/charter";
import { buildDealPlan, DEAL_SETTINGS_KEY } from "../../src/workbook/models/deal";
import { ensureCliBuilt, openWorkbook, peCalc, peCalcInProcess, ROOT, scratchFolder } from "./support";

/** `pe-calc new deal` and `pe-calc new charter`: in process for the details, through the built command for exit codes. */
const DEAL_EXAMPLE = join(ROOT, "docs/examples/deal.json");
const CHARTER_EXAMPLE = join(ROOT, "docs/examples/charter.json");
const scratch = scratchFolder("pe-calc-deal-");
const { file } = scratch;

function example(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8"));
}

describe("pe-calc new deal", () => {
  test("writes the deal model from the example: values, formulas with the engine's results, names and saved inputs", async () => {
    const output = file("deal.xlsx");
    const result = await peCalcInProcess(["new", "deal", "--from", DEAL_EXAMPLE, "-o", output]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `wrote ${output}: sheet "Deal model", a 3-year schedule with revenue share by contract year, 17 named assumptions\n`,
    );
    // The plan's chart is in the file (DrawingML parts), so nothing is left to warn about.
    expect(result.stderr).not.toMatch(/chart/);
    expect((await JSZip.loadAsync(readFileSync(output))).file("xl/charts/chart1.xml")).not.toBeNull();

    const { layout } = buildDealPlan(example(DEAL_EXAMPLE));
    const workbook = await openWorkbook(output);
    const ws = workbook.getWorksheet("Deal model")!;
    const c = layout.schedule.columns;
    const first = layout.schedule.firstRow + 1;
    const value = (row: number, col: number) => ws.getCell(row, col + 1);
    expect(ws.getCell("A1").value).toBe("Deal model: Fabrikam");
    expect([0, 1, 2].map((i) => value(first + i, c.revenue).value)).toEqual([100_000, 120_000, 150_000]);
    expect([0, 1, 2].map((i) => value(first + i, c.payout).result)).toEqual([30_000, 24_000, 22_500]);
    expect(value(first + 3, c.payout).result).toBe(76_500);
    expect(value(first, c.payout).formula).toBe(
      `INDEX(_xldudf_PE_REVSHARE_TIERED($B$${first}:B${first},Deal_ShareStarts,Deal_ShareRates,Deal_ShareMethod),A${first})`,
    );
    // referral 20% of 100,000 within 500..25,000; reseller 1,200 × 35% × 20/40/60; co-marketing 40,000 × 60%
    expect([0, 1, 2].map((i) => value(first + i, c.referral).result ?? value(first + i, c.referral).value)).toEqual([
      20_000, 0, 0,
    ]);
    expect([0, 1, 2].map((i) => value(first + i, c.resellerMargin!).result)).toEqual([8_400, 16_800, 25_200]);
    expect([0, 1, 2].map((i) => value(first + i, c.coMarketing).result)).toEqual([24_000, 24_000, 24_000]);
    expect([0, 1, 2].map((i) => value(first + i, c.net).result)).toEqual([17_600, 55_200, 78_300]);
    expect([0, 1, 2].map((i) => value(first + i, c.cumulative).result)).toEqual([17_600, 72_800, 151_100]);
    expect(ws.getCell(layout.caps.liabilityCap).result).toBe(500_000);
    expect(ws.getCell(layout.caps.indemnityCap).result).toBeCloseTo(185_000, 6);
    expect(ws.getCell(layout.inputs.referralRate!).numFmt).toBe("0.0%");
    expect(value(first, c.payout).numFmt).toBe('"$"#,##0');
    const names = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names.find((n) => n.name === "Deal_Revenue")?.ranges).toEqual([`'Deal model'!$B$${first}:$B$${first + 2}`]);
    const saved = JSON.parse((await readXlsxSettings(readFileSync(output))).get(DEAL_SETTINGS_KEY)!);
    expect(saved).toEqual(example(DEAL_EXAMPLE));
  });

  test("--sheet names the sheet; the saved inputs reproduce the same file when fed back", async () => {
    const output = file("named.xlsx");
    expect(
      (await peCalcInProcess(["new", "deal", "--from", DEAL_EXAMPLE, "--sheet", "Fabrikam deal", "-o", output])).status,
    ).toBe(0);
    const workbook = await openWorkbook(output);
    expect(workbook.getWorksheet("Fabrikam deal")).toBeDefined();
    const saved = file("saved.json", (await readXlsxSettings(readFileSync(output))).get(DEAL_SETTINGS_KEY)!);
    const again = file("again.xlsx");
    expect((await peCalcInProcess(["new", "deal", "--from", saved, "-o", again])).status).toBe(0);
    expect((await openWorkbook(again)).getWorksheet("Fabrikam deal")).toBeDefined();
  });

  test.each([
    [
      { ...example(DEAL_EXAMPLE), revenueShare: { basis: "byYear", rates: [0.3, 1.5, 0.15] } },
      "revenueShare.rates.1: Year 2 rate is 150%: enter a rate from 0% to 100%",
    ],
    [{ ...example(DEAL_EXAMPLE), termYears: 0 }, "termYears: the term is 0 years: enter a whole number of years from 1 to 50"],
    [{ ...example(DEAL_EXAMPLE), revenue: [100_000, -1, 5] }, "revenue.1: Year 2 revenue is -1: enter 0 or more"],
    [{ ...example(DEAL_EXAMPLE), termYears: 4 }, "revenue: 3 revenue forecasts for a 4-year term: give one for each year"],
    [
      { ...example(DEAL_EXAMPLE), revenu: [] },
      'revenu: unknown field "revenu": check the spelling (field names are case-sensitive)',
    ],
    ["{ not json", "not valid JSON: "],
    ["", "the file is empty: see the README for the deal input format"],
  ])("bad input gives one line naming the file and field, exit 1 (%#)", async (content, message) => {
    const input = file("bad-deal.json", content);
    const output = file("bad-deal.xlsx");
    const result = await peCalcInProcess(["new", "deal", "--from", input, "-o", output]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toHaveLength(
      content && typeof content === "object" && "termYears" in content && content.termYears === 4 ? 3 : 2,
    );
    expect(result.stderr).toContain(`pe-calc new deal: ${input}: ${message}`);
  });

  test("a charter's answers given to new deal say which command to use", async () => {
    const result = await peCalcInProcess(["new", "deal", "--from", CHARTER_EXAMPLE, "-o", file("wrong.xlsx")]);
    expect(result).toEqual({
      status: 1,
      stdout: "",
      stderr: `pe-calc new deal: ${CHARTER_EXAMPLE} holds the charter wizard's answers ("wizard": "charter"), not a deal's: use pe-calc new charter\n`,
    });
  });

  test.each([
    [["new", "deal", "-o", "x.xlsx"], "pe-calc new deal: --from is required (pe-calc new --help)\n"],
    [["new", "deal", "--from", "d.json"], "pe-calc new deal: -o out.xlsx is required (pe-calc new --help)\n"],
    [["new", "charter", "--partners", "p.csv"], "pe-calc new charter: unknown option --partners (pe-calc new --help)\n"],
  ])("usage errors: %j", async (args, message) => {
    expect(await peCalcInProcess(args)).toEqual({ status: 2, stdout: "", stderr: message });
  });

  test("the new command's help shows both models", async () => {
    const help = await peCalcInProcess(["new", "--help"]);
    expect(help.stdout).toContain("deal --from deal.json -o deal.xlsx");
    expect(help.stdout).toContain("charter --from answers.json -o charter.xlsx");
  });
});

describe("pe-calc new charter", () => {
  test("writes the printable charter: typed text as text, gates computed, print setup, saved inputs", async () => {
    const output = file("charter.xlsx");
    const result = await peCalcInProcess(["new", "charter", "--from", CHARTER_EXAMPLE, "-o", output]);
    expect(result).toEqual({
      status: 0,
      stdout: expect.stringMatching(/^wrote .*charter\.xlsx: sheet "Charter", 7 sections, print area A1:D\d+\n$/),
      stderr: "",
    });
    const { layout } = buildCharterPlan(example(CHARTER_EXAMPLE));
    const workbook = await openWorkbook(output);
    const ws = workbook.getWorksheet("Charter")!;
    expect(ws.getCell(layout.cells.crawlGate).result).toBe("PENDING");
    expect(ws.getCell(layout.cells.runGate).result).toBe("PENDING");
    expect(ws.getCell(layout.cells.crawlGate).formula).toContain(
      "_xldudf_PE_CRAWL_GATE(Charter_CrawlBaseline,Charter_CrawlPilot",
    );
    expect(ws.getCell(layout.cells.crawlBetter).value).toBe("lower");
    expect(ws.getCell(layout.signatures.partner.name).value).toBe("Sam Patel");
    expect(ws.pageSetup).toMatchObject({ printArea: layout.printArea, orientation: "portrait", fitToPage: true, fitToWidth: 1 });
    expect(JSON.parse((await readXlsxSettings(readFileSync(output))).get(CHARTER_SETTINGS_KEY)!)).toEqual(
      example(CHARTER_EXAMPLE),
    );
  });

  test("gate measurements in the answers: baseline 10, pilot 12 is GO; 6 of 10 adopted is NO-GO; so run is NO-GO", async () => {
    const answers = example(CHARTER_EXAMPLE) as { phases: Record<string, { gate?: Record<string, unknown> }> };
    answers.phases.crawl.gate = { ...answers.phases.crawl.gate, better: "higher", baseline: 10, pilot: 12 };
    answers.phases.walk.gate = { ...answers.phases.walk.gate, invited: 10, adopted: 6 };
    const output = file("gates.xlsx");
    expect((await peCalcInProcess(["new", "charter", "--from", file("gates.json", answers), "-o", output])).status).toBe(0);
    const { layout } = buildCharterPlan(answers);
    const ws = (await openWorkbook(output)).getWorksheet("Charter")!;
    expect([layout.cells.crawlGate, layout.cells.walkGate, layout.cells.runGate].map((a) => ws.getCell(a).result)).toEqual([
      "GO",
      "NO-GO",
      "NO-GO",
    ]);
    expect(ws.getCell(layout.cells.crawlBaseline).value).toBe(10);
  });

  test("answers that look like formulas are written as text, never formulas", async () => {
    const injections = ["=1+1", "+SUM(A1:A2)", "-2", "@cmd", "=cmd|' /C calc'!A0"];
    const answers = { ...example(CHARTER_EXAMPLE), exitCriteria: injections, partnerName: '=HYPERLINK("http://x","y")' };
    const output = file("injection.xlsx");
    expect((await peCalcInProcess(["new", "charter", "--from", file("injection.json", answers), "-o", output])).status).toBe(0);
    const ws = (await openWorkbook(output)).getWorksheet("Charter")!;
    const found: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && [...injections, answers.partnerName].includes(cell.value)) {
          expect(cell.formula).toBeUndefined();
          found.push(cell.value);
        }
      }),
    );
    // a merged item reads the same from each of its cells
    expect([...new Set(found)].sort()).toEqual([...injections, answers.partnerName].sort());
  });

  test("a charter without exit criteria is one line, exit 1, and no file", async () => {
    const input = file("no-exit.json", { ...example(CHARTER_EXAMPLE), exitCriteria: ["", " "] });
    const output = scratch.path("never.xlsx");
    const result = await peCalcInProcess(["new", "charter", "--from", input, "-o", output]);
    expect(result).toEqual({
      status: 1,
      stdout: "",
      stderr:
        `pe-calc new charter: ${input}: exitCriteria: a charter needs at least one exit criterion ` +
        "(what would end the partnership?), e.g. three or more quarters below target\n",
    });
    expect(() => readFileSync(output)).toThrow();
  });

  test("a bad date names its field", async () => {
    const answers = example(CHARTER_EXAMPLE) as { phases: { walk: Record<string, unknown> } };
    answers.phases.walk.start = "next Monday";
    const input = file("bad-date.json", answers);
    const result = await peCalcInProcess(["new", "charter", "--from", input, "-o", file("bad-date.xlsx")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `pe-calc new charter: ${input}: phases.walk.start: Walk start "next Monday" is not a date: write it as YYYY-MM-DD, e.g. 2025-03-01\n`,
    );
  });
});

describe("the built pe-calc", () => {
  beforeAll(ensureCliBuilt);

  test("new deal and new charter run end to end; bad input is one line and exit 1", () => {
    expect(peCalc(["new", "deal", "--from", DEAL_EXAMPLE, "-o", file("e2e-deal.xlsx")]).status).toBe(0);
    expect(peCalc(["new", "charter", "--from", CHARTER_EXAMPLE, "-o", file("e2e-charter.xlsx")]).status).toBe(0);
    const csv = peCalc(["recalc", file("e2e-deal.xlsx"), "--csv", "Deal model"]);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toContain("\r\n1,100000,20,30000,20000,8400,24000,17600,17600,50000");
    const bad = peCalc([
      "new",
      "deal",
      "--from",
      file("e2e-bad.json", { ...example(DEAL_EXAMPLE), revenueShare: { basis: "byYear", rates: [0.3, 1.5] } }),
      "-o",
      file("e2e-bad.xlsx"),
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n")).toEqual([
      `pe-calc new deal: ${scratch.path("e2e-bad.json")}: revenueShare.rates.1: Year 2 rate is 150%: enter a rate from 0% to 100%`,
    ]);
  });
});
