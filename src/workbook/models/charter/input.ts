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
import { savedInput } from "../shared/saved-input";
import { validateInput, type InputValidation } from "../shared/input-validation";
import { checkCharter } from "./checks";

export { MAX_CHARTER_ITEMS, MAX_CHARTER_TEXT, MAX_PARTY_NAME } from "./checks";
import * as D from "./defaults";

/** Document-settings key of the charter wizard's inputs; the JSON is serializeCharterInput's (the CLI's input format). */
const SAVED = savedInput("PartnerEconomics.charter", "charter", 1);
export const { settingsKey: CHARTER_SETTINGS_KEY, wizard: CHARTER_WIZARD_ID, version: CHARTER_INPUT_VERSION } = SAVED;

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
  threshold: z.number().default(D.DEFAULT_CRAWL_GATE_THRESHOLD),
  better: z.enum(["higher", "lower"]).default(D.DEFAULT_BETTER),
  baseline: Measurement,
  pilot: Measurement,
});

const WalkGateSchema = z.strictObject({
  threshold: z.number().default(D.DEFAULT_WALK_GATE_THRESHOLD),
  invited: Measurement,
  adopted: Measurement,
});

const phaseFields = { start: IsoDate, end: IsoDate, deliverables: Items, metrics: Items };

const CrawlPhaseSchema = z.strictObject({ ...phaseFields, gate: CrawlGateSchema.default(() => CrawlGateSchema.parse({})) });
const WalkPhaseSchema = z.strictObject({ ...phaseFields, gate: WalkGateSchema.default(() => WalkGateSchema.parse({})) });
const RunPhaseSchema = z.strictObject(phaseFields);

/** A phase left out is empty: no dates, deliverables or metrics, its gate at the playbook's defaults. */
const PhasesSchema = z.strictObject({
  crawl: CrawlPhaseSchema.default(() => CrawlPhaseSchema.parse({})),
  walk: WalkPhaseSchema.default(() => WalkPhaseSchema.parse({})),
  run: RunPhaseSchema.default(() => RunPhaseSchema.parse({})),
});

const CadenceSchema = z.enum(D.CADENCES);

const SignatorySchema = z.strictObject({
  name: z.string().trim().default(""),
  title: z.string().trim().default(""),
});

export const CharterInputSchema = z.strictObject({
  ...SAVED.fields,
  sheetName: z.string().trim().default(D.DEFAULT_CHARTER_SHEET_NAME),
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
          workingTeam: CadenceSchema.default(D.DEFAULT_CADENCE.workingTeam),
          steering: CadenceSchema.default(D.DEFAULT_CADENCE.steering),
          executive: CadenceSchema.default(D.DEFAULT_CADENCE.executive),
        })
        .default(() => ({ ...D.DEFAULT_CADENCE })),
    })
    .default(() => ({ metrics: [], tracking: [], cadence: { ...D.DEFAULT_CADENCE } })),
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

export function validateCharterInput(raw: unknown): CharterValidation {
  return validateInput(CharterInputSchema, raw, checkCharter);
}

export const CHARTER_SAVED_INPUT = SAVED.format(CharterInputSchema);

/**
 * The input as saved in the workbook and as `pe-calc new charter --from` reads it ({ wizard, version, …answers, ui }),
 * and back (null for another wizard's JSON; values are not checked, so a draft saved with a slip comes back to be flagged).
 */
export const { serialize: serializeCharterInput, restore: restoreCharterInput } = CHARTER_SAVED_INPUT;
