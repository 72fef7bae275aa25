import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsxSettings } from "../../src/workbook/appliers/xlsx";
import { buildDealOptionsPlan as buildPlan, DEAL_OPTIONS_SETTINGS_KEY } from "../../src/workbook/models/deal-options";
import type { DealOptionsInputDraft } from "../../src/workbook/models/deal-options/input";
import { ensureCliBuilt, openWorkbook, peCalc, peCalcInProcess, ROOT, scratchFolder } from "./support";

/** `pe-calc new deal-options`: the example in docs/examples, --csv, bad input, through the real command for exit codes. */
const EXAMPLE = join(ROOT, "docs/examples/deal-options.json");
const scratch = scratchFolder("pe-calc-options-");
const { file } = scratch;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const buildDealOptionsPlan = (json: unknown) => buildPlan(json as DealOptionsInputDraft);
const example = (): Record<string, unknown> => JSON.parse(readFileSync(EXAMPLE, "utf8"));

describe("pe-calc new deal-options", () => {
  test("writes the comparison from the example: the engine's values, formulas, names and saved inputs", async () => {
    const output = file("options.xlsx");
    const result = await peCalcInProcess(["new", "deal-options", "--from", EXAMPLE, "-o", output]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `wrote ${output}: sheet "Deal options", 3 options over 3 years with both sides' NPV, payback, ROI and verdict, a sensitivity grid for option A\n`,
    );
    const { layout } = buildDealOptionsPlan(example());
    const workbook = await openWorkbook(output);
    const ws = workbook.getWorksheet("Deal options")!;
    const s = layout.summary;
    expect(ws.getCell("A1").value).toBe("Deal options: Fabrikam");
    expect(ws.getCell(s.ourNpv[0]).result).toBeCloseTo(788_580.015, 2);
    expect(ws.getCell(s.ourNpv[0]).formula).toMatch(/NPV\(Options_DiscountRate,/);
    expect(ws.getCell(s.ourPayback[0]).formula).toMatch(/^_xlfn\.IFNA\(_xldudf_PE_PAYBACK\(/);
    expect(ws.getCell(s.verdict[2]).result).toBe("Not balanced: acceptable for us; the partner's NPV does not beat its BATNA");
    const saved = JSON.parse((await readXlsxSettings(readFileSync(output))).get(DEAL_OPTIONS_SETTINGS_KEY)!);
    expect(saved.wizard).toBe("deal-options");
    expect(buildDealOptionsPlan(saved).input).toEqual(buildDealOptionsPlan(example()).input);
  });

  test("--csv prints the comparison table, one line per option", async () => {
    const result = await peCalcInProcess(["new", "deal-options", "--from", EXAMPLE, "--csv"]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(
      `"Option","Our NPV","Partner's NPV","Our payback (years)","Partner's payback (years)","Our ROI","Partner's ROI","Our position","Partner vs its BATNA","Verdict"`,
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^"Option A: Rev share",788580\.01\d*,193553\.71\d*,0\.58823\d*,0\.72727\d*,/);
    expect(lines[3]).toMatch(/"Not balanced: acceptable for us; the partner's NPV does not beat its BATNA"$/);
  });

  test.each([
    [
      { ...example(), options: (example().options as unknown[]).slice(0, 1) },
      "options: 1 option: give 2 to 4 options to compare",
    ],
    [{ ...example(), revenue: [1, 2] }, "revenue: 2 revenue forecasts for a 3-year term: give one for each year"],
    [
      { ...example(), options: [{ name: "Fee", flatFee: -5 }, { name: "Nothing" }] },
      "options.0.flatFee: The flat fee per year is -5: enter 0 or more",
    ],
    [
      { ...example(), positions: { idealNpv: 1, acceptableNpv: 2, walkAwayNpv: 0 } },
      "positions.acceptableNpv: the acceptable NPV 2 is above the ideal 1: ideal ≥ acceptable ≥ walk-away",
    ],
    [
      { ...example(), discountRate: 10 },
      "discountRate: the discount rate is 10: enter a rate like 10% or 0.1 (write 10% as 0.1)",
    ],
  ])("a bad input is reported on its own line naming the file and the field (%#)", async (json, message) => {
    const input = file("bad.json", JSON.stringify(json));
    const result = await peCalcInProcess(["new", "deal-options", "--from", input, "-o", file("bad.xlsx")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      // Every problem is listed, one line each (up to 20): the one this case is about comes first.
      new RegExp(`^pe-calc new deal-options: ${escape(`${input}: ${message}`)}\\n(pe-calc new deal-options: .*\\n)*$`),
    );
  });

  test("the built command: exit codes for success, a deal file given to deal-options, and a missing --from", () => {
    ensureCliBuilt();
    const output = file("cmd.xlsx");
    expect(peCalc(["new", "deal-options", "--from", EXAMPLE, "-o", output]).status).toBe(0);
    const deal = peCalc(["new", "deal-options", "--from", join(ROOT, "docs/examples/deal.json"), "-o", file("deal.xlsx")]);
    expect(deal.status).toBe(1);
    expect(deal.stderr).toContain(
      `holds the deal wizard's answers ("wizard": "deal"), not a deal-options's: use pe-calc new deal`,
    );
    expect(peCalc(["new", "deal-options", "-o", output]).status).toBe(2);
  });
});
