/**
 * The scorecard wizard's state: the pasted texts and every field as typed, plus the column
 * mapping the user confirmed (null until then: the guess from the headers stands). `readData`
 * reads the texts with the model's own readers; `toScorecardModelInput` turns the state into the
 * scorecard model's input plus the problems only the draft can see (a number that is not one, a
 * text that cannot be read), each on a field path the steps show.
 */
import { z } from "zod";
import * as D from "../../workbook/models/scorecard/defaults";
import {
  combineData,
  guessActualsMapping,
  guessContractsMapping,
  readActuals,
  readContracts,
  type ActualsMapping,
} from "../../workbook/models/scorecard/data-mapping";
import { DataTextError, readDelimited } from "../../workbook/models/scorecard/delimited-text";
import type { ScorecardInput, ScorecardInputDraft } from "../../workbook/models/scorecard/input";
import { numberText, parseTyped } from "../wizard/typed-numbers";

const MappingSchema = z.object({
  layout: z.enum(["long", "wide"]),
  partner: z.number(),
  period: z.number(),
  target: z.number(),
  actual: z.number(),
});

export const ScorecardDraftSchema = z.object({
  actualsText: z.string(),
  /** The columns the user confirmed; null: the guess from the headers. */
  mapping: MappingSchema.nullable(),
  contractsText: z.string(),
  kpis: z.array(z.object({ name: z.string(), weight: z.string(), target: z.string() })),
  revenueWeight: z.string(),
  asOf: z.string(),
  expandAfter: z.string(),
  exitAfter: z.string(),
  renewalLeadDays: z.string(),
  bands: z.array(z.object({ from: z.string(), label: z.string() })),
  belowBand: z.string(),
  /** Percent: 100 is full marks at target. */
  healthCap: z.string(),
  spareQuarters: z.string(),
  sheetName: z.string(),
  qbrSheetName: z.string(),
  chart: z.boolean(),
});

export type ScorecardDraft = z.infer<typeof ScorecardDraftSchema>;
export type MappingDraft = z.infer<typeof MappingSchema>;

/** Today as YYYY-MM-DD (the as-of date a review usually starts from). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

export function initialScorecardDraft(): ScorecardDraft {
  return {
    actualsText: "",
    mapping: null,
    contractsText: "",
    kpis: [],
    revenueWeight: String(D.DEFAULT_REVENUE_WEIGHT),
    asOf: todayIso(),
    expandAfter: String(D.DEFAULT_EXPAND_AFTER),
    exitAfter: String(D.DEFAULT_EXIT_AFTER),
    renewalLeadDays: String(D.DEFAULT_RENEWAL_LEAD_DAYS),
    bands: D.DEFAULT_HEALTH_BANDS.map((b) => ({ from: String(b.from), label: b.label })),
    belowBand: D.DEFAULT_BELOW_BAND,
    healthCap: String(D.DEFAULT_HEALTH_CAP * 100),
    spareQuarters: String(D.DEFAULT_SPARE_QUARTERS),
    sheetName: D.DEFAULT_PORTFOLIO_SHEET,
    qbrSheetName: D.DEFAULT_QBR_SHEET,
    chart: true,
  };
}

/** A saved input (answers without data) back as a draft: the texts are the user's to paste again. */
export function draftFromScorecardInput(input: ScorecardInput): ScorecardDraft {
  return {
    ...initialScorecardDraft(),
    kpis: input.kpis.map((k) => ({ name: k.name, weight: numberText(k.weight), target: numberText(k.target) })),
    revenueWeight: numberText(input.revenueWeight),
    asOf: input.asOf,
    expandAfter: numberText(input.expandAfter),
    exitAfter: numberText(input.exitAfter),
    renewalLeadDays: numberText(input.renewalLeadDays),
    bands: input.healthBands.map((b) => ({ from: numberText(b.from), label: b.label })),
    belowBand: input.belowBand,
    healthCap: String(+(input.healthCap * 100).toPrecision(12)),
    spareQuarters: numberText(input.spareQuarters),
    sheetName: input.sheetName,
    qbrSheetName: input.qbrSheetName,
    chart: input.chart,
  };
}

function attempt<T>(read: () => T): { value?: T; problem?: string } {
  try {
    return { value: read() };
  } catch (error) {
    if (error instanceof DataTextError) return { problem: error.message };
    throw error;
  }
}

/** The actuals text as a table, the mapping in force (confirmed or guessed) and the data it gives. */
export function readActualsText(draft: ScorecardDraft) {
  if (draft.actualsText.trim() === "") return { problem: undefined };
  const table = attempt(() => readDelimited(draft.actualsText));
  if (!table.value) return { problem: table.problem };
  const mapping = draft.mapping
    ? toMapping(draft.mapping, table.value.header)
    : attempt(() => guessActualsMapping(table.value!.header));
  if (!mapping.value) return { table: table.value, problem: mapping.problem };
  const data = attempt(() => readActuals(table.value!, mapping.value!));
  return { table: table.value, mapping: mapping.value, data: data.value, problem: data.problem };
}

function toMapping(draft: MappingDraft, header: string[]): { value?: ActualsMapping; problem?: string } {
  if (draft.layout === "long") return { value: { ...draft, layout: "long" } };
  const guess = attempt(() => guessActualsMapping(header));
  if (!guess.value) return guess;
  return guess.value.layout === "wide" ? { value: { ...guess.value, partner: draft.partner } } : attempt(() => wideOnly(header));
}

function wideOnly(header: string[]): ActualsMapping {
  throw new DataTextError(`no wide-form columns ("2025-Q1 target", "2025-Q1 actual"…) among ${header.join(", ")}`);
}

/** The mapping as the columns step edits it, from the one in force. */
export function mappingDraft(mapping: ActualsMapping): MappingDraft {
  return mapping.layout === "long"
    ? { layout: "long", partner: mapping.partner, period: mapping.period, target: mapping.target, actual: mapping.actual }
    : { layout: "wide", partner: mapping.partner, period: -1, target: -1, actual: -1 };
}

interface Problem {
  field: string;
  message: string;
  quiet?: boolean;
}

export function toScorecardModelInput(draft: ScorecardDraft): { input: ScorecardInputDraft; problems: Problem[] } {
  const problems: Problem[] = [];
  const number = (text: string, field: string, what: string, fallback = 0): number => {
    const value = parseTyped(text);
    if (value === undefined)
      problems.push({ field, message: text.trim() === "" ? `Enter ${what}` : `"${text}" is not a number: enter ${what}` });
    return value ?? fallback;
  };
  const actuals = readActualsText(draft);
  if (draft.actualsText.trim() === "")
    problems.push({ field: "actualsText", message: "Paste the targets and actuals (with their header row)", quiet: true });
  else if (actuals.problem) problems.push({ field: "actualsText", message: actuals.problem });
  const kpiNames = draft.kpis.map((k) => k.name.trim());
  let contracts = new Map();
  if (draft.contractsText.trim() !== "") {
    const read = attempt(() => {
      const table = readDelimited(draft.contractsText);
      return readContracts(table, guessContractsMapping(table.header, kpiNames));
    });
    if (read.problem) problems.push({ field: "contractsText", message: read.problem });
    contracts = read.value ?? contracts;
  }
  const data = actuals.data ? combineData(actuals.data, contracts) : { periods: [], partners: [] };
  const input: ScorecardInputDraft = {
    sheetName: draft.sheetName,
    qbrSheetName: draft.qbrSheetName,
    asOf: draft.asOf,
    expandAfter: number(draft.expandAfter, "expandAfter", "a whole number of quarters"),
    exitAfter: number(draft.exitAfter, "exitAfter", "a whole number of quarters"),
    renewalLeadDays: number(draft.renewalLeadDays, "renewalLeadDays", "a number of days"),
    healthBands: draft.bands.map((b, i) => ({
      from: number(b.from, `healthBands.${i}.from`, "a health score from 0 to 100"),
      label: b.label,
    })),
    belowBand: draft.belowBand,
    healthCap: number(draft.healthCap, "healthCap", "a percentage, e.g. 100", 100) / 100,
    revenueWeight: number(draft.revenueWeight, "revenueWeight", "a weight"),
    kpis: draft.kpis.map((k, i) => ({
      name: k.name,
      weight: number(k.weight, `kpis.${i}.weight`, "a weight"),
      target: number(k.target, `kpis.${i}.target`, "the KPI's target", 1),
    })),
    spareQuarters: number(draft.spareQuarters, "spareQuarters", "a number of quarters"),
    chart: draft.chart,
    periods: data.periods,
    partners: data.partners,
  };
  return { input, problems };
}
