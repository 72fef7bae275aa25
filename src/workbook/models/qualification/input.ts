/**
 * The qualification-matrix wizard's input: its shape (zod, with the framework's defaults), and
 * the rules a user can break, reported per field so the wizard can show each message beside its
 * field. Paths are dotted: "criteria.1.weight", "partners.4", "ratings.3.1", "tiers.0.label".
 *
 * Decisions:
 * - weights that do not add up to 100% are a warning, not an error: PE.PARTNER_SCORE normalises by
 *   their sum, so 3/2/1 is a legitimate way to say "half, a third, a sixth";
 * - duplicate partner names are a warning: lists do hold the same company twice (two divisions,
 *   a typo), each row is still scored, and the user may want to keep both;
 * - duplicate or blank criterion names are errors: they become table column headers, which Excel
 *   requires to be unique and non-empty;
 * - blank partner names are allowed (a blank table of N rows to fill in later);
 * - a scale ≤ 0, a negative weight, all weights 0, a rating outside 0..scale, a threshold outside
 *   0..100, duplicate thresholds or tier labels are errors (PE functions would give #NUM!/#VALUE!);
 * - a tier label starting with =, < or > or containing *, ? or ~ is an error: the tier-count
 *   summary uses COUNTIF, which would read such a label as a pattern.
 */
import { z } from "zod";
import { sheetNameProblem } from "../../sheet-names";
import { DEFAULT_BELOW_LABEL, DEFAULT_CRITERIA, DEFAULT_SCALE, DEFAULT_SHEET_NAME, DEFAULT_TIERS } from "./defaults";

export const MAX_PARTNERS = 100_000;
export const MAX_CRITERIA = 12;
export const MAX_TIERS = 10;
export const MAX_PARTNER_NAME = 255;

/** What the Tier and Complete? columns show for a partner with no rating yet (no score, tier or rank). */
export const NOT_RATED = "Not rated";
/** Appended to the tier of a partner with some ratings missing: its tier may still change. */
export const PROVISIONAL = " (provisional)";

/** Column headers the matrix uses besides the criteria (a criterion may not take one of these names). */
export const FIXED_COLUMNS = ["Partner", "Score", "Tier", "Rank", "Complete?", "Gap to next tier", "Tier stable?"] as const;

const CriterionSchema = z.object({
  name: z.string().trim(),
  weight: z.number(),
  guidance: z.array(z.string()).default([]),
});

const TierSchema = z.object({
  threshold: z.number(),
  label: z.string().trim(),
});

export const QualificationInputSchema = z.object({
  sheetName: z.string().trim().default(DEFAULT_SHEET_NAME),
  partners: z.array(z.string().trim()).default([]),
  criteria: z
    .array(CriterionSchema)
    .default(() => DEFAULT_CRITERIA.map((c) => ({ name: c.name, weight: c.weight, guidance: [...c.guidance] }))),
  /** ratings[p][c]: partner p's rating on criterion c, null when not rated yet. Rows may be fewer than partners. */
  ratings: z.array(z.array(z.number().nullable())).optional(),
  scale: z.number().default(DEFAULT_SCALE),
  tiers: z.array(TierSchema).default(() => DEFAULT_TIERS.map((t) => ({ ...t }))),
  /** The label below every threshold; "" for none (such scores then show #N/A). */
  belowLabel: z.string().trim().default(DEFAULT_BELOW_LABEL),
  /** Add a chart of partners by tier (Excel only; .xlsx files cannot hold it). */
  chart: z.boolean().default(true),
});

export type QualificationInput = z.output<typeof QualificationInputSchema>;
/** What a caller may pass: every field optional, defaults filled in. */
export type QualificationInputDraft = z.input<typeof QualificationInputSchema>;

export interface FieldIssue {
  path: string;
  message: string;
}

export type QualificationValidation =
  { ok: true; input: QualificationInput; warnings: FieldIssue[] } | { ok: false; errors: FieldIssue[]; warnings: FieldIssue[] };

/** The default input with `partners` filled in: what the wizard starts from. */
export function defaultQualificationInput(partners: string[] = []): QualificationInput {
  return QualificationInputSchema.parse({ partners });
}

/** `count` blank partner rows, for "a blank table of N rows". */
export function blankPartners(count: number): string[] {
  return Array.from({ length: Math.max(0, Math.floor(count)) }, () => "");
}

export function validateQualificationInput(raw: unknown): QualificationValidation {
  const parsed = QualificationInputSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join(".") || "input",
      message: issue.message,
    }));
    return { ok: false, errors, warnings: [] };
  }
  const input = parsed.data;
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const error = (path: string, message: string): void => void errors.push({ path, message });
  const warn = (path: string, message: string): void => void warnings.push({ path, message });

  const sheetProblem = sheetNameProblem(input.sheetName);
  if (sheetProblem) error("sheetName", sheetProblem);

  checkPartners(input, error, warn);
  checkCriteria(input, error, warn);
  if (!(input.scale > 0)) error("scale", `the rating scale must be above 0 (e.g. 5), not ${input.scale}`);
  checkRatings(input, error);
  checkTiers(input, error, warn);

  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, input, warnings };
}

type Report = (path: string, message: string) => void;

function checkPartners(input: QualificationInput, error: Report, warn: Report): void {
  if (input.partners.length === 0) error("partners", "add at least one partner, or ask for a number of blank rows");
  if (input.partners.length > MAX_PARTNERS)
    error("partners", `${input.partners.length} partners is more than the ${MAX_PARTNERS} one matrix holds`);
  const firstRow = new Map<string, number>();
  input.partners.forEach((name, i) => {
    if (name.length > MAX_PARTNER_NAME)
      error(`partners.${i}`, `partner name in row ${i + 1} has ${name.length} characters; keep it to ${MAX_PARTNER_NAME}`);
    if (name === "") return;
    const key = name.toUpperCase();
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, i);
    else warn(`partners.${i}`, `"${name}" in row ${i + 1} also appears in row ${first + 1}; both rows will be scored`);
  });
}

function checkCriteria(input: QualificationInput, error: Report, warn: Report): void {
  const { criteria } = input;
  if (criteria.length === 0) error("criteria", "keep at least one criterion");
  if (criteria.length > MAX_CRITERIA) error("criteria", `${criteria.length} criteria is more than ${MAX_CRITERIA}; merge some`);
  criteria.forEach((c, i) => {
    if (c.name === "") error(`criteria.${i}.name`, `give criterion ${i + 1} a name (it becomes a column header)`);
    else if (criteria.findIndex((o) => o.name.toUpperCase() === c.name.toUpperCase()) !== i)
      error(`criteria.${i}.name`, `"${c.name}" is already the name of another criterion`);
    else if (FIXED_COLUMNS.some((f) => f.toUpperCase() === c.name.toUpperCase()))
      error(`criteria.${i}.name`, `"${c.name}" is a column the matrix already has; choose another name`);
    if (!Number.isFinite(c.weight) || c.weight < 0)
      error(`criteria.${i}.weight`, `the weight of ${c.name || `criterion ${i + 1}`} must be 0 or more, not ${c.weight}`);
  });
  if (criteria.length === 0 || criteria.some((c) => !(c.weight >= 0))) return;
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) error("weights", "at least one weight must be above 0");
  else if (Math.abs(total - 100) > 1e-9 * 100) {
    warn(
      "weights",
      `the weights add up to ${+total.toFixed(6)}%, not 100%: each criterion counts in proportion to its weight (scores still run 0 to 100)`,
    );
  }
}

function checkRatings(input: QualificationInput, error: Report): void {
  const { ratings, partners, criteria, scale } = input;
  if (!ratings) return;
  if (ratings.length > partners.length) error("ratings", `${ratings.length} rows of ratings for ${partners.length} partners`);
  ratings.forEach((row, p) => {
    if (row.length !== criteria.length) {
      error(`ratings.${p}`, `row ${p + 1} has ${row.length} ratings but there are ${criteria.length} criteria`);
      return;
    }
    row.forEach((value, c) => {
      if (value === null) return;
      if (!Number.isFinite(value) || value < 0 || (scale > 0 && value > scale)) {
        const who = partners[p] || `row ${p + 1}`;
        error(`ratings.${p}.${c}`, `${who}: the ${criteria[c].name} rating ${value} is outside 0 to ${scale}`);
      }
    });
  });
}

function checkTiers(input: QualificationInput, error: Report, warn: Report): void {
  const { tiers, belowLabel } = input;
  if (tiers.length === 0) error("tiers", "keep at least one tier");
  if (tiers.length > MAX_TIERS) error("tiers", `${tiers.length} tiers is more than ${MAX_TIERS}`);
  const labels = [...tiers.map((t) => t.label), ...(belowLabel === "" ? [] : [belowLabel])];
  tiers.forEach((t, i) => {
    if (!(t.threshold >= 0 && t.threshold <= 100))
      error(`tiers.${i}.threshold`, `a tier starts at a score from 0 to 100, not ${t.threshold}`);
    if (tiers.findIndex((o) => o.threshold === t.threshold) !== i)
      error(`tiers.${i}.threshold`, `two tiers start at ${t.threshold}`);
    checkLabel(t.label, `tiers.${i}.label`, labels, error);
  });
  if (belowLabel === "") warn("belowLabel", "without a label below the lowest tier, partners scoring below it show #N/A");
  else checkLabel(belowLabel, "belowLabel", labels, error);
}

function checkLabel(label: string, path: string, all: string[], error: Report): void {
  if (label === "") return error(path, "a tier needs a label");
  if (all.filter((l) => l.toUpperCase() === label.toUpperCase()).length > 1)
    return error(path, `the label "${label}" is used for two tiers`);
  if (label.toUpperCase() === NOT_RATED.toUpperCase() || label.toUpperCase().endsWith(PROVISIONAL.toUpperCase()))
    return error(path, `"${label}" is how the matrix marks partners without a tier: choose another label`);
  if (/^[=<>]/.test(label) || /[*?~]/.test(label))
    error(
      path,
      `"${label}": a tier label cannot start with =, < or > or contain *, ? or ~ (the tier counts would read it as a pattern)`,
    );
}
