import { checkDealDraft, DEAL_STEP_IDS, dealStepOfField } from "../../src/taskpane/deal/check";
import { dealWizard, restoreDealDraft, saveDealDraft } from "../../src/taskpane/deal/definition";
import { initialDealDraft, padded, termYearsOf, toDealModelInput, type DealDraft } from "../../src/taskpane/deal/draft";
import { moneyText, previewDeal } from "../../src/taskpane/deal/preview";
import { parseTyped } from "../../src/taskpane/wizard/typed-numbers";
import { firstStepWithError, stepView } from "../../src/taskpane/wizard/messages";
import { buildDealPlan, DEAL_SETTINGS_KEY } from "../../src/workbook/models/deal";
import { DealInputSchema, validateDealInput } from "../../src/workbook/models/deal/input";
import type { ApplySummary, WorkbookInventory } from "../../src/workbook/appliers/common";
import { applyPlanToEngine } from "../../src/workbook/appliers/engine";
import { createEngine } from "../../src/engine";

const EMPTY_INVENTORY: WorkbookInventory = { sheetNames: ["Sheet1"], definedNames: [], tableNames: [] };

/** The known deal: 100k / 120k / 150k over three years at 30 / 20 / 15% by contract year. */
function knownDeal(change: Partial<DealDraft> = {}): DealDraft {
  return { ...initialDealDraft(), revenue: ["100000", "120,000", "150000"], ...change };
}

const errorsOf = (draft: DealDraft) => checkDealDraft(draft).errors;
const errorOn = (draft: DealDraft, field: string) => errorsOf(draft).find((e) => e.field === field);

describe("the deal wizard's draft", () => {
  it("starts from the reading's typical values, with rates typed as percentages and kept as fractions", () => {
    const draft = initialDealDraft();
    expect(draft.yearRates).toEqual(["30", "20", "15"]);
    expect(draft.referralRate).toBe("20");
    expect(draft.resellerDiscount).toBe("35");
    expect(draft.coMarketingShare).toBe("50");
    expect(draft.revenue).toEqual(["", "", ""]);
    const input = toDealModelInput(knownDeal()).input;
    expect(input.revenueShare).toEqual({ basis: "byYear", rates: [0.3, 0.2, 0.15] });
    expect(input.referral).toEqual({ rate: 0.2, minimum: null, maximum: null });
    expect(input.coMarketing).toEqual({ budget: 0, ourShare: 0.5 });
    expect(input.terms).toEqual({
      liabilityFloor: 500_000,
      liabilityMultiple: 1,
      indemnityMultiple: 1.5,
      initialTermYears: 2,
      renewalNoticeDays: 60,
    });
    expect(input.reseller).toBeNull();
    expect(input.termYears).toBe(3);
    expect(input.revenue).toEqual([100_000, 120_000, 150_000]);
  });

  it("reads numbers as typed: grouped digits, spaces and (for rates) a percent sign", () => {
    expect(parseTyped("1,250,000")).toBe(1_250_000);
    expect(parseTyped(" 1 250 000 ")).toBe(1_250_000);
    expect(parseTyped("30%", true)).toBe(30);
    expect(parseTyped("30%")).toBeUndefined();
    for (const bad of ["", "abc", "0x1f", "1,25", "12e"]) expect(parseTyped(bad)).toBeUndefined();
    const input = toDealModelInput(knownDeal({ yearRates: ["30%", "12.5", "15"] })).input;
    expect(input.revenueShare).toEqual({ basis: "byYear", rates: [0.3, 0.125, 0.15] });
  });

  it("maps revenue tiers, the method, referral limits and a reseller with units per year", () => {
    const draft = knownDeal({
      basis: "byTier",
      tierMethod: "retroactive",
      tiers: [
        { from: "0", rate: "10" },
        { from: "200,000", rate: "25" },
      ],
      referralMinimum: "500",
      referralMaximum: "5000",
      resellerEnabled: true,
      listPrice: "1200",
      units: ["10", "20", "30", "99"],
    });
    const input = toDealModelInput(draft).input;
    expect(input.revenueShare).toEqual({
      basis: "byTier",
      method: "retroactive",
      tiers: [
        { from: 0, rate: 0.1 },
        { from: 200_000, rate: 0.25 },
      ],
    });
    expect(input.referral).toEqual({ rate: 0.2, minimum: 500, maximum: 5000 });
    // One unit forecast per term year: a fourth, left from a longer term, is not used.
    expect(input.reseller).toEqual({ discount: 0.35, listPrice: 1200, units: [10, 20, 30] });
    expect(checkDealDraft(draft).errors).toEqual([]);
  });

  it("shows one forecast field per term year and keeps what was typed when the term shrinks and grows back", () => {
    expect(termYearsOf(knownDeal({ termYears: "5" }))).toBe(5);
    for (const bad of ["0", "2.5", "51", "abc", ""]) expect(termYearsOf(knownDeal({ termYears: bad }))).toBeUndefined();
    expect(padded(["1"], 3)).toEqual(["1", "", ""]);
    expect(padded(["1", "2", "3"], 2)).toEqual(["1", "2", "3"]);
    const shorter = toDealModelInput(knownDeal({ termYears: "2" })).input;
    expect(shorter.revenue).toEqual([100_000, 120_000]);
    expect(toDealModelInput(knownDeal({ termYears: "" })).input.revenue).toEqual([]);
  });
});

describe("the deal wizard's checks, each message on its field and step", () => {
  it("accepts the known deal with no error and no warning", () => {
    expect(checkDealDraft(knownDeal())).toEqual({ errors: [], warnings: [] });
  });

  it("holds back missing forecasts until the user tries to go on, on the forecast step", () => {
    const errors = errorsOf(initialDealDraft());
    expect(errors.map((e) => e.field)).toEqual(["revenue.0", "revenue.1", "revenue.2"]);
    expect(errors.every((e) => e.quiet === true)).toBe(true);
    expect(errors[1].message).toBe("Enter the year 2 revenue forecast (0 if none)");
    expect(dealStepOfField("revenue.1")).toBe(DEAL_STEP_IDS.forecast);
  });

  it("says a rate above 100% in percent, without the model's fraction advice, on the revenue-share step", () => {
    const draft = knownDeal({ yearRates: ["150", "20", "15"] });
    expect(errorOn(draft, "revenueShare.rates.0")?.message).toBe("Year 1 rate is 150%: enter a rate from 0% to 100%");
    expect(dealStepOfField("revenueShare.rates.0")).toBe(DEAL_STEP_IDS.share);
    const typo = errorOn(knownDeal({ yearRates: ["3000"] }), "revenueShare.rates.0")?.message;
    expect(typo).toBe("Year 1 rate is 3000%: enter a rate from 0% to 100%");
    expect(errorOn(knownDeal({ referralRate: "101" }), "referral.rate")?.message).toContain("101%");
    expect(dealStepOfField("referral.rate")).toBe(DEAL_STEP_IDS.fees);
  });

  it("refuses a term of 0 years on the term field, and text that is not a number once, in the user's words", () => {
    const zero = errorsOf(knownDeal({ termYears: "0" }));
    expect(zero).toEqual([{ field: "termYears", message: "The term is 0 years: enter a whole number of years from 1 to 50" }]);
    const text = errorsOf(knownDeal({ termYears: "three" }));
    expect(text).toEqual([
      { field: "termYears", message: '"three" is not a number: enter the term in whole years, e.g. 3', quiet: false },
    ]);
    expect(dealStepOfField("termYears")).toBe(DEAL_STEP_IDS.forecast);
  });

  it("refuses negative amounts on their own fields", () => {
    const draft = knownDeal({ revenue: ["100000", "-5", "150000"], liabilityFloor: "-1", coMarketingBudget: "-10" });
    expect(errorOn(draft, "revenue.1")?.message).toBe("Year 2 revenue is -5: enter 0 or more");
    expect(errorOn(draft, "terms.liabilityFloor")?.message).toBe("The liability floor is -1: enter 0 or more");
    expect(errorOn(draft, "coMarketing.budget")?.message).toBe("The co-marketing budget is -10: enter 0 or more");
    expect(dealStepOfField("terms.liabilityFloor")).toBe(DEAL_STEP_IDS.terms);
    expect(dealStepOfField("coMarketing.budget")).toBe(DEAL_STEP_IDS.fees);
  });

  it("puts reseller units with the forecast and the rest of the reseller on the fees step", () => {
    const draft = knownDeal({ resellerEnabled: true, resellerDiscount: "100", listPrice: "", units: ["1", "x", ""] });
    const fields = errorsOf(draft).map((e) => [e.field, dealStepOfField(e.field)]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ["reseller.discount", DEAL_STEP_IDS.fees],
        ["reseller.listPrice", DEAL_STEP_IDS.fees],
        ["reseller.units.1", DEAL_STEP_IDS.forecast],
        ["reseller.units.2", DEAL_STEP_IDS.forecast],
      ]),
    );
  });

  it("catches a maximum referral fee below the minimum, and a tier list out of order", () => {
    expect(errorOn(knownDeal({ referralMinimum: "5000", referralMaximum: "500" }), "referral.maximum")?.message).toContain(
      "below the minimum",
    );
    const tiers = knownDeal({
      basis: "byTier",
      tiers: [
        { from: "100000", rate: "10" },
        { from: "50000", rate: "20" },
      ],
    });
    expect(errorOn(tiers, "revenueShare.tiers.1.from")?.message).toContain("list tiers from the lowest revenue up");
    expect(checkDealDraft(tiers).warnings).toEqual([
      { field: "revenueShare.tiers.0.from", message: "Yearly revenue below 100,000 earns the partner no share" },
    ]);
  });

  it("warns (without blocking) about a rate that looks typed as a fraction, and about rates beyond the term", () => {
    const check = checkDealDraft(knownDeal({ yearRates: ["0.3", "20", "15", "10"] }));
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((w) => w.field)).toEqual(["revenueShare.rates", "revenueShare.rates.0"]);
    expect(check.warnings[1].message).toContain("type 30 for 30%");
  });

  it("shows a step only its own messages, and sends Write to the first step with an error", () => {
    const draft = knownDeal({ yearRates: ["150"], initialTermYears: "0", revenue: ["1", "", "3"] });
    const check = checkDealDraft(draft);
    const share = stepView(check, DEAL_STEP_IDS.share, dealStepOfField, false);
    expect(share.messages.field("revenueShare.rates.0")).toEqual({
      validationState: "error",
      validationMessage: "Year 1 rate is 150%: enter a rate from 0% to 100%",
    });
    expect(share.messages.field("terms.initialTermYears")).toEqual({});
    // The blank forecast is quiet until the user tried to leave the forecast step; it still blocks.
    const forecast = stepView(check, DEAL_STEP_IDS.forecast, dealStepOfField, false);
    expect(forecast.messages.field("revenue.1")).toEqual({});
    expect(forecast.blocking.map((m) => m.field)).toEqual(["revenue.1"]);
    expect(stepView(check, DEAL_STEP_IDS.forecast, dealStepOfField, true).messages.field("revenue.1").validationState).toBe(
      "error",
    );
    const order = dealWizard.steps.map((s) => s.id);
    expect(firstStepWithError(check, order, dealStepOfField)).toBe(DEAL_STEP_IDS.share);
    const later = checkDealDraft(knownDeal({ initialTermYears: "0" }));
    expect(firstStepWithError(later, order, dealStepOfField)).toBe(DEAL_STEP_IDS.terms);
  });
});

describe("the deal wizard's plan and preview", () => {
  it("previews the known deal's payouts from the model's plan: 30,000 / 24,000 / 22,500, 76,500 in total", async () => {
    const input = DealInputSchema.parse(toDealModelInput(knownDeal()).input);
    const preview = (await previewDeal(input))!;
    expect(preview.payouts).toEqual([30_000, 24_000, 22_500]);
    expect(preview.totalPayout).toBe(76_500);
    expect(preview.referralFee).toBe(20_000);
    expect(moneyText(76_500, "$")).toBe("$76,500");
    expect(moneyText(1234.5, "CHF")).toBe("CHF 1,234.50");
    const summary = {
      sheets: [],
      tables: [],
      names: [],
      cells: 0,
      formulas: 0,
      settings: [],
      limitations: [],
    } as unknown as ApplySummary;
    expect((await dealWizard.summarize?.(summary, knownDeal()))?.[0]).toBe(
      "Partner payout by year: $30,000 / $24,000 / $22,500; $76,500 in total",
    );
  });

  it.each([
    [
      "by contract year, with a reseller and co-marketing",
      knownDeal({ resellerEnabled: true, units: ["10", "20", "30"], coMarketingBudget: "10000" }),
    ],
    ["by marginal revenue tiers, with a referral minimum", knownDeal({ basis: "byTier", referralMinimum: "25000" })],
    [
      "by retroactive revenue tiers over five years, with a referral maximum",
      knownDeal({
        basis: "byTier",
        tierMethod: "retroactive",
        termYears: "5",
        revenue: ["90000", "260000", "0", "1200000", "75000"],
        referralMaximum: "5000",
      }),
    ],
    [
      "by contract year with more years than rates",
      knownDeal({ termYears: "6", revenue: ["1", "2", "3", "4", "5", "6"].map((x) => `${x}00000`) }),
    ],
  ])("previews %s with the numbers the written sheet computes", async (_name, draft) => {
    const input = DealInputSchema.parse(toDealModelInput(draft).input);
    const preview = (await previewDeal(input))!;
    // The sheet as the pane writes it: the wizard's plan into a workbook that already has a deal model.
    const hf = createEngine();
    applyPlanToEngine(hf, buildDealPlan(input).plan);
    const { plan, layout } = buildDealPlan(input, hf.getSheetNames(), hf.listNamedExpressions());
    const written = applyPlanToEngine(hf, plan);
    const sheet = hf.getSheetId(written.sheetNames[layout.sheet])!;
    const { firstRow, totalsRow, columns } = layout.schedule;
    const cell = (row: number, col: number) => hf.getCellValue({ sheet, row, col });
    expect(layout.sheet).toBe("Deal model (2)");
    expect(preview.payouts).toEqual(Array.from({ length: layout.termYears }, (_, i) => cell(firstRow + i, columns.payout)));
    expect(preview.totalPayout).toBe(cell(totalsRow, columns.payout));
    expect(preview.referralFee).toBe(cell(firstRow, columns.referral));
    expect(preview.totalRevenue).toBe(cell(totalsRow, columns.revenue));
    expect(preview.payouts.every((p) => typeof p === "number")).toBe(true);
    hf.destroy();
  });

  it("previews nothing for an input the sheet cannot compute, rather than a wrong number", async () => {
    const input = DealInputSchema.parse(toDealModelInput(knownDeal()).input);
    await expect(previewDeal({ ...input, revenue: [100_000, -5, 150_000] })).resolves.toBeUndefined();
  });

  it("builds the deal model's plan from the draft, avoiding the workbook's sheet and names", () => {
    const built = dealWizard.buildPlan(knownDeal({ partnerName: "=1+1" }), {
      sheetNames: ["Deal model"],
      definedNames: ["Deal_ShareRates"],
      tableNames: [],
    });
    const direct = buildDealPlan(toDealModelInput(knownDeal({ partnerName: "=1+1" })).input, ["Deal model"], ["Deal_ShareRates"]);
    expect(built.plan).toEqual(direct.plan);
    expect(built.plan.sheets[0].name).toBe("Deal model (2)");
    expect(built.plan.names?.some((n) => n.name === "Deal2_ShareRates")).toBe(true);
    expect(built.progressLabel).toBe("Writing a 3-year deal model and its formulas");
    expect(dealWizard.buildPlan(knownDeal(), EMPTY_INVENTORY).plan.sheets[0].name).toBe("Deal model");
  });
});

describe("saving and restoring the deal wizard's inputs", () => {
  it("round-trips the draft as typed and the step", () => {
    const draft = knownDeal({ yearRates: ["abc", "20"], termYears: "4", partnerName: "Acme" });
    const saved = saveDealDraft(draft, DEAL_STEP_IDS.terms);
    expect(restoreDealDraft(saved)).toEqual({ state: draft, stepId: DEAL_STEP_IDS.terms });
    expect(dealWizard.restore(dealWizard.save(initialDealDraft(), "share"))).toEqual({
      state: initialDealDraft(),
      stepId: "share",
    });
  });

  it("saves in the deal model's own input format (pe-calc new deal reads it), the wizard's state under ui", () => {
    const saved = JSON.parse(saveDealDraft(knownDeal(), DEAL_STEP_IDS.review));
    expect(saved).toMatchObject({ wizard: "deal", version: 1, termYears: 3, revenue: [100_000, 120_000, 150_000] });
    expect(saved.ui.step).toBe("review");
    const validation = validateDealInput(saved);
    expect(validation.ok).toBe(true);
    expect(dealWizard.settingsKey).toBe(DEAL_SETTINGS_KEY);
  });

  it("restores what a written plan saved (no ui) as the same model input", () => {
    const { plan } = buildDealPlan(toDealModelInput(knownDeal({ partnerName: "Acme" })).input);
    const settings = plan.settings?.find((s) => s.key === DEAL_SETTINGS_KEY);
    const restored = restoreDealDraft(settings!.json);
    expect(restored?.stepId).toBeUndefined();
    expect(toDealModelInput(restored!.state).input).toEqual(toDealModelInput(knownDeal({ partnerName: "Acme" })).input);
    expect(restored!.state.revenue).toEqual(["100000", "120000", "150000"]);
  });

  it("restores a hand-written deal.json with tiers and a reseller", () => {
    const json = JSON.stringify({
      wizard: "deal",
      termYears: 2,
      revenue: [1000, 2000],
      revenueShare: { basis: "byTier", tiers: [{ from: 0, rate: 0.125 }] },
      reseller: { discount: 0.3, listPrice: 99, units: [1, 2] },
    });
    const state = restoreDealDraft(json)!.state;
    expect(state).toMatchObject({
      basis: "byTier",
      tierMethod: "marginal",
      tiers: [{ from: "0", rate: "12.5" }],
      resellerEnabled: true,
      resellerDiscount: "30",
      listPrice: "99",
      units: ["1", "2"],
      termYears: "2",
      revenue: ["1000", "2000"],
    });
  });

  it("ignores settings that are not a deal's or are broken", () => {
    expect(restoreDealDraft("{not json")).toBeNull();
    expect(restoreDealDraft(JSON.stringify({ wizard: "charter" }))).toBeNull();
    expect(restoreDealDraft(JSON.stringify({ wizard: "deal", revenu: [1] }))).toBeNull();
    // A broken ui falls back to the model's fields.
    const fallback = restoreDealDraft(JSON.stringify({ wizard: "deal", termYears: 1, revenue: [5], ui: { draft: 42 } }));
    expect(fallback?.state.revenue).toEqual(["5"]);
  });
});

describe("the deal wizard in the pane", () => {
  it("has a tab after the qualification matrix, whose code loads on first use", async () => {
    const { PANE_TOOLS } = await import("../../src/taskpane/pane-tools");
    expect(PANE_TOOLS.map((t) => [t.id, t.label])).toEqual([
      ["qualification", "Qualification"],
      ["deal", "Deal model"],
      ["charter", "Charter"],
      ["scorecard", "Scorecard"],
      ["deal-options", "Deal options"],
      ["payouts", "Payouts"],
      ["functions", "Functions"],
    ]);
    const pane = await import("../../src/taskpane/deal/DealWizardPane");
    expect(typeof pane.default).toBe("function");
    expect(dealWizard.steps.map((s) => s.title)).toEqual([
      "Revenue share",
      "Referral, reseller, co-marketing",
      "Term and forecast",
      "Contract terms",
      "Review and write",
    ]);
  });
});
