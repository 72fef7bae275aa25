/**
 * The scorecard's input: the answers the wizard saves (as-of date, the rules' thresholds, health
 * bands and further KPIs) and the data it reads from pasted text or CSV files (the quarters and,
 * per partner, contract terms, revenue target and actual per quarter and the further KPIs'
 * actuals). Problems are reported per field with a dotted path ("partners.3.targets.2",
 * "healthBands.1.from") so the wizard shows them beside the field and the CLI on one line.
 *
 * Decisions:
 * - dates are ISO texts ("2025-01-01"): JSON has no date type and the CSV files write them so;
 * - a partner's target and actual lists have one entry per quarter, null where not given; a
 *   quarter left blank between reported ones is a warning (the streak stops there);
 * - contract terms may be left out (null): the term columns of that row stay blank;
 * - partner names must be unique: the QBR sheet finds a partner by name;
 * - band labels and statuses are counted with COUNTIF, so a label may not look like a pattern.
 */
import { z } from "zod";
import { wholeMonths } from "../../../core/term-end";
import { sheetNameProblem } from "../../sheet-names";
import { validateInput, type InputValidation, type Report } from "../shared/input-validation";
import { amountText, checkAmount, checkWhole, isoDateToSerial } from "../shared/input-wording";
import { savedInputFields } from "../shared/saved-input";
import * as D from "./defaults";

export const SCORECARD_WIZARD_ID = "scorecard";
export const SCORECARD_INPUT_VERSION = 1;
export const MAX_PARTNERS = 5_000;
export const MAX_QUARTERS = 40;
export const MAX_KPIS = 8;
export const MAX_NAME_LENGTH = 255;

const BandSchema = z.strictObject({ from: z.number(), label: z.string().trim() });
const KpiSchema = z.strictObject({
  name: z.string().trim(),
  /** Weight in the health score, beside the revenue weight (any scale: they are normalised). */
  weight: z.number(),
  /** The actual that counts as on target (attainment 100%). */
  target: z.number(),
});

const PartnerSchema = z.strictObject({
  name: z.string().trim(),
  /** ISO date the contract started; null when not known. */
  start: z.string().trim().nullable().default(null),
  initialYears: z.number().nullable().default(null),
  /** Years of each automatic renewal; 0 when the contract does not renew by itself. */
  renewalYears: z.number().nullable().default(null),
  noticeDays: z.number().nullable().default(null),
  /** Revenue target and actual per quarter, oldest first, one per entry of `periods`. */
  targets: z.array(z.number().nullable()).default([]),
  actuals: z.array(z.number().nullable()).default([]),
  /** Actual of each further KPI, in the order of `kpis`; null when not measured. */
  kpis: z.array(z.number().nullable()).default([]),
});

export const ScorecardInputSchema = z.strictObject({
  ...savedInputFields(SCORECARD_WIZARD_ID, SCORECARD_INPUT_VERSION),
  sheetName: z.string().trim().default(D.DEFAULT_PORTFOLIO_SHEET),
  qbrSheetName: z.string().trim().default(D.DEFAULT_QBR_SHEET),
  /** The date the review looks from: terms in force, renewal windows. ISO, e.g. "2026-01-15". */
  asOf: z.string().trim(),
  expandAfter: z.number().default(D.DEFAULT_EXPAND_AFTER),
  exitAfter: z.number().default(D.DEFAULT_EXIT_AFTER),
  renewalLeadDays: z.number().default(D.DEFAULT_RENEWAL_LEAD_DAYS),
  healthBands: z.array(BandSchema).default(() => D.DEFAULT_HEALTH_BANDS.map((b) => ({ ...b }))),
  belowBand: z.string().trim().default(D.DEFAULT_BELOW_BAND),
  healthCap: z.number().default(D.DEFAULT_HEALTH_CAP),
  revenueWeight: z.number().default(D.DEFAULT_REVENUE_WEIGHT),
  kpis: z.array(KpiSchema).default([]),
  spareQuarters: z.number().default(D.DEFAULT_SPARE_QUARTERS),
  /** Add the chart of attainment by quarter (Excel only; .xlsx files cannot hold it). */
  chart: z.boolean().default(true),
  /** Quarter labels, oldest first. */
  periods: z.array(z.string().trim()).default([]),
  partners: z.array(PartnerSchema).default([]),
});

export type ScorecardInput = z.output<typeof ScorecardInputSchema>;
export type ScorecardInputDraft = z.input<typeof ScorecardInputSchema>;
export type ScorecardPartner = ScorecardInput["partners"][number];

export function validateScorecardInput(raw: unknown): InputValidation<ScorecardInput> {
  return validateInput(ScorecardInputSchema, raw, checkScorecard);
}

/** Texts COUNTIF would read as a pattern or comparison rather than as themselves. */
export function looksLikePattern(label: string): boolean {
  return /^[=<>]|[*?~]/.test(label);
}

function checkScorecard(input: ScorecardInput, error: Report, warn: Report): void {
  for (const key of ["sheetName", "qbrSheetName"] as const) {
    const problem = sheetNameProblem(input[key]);
    if (problem) error(key, problem);
  }
  if (input.sheetName.toUpperCase() === input.qbrSheetName.toUpperCase())
    error("qbrSheetName", "the QBR sheet needs a name of its own, not the portfolio's");
  if (isoDateToSerial(input.asOf) === null)
    error("asOf", `the as-of date "${input.asOf}" is not a date: write it as YYYY-MM-DD, e.g. 2026-01-15`);
  checkWhole(input.expandAfter, "expandAfter", "Expand after", 1, MAX_QUARTERS, "quarters", error);
  checkWhole(input.exitAfter, "exitAfter", "Exit review after", 1, MAX_QUARTERS, "quarters", error);
  checkWhole(input.renewalLeadDays, "renewalLeadDays", "The renewal review lead", 0, 3650, "days", error);
  checkWhole(input.spareQuarters, "spareQuarters", "Spare quarter columns", 0, 20, "quarters", error);
  if (!(input.healthCap > 0))
    error("healthCap", `the attainment cap is ${input.healthCap}: enter a number above 0, e.g. 1 (100%)`);
  checkBands(input, error);
  checkKpis(input, error);
  checkPeriods(input, error);
  checkPartners(input, error, warn);
}

function checkBands(input: ScorecardInput, error: Report): void {
  const seen = new Set<string>();
  const labels = [...input.healthBands.map((b, i) => ({ label: b.label, path: `healthBands.${i}.label` }))];
  labels.push({ label: input.belowBand, path: "belowBand" });
  if (input.healthBands.length === 0) error("healthBands", "give at least one health band (e.g. Healthy from 80)");
  input.healthBands.forEach((band, i) => {
    if (!(band.from >= 0 && band.from <= 100))
      error(`healthBands.${i}.from`, `a band starts at a health score from 0 to 100, not ${amountText(band.from)}`);
    if (input.healthBands.findIndex((other) => other.from === band.from) !== i)
      error(`healthBands.${i}.from`, `two bands start at ${amountText(band.from)}: give each its own score`);
  });
  for (const { label, path } of labels) {
    if (label === "") error(path, "give the band a label");
    else if (looksLikePattern(label)) error(path, `band "${label}": a label may not start with =, < or > nor hold *, ? or ~`);
    else if (seen.has(label.toUpperCase())) error(path, `band "${label}" is listed twice`);
    seen.add(label.toUpperCase());
  }
}

function checkKpis(input: ScorecardInput, error: Report): void {
  if (input.kpis.length > MAX_KPIS) error("kpis", `${input.kpis.length} KPIs is more than ${MAX_KPIS}`);
  checkAmount(input.revenueWeight, "revenueWeight", "The revenue weight", error);
  const names = new Set<string>();
  input.kpis.forEach((kpi, i) => {
    if (kpi.name === "") error(`kpis.${i}.name`, "give the KPI a name (e.g. New customers)");
    else if (FIXED_HEADERS.has(kpi.name.toUpperCase()) || /^(TARGET|ACTUAL) /i.test(kpi.name))
      error(`kpis.${i}.name`, `"${kpi.name}" is a column of the portfolio table already: give the KPI another name`);
    else if (names.has(kpi.name.toUpperCase()) || kpi.name.toUpperCase() === "REVENUE")
      error(`kpis.${i}.name`, `KPI "${kpi.name}" is listed twice (revenue is always the first KPI)`);
    names.add(kpi.name.toUpperCase());
    checkAmount(kpi.weight, `kpis.${i}.weight`, `The weight of ${kpi.name || `KPI ${i + 1}`}`, error);
    if (!(kpi.target > 0))
      error(`kpis.${i}.target`, `the target of ${kpi.name || `KPI ${i + 1}`} must be above 0, not ${kpi.target}`);
  });
  const total = input.revenueWeight + input.kpis.reduce((sum, k) => sum + Math.max(0, k.weight), 0);
  if (input.revenueWeight >= 0 && !(total > 0)) error("revenueWeight", "the weights are all 0: give revenue or a KPI a weight");
}

/** Table headers besides the KPIs and quarters, which a KPI may not take as its name. */
const FIXED_HEADERS = new Set(
  [...D.CONTRACT_HEADERS, "Quarters reported", "Revenue attainment", ...D.OUTCOME_HEADERS].map((h) => h.toUpperCase()),
);

function checkPeriods(input: ScorecardInput, error: Report): void {
  if (input.periods.length === 0) error("periods", "no quarters: give at least one quarter's target and actual");
  if (input.periods.length > MAX_QUARTERS)
    error("periods", `${input.periods.length} quarters is more than ${MAX_QUARTERS}: keep the last ${MAX_QUARTERS}`);
  const seen = new Set<string>();
  input.periods.forEach((period, i) => {
    if (period === "") error(`periods.${i}`, `quarter ${i + 1} has no label`);
    else if (seen.has(period.toUpperCase())) error(`periods.${i}`, `quarter "${period}" is listed twice`);
    seen.add(period.toUpperCase());
  });
}

function checkPartners(input: ScorecardInput, error: Report, warn: Report): void {
  if (input.partners.length === 0) error("partners", "no partners: give at least one partner's targets and actuals");
  if (input.partners.length > MAX_PARTNERS) error("partners", `${input.partners.length} partners is more than ${MAX_PARTNERS}`);
  const seen = new Map<string, number>();
  const quarters = input.periods.length;
  const labels = new Set([...D.COLUMN_A_LABELS, ...input.kpis.map((k) => k.name), ...input.periods].map((l) => l.toUpperCase()));
  input.partners.forEach((partner, p) => {
    const path = `partners.${p}`;
    const name = partner.name || `partner ${p + 1}`;
    if (partner.name === "") error(`${path}.name`, `partner ${p + 1} has no name`);
    else if (partner.name.length > MAX_NAME_LENGTH)
      error(`${path}.name`, `the name of partner ${p + 1} is over ${MAX_NAME_LENGTH} characters`);
    const key = partner.name.toUpperCase();
    if (labels.has(key))
      error(
        `${path}.name`,
        `"${partner.name}" is also a label in column A of the portfolio, where the QBR looks partners up: rename the partner`,
      );
    if (partner.name !== "" && seen.has(key))
      error(
        `${path}.name`,
        `partner "${partner.name}" is listed twice (rows ${seen.get(key)! + 1} and ${p + 1}): the QBR finds partners by name`,
      );
    seen.set(key, p);
    for (const list of ["targets", "actuals"] as const) {
      if (partner[list].length > quarters)
        error(`${path}.${list}`, `${name} has ${partner[list].length} ${list} for ${quarters} quarters`);
      partner[list].forEach((value, q) => {
        if (value !== null && !(value >= 0))
          error(
            `${path}.${list}.${q}`,
            `${name}'s ${list === "targets" ? "target" : "actual"} for ${input.periods[q] ?? `quarter ${q + 1}`} is ${amountText(value)}: enter 0 or more`,
          );
      });
    }
    const reported = partner.actuals.map((a) => a !== null);
    const last = reported.lastIndexOf(true);
    const gap = reported.slice(0, last).indexOf(false);
    if (gap >= 0)
      warn(
        `${path}.actuals.${gap}`,
        `${name} has no actual for ${input.periods[gap] ?? `quarter ${gap + 1}`} between reported quarters: its streaks stop there`,
      );
    partner.actuals.forEach((actual, q) => {
      if (actual !== null && partner.targets[q] == null)
        error(`${path}.targets.${q}`, `${name} has an actual but no target for ${input.periods[q] ?? `quarter ${q + 1}`}`);
    });
    if (partner.kpis.length > input.kpis.length)
      error(`${path}.kpis`, `${name} has ${partner.kpis.length} KPI values for ${input.kpis.length} KPIs`);
    checkContract(partner, path, name, error);
  });
}

function checkContract(partner: ScorecardPartner, path: string, name: string, error: Report): void {
  if (partner.start !== null && partner.start !== "" && isoDateToSerial(partner.start) === null)
    error(`${path}.start`, `${name}'s contract start "${partner.start}" is not a date: write it as YYYY-MM-DD`);
  if (partner.initialYears !== null && !(partner.initialYears > 0 && wholeMonths(partner.initialYears) !== undefined))
    error(
      `${path}.initialYears`,
      `${name}'s initial term is ${partner.initialYears} years: enter years above 0 that make whole months (1, 2, 0.5)`,
    );
  if (partner.renewalYears !== null && !(partner.renewalYears >= 0 && wholeMonths(partner.renewalYears) !== undefined))
    error(
      `${path}.renewalYears`,
      `${name}'s renewal term is ${partner.renewalYears} years: enter 0 (no automatic renewal) or whole months in years (1, 0.25)`,
    );
  if (partner.noticeDays !== null)
    checkWhole(partner.noticeDays, `${path}.noticeDays`, `${name}'s notice`, 0, 3650, "days", error);
}
