import { readFileSync } from "node:fs";
import { join } from "node:path";
import { payback } from "../../src/core/payback";
import { createEngine } from "../../src/engine";
import { cellAddress, parseCell } from "../../src/workbook/a1";
import { applyPlanToExcel, SYNCS_PER_APPLY } from "../../src/workbook/appliers/office";
import { buildDealOptionsPlan, DEAL_OPTIONS_SETTINGS_KEY } from "../../src/workbook/models/deal-options";
import type { DealOptionsInputDraft } from "../../src/workbook/models/deal-options/input";
import { planInEngine } from "./engine-sheet";
import { FakeExcel } from "./excel-mock";

// docs/examples/deal-options.json: revenue 400k / 600k / 800k, our costs 110k a year (engineering
// 60k + support 30k + co-marketing 20k), our investment 100k; the partner invests 80k, costs 50k a
// year and earns 40k a year of its own from the deal. Worked by hand, per year:
//   A revenue share 30% / 20% / 15%:   we pay 120k, 120k, 120k; our net 170k, 370k, 570k; partner 110k each
//   B flat fee 110k:                   we pay 110k each;          our net 180k, 380k, 580k; partner 100k each
//   C tiers 10% from 0, 20% from 500k (marginal) + flat 40k, co-marketing 40k split 60/40:
//     we pay 80k, 110k, 150k; our net (− 24k co-marketing) 186k, 356k, 516k;
//     partner (− 16k co-marketing) 54k, 84k, 124k
const EXAMPLE: DealOptionsInputDraft = JSON.parse(readFileSync(join(__dirname, "../../docs/examples/deal-options.json"), "utf8"));
const OURS = [
  [-100_000, 170_000, 370_000, 570_000],
  [-100_000, 180_000, 380_000, 580_000],
  [-100_000, 186_000, 356_000, 516_000],
];
const PARTNERS = [
  [-80_000, 110_000, 110_000, 110_000],
  [-80_000, 100_000, 100_000, 100_000],
  [-80_000, 54_000, 84_000, 124_000],
];

/** Excel's NPV evaluated by the engine on its own, the year 0 flow added outside it. */
function excelNpv(rate: number, flows: number[]): number {
  const hf = createEngine();
  const sheet = hf.getSheetId(hf.addSheet("Check"))!;
  hf.setCellContents({ sheet, row: 0, col: 0 }, [[`=${flows[0]}+NPV(${rate},${flows.slice(1).join(",")})`]]);
  return hf.getCellValue({ sheet, row: 0, col: 0 }) as number;
}

function build(draft: DealOptionsInputDraft = EXAMPLE) {
  const { plan, layout } = buildDealOptionsPlan(draft);
  return { ...planInEngine(plan, layout.sheet), layout };
}

describe("the deal-options model in the engine", () => {
  test("per year: revenue, what we pay and both nets follow the hand-worked example", () => {
    const { layout, hf, sheet } = build();
    const { yearZeroRow, columns } = layout.comparison;
    const column = (col: number) => [0, 1, 2, 3].map((t) => hf.getCellValue({ sheet, row: yearZeroRow + t, col }));
    columns.forEach((c, i) => {
      expect(column(c.ourNet)).toEqual(OURS[i]);
      expect(column(c.partnerNet)).toEqual(PARTNERS[i]);
      expect(column(c.revenue).slice(1)).toEqual([400_000, 600_000, 800_000]);
    });
  });

  test("both NPVs and paybacks equal Excel's NPV in the engine and the core payback; ROIs and verdicts", () => {
    const { layout, at } = build();
    const s = layout.summary;
    OURS.forEach((flows, i) => {
      expect(at(s.ourNpv[i])).toBeCloseTo(excelNpv(0.1, flows), 6);
      expect(at(s.partnerNpv[i])).toBeCloseTo(excelNpv(0.1, PARTNERS[i]), 6);
      expect(at(s.ourPayback[i])).toBeCloseTo(payback(flows), 9);
      expect(at(s.partnerPayback[i])).toBeCloseTo(payback(PARTNERS[i]), 9);
      const ourNet = flows.reduce((a, b) => a + b, 0);
      expect(at(s.ourRoi[i])).toBeCloseTo(ourNet / (100_000 + 1_800_000 - (ourNet + 100_000)), 9);
    });
    // A 788,580 and C 750,984 are acceptable (700k), B 813,449 ideal (800k); the partner's BATNA is 150k:
    // A 193,554 and B 168,685 beat it, C 131,675 does not.
    expect(s.position.map(at)).toEqual(["acceptable", "ideal", "acceptable"]);
    expect(s.batna.map(at)).toEqual(["beats its BATNA", "beats its BATNA", "does not beat its BATNA"]);
    expect(s.verdict.map(at)).toEqual([
      "Balanced: acceptable for us; the partner's NPV beats its BATNA",
      "Balanced: ideal for us; the partner's NPV beats its BATNA",
      "Not balanced: acceptable for us; the partner's NPV does not beat its BATNA",
    ]);
  });

  test("changing the revenue forecast in the sheet changes the NPVs and the verdicts", () => {
    const { layout, at, set } = build();
    const first = parseCell(layout.inputs.revenue!.split(":")[0]);
    [100_000, 150_000, 200_000].forEach((value, t) => set(cellAddress({ row: first.row + t, col: first.col }), value));
    expect(at(layout.summary.ourNpv[1])).toBeCloseTo(excelNpv(0.1, [-100_000, -120_000, -70_000, -20_000]), 6);
    expect(layout.summary.position.map(at)).toEqual(["below walk-away", "below walk-away", "below walk-away"]);
    expect(layout.summary.verdict.map(at).every((v) => String(v).startsWith("Not balanced"))).toBe(true);
    expect(at(layout.summary.ourPayback[1])).toBe("not within the term");
  });

  test("the sensitivity grid: its centre is our NPV, each cell the NPV with revenue and the main rate changed", () => {
    const { layout, at } = build();
    const { grid } = layout.sensitivity;
    expect(at(grid[2][3])).toBeCloseTo(at(layout.summary.ourNpv[0]) as number, 6);
    // Revenue −30% and rates at 50%: payouts 0.7 × 0.5 × 120k = 42k a year, revenue 280k / 420k / 560k.
    const nets = [280_000, 420_000, 560_000].map((r) => r - 42_000 - 110_000);
    expect(at(grid[0][0])).toBeCloseTo(excelNpv(0.1, [-100_000, ...nets]), 6);
    // Revenue +30%, rates at 150%.
    const high = [520_000, 780_000, 1_040_000].map((r, t) => r - r * [0.3, 0.2, 0.15][t] * 1.5 - 110_000);
    expect(at(grid[4][6])).toBeCloseTo(excelNpv(0.1, [-100_000, ...high]), 6);
  });

  test("the grid follows a changed option term live (option B's flat fee)", () => {
    const { layout, at, set } = build({ ...EXAMPLE, sensitivityOption: 2 });
    set(layout.optionInputs[1].flatFee!, 200_000);
    const nets = [400_000, 600_000, 800_000].map((r) => r - 200_000 - 110_000);
    expect(at(layout.sensitivity.grid[2][3])).toBeCloseTo(excelNpv(0.1, [-100_000, ...nets]), 6);
    expect(at(layout.summary.ourNpv[1])).toBeCloseTo(excelNpv(0.1, [-100_000, ...nets]), 6);
  });
});

describe("the deal-options model written to Excel (mocked)", () => {
  test("one sheet with its formulas, names, chart and saved input, in the applier's fixed number of syncs", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    const { plan, layout } = buildDealOptionsPlan({ ...EXAMPLE, partnerName: "=1+1" });
    await applyPlanToExcel(excel.run, plan);
    expect(excel.syncCount).toBe(SYNCS_PER_APPLY);
    const sheet = excel.sheet("Deal options")!;
    expect(sheet.cells.get("A1")).toEqual({ kind: "text", value: "Deal options: =1+1", quotePrefix: true });
    expect(sheet.cells.get(layout.summary.ourNpv[0])).toEqual({
      kind: "formula",
      formula: expect.stringMatching(/^=[A-Z]+\d+\+NPV\(Options_DiscountRate,[A-Z]+\d+:[A-Z]+\d+\)$/),
    });
    expect(excel.settings.get(DEAL_OPTIONS_SETTINGS_KEY)).toBe(plan.settings[0].json);
  });
});
