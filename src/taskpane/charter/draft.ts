/**
 * The charter wizard's state: every list as the text the user typed, one item per line (so a
 * pasted list, a blank line or "=1+1" stay exactly as typed), thresholds as percentages, and the
 * optional gate measurements as typed. `toCharterModelInput` turns it into the charter model's
 * input plus the problems only the draft can see (a measurement that is not a number).
 */
import { z } from "zod";
import * as defaults from "../../workbook/models/charter/defaults";
import type { CharterInput, CharterInputDraft } from "../../workbook/models/charter/input";
import { fractionToPercentText, numberText, parseTyped, percentToFraction } from "../wizard/typed-numbers";

const Cadence = z.enum(defaults.CADENCES);
const Phase = z.object({ start: z.string(), end: z.string(), deliverables: z.string(), metrics: z.string() });

export const CharterDraftSchema = z.object({
  ourName: z.string(),
  partnerName: z.string(),
  goals: z.object({ us: z.string(), partner: z.string(), customers: z.string() }),
  valueExchange: z.object({
    weGive: z.string(),
    partnerGives: z.string(),
    balanced: z.enum(["yes", "no", "unsure"]),
    note: z.string(),
  }),
  phases: z.object({ crawl: Phase, walk: Phase, run: Phase }),
  crawlGate: z.object({
    metric: z.string(),
    threshold: z.string(),
    better: z.enum(["higher", "lower"]),
    baseline: z.string(),
    pilot: z.string(),
  }),
  walkGate: z.object({ threshold: z.string(), invited: z.string(), adopted: z.string() }),
  measurement: z.object({
    metrics: z.string(),
    tracking: z.string(),
    cadence: z.object({ workingTeam: Cadence, steering: Cadence, executive: Cadence }),
  }),
  governance: z.object({ ourOwners: z.string(), partnerOwners: z.string(), escalation: z.string() }),
  exitCriteria: z.string(),
  signatories: z.object({
    us: z.object({ name: z.string(), title: z.string() }),
    partner: z.object({ name: z.string(), title: z.string() }),
  }),
  sheetName: z.string(),
});

export type CharterDraft = z.infer<typeof CharterDraftSchema>;
export const PHASE_IDS: readonly defaults.PhaseId[] = ["crawl", "walk", "run"];

const emptyPhase = () => ({ start: "", end: "", deliverables: "", metrics: "" });

export function initialCharterDraft(): CharterDraft {
  return {
    ourName: "",
    partnerName: "",
    goals: { us: "", partner: "", customers: "" },
    valueExchange: { weGive: "", partnerGives: "", balanced: "unsure", note: "" },
    phases: { crawl: emptyPhase(), walk: emptyPhase(), run: emptyPhase() },
    crawlGate: {
      metric: "",
      threshold: fractionToPercentText(defaults.DEFAULT_CRAWL_GATE_THRESHOLD),
      better: defaults.DEFAULT_BETTER,
      baseline: "",
      pilot: "",
    },
    walkGate: { threshold: fractionToPercentText(defaults.DEFAULT_WALK_GATE_THRESHOLD), invited: "", adopted: "" },
    measurement: { metrics: "", tracking: "", cadence: { ...defaults.DEFAULT_CADENCE } },
    governance: { ourOwners: "", partnerOwners: "", escalation: "" },
    exitCriteria: "",
    signatories: { us: { name: "", title: "" }, partner: { name: "", title: "" } },
    sheetName: defaults.DEFAULT_CHARTER_SHEET_NAME,
  };
}

/** One item per line; blank lines and surrounding spaces are dropped, as the model does. */
export function itemsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export function linesOf(items: readonly string[]): string {
  return items.join("\n");
}

/** `text` with `item` as a new last line (for the one-click suggestions); unchanged when already listed. */
export function withItem(text: string, item: string): string {
  if (itemsOf(text).includes(item)) return text;
  const trimmed = text.replace(/\s+$/, "");
  return trimmed === "" ? item : `${trimmed}\n${item}`;
}

/** A charter input (saved, or an answers.json) as the wizard shows it. */
export function draftFromCharterInput(input: CharterInput): CharterDraft {
  const phase = (id: defaults.PhaseId) => {
    const p = input.phases[id];
    return { start: p.start ?? "", end: p.end ?? "", deliverables: linesOf(p.deliverables), metrics: linesOf(p.metrics) };
  };
  const crawl = input.phases.crawl.gate;
  const walk = input.phases.walk.gate;
  const v = input.valueExchange;
  return {
    ourName: input.ourName,
    partnerName: input.partnerName,
    goals: { us: linesOf(input.goals.us), partner: linesOf(input.goals.partner), customers: linesOf(input.goals.customers) },
    valueExchange: {
      weGive: linesOf(v.weGive),
      partnerGives: linesOf(v.partnerGives),
      balanced: v.balanced === null ? "unsure" : v.balanced ? "yes" : "no",
      note: v.note,
    },
    phases: { crawl: phase("crawl"), walk: phase("walk"), run: phase("run") },
    crawlGate: {
      metric: crawl.metric,
      threshold: fractionToPercentText(crawl.threshold),
      better: crawl.better,
      baseline: numberText(crawl.baseline),
      pilot: numberText(crawl.pilot),
    },
    walkGate: {
      threshold: fractionToPercentText(walk.threshold),
      invited: numberText(walk.invited),
      adopted: numberText(walk.adopted),
    },
    measurement: {
      metrics: linesOf(input.measurement.metrics),
      tracking: linesOf(input.measurement.tracking),
      cadence: { ...input.measurement.cadence },
    },
    governance: {
      ourOwners: linesOf(input.governance.ourOwners),
      partnerOwners: linesOf(input.governance.partnerOwners),
      escalation: linesOf(input.governance.escalation),
    },
    exitCriteria: linesOf(input.exitCriteria),
    signatories: {
      us: { ...input.signatories.us },
      partner: { ...input.signatories.partner },
    },
    sheetName: input.sheetName,
  };
}

export interface CharterDraftProblem {
  field: string;
  message: string;
}

export interface CharterModelInput {
  input: CharterInputDraft;
  problems: CharterDraftProblem[];
}

export function toCharterModelInput(draft: CharterDraft): CharterModelInput {
  const problems: CharterDraftProblem[] = [];
  const typed = (text: string, field: string, what: string, allowPercent: boolean): number | undefined => {
    const value = parseTyped(text, allowPercent);
    if (value === undefined && text.trim() !== "")
      problems.push({ field, message: `"${text.trim()}" is not a number: enter ${what}` });
    return value;
  };
  const threshold = (text: string, field: string, what: string, fallback: number): number => {
    if (text.trim() === "") {
      problems.push({ field, message: `enter ${what}` });
      return fallback;
    }
    const value = typed(text, field, what, true);
    return value === undefined ? fallback : percentToFraction(value);
  };
  // Measurements are optional: blank (or unreadable, reported above) means "typed into the sheet later".
  const measurement = (text: string, field: string, what: string): number | null => typed(text, field, what, false) ?? null;
  const date = (text: string): string | null => (text.trim() === "" ? null : text.trim());
  const phase = (id: defaults.PhaseId) => {
    const p = draft.phases[id];
    return { start: date(p.start), end: date(p.end), deliverables: itemsOf(p.deliverables), metrics: itemsOf(p.metrics) };
  };
  const v = draft.valueExchange;
  const input: CharterInputDraft = {
    sheetName: draft.sheetName,
    ourName: draft.ourName,
    partnerName: draft.partnerName,
    goals: { us: itemsOf(draft.goals.us), partner: itemsOf(draft.goals.partner), customers: itemsOf(draft.goals.customers) },
    valueExchange: {
      weGive: itemsOf(v.weGive),
      partnerGives: itemsOf(v.partnerGives),
      balanced: v.balanced === "unsure" ? null : v.balanced === "yes",
      note: v.note,
    },
    phases: {
      crawl: {
        ...phase("crawl"),
        gate: {
          metric: draft.crawlGate.metric,
          threshold: threshold(
            draft.crawlGate.threshold,
            "phases.crawl.gate.threshold",
            "the improvement needed in %, e.g. 20",
            defaults.DEFAULT_CRAWL_GATE_THRESHOLD,
          ),
          better: draft.crawlGate.better,
          baseline: measurement(draft.crawlGate.baseline, "phases.crawl.gate.baseline", "the baseline, or leave it blank"),
          pilot: measurement(draft.crawlGate.pilot, "phases.crawl.gate.pilot", "the pilot result, or leave it blank"),
        },
      },
      walk: {
        ...phase("walk"),
        gate: {
          threshold: threshold(
            draft.walkGate.threshold,
            "phases.walk.gate.threshold",
            "the adoption needed in %, e.g. 70",
            defaults.DEFAULT_WALK_GATE_THRESHOLD,
          ),
          invited: measurement(draft.walkGate.invited, "phases.walk.gate.invited", "a number of customers, or leave it blank"),
          adopted: measurement(draft.walkGate.adopted, "phases.walk.gate.adopted", "a number of customers, or leave it blank"),
        },
      },
      run: phase("run"),
    },
    measurement: {
      metrics: itemsOf(draft.measurement.metrics),
      tracking: itemsOf(draft.measurement.tracking),
      cadence: { ...draft.measurement.cadence },
    },
    governance: {
      ourOwners: itemsOf(draft.governance.ourOwners),
      partnerOwners: itemsOf(draft.governance.partnerOwners),
      escalation: itemsOf(draft.governance.escalation),
    },
    exitCriteria: itemsOf(draft.exitCriteria),
    signatories: { us: { ...draft.signatories.us }, partner: { ...draft.signatories.partner } },
  };
  return { input, problems };
}
