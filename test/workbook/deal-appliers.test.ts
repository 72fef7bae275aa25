import { createEngine } from "../../src/engine";
import { cellAddress, parseCell } from "../../src/workbook/a1";
import { applyPlanToEngine } from "../../src/workbook/appliers/engine";
import { applyPlanToExcel, SYNCS_PER_APPLY } from "../../src/workbook/appliers/office";
import { buildDealPlan, DEAL_SETTINGS_KEY } from "../../src/workbook/models/deal";
import type { DealInputDraft } from "../../src/workbook/models/deal/input";
import { planInEngine } from "./engine-sheet";
import { FakeExcel } from "./excel-mock";

// The known deal: revenue 100k / 120k / 150k, revenue share 30% / 20% / 15% by contract year, the
// default referral fee (20% of year 1 revenue, no minimum or maximum) and no co-marketing budget.
//   payout      30,000 / 24,000 / 22,500         total 76,500
//   referral    20,000 /      0 /      0         total 20,000
//   our net     50,000 / 96,000 / 127,500        total 273,500
//   cumulative  50,000 / 146,000 / 273,500
//   fees paid   50,000 / 24,000 / 22,500; highest year 50,000
//   liability cap: max(500,000 floor, 1 × 50,000) = 500,000
//   annual value (average revenue) 123,333.33; indemnity cap 1.5 × that = 185,000
const KNOWN: DealInputDraft = { termYears: 3, revenue: [100_000, 120_000, 150_000] };

function build(draft: DealInputDraft = KNOWN) {
  const { plan, layout } = buildDealPlan(draft);
  const engine = planInEngine(plan, layout.sheet);
  const { hf, sheet } = engine;
  const column = (col: number): unknown[] =>
    Array.from({ length: layout.termYears }, (_, i) => hf.getCellValue({ sheet, row: layout.schedule.firstRow + i, col }));
  const total = (col: number): unknown => hf.getCellValue({ sheet, row: layout.schedule.totalsRow, col });
  return { ...engine, plan, layout, column, total };
}

function firstCellOf(range: string): string {
  return range.split(":")[0];
}

describe("the deal model in the engine", () => {
  test("the known deal gives the known payouts, totals, cumulative net and caps", () => {
    const { layout, at, column, total } = build();
    const c = layout.schedule.columns;
    expect(column(c.year)).toEqual([1, 2, 3]);
    expect(column(c.payout)).toEqual([30_000, 24_000, 22_500]);
    expect(total(c.payout)).toBe(76_500);
    expect(column(c.referral)).toEqual([20_000, 0, 0]);
    expect(column(c.coMarketing)).toEqual([0, 0, 0]);
    expect(column(c.net)).toEqual([50_000, 96_000, 127_500]);
    expect(total(c.net)).toBe(273_500);
    expect(column(c.cumulative)).toEqual([50_000, 146_000, 273_500]);
    expect(column(c.feesPaid)).toEqual([50_000, 24_000, 22_500]);
    expect(total(c.revenue)).toBe(370_000);
    expect(at(layout.caps.peakFees)).toBe(50_000);
    expect(at(layout.caps.liabilityCap)).toBe(500_000);
    expect(at(layout.caps.annualValue)).toBeCloseTo(123_333.333333, 5);
    expect(at(layout.caps.indemnityCap)).toBeCloseTo(185_000, 9);
    expect(at(layout.caps.renewal)).toBe("Renews after year 2 unless notice is given 60 days before");
    expect(at(layout.termCell)).toBe(3);
  });

  test("changing a rate cell changes the schedule, its totals and the fees paid", () => {
    const { layout, column, total, set, at } = build();
    const c = layout.schedule.columns;
    const year2Rate = cellAddress({ row: parseCell(firstCellOf(layout.inputs.shareRates!)).row + 1, col: 1 });
    set(year2Rate, 0.25);
    expect(column(c.payout)).toEqual([30_000, 30_000, 22_500]);
    expect(total(c.payout)).toBe(82_500);
    expect(column(c.cumulative)).toEqual([50_000, 140_000, 267_500]);
    expect(column(c.feesPaid)).toEqual([50_000, 30_000, 22_500]);
    // a rate from year 2 on: with year 3's rate removed, year 2's continues
    set(cellAddress({ row: parseCell(firstCellOf(layout.inputs.shareRates!)).row + 2, col: 1 }), 0.3);
    expect(column(c.payout)).toEqual([30_000, 30_000, 45_000]);
    // so are the years the rates start: year 2's rate now starts in year 3
    set(cellAddress({ row: parseCell(firstCellOf(layout.inputs.shareStarts!)).row + 1, col: 0 }), 3);
    set(cellAddress({ row: parseCell(firstCellOf(layout.inputs.shareStarts!)).row + 2, col: 0 }), 4);
    expect(column(c.payout)).toEqual([30_000, 36_000, 37_500]);
    // a revenue cell is an input too
    set(cellAddress({ row: layout.schedule.firstRow, col: c.revenue }), 200_000);
    expect(column(c.payout)[0]).toBe(60_000);
    expect(column(c.payout)[1]).toBe(36_000);
    expect(column(c.referral)[0]).toBe(40_000);
    expect(at(layout.caps.peakFees)).toBe(100_000);
  });

  test("every other assumption cell recalculates its part of the schedule and caps", () => {
    const { layout, column, set, at } = build();
    const c = layout.schedule.columns;
    set(layout.inputs.referralMax!, 5_000);
    expect(column(c.referral)).toEqual([5_000, 0, 0]);
    set(layout.inputs.referralMax!, null);
    set(layout.inputs.referralMin!, 25_000);
    expect(column(c.referral)).toEqual([25_000, 0, 0]);
    set(layout.inputs.referralRate!, 0.3);
    expect(column(c.referral)).toEqual([30_000, 0, 0]);
    set(layout.inputs.coMarketingBudget!, 40_000);
    set(layout.inputs.coMarketingShare!, 0.6);
    expect(column(c.coMarketing)).toEqual([24_000, 24_000, 24_000]);
    expect(column(c.net)).toEqual([100_000 - 30_000 - 30_000 - 24_000, 120_000 - 24_000 - 24_000, 150_000 - 22_500 - 24_000]);
    set(layout.inputs.liabilityFloor!, 10_000);
    expect(at(layout.caps.liabilityCap)).toBe(60_000);
    set(layout.inputs.liabilityMultiple!, 2);
    expect(at(layout.caps.liabilityCap)).toBe(120_000);
    set(layout.inputs.indemnityMultiple!, 2);
    expect(at(layout.caps.indemnityCap)).toBeCloseTo(246_666.666667, 5);
    set(layout.inputs.initialTerm!, 3);
    set(layout.inputs.renewalNotice!, 90);
    expect(at(layout.caps.renewal)).toBe("Renews after year 3 unless notice is given 90 days before");
  });

  test("by revenue tier: marginal per year, and switching the method cell to retroactive", () => {
    const { layout, column, set } = build({
      ...KNOWN,
      revenueShare: {
        basis: "byTier",
        method: "marginal",
        tiers: [
          { from: 0, rate: 0.1 },
          { from: 110_000, rate: 0.2 },
        ],
      },
    });
    const c = layout.schedule.columns;
    // 100k all at 10%; 120k: 11k + 2k; 150k: 11k + 8k
    expect(column(c.payout)).toEqual([10_000, 13_000, 19_000]);
    set(layout.inputs.shareMethod!, "retroactive");
    expect(column(c.payout)).toEqual([10_000, 24_000, 30_000]);
    set(firstCellOf(layout.inputs.shareRates!), 0.15);
    expect(column(c.payout)[0]).toBe(15_000);
  });

  test("a reseller's margin is list price × discount × units, and its inputs move it", () => {
    const { layout, column, set, total } = build({
      ...KNOWN,
      reseller: { discount: 0.35, listPrice: 1200, units: [20, 40, 60] },
    });
    const c = layout.schedule.columns;
    expect(column(c.resellerMargin!)).toEqual([8_400, 16_800, 25_200]);
    expect(total(c.units!)).toBe(120);
    expect(column(c.net)).toEqual([100_000 - 30_000 - 20_000 - 8_400, 120_000 - 24_000 - 16_800, 150_000 - 22_500 - 25_200]);
    set(layout.inputs.resellerDiscount!, 0.2);
    set(cellAddress({ row: layout.schedule.firstRow, col: c.units! }), 10);
    expect(column(c.resellerMargin!)).toEqual([2_400, 9_600, 14_400]);
    set(layout.inputs.listPrice!, 1000);
    expect(column(c.resellerMargin!)).toEqual([2_000, 8_000, 12_000]);
  });

  test("a long term: the last yearly rate continues to the end", () => {
    const { layout, column, total } = build({
      termYears: 6,
      revenue: [100, 100, 100, 100, 100, 100],
      referral: { rate: 0 },
    });
    const payouts = column(layout.schedule.columns.payout) as number[];
    expect(payouts.map((p) => Math.round(p * 1e9) / 1e9)).toEqual([30, 20, 15, 15, 15, 15]);
    expect(total(layout.schedule.columns.payout)).toBeCloseTo(110, 9);
  });

  test("the settings reach the engine host's store", () => {
    const hf = createEngine();
    const settings = new Map<string, string>();
    const { plan, input } = buildDealPlan(KNOWN);
    applyPlanToEngine(hf, plan, { settings });
    expect(JSON.parse(settings.get(DEAL_SETTINGS_KEY)!)).toMatchObject({ wizard: "deal", revenue: input.revenue });
  });
});

describe("the deal model through Office.js (office-addin-mock)", () => {
  async function write(draft: DealInputDraft) {
    const excel = new FakeExcel(["Sheet1"]);
    const { plan, layout } = buildDealPlan(draft);
    await applyPlanToExcel(excel.run, plan);
    return { excel, layout };
  }

  test("writes the sheet, its names, formats, validation, chart and settings in two syncs", async () => {
    const { excel, layout } = await write({ ...KNOWN, partnerName: "=cmd|' /C calc'!A0" });
    expect(excel.syncCount).toBe(SYNCS_PER_APPLY);
    const sheet = excel.sheet("Deal model")!;
    expect(sheet.cells.get("A1")).toEqual({ kind: "text", value: "Deal model: =cmd|' /C calc'!A0", quotePrefix: true });
    expect(sheet.cells.get("C26")).toEqual({
      kind: "formula",
      formula: "=INDEX(PE.REVSHARE_TIERED($B$26:B26,Deal_ShareStarts,Deal_ShareRates,Deal_ShareMethod),A26)",
    });
    expect(sheet.cells.get("B26")).toEqual({ kind: "number", value: 100_000 });
    expect(sheet.cells.get("B6")).toEqual({ kind: "text", value: "by_year", quotePrefix: false });
    expect(sheet.numberFormats.get("C26")).toBe('"$"#,##0');
    expect(sheet.numberFormats.get("B7")).toBe("0.0%");
    expect(excel.names.map((n) => n.name).sort()).toEqual(Object.values(layout.names).sort());
    expect(excel.names.find((n) => n.name === "Deal_Revenue")?.ref).toBe("B26:B28");
    expect(excel.charts).toEqual([
      { sheet: "Deal model", type: "ColumnClustered", source: "J4:K7", title: "Partner payout by year" },
    ]);
    expect(JSON.parse(String(excel.settings.get(DEAL_SETTINGS_KEY)))).toMatchObject({ wizard: "deal", termYears: 3 });
    expect(excel.calls).toContain("Deal model!B7.dataValidation.rule");
    expect(excel.activeSheet).toBe("Deal model");
  });

  test.each([1, 10, 50])("a %d-year deal takes the same syncs and about the same calls as a 3-year one", async (years) => {
    const draft = (n: number): DealInputDraft => ({
      termYears: n,
      revenue: Array.from({ length: n }, (_, i) => 1000 * (i + 1)),
      reseller: { listPrice: 10, units: Array.from({ length: n }, () => 1) },
    });
    const { excel, layout } = await write(draft(years));
    const reference = (await write(draft(3))).excel;
    expect(excel.syncCount).toBe(2);
    // Cells go out as ranges (office-ranges.ts): a longer schedule may split a column into a few
    // more runs, never into one call per year.
    expect(Math.abs(excel.calls.length - reference.calls.length)).toBeLessThanOrEqual(16);
    const last = layout.schedule.lastRow + 1;
    expect(excel.sheet("Deal model")!.cells.get(`B${last}`)).toEqual({ kind: "number", value: 1000 * years });
  });

  test("a write that fails midway removes the sheet and names again", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    excel.failOn({ callStartsWith: "names.add(Deal_Revenue)", mode: "sync" });
    await expect(applyPlanToExcel(excel.run, buildDealPlan(KNOWN).plan)).rejects.toThrow(/deal model/);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(excel.names).toEqual([]);
    expect(excel.settings.has(DEAL_SETTINGS_KEY)).toBe(false);
  });
});
