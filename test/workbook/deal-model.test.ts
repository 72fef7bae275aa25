import { readFileSync } from "node:fs";
import { join } from "node:path";
import { columnLetters, parseRange } from "../../src/workbook/a1";
import { definedNameProblem } from "../../src/workbook/defined-names";
import { buildDealPlan, DEAL_SETTINGS_KEY, DealInputError, type DealLayout } from "../../src/workbook/models/deal";
import {
  defaultDealInput,
  defaultResellerInput,
  restoreDealInput,
  serializeDealInput,
  validateDealInput,
  type DealInputDraft,
} from "../../src/workbook/models/deal/input";
import type { CellContent, SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { validatePlan } from "../../src/workbook/validate-plan";

const KNOWN: DealInputDraft = { termYears: 3, revenue: [100_000, 120_000, 150_000] };
const EXAMPLE = join(__dirname, "../../docs/examples/deal.json");

/** Every planned cell by A1 address. */
function cellsOf(sheet: SheetPlan): Map<string, CellContent> {
  const cells = new Map<string, CellContent>();
  for (const block of sheet.blocks) {
    const at = parseRange(block.at).start;
    block.cells.forEach((row, r) =>
      row.forEach((content, c) => {
        cells.set(`${columnLetters(at.col + c)}${at.row + r + 1}`, content);
      }),
    );
  }
  return cells;
}

function formulasOf(plan: WorkbookPlan): string[] {
  return plan.sheets
    .flatMap((s) => s.blocks.flatMap((b) => b.cells.flat()))
    .flatMap((c) => (c.kind === "formula" ? [c.formula] : []));
}

function errorsOf(draft: unknown) {
  const result = validateDealInput(draft);
  return result.ok ? [] : result.errors;
}

describe("deal input", () => {
  test("defaults are the reading's typical values: 30/20/15% by year, 20% referral, 50/50 co-marketing, $500K or 12 months, 1.5× indemnity", () => {
    const input = defaultDealInput();
    expect(input).toMatchObject({
      sheetName: "Deal model",
      termYears: 3,
      revenue: [0, 0, 0],
      revenueShare: { basis: "byYear", rates: [0.3, 0.2, 0.15] },
      referral: { rate: 0.2, minimum: null, maximum: null },
      reseller: null,
      coMarketing: { budget: 0, ourShare: 0.5 },
      terms: {
        liabilityFloor: 500_000,
        liabilityMultiple: 1,
        indemnityMultiple: 1.5,
        initialTermYears: 2,
        renewalNoticeDays: 60,
      },
      chart: true,
    });
    expect(validateDealInput(input)).toEqual({ ok: true, input, warnings: [] });
    expect(defaultDealInput(5).revenue).toEqual([0, 0, 0, 0, 0]);
    expect(defaultResellerInput(2)).toEqual({ discount: 0.35, listPrice: 0, units: [0, 0] });
    // a tier schedule gets its defaults when only the basis is given
    expect(validateDealInput({ ...KNOWN, revenueShare: { basis: "byTier" } })).toMatchObject({
      ok: true,
      input: {
        revenueShare: {
          basis: "byTier",
          method: "marginal",
          tiers: [{ from: 0, rate: 0.15 }, { from: 100_000 }, { from: 250_000 }],
        },
      },
    });
  });

  test("a rate above 100% names the year and says what to enter", () => {
    expect(errorsOf({ ...KNOWN, revenueShare: { basis: "byYear", rates: [0.3, 1.5, 0.15] } })).toEqual([
      { path: "revenueShare.rates.1", message: "Year 2 rate is 150%: enter a rate from 0% to 100%" },
    ]);
    expect(errorsOf({ ...KNOWN, revenueShare: { basis: "byYear", rates: [30, 0.2] } })).toEqual([
      { path: "revenueShare.rates.0", message: "Year 1 rate is 3000%: enter a rate from 0% to 100% (write 30% as 0.3)" },
    ]);
    expect(errorsOf({ ...KNOWN, revenueShare: { basis: "byYear", rates: [-0.1] } })).toEqual([
      { path: "revenueShare.rates.0", message: "Year 1 rate is -10%: enter a rate from 0% to 100%" },
    ]);
  });

  test("a term of 0 years, forecasts that do not match the term and negative amounts are field errors", () => {
    expect(errorsOf({ termYears: 0, revenue: [] })).toEqual([
      { path: "termYears", message: "the term is 0 years: enter a whole number of years from 1 to 50" },
    ]);
    expect(errorsOf({ termYears: 2.5, revenue: [1, 2] })[0].path).toBe("termYears");
    expect(errorsOf({ termYears: 3, revenue: [100, 200] })).toEqual([
      { path: "revenue", message: "2 revenue forecasts for a 3-year term: give one for each year" },
    ]);
    expect(errorsOf({ termYears: 2 })).toEqual([
      { path: "revenue", message: "0 revenue forecasts for a 2-year term: give one for each year" },
    ]);
    expect(errorsOf({ termYears: 2, revenue: [100, -5] })).toEqual([
      { path: "revenue.1", message: "Year 2 revenue is -5: enter 0 or more" },
    ]);
    expect(
      errorsOf({
        ...KNOWN,
        coMarketing: { budget: -1, ourShare: 1.2 },
        terms: { liabilityFloor: -500, initialTermYears: 0, renewalNoticeDays: 30.5, indemnityMultiple: -1 },
      }),
    ).toEqual([
      { path: "coMarketing.ourShare", message: "Our co-marketing share is 120%: enter a rate from 0% to 100%" },
      { path: "coMarketing.budget", message: "The co-marketing budget is -1: enter 0 or more" },
      { path: "terms.liabilityFloor", message: "The liability floor is -500: enter 0 or more" },
      { path: "terms.indemnityMultiple", message: "The indemnity multiple is -1: enter 0 or more" },
      { path: "terms.initialTermYears", message: "The initial term is 0: enter a whole number of years from 1 to 50" },
      { path: "terms.renewalNoticeDays", message: "The renewal notice is 30.5: enter a whole number of days from 0 to 3,650" },
    ]);
  });

  test("referral, reseller and tier problems are reported at their fields", () => {
    expect(errorsOf({ ...KNOWN, referral: { rate: 0.1, minimum: 5000, maximum: 1000 } })).toEqual([
      {
        path: "referral.maximum",
        message: "The referral fee maximum 1,000 is below the minimum 5,000: raise it or lower the minimum",
      },
    ]);
    expect(errorsOf({ ...KNOWN, referral: { minimum: -1 } })).toEqual([
      { path: "referral.minimum", message: "The referral fee minimum is -1: enter 0 or more, or leave it blank (null) for none" },
    ]);
    expect(errorsOf({ ...KNOWN, reseller: { discount: 1, listPrice: 100, units: [1, 2] } })).toEqual([
      {
        path: "reseller.discount",
        message: "The reseller discount is 100%: enter a discount from 0% up to (not including) 100%",
      },
      { path: "reseller.units", message: "2 unit forecasts for a 3-year term: give one for each year" },
    ]);
    expect(
      errorsOf({
        ...KNOWN,
        revenueShare: {
          basis: "byTier",
          tiers: [
            { from: 0, rate: 0.1 },
            { from: 50_000, rate: 1.5 },
            { from: 40_000, rate: 0.2 },
          ],
        },
      }),
    ).toEqual([
      { path: "revenueShare.tiers.1.rate", message: "Tier 2 rate is 150%: enter a rate from 0% to 100%" },
      {
        path: "revenueShare.tiers.2.from",
        message: "Tier 3 starts at 40,000, not above tier 2 (50,000): list tiers from the lowest revenue up",
      },
    ]);
  });

  test("wrong types and misspelt fields name their path and what was found", () => {
    expect(errorsOf({ termYears: 1, revenue: ["100k"] })).toEqual([
      { path: "revenue.0", message: 'expected a number (write 30% as 0.3), found the text "100k"' },
    ]);
    expect(errorsOf({ ...KNOWN, revenu: [1] })).toEqual([
      { path: "revenu", message: 'unknown field "revenu": check the spelling (field names are case-sensitive)' },
    ]);
    expect(errorsOf({ ...KNOWN, revenueShare: { basis: "yearly" } })).toEqual([
      { path: "revenueShare.basis", message: 'found the text "yearly"; use "byYear" or "byTier"' },
    ]);
    expect(errorsOf({ ...KNOWN, wizard: "charter" })).toEqual([
      { path: "wizard", message: 'found the text "charter"; use "deal"' },
    ]);
    expect(errorsOf([1, 2])).toEqual([{ path: "input", message: "expected an object in { }, found a list" }]);
  });

  test("warnings: rates beyond the term, an initial term longer than the schedule, tiers starting above 0", () => {
    const result = validateDealInput({
      termYears: 2,
      revenue: [1, 2],
      revenueShare: { basis: "byYear", rates: [0.3, 0.2, 0.1] },
      terms: { initialTermYears: 3 },
    });
    expect(result).toMatchObject({
      ok: true,
      warnings: [
        { path: "revenueShare.rates", message: "3 yearly rates for a 2-year term: the rates after year 2 are not used" },
        {
          path: "terms.initialTermYears",
          message: "the initial term (3 years) is longer than the 2 years modelled: the schedule stops at year 2",
        },
      ],
    });
  });
});

describe("buildDealPlan", () => {
  test("a valid plan: one new sheet, every assumption a unique defined name pointing at its input cell", () => {
    const { plan, layout, warnings } = buildDealPlan(KNOWN);
    expect(validatePlan(plan)).toEqual([]);
    expect(warnings).toEqual([]);
    expect(plan.description).toBe("deal model");
    expect(plan.sheets.map((s) => [s.name, s.target, s.activate])).toEqual([["Deal model", "new", true]]);
    expect(plan.names.map((n) => [n.name, n.range])).toEqual([
      ["Deal_ShareMethod", "B6"],
      ["Deal_ReferralRate", "B7"],
      ["Deal_ReferralMin", "B8"],
      ["Deal_ReferralMax", "B9"],
      ["Deal_CoMarketingBudget", "B10"],
      ["Deal_CoMarketingShare", "B11"],
      ["Deal_LiabilityFloor", "B12"],
      ["Deal_LiabilityMultiple", "B13"],
      ["Deal_IndemnityMultiple", "B14"],
      ["Deal_InitialTerm", "B15"],
      ["Deal_RenewalNotice", "B16"],
      ["Deal_ShareStarts", "A20:A22"],
      ["Deal_ShareRates", "B20:B22"],
      ["Deal_Revenue", "B26:B28"],
    ]);
    expect(plan.names.every((n) => definedNameProblem(n.name) === null && n.sheet === "Deal model" && n.comment)).toBe(true);
    const cells = cellsOf(plan.sheets[0]);
    expect(cells.get("B6")).toEqual({ kind: "text", text: "by_year" });
    expect(cells.get("B7")).toEqual({ kind: "number", value: 0.2 });
    expect(cells.get("B8")).toEqual({ kind: "blank" });
    expect([20, 21, 22].map((r) => [cells.get(`A${r}`), cells.get(`B${r}`)])).toEqual([
      [
        { kind: "number", value: 1 },
        { kind: "number", value: 0.3 },
      ],
      [
        { kind: "number", value: 2 },
        { kind: "number", value: 0.2 },
      ],
      [
        { kind: "number", value: 3 },
        { kind: "number", value: 0.15 },
      ],
    ]);
    expect([26, 27, 28].map((r) => cells.get(`B${r}`))).toEqual(
      [100_000, 120_000, 150_000].map((value) => ({ kind: "number", value })),
    );
    expect(layout.schedule).toEqual({
      headerRow: 24,
      firstRow: 25,
      lastRow: 27,
      totalsRow: 28,
      columns: { year: 0, revenue: 1, payout: 2, referral: 3, coMarketing: 4, net: 5, cumulative: 6, feesPaid: 7 },
    });
    expect(cells.get("A25")).toEqual({ kind: "text", text: "Year" });
    expect([..."ABCDEFGH"].map((c) => (cells.get(`${c}25`) as { text: string }).text)).toEqual([
      "Year",
      "Revenue",
      "Partner payout",
      "Referral fee",
      "Co-marketing (our share)",
      "Our net",
      "Cumulative net",
      "Fees paid",
    ]);
  });

  test("per-row formulas read the named assumptions: PE.REVSHARE_TIERED, PE.REFERRAL_FEE in year 1, PE.LIABILITY_CAP", () => {
    const { plan } = buildDealPlan(KNOWN);
    const cells = cellsOf(plan.sheets[0]);
    const f = (address: string) => (cells.get(address) as { formula?: string }).formula ?? cells.get(address);
    expect([26, 27, 28].map((r) => f(`C${r}`))).toEqual([
      "=INDEX(PE.REVSHARE_TIERED($B$26:B26,Deal_ShareStarts,Deal_ShareRates,Deal_ShareMethod),A26)",
      "=INDEX(PE.REVSHARE_TIERED($B$26:B27,Deal_ShareStarts,Deal_ShareRates,Deal_ShareMethod),A27)",
      "=INDEX(PE.REVSHARE_TIERED($B$26:B28,Deal_ShareStarts,Deal_ShareRates,Deal_ShareMethod),A28)",
    ]);
    expect(f("D26")).toBe(
      "=IF(ISBLANK(Deal_ReferralMax),PE.REFERRAL_FEE(B26,Deal_ReferralRate,Deal_ReferralMin),PE.REFERRAL_FEE(B26,Deal_ReferralRate,Deal_ReferralMin,Deal_ReferralMax))",
    );
    expect(cells.get("D27")).toEqual({ kind: "number", value: 0 });
    expect([f("E27"), f("F27"), f("G26"), f("G27"), f("H27")]).toEqual([
      "=Deal_CoMarketingBudget*Deal_CoMarketingShare",
      "=B27-C27-D27-E27",
      "=F26",
      "=G26+F27",
      "=C27+D27",
    ]);
    expect(["A29", "B29", "C29", "G29", "H29"].map(f)).toEqual([
      { kind: "text", text: "Total" },
      "=SUM(B26:B28)",
      "=SUM(C26:C28)",
      { kind: "blank" },
      "=SUM(H26:H28)",
    ]);
    expect(["B33", "B34", "B35", "B36"].map(f)).toEqual([
      "=MAX(H26:H28)",
      "=PE.LIABILITY_CAP(B33,Deal_LiabilityFloor,Deal_LiabilityMultiple)",
      "=AVERAGE(Deal_Revenue)",
      "=PE.LIABILITY_CAP(B35,0,Deal_IndemnityMultiple)",
    ]);
    // fees paid are defined on the sheet, beside the liability cap
    expect((cells.get("C33") as { text: string }).text).toMatch(/^Partner payout \+ referral fee/);
    const formulas = formulasOf(plan);
    expect(formulas.some((x) => /\[|@/.test(x))).toBe(false);
    const functions = new Set(formulas.flatMap((x) => [...x.matchAll(/([A-Z][A-Z0-9._]*)\(/g)].map((m) => m[1])));
    expect([...functions].sort()).toEqual([
      "AVERAGE",
      "IF",
      "INDEX",
      "ISBLANK",
      "MAX",
      "PE.LIABILITY_CAP",
      "PE.REFERRAL_FEE",
      "PE.REVSHARE_TIERED",
      "SUM",
    ]);
  });

  test("by revenue tier: one PE.REVSHARE_TIERED per year's revenue, the method a named list cell", () => {
    const { plan, layout } = buildDealPlan({
      ...KNOWN,
      revenueShare: {
        basis: "byTier",
        method: "retroactive",
        tiers: [
          { from: 0, rate: 0.1 },
          { from: 110_000, rate: 0.2 },
        ],
      },
    });
    const cells = cellsOf(plan.sheets[0]);
    expect(cells.get(layout.inputs.shareMethod!)).toEqual({ kind: "text", text: "retroactive" });
    const payout = layout.schedule.firstRow + 2;
    expect(cells.get(`C${payout}`)).toEqual({
      kind: "formula",
      formula: `=PE.REVSHARE_TIERED(B${payout},Deal_ShareStarts,Deal_ShareRates,Deal_ShareMethod)`,
    });
    const method = plan.sheets[0].validations!.find((v) => v.range === layout.inputs.shareMethod);
    expect(method?.rule).toEqual({ kind: "list", items: ["marginal", "retroactive"] });
    expect(plan.sheets[0].numberFormats!.find((f) => f.range === layout.inputs.shareStarts)?.format).toBe('"$"#,##0');
  });

  test("a reseller arrangement adds its named inputs, a units column and PE.RESELLER_MARGIN", () => {
    const { plan, layout } = buildDealPlan({ ...KNOWN, reseller: { discount: 0.3, listPrice: 1000, units: [5, 6, 7] } });
    expect(validatePlan(plan)).toEqual([]);
    expect(layout.names).toMatchObject({
      resellerDiscount: "Deal_ResellerDiscount",
      listPrice: "Deal_ListPrice",
      units: "Deal_Units",
    });
    const c = layout.schedule.columns;
    expect(c).toEqual({
      year: 0,
      revenue: 1,
      units: 2,
      payout: 3,
      referral: 4,
      resellerMargin: 5,
      coMarketing: 6,
      net: 7,
      cumulative: 8,
      feesPaid: 9,
    });
    const r = layout.schedule.firstRow + 1;
    const cells = cellsOf(plan.sheets[0]);
    expect(cells.get(`C${r}`)).toEqual({ kind: "number", value: 5 });
    expect(cells.get(`F${r}`)).toEqual({
      kind: "formula",
      formula: `=PE.RESELLER_MARGIN(Deal_ListPrice,Deal_ResellerDiscount,C${r})`,
    });
    expect(cells.get(`H${r}`)).toEqual({ kind: "formula", formula: `=B${r}-D${r}-E${r}-F${r}-G${r}` });
    expect(plan.names.find((n) => n.name === "Deal_Units")?.range).toBe(`C${r}:C${r + 2}`);
    // without one, none of it
    const plain = buildDealPlan(KNOWN);
    expect(plain.layout.names.units).toBeUndefined();
    expect(formulasOf(plain.plan).some((x) => x.includes("RESELLER"))).toBe(false);
  });

  test("formats: currency on amounts, percent on rates; inputs filled and validated; a payout chart", () => {
    const { plan, layout } = buildDealPlan({ ...KNOWN, currency: "€" });
    const sheet = plan.sheets[0];
    const formatOf = (range: string) => sheet.numberFormats!.find((f) => f.range === range)?.format;
    expect(formatOf(layout.inputs.referralRate!)).toBe("0.0%");
    expect(formatOf(layout.inputs.shareRates!)).toBe("0.0%");
    expect(formatOf(layout.inputs.liabilityFloor!)).toBe('"€"#,##0');
    expect(formatOf("C26:C29")).toBe('"€"#,##0');
    expect(formatOf("B26:B29")).toBe('"€"#,##0');
    expect(layout.caps).toMatchObject({ peakFees: "B33", liabilityCap: "B34", indemnityCap: "B36" });
    expect(formatOf("B33:B36")).toBe('"€"#,##0');
    for (const key of Object.keys(layout.inputs) as (keyof DealLayout["inputs"])[]) {
      expect(sheet.cellStyles!.some((s) => s.range === layout.inputs[key] && s.fill === "#FFF2CC")).toBe(true);
      if (key !== "shareMethod") expect(sheet.validations!.some((v) => v.range === layout.inputs[key])).toBe(true);
    }
    expect(sheet.charts).toEqual([
      { type: "columnClustered", source: "J4:K7", title: "Partner payout by year", from: "J10", to: "P26" },
    ]);
    expect(layout.chartSource).toBe("J4:K7");
    const cells = cellsOf(sheet);
    expect(cells.get("J5")).toEqual({ kind: "text", text: "Year 1" });
    expect(cells.get("K7")).toEqual({ kind: "formula", formula: "=C28" });
    expect(sheet.print).toEqual({ area: "A1:H37", orientation: "landscape", fitToWidth: true });
    expect(buildDealPlan({ ...KNOWN, chart: false }).plan.sheets[0].charts).toEqual([]);
    expect(
      buildDealPlan({ ...KNOWN, currency: "" }).plan.sheets[0].numberFormats!.find((f) => f.range === "C26:C29")?.format,
    ).toBe("#,##0");
  });

  test("the partner's name is text in the title, even when it looks like a formula", () => {
    const { plan } = buildDealPlan({ ...KNOWN, partnerName: '=HYPERLINK("http://x")' });
    expect(cellsOf(plan.sheets[0]).get("A1")).toEqual({ kind: "text", text: 'Deal model: =HYPERLINK("http://x")' });
    expect(formulasOf(plan).some((x) => x.includes("HYPERLINK"))).toBe(false);
  });

  test("inputs are saved under the deal key in the CLI's input format, and restore", () => {
    const { plan, input } = buildDealPlan({ ...KNOWN, partnerName: "Fabrikam", ui: { step: "terms" } });
    expect(plan.settings.map((s) => s.key)).toEqual([DEAL_SETTINGS_KEY]);
    expect(DEAL_SETTINGS_KEY).toBe("PartnerEconomics.deal");
    const saved = JSON.parse(plan.settings[0].json);
    expect(saved).toMatchObject({
      wizard: "deal",
      version: 1,
      partnerName: "Fabrikam",
      revenue: [100_000, 120_000, 150_000],
      ui: { step: "terms" },
    });
    expect(plan.settings[0].json).toBe(serializeDealInput(input));
    // what is saved is exactly what `pe-calc new deal --from` accepts
    expect(validateDealInput(saved)).toMatchObject({ ok: true, input });
    expect(restoreDealInput(plan.settings[0].json)).toEqual({ ...input, wizard: "deal", version: 1 });
    // a draft with a slip restores as typed, for the wizard to flag; other JSON does not
    expect(restoreDealInput(JSON.stringify({ wizard: "deal", termYears: 0 }))?.termYears).toBe(0);
    expect(restoreDealInput('{"wizard":"charter"}')).toBeNull();
    expect(restoreDealInput("{broken")).toBeNull();
    expect(restoreDealInput(null)).toBeNull();
  });

  test("a second deal model gets a fresh sheet and Deal2_ names", () => {
    const first = buildDealPlan(KNOWN);
    const { plan, layout } = buildDealPlan(
      KNOWN,
      ["Deal model"],
      first.plan.names.map((n) => n.name),
    );
    expect(layout.sheet).toBe("Deal model (2)");
    expect(plan.names.every((n) => n.name.startsWith("Deal2_") && n.sheet === "Deal model (2)")).toBe(true);
    expect(formulasOf(plan).every((x) => !/Deal_/.test(x))).toBe(true);
    expect(buildDealPlan(KNOWN, [], ["deal_revenue"]).layout.names.revenue).toBe("Deal2_Revenue");
  });

  test("the term sets the rows: a 10-year deal keeps the last year rate from year 3 on", () => {
    const { plan, layout } = buildDealPlan({ termYears: 10, revenue: Array.from({ length: 10 }, () => 1000) });
    expect(validatePlan(plan)).toEqual([]);
    expect(layout.schedule.lastRow - layout.schedule.firstRow + 1).toBe(10);
    expect(plan.names.find((n) => n.name === "Deal_Revenue")?.range).toBe(
      `B${layout.schedule.firstRow + 1}:B${layout.schedule.lastRow + 1}`,
    );
  });

  test("invalid input throws with every field message before anything is planned", () => {
    expect(() => buildDealPlan({ termYears: 0 })).toThrow(DealInputError);
    expect(() => buildDealPlan({ ...KNOWN, revenueShare: { basis: "byYear", rates: [0.3, 1.5] } })).toThrow(
      "the deal model cannot be built: revenueShare.rates.1: Year 2 rate is 150%: enter a rate from 0% to 100%",
    );
  });

  test("docs/examples/deal.json is a complete, valid input", () => {
    const json = JSON.parse(readFileSync(EXAMPLE, "utf8"));
    const result = validateDealInput(json);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    // complete: every field is spelt out, so the example documents the whole format
    const { plan } = buildDealPlan(json);
    expect(Object.keys(JSON.parse(plan.settings[0].json)).sort()).toEqual(Object.keys(json).sort());
    expect(json.reseller && json.referral.minimum !== null && json.referral.maximum !== null).toBeTruthy();
  });
});
