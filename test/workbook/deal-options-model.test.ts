import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildDealPlan } from "../../src/workbook/models/deal";
import {
  buildDealOptionsPlan,
  DEAL_OPTIONS_SETTINGS_KEY,
  DealOptionsInputError,
  optionAsDealInput,
} from "../../src/workbook/models/deal-options";
import {
  restoreDealOptionsInput,
  serializeDealOptionsInput,
  validateDealOptionsInput,
  type DealOptionsInputDraft,
} from "../../src/workbook/models/deal-options/input";
import { planInEngine } from "./engine-sheet";

const EXAMPLE: DealOptionsInputDraft = JSON.parse(readFileSync(join(__dirname, "../../docs/examples/deal-options.json"), "utf8"));

function formulasOf(plan: ReturnType<typeof buildDealOptionsPlan>["plan"]): string[] {
  return plan.sheets[0].blocks.flatMap((b) => b.cells.flat()).flatMap((c) => (c.kind === "formula" ? [c.formula] : []));
}

describe("the deal-options plan", () => {
  test("one sheet, named shared assumptions and option terms, the saved input in the one format", () => {
    const { plan, layout } = buildDealOptionsPlan(EXAMPLE);
    expect(plan.sheets.map((s) => s.name)).toEqual(["Deal options"]);
    const names = plan.names.map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Options_DiscountRate",
        "Options_Revenue",
        "Options_IdealNPV",
        "Options_PartnerBATNA",
        "Options_A_ShareRates",
        "Options_B_FlatFee",
        "Options_C_FlatFee",
        "Options_C_CoMarketingShare",
      ]),
    );
    expect(names).not.toContain("Options_A_FlatFee");
    expect(new Set(names).size).toBe(names.length);
    expect(plan.settings).toEqual([{ key: DEAL_OPTIONS_SETTINGS_KEY, json: serializeDealOptionsInput(layoutInput()) }]);
    expect(layout.comparison.columns).toHaveLength(3);
    expect(layout.sensitivity.grid).toHaveLength(5);
    expect(layout.sensitivity.grid[0]).toHaveLength(7);
    expect(plan.sheets[0].charts?.[0]).toMatchObject({ type: "line", source: layout.chartSource });
  });

  test("NPV is Excel's, year 0 added outside it; payback is PE.PAYBACK; no Data Table", () => {
    const { plan } = buildDealOptionsPlan(EXAMPLE);
    const formulas = formulasOf(plan);
    const npvs = formulas.filter((f) => f.includes("NPV(Options_DiscountRate,"));
    expect(npvs.length).toBe(3 * 2 + 5 * 7);
    for (const f of npvs) expect(f).toMatch(/^=\$?[A-Z]+\$?\d+\+NPV\(Options_DiscountRate,[A-Z]+\d+:[A-Z]+\d+\)$/);
    expect(formulas.filter((f) => f.includes("PE.PAYBACK(")).length).toBe(6);
    expect(formulas.some((f) => /TABLE\(/.test(f))).toBe(false);
  });

  test("a second model in the workbook gets its own sheet and Options2_ names", () => {
    const first = buildDealOptionsPlan(EXAMPLE);
    const second = buildDealOptionsPlan(
      EXAMPLE,
      ["Deal options"],
      first.plan.names.map((n) => n.name),
    );
    expect(second.layout.sheet).toBe("Deal options (2)");
    expect(second.plan.names.every((n) => n.name.startsWith("Options2_"))).toBe(true);
  });

  test.each([
    [{ options: [] }, "options", "0 options: give 2 to 4 options to compare"],
    [{ options: [{ name: "A" }, { flatFee: 1 }] }, "options.0", "the option has no structure"],
    [
      { options: [{ revenueShare: { basis: "byYear", rates: [30] } }, { flatFee: 1 }] },
      "options.0.revenueShare.rates.0",
      "Year 1 rate is 3000%",
    ],
    [{ termYears: 21 }, "termYears", "from 1 to 20"],
    [{ positions: { idealNpv: 5, acceptableNpv: 4, walkAwayNpv: 6 } }, "positions.walkAwayNpv", "above the acceptable"],
    [{ sensitivityOption: 4 }, "sensitivityOption", "option 4 does not exist: enter 1 to 3"],
    [{ revenu: [1] }, "revenu", "unknown field"],
  ])("a broken rule is reported on its field (%#)", (change, path, message) => {
    const checked = validateDealOptionsInput({ ...EXAMPLE, ...change });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path, message: expect.stringContaining(message) })]),
    );
    expect(() => buildDealOptionsPlan({ ...EXAMPLE, ...change } as DealOptionsInputDraft)).toThrow(DealOptionsInputError);
  });

  test("saved inputs round-trip; another wizard's JSON is not restored", () => {
    const json = serializeDealOptionsInput(layoutInput(), { step: 2 });
    expect(JSON.parse(json)).toMatchObject({ wizard: "deal-options", version: 1, ui: { step: 2 } });
    expect(restoreDealOptionsInput(json)).toMatchObject({ options: layoutInput().options, ui: { step: 2 } });
    expect(restoreDealOptionsInput(JSON.stringify({ wizard: "deal" }))).toBeNull();
  });
});

describe("an option opened as a full deal model", () => {
  test.each([0, 1, 2])("option %i becomes a deal input the deal model builds and computes", (index) => {
    const input = layoutInput();
    const { draft, notCarried } = optionAsDealInput(input, index);
    const { plan, layout } = buildDealPlan(draft);
    const { hf, sheet } = planInEngine(plan, layout.sheet);
    const payout = [0, 1, 2].map((t) =>
      hf.getCellValue({ sheet, row: layout.schedule.firstRow + t, col: layout.schedule.columns.payout }),
    );
    // Revenue share alone: A pays 120k a year; B has none; C's tiers pay 40k, 70k, 110k (its flat fee is not carried).
    expect(payout).toEqual(
      [
        [120_000, 120_000, 120_000],
        [0, 0, 0],
        [40_000, 70_000, 110_000],
      ][index],
    );
    expect(notCarried.length).toBe(input.options[index].flatFee === null ? 0 : 1);
    expect(layout.sheet).toBe(`Deal option ${"ABC"[index]}`);
  });
});

function layoutInput() {
  return buildDealOptionsPlan(EXAMPLE).input;
}
