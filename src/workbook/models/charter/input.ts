/**
 * The partnership charter's input: its JSON shape (zod, with the playbook's defaults) and the rules
 * a user can break, reported per field with a dotted path ("exitCriteria",
 * "phases.crawl.gate.baseline", "phases.walk.end") for the wizard and `pe-calc new charter`.
 * The same shape is the CLI's input file and the wizard's saved inputs (serializeCharterInput).
 *
 * Decisions:
 * - every list holds one line of text per item; items are trimmed and blank ones dropped, so an
 *   empty row left in the wizard is not an error;
 * - exit criteria are required (a charter that cannot say what ends the partnership is not
 *   written); blank goals, value exchange or owners are warnings: the printed charter shows a
 *   line to fill in by hand;
 * - dates are ISO "YYYY-MM-DD" or null (to be set); a phase ending before it starts is an error,
 *   phases that overlap or run longer or shorter than the playbook's lengths are warnings;
 * - gate measurements (baseline, pilot, invited, adopted) are usually left null and typed into
 *   the sheet later; given ones must make a computable gate (baseline not 0, whole counts,
 *   adopted ≤ invited, invited above 0);
 * - unknown fields are errors; a top-level "ui" field is ignored, for a wizard's own state.
 */
import { z } from "zod";
import { sheetNameProblem } from "../../sheet-names";
import { amountText, checkRate, isoDateToSerial } from "../shared/input-wording";
import { savedInputFields, savedInputFormat } from "../shared/saved-input";
import { validateInput, type InputValidation, type Report } from "../shared/input-validation";
import {
  CADENCES,
  DEFAULT_BETTER,
  DEFAULT_CADENCE,
  DEFAULT_CHARTER_SHEET_NAME,
  DEFAULT_CRAWL_GATE_THRESHOLD,
  DEFAULT_WALK_GATE_THRESHOLD,
  PHASE_DAYS,
  type PhaseId,
} from "./defaults";

export const CHARTER_WIZARD_ID = "charter";
export const CHARTER_INPUT_VERSION = 1;
export const MAX_CHARTER_ITEMS = 50;
export const MAX_CHARTER_TEXT = 2000;
export const MAX_PARTY_NAME = 100;

/** A list of one-line items: trimmed, blanks dropped. */
const Items = z
  .array(z.string())
  .default([])
  .transform((items) => items.map((item) => item.trim()).filter((item) => item !== ""));

const IsoDate = z.string().trim().nullable().default(null);
const Measurement = z.number().nullable().default(null);

const CrawlGateSchema = z.strictObject({
  /** The one metric the 20% improvement is judged on, e.g. "Hours to onboard a customer". */
  metric: z.string().trim().default(""),
  threshold: z.number().default(DEFAULT_CRAWL_GATE_THRESHOLD),
  better: z.enum(["higher", "lower"]).default(DEFAULT_BETTER),
  baseline: Measurement,
  pilot: Measurement,
});

const WalkGateSchema = z.strictObject({
  threshold: z.number().default(DEFAULT_WALK_GATE_THRESHOLD),
  invited: Measurement,
  adopted: Measurement,
});

const phaseFields = { start: IsoDate, end: IsoDate, deliverables: Items, metrics: Items };

const PhasesSchema = z.strictObject({
  crawl: z.strictObject({ ...phaseFields, gate: CrawlGateSchema.default(() => CrawlGateSchema.parse({})) }).default(() => ({
    start: null,
    end: null,
    deliverables: [],
    metrics: [],
    gate: CrawlGateSchema.parse({}),
  })),
  walk: z.strictObject({ ...phaseFields, gate: WalkGateSchema.default(() => WalkGateSchema.parse({})) }).default(() => ({
    start: null,
    end: null,
    deliverables: [],
    metrics: [],
    gate: WalkGateSchema.parse({}),
  })),
  run: z.strictObject(phaseFields).default(() => ({ start: null, end: null, deliverables: [], metrics: [] })),
});

const CadenceSchema = z.enum(CADENCES);

const SignatorySchema = z.strictObject({
  name: z.string().trim().default(""),
  title: z.string().trim().default(""),
});

export const CharterInputSchema = z.strictObject({
  ...savedInputFields(CHARTER_WIZARD_ID, CHARTER_INPUT_VERSION),
  sheetName: z.string().trim().default(DEFAULT_CHARTER_SHEET_NAME),
  ourName: z.string().trim().default(""),
  partnerName: z.string().trim().default(""),
  goals: z.strictObject({ us: Items, partner: Items, customers: Items }).default(() => ({ us: [], partner: [], customers: [] })),
  valueExchange: z
    .strictObject({
      weGive: Items,
      partnerGives: Items,
      /** The user's answer to "would both sides still do this if the other walked?"; null: not answered. */
      balanced: z.boolean().nullable().default(null),
      note: z.string().trim().default(""),
    })
    .default(() => ({ weGive: [], partnerGives: [], balanced: null, note: "" })),
  phases: PhasesSchema.default(() => PhasesSchema.parse({})),
  measurement: z
    .strictObject({
      metrics: Items,
      tracking: Items,
      cadence: z
        .strictObject({
          workingTeam: CadenceSchema.default(DEFAULT_CADENCE.workingTeam),
          steering: CadenceSchema.default(DEFAULT_CADENCE.steering),
          executive: CadenceSchema.default(DEFAULT_CADENCE.executive),
        })
        .default(() => ({ ...DEFAULT_CADENCE })),
    })
    .default(() => ({ metrics: [], tracking: [], cadence: { ...DEFAULT_CADENCE } })),
  governance: z
    .strictObject({ ourOwners: Items, partnerOwners: Items, escalation: Items })
    .default(() => ({ ourOwners: [], partnerOwners: [], escalation: [] })),
  exitCriteria: Items,
  signatories: z
    .strictObject({
      us: SignatorySchema.default(() => ({ name: "", title: "" })),
      partner: SignatorySchema.default(() => ({ name: "", title: "" })),
    })
    .default(() => ({ us: { name: "", title: "" }, partner: { name: "", title: "" } })),
});

export type CharterInput = z.output<typeof CharterInputSchema>;
/** What a caller may pass: every field optional, defaults filled in. */
export type CharterInputDraft = z.input<typeof CharterInputSchema>;

export type CharterValidation = InputValidation<CharterInput>;

/** The playbook's defaults (gates 20% / 70%, cadence weekly / monthly / quarterly), everything else empty. */
export function defaultCharterInput(): CharterInput {
  return CharterInputSchema.parse({});
}

const PHASE_NAMES: Record<PhaseId, string> = { crawl: "Crawl", walk: "Walk", run: "Run" };

export function validateCharterInput(raw: unknown): CharterValidation {
  return validateInput(CharterInputSchema, raw, checkCharter);
}

function checkCharter(input: CharterInput, error: Report, warn: Report): void {
  const sheetProblem = sheetNameProblem(input.sheetName);
  if (sheetProblem) error("sheetName", sheetProblem);
  for (const side of ["ourName", "partnerName"] as const) {
    if (input[side].length > MAX_PARTY_NAME)
      error(side, `the name has ${input[side].length} characters; keep it to ${MAX_PARTY_NAME}`);
  }
  checkTexts(input, error);

  if (input.exitCriteria.length === 0) {
    error(
      "exitCriteria",
      "a charter needs at least one exit criterion (what would end the partnership?), e.g. three or more quarters below target",
    );
  }
  const missing = (path: string, what: string): void => warn(path, `${what} is empty: the charter shows a blank line to fill in`);
  if (input.goals.us.length === 0) missing("goals.us", "what success looks like for us");
  if (input.goals.partner.length === 0) missing("goals.partner", "what success looks like for the partner");
  if (input.goals.customers.length === 0) missing("goals.customers", "what success looks like for customers");
  if (input.valueExchange.weGive.length === 0) missing("valueExchange.weGive", "what we give");
  if (input.valueExchange.partnerGives.length === 0) missing("valueExchange.partnerGives", "what the partner gives");
  if (input.valueExchange.balanced === false && input.valueExchange.note === "")
    warn("valueExchange.note", "the exchange is marked not balanced: add a note on what would balance it");

  checkPhases(input, error, warn);
  checkGates(input, error);
}

/** Every text field and list item: at most MAX_CHARTER_TEXT characters, lists at most MAX_CHARTER_ITEMS items. */
function checkTexts(input: CharterInput, error: Report): void {
  const visit = (value: unknown, path: string): void => {
    if (typeof value === "string") {
      if (value.length > MAX_CHARTER_TEXT)
        error(path, `this text has ${value.length} characters; keep each entry to ${MAX_CHARTER_TEXT} (split it into items)`);
    } else if (Array.isArray(value)) {
      if (value.length > MAX_CHARTER_ITEMS) error(path, `${value.length} items is more than ${MAX_CHARTER_ITEMS}; merge some`);
      value.forEach((item, i) => visit(item, `${path}.${i}`));
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) if (key !== "ui") visit(inner, path === "" ? key : `${path}.${key}`);
    }
  };
  visit(input, "");
}

function checkPhases(input: CharterInput, error: Report, warn: Report): void {
  const ids: PhaseId[] = ["crawl", "walk", "run"];
  const dates: Partial<Record<PhaseId, { start: number | null; end: number | null }>> = {};
  for (const id of ids) {
    const phase = input.phases[id];
    const serial = (field: "start" | "end"): number | null => {
      const value = phase[field];
      if (value === null || value === "") return null;
      const parsed = isoDateToSerial(value);
      if (parsed === null)
        error(
          `phases.${id}.${field}`,
          `${PHASE_NAMES[id]} ${field} "${value}" is not a date: write it as YYYY-MM-DD, e.g. 2025-03-01`,
        );
      return parsed;
    };
    const start = serial("start");
    const end = serial("end");
    dates[id] = { start, end };
    if (start !== null && end !== null) {
      if (end < start) error(`phases.${id}.end`, `${PHASE_NAMES[id]} ends (${phase.end}) before it starts (${phase.start})`);
      else if (id !== "run") {
        const days = end - start;
        const typical = PHASE_DAYS[id];
        if (days < typical.min || days > typical.max) {
          warn(`phases.${id}.end`, `${PHASE_NAMES[id]} runs ${days} days; the playbook's ${id} phase takes ${typical.words}`);
        }
      }
    }
  }
  const pairs: [PhaseId, PhaseId][] = [
    ["crawl", "walk"],
    ["walk", "run"],
  ];
  for (const [before, after] of pairs) {
    const end = dates[before]?.end;
    const start = dates[after]?.start;
    if (end != null && start != null && start < end) {
      warn(
        `phases.${after}.start`,
        `${PHASE_NAMES[after]} starts before ${before} ends: run the phases one after the other, so each gate's result is clear`,
      );
    }
  }
}

function checkGates(input: CharterInput, error: Report): void {
  const crawl = input.phases.crawl.gate;
  checkRate(crawl.threshold, "phases.crawl.gate.threshold", "The crawl gate's improvement threshold", error);
  if (crawl.baseline === 0) {
    error(
      "phases.crawl.gate.baseline",
      "The crawl baseline is 0: the improvement is measured against it, so enter the metric's value before the pilot (or leave it blank)",
    );
  }
  const walk = input.phases.walk.gate;
  checkRate(walk.threshold, "phases.walk.gate.threshold", "The walk gate's adoption threshold", error);
  const countOk = (value: number | null, field: "invited" | "adopted"): boolean => {
    if (value === null) return true;
    if (Number.isInteger(value) && value >= 0) return true;
    error(`phases.walk.gate.${field}`, `Customers ${field} is ${amountText(value)}: enter a whole number, 0 or more`);
    return false;
  };
  const invitedOk = countOk(walk.invited, "invited");
  const adoptedOk = countOk(walk.adopted, "adopted");
  if (invitedOk && walk.invited === 0)
    error(
      "phases.walk.gate.invited",
      "Customers invited is 0: adoption is measured against it, so invite customers first (or leave it blank)",
    );
  if (invitedOk && adoptedOk && walk.invited !== null && walk.adopted !== null && walk.adopted > walk.invited) {
    error(
      "phases.walk.gate.adopted",
      `Customers adopted (${walk.adopted}) is more than customers invited (${walk.invited}): only invited customers can adopt`,
    );
  }
}

/** Document-settings key of the charter wizard's inputs; the JSON is serializeCharterInput's (the CLI's input format). */
export const CHARTER_SETTINGS_KEY = "PartnerEconomics.charter";

export const CHARTER_SAVED_INPUT = savedInputFormat(
  CHARTER_SETTINGS_KEY,
  CHARTER_WIZARD_ID,
  CHARTER_INPUT_VERSION,
  CharterInputSchema,
);

/** The input as saved in the workbook and as `pe-calc new charter --from` reads it ({ wizard, version, …answers, ui }). */
export const serializeCharterInput = CHARTER_SAVED_INPUT.serialize;

/**
 * Saved inputs back as an input, or null when the JSON is not a charter's or does not have its
 * shape. Values are not checked: a draft saved with a slip comes back for the wizard to flag.
 */
export const restoreCharterInput = CHARTER_SAVED_INPUT.restore;
