/**
 * The deal model as a WorkbookPlan: a named assumptions block (every input a defined name), the
 * revenue-share rates, a per-year schedule (revenue, partner payout, referral fee, reseller margin,
 * our co-marketing share, our net, cumulative net, fees paid) with totals, the liability and
 * indemnity caps, and a chart of partner payout by year.
 *
 * Every schedule formula reads the named assumptions and the revenue cells, so changing any of
 * them recalculates the schedule in Excel, the engine and a saved file alike. Formulas are per
 * row, never spills: an .xlsx written by ExcelJS cannot mark a formula as a dynamic array, and
 * Excel would show only the first value of a spill there.
 *
 * - Payout by contract year: PE.REVSHARE_TIERED's "by_year" method numbers years by their place
 *   in the revenue range, so row N passes years 1..N ($B$first:B{row}) and INDEX takes year N
 *   (the Year cell). By revenue tier: each year's revenue on its own, one call per row.
 * - Referral fee: PE.REFERRAL_FEE on year 1 revenue, once. The maximum is passed only when its
 *   cell is filled: Excel desktop may hand a custom function a blank cell as 0, which would cap
 *   the fee at 0. A blank minimum read as 0 is the same as no minimum.
 * - Fees paid: partner payout + referral fee, what we pay the partner under the agreement in a
 *   contract year (12 months). Co-marketing spend and reseller discounts are not fees. The
 *   liability cap is PE.LIABILITY_CAP over the highest year's fees paid: the largest cap the deal
 *   reaches ("12 months of fees paid or the floor, whichever is greater").
 * - Annual partnership value, the base of the indemnity cap: the average revenue per year.
 * - Cumulative net is a running sum (previous + this year).
 */
import { cellAddress, columnLetters, rangeAddress, rangeFrom } from "../../a1";
import { freeNameSuffix } from "../../defined-names";
import {
  blank,
  formula,
  num,
  PLAN_VERSION,
  text,
  userValue,
  type CellContent,
  type CellStylePlan,
  type NamedItemPlan,
  type NumberFormatPlan,
  type SheetPlan,
  type ValidationPlan,
  type ValidationRule,
  type WorkbookPlan,
} from "../../plan";
import { uniqueSheetName } from "../../sheet-names";
import type { FieldIssue } from "../shared/model-input";
import { DEAL_HEADER_FILL, DEAL_INPUT_FILL } from "./defaults";
import { serializeDealInput, validateDealInput, type DealInput, type DealInputDraft } from "./input";
import { ModelInputError } from "../shared/model-input-error";

/** Document-settings key of the deal wizard's inputs; the JSON is serializeDealInput's (the CLI's input format). */
export const DEAL_SETTINGS_KEY = "PartnerEconomics.deal";

const NAME_PARTS = {
  shareMethod: "ShareMethod",
  shareStarts: "ShareStarts",
  shareRates: "ShareRates",
  referralRate: "ReferralRate",
  referralMin: "ReferralMin",
  referralMax: "ReferralMax",
  resellerDiscount: "ResellerDiscount",
  listPrice: "ListPrice",
  units: "Units",
  coMarketingBudget: "CoMarketingBudget",
  coMarketingShare: "CoMarketingShare",
  liabilityFloor: "LiabilityFloor",
  liabilityMultiple: "LiabilityMultiple",
  indemnityMultiple: "IndemnityMultiple",
  initialTerm: "InitialTerm",
  renewalNotice: "RenewalNotice",
  revenue: "Revenue",
} as const;

export type DealNameKey = keyof typeof NAME_PARTS;
const RESELLER_KEYS: readonly DealNameKey[] = ["resellerDiscount", "listPrice", "units"];

export interface DealScheduleColumns {
  year: number;
  revenue: number;
  /** Only with a reseller arrangement. */
  units?: number;
  payout: number;
  referral: number;
  /** Only with a reseller arrangement. */
  resellerMargin?: number;
  coMarketing: number;
  net: number;
  cumulative: number;
  feesPaid: number;
}

export interface DealLayout {
  sheet: string;
  /** Defined name of each input (reseller names only with a reseller arrangement). */
  names: Partial<Record<DealNameKey, string>>;
  /** A1 cell or range (no sheet prefix) of each named input, by the same keys. */
  inputs: Partial<Record<DealNameKey, string>>;
  termYears: number;
  /** The cell computing the number of years modelled. */
  termCell: string;
  schedule: {
    /** 0-based rows: header, first and last year, totals. */
    headerRow: number;
    firstRow: number;
    lastRow: number;
    totalsRow: number;
    /** 0-based columns. */
    columns: DealScheduleColumns;
  };
  caps: { peakFees: string; liabilityCap: string; annualValue: string; indemnityCap: string; renewal: string };
  /** The chart's source block (Year labels and payouts), when the plan has a chart. */
  chartSource?: string;
}

export interface DealPlanResult {
  plan: WorkbookPlan;
  layout: DealLayout;
  input: DealInput;
  warnings: FieldIssue[];
}

export class DealInputError extends ModelInputError {
  constructor(errors: FieldIssue[]) {
    super("deal model", errors);
    this.name = "DealInputError";
  }
}

const TITLE = "Deal model";
const RATE_FORMAT = "0.0%";
const MULTIPLE_FORMAT = '0.0#"×"';
const AMOUNT_LIMIT = 1e15;

/**
 * Builds the plan. `existingSheetNames` and `existingNames` (defined and table names already in
 * the workbook) make the sheet and names unique: a second deal model gets "Deal model (2)" and
 * Deal2_… names.
 */
export function buildDealPlan(
  draft: DealInputDraft,
  existingSheetNames: string[] = [],
  existingNames: string[] = [],
): DealPlanResult {
  const checked = validateDealInput(draft);
  if (!checked.ok) throw new DealInputError(checked.errors);
  const input = checked.input;
  const sheetName = uniqueSheetName(input.sheetName, existingSheetNames);
  const prefix = `Deal${nameSuffix(existingNames)}_`;
  const keys = (Object.keys(NAME_PARTS) as DealNameKey[]).filter((k) => input.reseller || !RESELLER_KEYS.includes(k));
  const names = Object.fromEntries(keys.map((k) => [k, `${prefix}${NAME_PARTS[k]}`])) as Partial<Record<DealNameKey, string>>;
  const built = buildSheet(input, sheetName, names);
  const plan: WorkbookPlan = {
    version: PLAN_VERSION,
    description: "deal model",
    sheets: [built.sheet],
    names: built.named,
    settings: [{ key: DEAL_SETTINGS_KEY, json: serializeDealInput(input) }],
  };
  return { plan, layout: built.layout, input, warnings: checked.warnings };
}

/** "" when every Deal_… name is free, otherwise the first number n for which every Deal{n}_… name is. */
function nameSuffix(existingNames: string[]): string {
  return freeNameSuffix(existingNames, (suffix) => Object.values(NAME_PARTS).map((part) => `Deal${suffix}_${part}`));
}

interface AssumptionRow {
  key?: DealNameKey;
  label: string;
  value: CellContent;
  note: string;
  format?: string;
  rule?: ValidationRule;
  ruleError?: string;
}

const amountRule: ValidationRule = { kind: "decimal", min: 0, max: AMOUNT_LIMIT };
const rateRule: ValidationRule = { kind: "decimal", min: 0, max: 1 };

function currencyFormat(currency: string): string {
  return currency === "" ? "#,##0" : `"${currency}"#,##0`;
}

function assumptionRows(input: DealInput, money: string): AssumptionRow[] {
  const share = input.revenueShare;
  const byYear = share.basis === "byYear";
  const { referral, reseller, coMarketing, terms } = input;
  const rows: AssumptionRow[] = [
    {
      label: "Revenue share",
      value: text(byYear ? "By contract year" : "By revenue tier"),
      note: "To change the basis, run the deal wizard again.",
    },
    {
      key: "shareMethod",
      label: "Revenue share method",
      value: text(byYear ? "by_year" : share.method),
      note: byYear
        ? "by_year: each contract year's revenue at the rate in force that year (rates below)."
        : "marginal: each slice of a year's revenue at its tier's rate; retroactive: the whole year at the highest tier reached.",
      rule: { kind: "list", items: byYear ? ["by_year"] : ["marginal", "retroactive"] },
      ruleError: byYear ? "By contract year the method is by_year." : "Choose marginal or retroactive.",
    },
    {
      key: "referralRate",
      label: "Referral fee (share of year 1 revenue)",
      value: num(referral.rate),
      note: "One-time fee on the first year's revenue; typically 10% to 30%.",
      format: RATE_FORMAT,
      rule: rateRule,
      ruleError: "A rate is a percentage from 0% to 100%.",
    },
    {
      key: "referralMin",
      label: "Referral fee minimum",
      value: userValue(referral.minimum),
      note: "Leave blank for no minimum.",
      format: money,
      rule: amountRule,
      ruleError: "An amount of 0 or more; leave blank for none.",
    },
    {
      key: "referralMax",
      label: "Referral fee maximum",
      value: userValue(referral.maximum),
      note: "Leave blank for no maximum.",
      format: money,
      rule: amountRule,
      ruleError: "An amount of 0 or more; leave blank for none.",
    },
  ];
  if (reseller) {
    rows.push(
      {
        key: "resellerDiscount",
        label: "Reseller discount off list",
        value: num(reseller.discount),
        note: "The reseller buys at this discount and sells at list, keeping the difference; typically 20% to 40%.",
        format: RATE_FORMAT,
        rule: { kind: "decimal", min: 0, max: 0.9999 },
        ruleError: "A discount from 0% up to (not including) 100%.",
      },
      {
        key: "listPrice",
        label: "List price per unit",
        value: num(reseller.listPrice),
        note: "Units sold by the reseller each year are in the schedule.",
        format: money,
        rule: amountRule,
        ruleError: "An amount of 0 or more.",
      },
    );
  }
  rows.push(
    {
      key: "coMarketingBudget",
      label: "Co-marketing budget per year",
      value: num(coMarketing.budget),
      note: "The joint budget, both sides together.",
      format: money,
      rule: amountRule,
      ruleError: "An amount of 0 or more.",
    },
    {
      key: "coMarketingShare",
      label: "Our share of co-marketing",
      value: num(coMarketing.ourShare),
      note: "50% for a 50/50 split; 60% for 60/40 and 70% for 70/30 when we gain more.",
      format: RATE_FORMAT,
      rule: rateRule,
      ruleError: "A share from 0% to 100%.",
    },
    {
      key: "liabilityFloor",
      label: "Liability floor",
      value: num(terms.liabilityFloor),
      note: "The liability cap is never below this amount.",
      format: money,
      rule: amountRule,
      ruleError: "An amount of 0 or more.",
    },
    {
      key: "liabilityMultiple",
      label: "Liability: multiple of 12 months' fees",
      value: num(terms.liabilityMultiple),
      note: "1 caps liability at 12 months of fees paid (or the floor, whichever is greater).",
      format: MULTIPLE_FORMAT,
      rule: { kind: "decimal", min: 0, max: 1000 },
      ruleError: "A multiple of 0 or more.",
    },
    {
      key: "indemnityMultiple",
      label: "Indemnity: multiple of annual value",
      value: num(terms.indemnityMultiple),
      note: "Typically 1 to 2 times the annual partnership value.",
      format: MULTIPLE_FORMAT,
      rule: { kind: "decimal", min: 0, max: 1000 },
      ruleError: "A multiple of 0 or more.",
    },
    {
      key: "initialTerm",
      label: "Initial term (years)",
      value: num(terms.initialTermYears),
      note: "Typically 1 to 3 years, then automatic renewal.",
      format: "0",
      rule: { kind: "wholeNumber", min: 1, max: 50 },
      ruleError: "A whole number of years from 1.",
    },
    {
      key: "renewalNotice",
      label: "Renewal notice (days)",
      value: num(terms.renewalNoticeDays),
      note: "Notice needed to end the agreement at renewal; typically 30 to 90 days.",
      format: "0",
      rule: { kind: "wholeNumber", min: 0, max: 3650 },
      ruleError: "A whole number of days, 0 or more.",
    },
  );
  return rows;
}

function buildSheet(
  input: DealInput,
  sheet: string,
  names: Partial<Record<DealNameKey, string>>,
): { sheet: SheetPlan; layout: DealLayout; named: NamedItemPlan[] } {
  const money = currencyFormat(input.currency);
  const byYear = input.revenueShare.basis === "byYear";
  const n = input.termYears;
  const cell = (row: number, col: number): string => cellAddress({ row, col });
  const range = (row: number, col: number, rows: number, cols: number): string =>
    rangeAddress(rangeFrom({ row, col }, rows, cols));
  const blocks: SheetPlan["blocks"] = [];
  const numberFormats: NumberFormatPlan[] = [];
  const cellStyles: CellStylePlan[] = [];
  const validations: ValidationPlan[] = [];
  const inputs: Partial<Record<DealNameKey, string>> = {};
  const comments: Partial<Record<DealNameKey, string>> = {};
  const inputCell = (key: DealNameKey, address: string, comment: string): void => {
    inputs[key] = address;
    comments[key] = comment;
    cellStyles.push({ range: address, fill: DEAL_INPUT_FILL });
  };
  const sectionHeader = (row: number, labels: string[]): void => {
    blocks.push({ at: cell(row, 0), cells: [labels.map(text)] });
    cellStyles.push({ range: range(row, 0, 1, labels.length), bold: true, fill: DEAL_HEADER_FILL, borderBottom: true });
  };

  // Title
  const title = input.partnerName === "" ? TITLE : `${TITLE}: ${input.partnerName}`;
  blocks.push({
    at: "A1",
    cells: [
      [text(title)],
      [text("Yellow cells are the assumptions: change any of them and the schedule, totals and caps recalculate.")],
    ],
  });
  cellStyles.push(
    { range: "A1", bold: true, fontSize: 14, fontColor: "#1F4E79" },
    { range: "A2", italic: true, fontColor: "#595959" },
  );

  // Assumptions
  let row = 3;
  sectionHeader(row, ["Assumptions", "Value", "Notes"]);
  row++;
  const assumptions = assumptionRows(input, money);
  const firstAssumption = row;
  blocks.push({
    at: cell(row, 0),
    cells: assumptions.map((a) => [text(a.label), a.value, text(a.note)]),
  });
  assumptions.forEach((a, i) => {
    const address = cell(firstAssumption + i, 1);
    if (a.format) numberFormats.push({ range: address, format: a.format });
    if (a.key) inputCell(a.key, address, a.label);
    if (a.key && a.rule) validations.push({ range: address, rule: a.rule, error: a.ruleError ?? "Not a valid value." });
  });
  row += assumptions.length;
  const termRow = row;
  const termCell = cell(termRow, 1);
  row += 2;

  // Revenue-share rates
  const share = input.revenueShare;
  const starts = share.basis === "byYear" ? share.rates.map((_, i) => i + 1) : share.tiers.map((t) => t.from);
  const rates = share.basis === "byYear" ? share.rates : share.tiers.map((t) => t.rate);
  sectionHeader(row, [byYear ? "Rate from contract year" : "Rate from yearly revenue", "Rate", "Notes"]);
  row++;
  const firstRate = row;
  blocks.push({
    at: cell(firstRate, 0),
    cells: starts.map((start, i) => [
      num(start),
      num(rates[i]),
      text(
        i > 0
          ? ""
          : byYear
            ? "The partner's share of each contract year's revenue; the last rate continues for every later year."
            : "Tiers apply to each contract year's revenue on its own.",
      ),
    ]),
  });
  const startsRange = range(firstRate, 0, starts.length, 1);
  const ratesRange = range(firstRate, 1, starts.length, 1);
  inputCell("shareStarts", startsRange, byYear ? "Contract year each rate starts" : "Yearly revenue each tier starts");
  inputCell("shareRates", ratesRange, "Partner's revenue share rates");
  cellStyles.push({ range: startsRange, horizontal: "left" });
  numberFormats.push({ range: startsRange, format: byYear ? '"Year "0' : money }, { range: ratesRange, format: RATE_FORMAT });
  validations.push(
    byYear
      ? {
          range: startsRange,
          rule: { kind: "wholeNumber", min: 1, max: 50 },
          error: "A contract year is a whole number from 1, in ascending order.",
        }
      : { range: startsRange, rule: amountRule, error: "A tier starts at a yearly revenue of 0 or more, in ascending order." },
    { range: ratesRange, rule: rateRule, error: "A rate is a percentage from 0% to 100%." },
  );
  row += starts.length + 1;

  // Schedule
  const c = scheduleColumns(input);
  const headers = scheduleHeaders(input, c);
  const lastCol = headers.length - 1;
  blocks.push({ at: cell(row, 0), cells: [[text("Schedule by contract year")]] });
  cellStyles.push({ range: cell(row, 0), bold: true, fontSize: 12, fontColor: "#1F4E79" });
  row++;
  const headerRow = row;
  blocks.push({ at: cell(headerRow, 0), cells: [headers.map(text)] });
  cellStyles.push({
    range: range(headerRow, 0, 1, headers.length),
    bold: true,
    fill: DEAL_HEADER_FILL,
    borderBottom: true,
    wrap: true,
    vertical: "bottom",
    horizontal: "center",
  });
  const firstRow = headerRow + 1;
  const lastRow = firstRow + n - 1;
  const totalsRow = lastRow + 1;
  const col = (index: number, r: number, absolute = false): string =>
    absolute ? `$${columnLetters(index)}$${r + 1}` : `${columnLetters(index)}${r + 1}`;
  const colRange = (index: number): string => `${col(index, firstRow)}:${col(index, lastRow)}`;

  blocks.push({
    at: cell(firstRow, 0),
    cells: Array.from({ length: n }, (_, i) => scheduleRow(input, names, c, firstRow, firstRow + i, col)),
  });
  blocks.push({ at: cell(totalsRow, 0), cells: [totalsRowCells(c, lastCol, colRange)] });
  inputCell("revenue", colRange(c.revenue), "Revenue forecast per contract year");
  validations.push({ range: colRange(c.revenue), rule: amountRule, error: "Revenue is an amount of 0 or more." });
  if (c.units !== undefined) {
    inputCell("units", colRange(c.units), "Units the reseller sells per contract year");
    validations.push({ range: colRange(c.units), rule: amountRule, error: "Units are a number of 0 or more." });
    numberFormats.push({ range: `${col(c.units, firstRow)}:${col(c.units, totalsRow)}`, format: "#,##0" });
  }
  for (const index of moneyColumns(c))
    numberFormats.push({ range: `${col(index, firstRow)}:${col(index, totalsRow)}`, format: money });
  numberFormats.push({ range: colRange(c.year), format: "0" });
  cellStyles.push(
    { range: colRange(c.year), horizontal: "center" },
    { range: range(totalsRow, 0, 1, headers.length), bold: true, borderTop: true },
  );
  blocks.push({
    at: cell(totalsRow + 1, 0),
    cells: [
      [
        text(
          `Our net = revenue − partner payout − referral fee${c.resellerMargin !== undefined ? " − reseller margin" : ""} − our co-marketing share. Fees paid = partner payout + referral fee: what we pay the partner under the agreement in a contract year (co-marketing spend and reseller discounts are not fees).`,
        ),
      ],
    ],
  });
  cellStyles.push({ range: cell(totalsRow + 1, 0), italic: true, fontColor: "#595959" });

  // The term fixes the schedule's rows, so it is shown, not an input (HyperFormula 3.5 cannot compute ROWS of a name).
  blocks.push({
    at: cell(termRow, 0),
    cells: [
      [text("Term modelled (years)"), num(n), text("One schedule row per contract year; run the wizard again to change it.")],
    ],
  });

  // Caps and renewal
  row = totalsRow + 3;
  sectionHeader(row, ["Caps and renewal", "Amount", "How it is computed"]);
  row++;
  const capsRow = row;
  const peakFees = cell(capsRow, 1);
  const liabilityCap = cell(capsRow + 1, 1);
  const annualValue = cell(capsRow + 2, 1);
  const indemnityCap = cell(capsRow + 3, 1);
  const renewal = cell(capsRow + 4, 1);
  blocks.push({
    at: cell(capsRow, 0),
    cells: [
      [
        text("Fees paid, highest contract year"),
        formula(`=MAX(${colRange(c.feesPaid)})`),
        text("Partner payout + referral fee in the contract year with the most: 12 months of fees paid."),
      ],
      [
        text("Liability cap"),
        formula(`=PE.LIABILITY_CAP(${peakFees},${names.liabilityFloor},${names.liabilityMultiple})`),
        text(
          "The greater of the liability floor and the multiple × 12 months of fees paid. No consequential damages; IP infringement and confidentiality breaches uncapped.",
        ),
      ],
      [
        text("Annual partnership value"),
        formula(`=AVERAGE(${names.revenue})`),
        text("Average revenue per contract year over the term."),
      ],
      [
        text("Indemnity cap"),
        formula(`=PE.LIABILITY_CAP(${annualValue},0,${names.indemnityMultiple})`),
        text("The indemnity multiple × the annual partnership value."),
      ],
      [
        text("Renewal"),
        formula(`="Renews after year "&${names.initialTerm}&" unless notice is given "&${names.renewalNotice}&" days before"`),
        text("Automatic renewal after the initial term, with the notice period above."),
      ],
    ],
  });
  numberFormats.push({ range: range(capsRow, 1, 4, 1), format: money });
  cellStyles.push({ range: range(capsRow, 0, 5, 1), bold: true });

  // Chart of partner payout by year, from a block of year labels and payouts right of the schedule.
  const chartCol = Math.max(lastCol, 2) + 2;
  let chartSource: string | undefined;
  const charts: SheetPlan["charts"] = [];
  if (input.chart) {
    blocks.push({
      at: cell(3, chartCol),
      cells: [
        [text("Year"), text("Partner payout")],
        ...Array.from({ length: n }, (_, i) => [text(`Year ${i + 1}`), formula(`=${col(c.payout, firstRow + i)}`)]),
      ],
    });
    chartSource = range(3, chartCol, n + 1, 2);
    numberFormats.push({ range: range(4, chartCol + 1, n, 1), format: money });
    cellStyles.push({ range: range(3, chartCol, n + 1, 2), italic: true, fontColor: "#595959" });
    charts.push({
      type: "columnClustered",
      source: chartSource,
      title: "Partner payout by year",
      from: cell(n + 6, chartCol),
      to: cell(n + 22, chartCol + 6),
    });
  }

  const layout: DealLayout = {
    sheet,
    names,
    inputs,
    termYears: n,
    termCell,
    schedule: { headerRow, firstRow, lastRow, totalsRow, columns: c },
    caps: { peakFees, liabilityCap, annualValue, indemnityCap, renewal },
    chartSource,
  };
  const named: NamedItemPlan[] = (Object.keys(inputs) as DealNameKey[]).map((key) => ({
    name: names[key]!,
    sheet,
    range: inputs[key]!,
    comment: comments[key],
  }));
  const lastPrintRow = capsRow + 4;
  const sheetPlan: SheetPlan = {
    name: sheet,
    target: "new",
    activate: true,
    blocks,
    numberFormats,
    cellStyles,
    validations,
    columnWidths: [
      { column: "A", width: 38 },
      ...Array.from({ length: lastCol }, (_, i) => ({ column: columnLetters(i + 1), width: 15 })),
      { column: columnLetters(chartCol), width: 12 },
      { column: columnLetters(chartCol + 1), width: 15 },
    ],
    charts,
    print: { area: range(0, 0, lastPrintRow + 1, Math.max(lastCol, 2) + 1), orientation: "landscape", fitToWidth: true },
  };
  return { sheet: sheetPlan, layout, named };
}

function scheduleColumns(input: DealInput): DealScheduleColumns {
  const reseller = input.reseller !== null;
  let next = 0;
  const take = (): number => next++;
  const year = take();
  const revenue = take();
  const units = reseller ? take() : undefined;
  const payout = take();
  const referral = take();
  const resellerMargin = reseller ? take() : undefined;
  return {
    year,
    revenue,
    units,
    payout,
    referral,
    resellerMargin,
    coMarketing: take(),
    net: take(),
    cumulative: take(),
    feesPaid: take(),
  };
}

function scheduleHeaders(input: DealInput, c: DealScheduleColumns): string[] {
  const headers: string[] = [];
  headers[c.year] = "Year";
  headers[c.revenue] = "Revenue";
  if (c.units !== undefined) headers[c.units] = "Reseller units";
  headers[c.payout] = "Partner payout";
  headers[c.referral] = "Referral fee";
  if (c.resellerMargin !== undefined) headers[c.resellerMargin] = "Reseller margin";
  headers[c.coMarketing] = "Co-marketing (our share)";
  headers[c.net] = "Our net";
  headers[c.cumulative] = "Cumulative net";
  headers[c.feesPaid] = "Fees paid";
  return headers;
}

function moneyColumns(c: DealScheduleColumns): number[] {
  return [c.revenue, c.payout, c.referral, c.resellerMargin, c.coMarketing, c.net, c.cumulative, c.feesPaid].filter(
    (index): index is number => index !== undefined,
  );
}

function scheduleRow(
  input: DealInput,
  names: Partial<Record<DealNameKey, string>>,
  c: DealScheduleColumns,
  firstRow: number,
  r: number,
  col: (index: number, row: number, absolute?: boolean) => string,
): CellContent[] {
  const year = r - firstRow + 1;
  const revenue = col(c.revenue, r);
  const cells: CellContent[] = [];
  cells[c.year] = num(year);
  cells[c.revenue] = num(input.revenue[year - 1]);
  if (c.units !== undefined) cells[c.units] = num(input.reseller!.units[year - 1]);
  const shareArgs = `${names.shareStarts},${names.shareRates},${names.shareMethod}`;
  cells[c.payout] =
    input.revenueShare.basis === "byYear"
      ? formula(`=INDEX(PE.REVSHARE_TIERED(${col(c.revenue, firstRow, true)}:${revenue},${shareArgs}),${col(c.year, r)})`)
      : formula(`=PE.REVSHARE_TIERED(${revenue},${shareArgs})`);
  const feeArgs = `${revenue},${names.referralRate},${names.referralMin}`;
  cells[c.referral] =
    year === 1
      ? formula(`=IF(ISBLANK(${names.referralMax}),PE.REFERRAL_FEE(${feeArgs}),PE.REFERRAL_FEE(${feeArgs},${names.referralMax}))`)
      : num(0);
  if (c.resellerMargin !== undefined && c.units !== undefined)
    cells[c.resellerMargin] = formula(`=PE.RESELLER_MARGIN(${names.listPrice},${names.resellerDiscount},${col(c.units, r)})`);
  cells[c.coMarketing] = formula(`=${names.coMarketingBudget}*${names.coMarketingShare}`);
  const costs = [c.payout, c.referral, c.resellerMargin, c.coMarketing]
    .filter((index): index is number => index !== undefined)
    .map((index) => `-${col(index, r)}`)
    .join("");
  cells[c.net] = formula(`=${revenue}${costs}`);
  cells[c.cumulative] = formula(r === firstRow ? `=${col(c.net, r)}` : `=${col(c.cumulative, r - 1)}+${col(c.net, r)}`);
  cells[c.feesPaid] = formula(`=${col(c.payout, r)}+${col(c.referral, r)}`);
  return cells;
}

function totalsRowCells(c: DealScheduleColumns, lastCol: number, colRange: (index: number) => string): CellContent[] {
  const cells: CellContent[] = Array.from({ length: lastCol + 1 }, blank);
  cells[c.year] = text("Total");
  const summed = [c.revenue, c.units, c.payout, c.referral, c.resellerMargin, c.coMarketing, c.net, c.feesPaid];
  for (const index of summed) if (index !== undefined) cells[index] = formula(`=SUM(${colRange(index)})`);
  return cells;
}
