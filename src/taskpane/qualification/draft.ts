/**
 * The qualification wizard's state: what the user has typed, kept as typed (numbers as text) so
 * that a half-typed "8" or a stray "abc" can be shown back with a message, plus how the partner
 * list was given. `toModelInput` turns it into the plans' QualificationInput draft.
 */
import { z } from "zod";
import { NEW_SHEET_DRAFT } from "../wizard/saved-draft";
import {
  DEFAULT_BELOW_LABEL,
  DEFAULT_CRITERIA,
  DEFAULT_SCALE,
  DEFAULT_SHEET_NAME,
  DEFAULT_TIERS,
} from "../../workbook/models/qualification/defaults";
import {
  blankPartners,
  MAX_PARTNERS,
  type QualificationInput,
  type QualificationInputDraft,
} from "../../workbook/models/qualification/input";
import { guessPartnerColumns, parsePastedCells, partnerTable, type PartnerColumns, type RatingProblem } from "./partner-table";

export type PartnerSource = "selection" | "paste" | "blank";

export const QualificationDraftSchema = z.object({
  source: z.enum(["selection", "paste", "blank"]),
  /** The cells read from the selection (as text), and where they came from. */
  selectionCells: z.array(z.array(z.string())),
  selectionAddress: z.string().optional(),
  pasted: z.string(),
  /** The first row of the selection or the pasted list holds column headers. */
  hasHeader: z.boolean(),
  /**
   * The user's column choices over the guess from the headers, as column indexes in text: "name"
   * and "criterion.<i>" ("none" keeps a criterion's ratings out). Older drafts have none.
   */
  columns: z.record(z.string(), z.string()).default({}),
  blankRows: z.string(),
  criteria: z.array(z.object({ name: z.string(), weight: z.string(), guidance: z.array(z.string()) })),
  scale: z.string(),
  tiers: z.array(z.object({ threshold: z.string(), label: z.string() })),
  belowLabel: z.string(),
  ...NEW_SHEET_DRAFT,
});

export type QualificationDraft = z.infer<typeof QualificationDraftSchema>;

export function defaultCriteria(): QualificationDraft["criteria"] {
  return DEFAULT_CRITERIA.map((c) => ({ name: c.name, weight: String(c.weight), guidance: [...c.guidance] }));
}

export function initialDraft(): QualificationDraft {
  return {
    source: "selection",
    selectionCells: [],
    pasted: "",
    hasHeader: false,
    columns: {},
    blankRows: "10",
    criteria: defaultCriteria(),
    scale: String(DEFAULT_SCALE),
    tiers: DEFAULT_TIERS.map((t) => ({ threshold: String(t.threshold), label: t.label })),
    belowLabel: DEFAULT_BELOW_LABEL,
    sheetName: DEFAULT_SHEET_NAME,
    chart: true,
  };
}

/** The draft's view of a saved plan input (partners and ratings are not saved there). */
export function draftFromInput(input: QualificationInput): QualificationDraft {
  return {
    ...initialDraft(),
    criteria: input.criteria.map((c) => ({ name: c.name, weight: String(c.weight), guidance: [...c.guidance] })),
    scale: String(input.scale),
    tiers: input.tiers.map((t) => ({ threshold: String(t.threshold), label: t.label })),
    belowLabel: input.belowLabel,
    sheetName: input.sheetName,
    chart: input.chart,
  };
}

/** "30", " 30 ", "30%" → 30; "" or "abc" → undefined. A percent sign is allowed because weights are percentages. */
export function parseDraftNumber(text: string, allowPercent = false): number | undefined {
  let trimmed = text.trim();
  if (allowPercent && trimmed.endsWith("%")) trimmed = trimmed.slice(0, -1).trim();
  if (trimmed === "") return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

export interface DraftProblem {
  field: string;
  message: string;
}

export interface ModelInput {
  input: QualificationInputDraft;
  /** Problems the plans' validator cannot see (text that is not a number, a bad row count). */
  problems: DraftProblem[];
  ratingProblems: RatingProblem[];
  /** Criteria that got ratings from the selection or paste. */
  ratedCriteria: number[];
}

function partnersOf(draft: QualificationDraft, problems: DraftProblem[]) {
  const criteria = draft.criteria.map((c) => c.name);
  if (draft.source === "blank") {
    const count = parseDraftNumber(draft.blankRows);
    if (count === undefined || !Number.isInteger(count) || count < 1 || count > MAX_PARTNERS) {
      problems.push({
        field: "blankRows",
        message: `enter a whole number of rows from 1 to ${MAX_PARTNERS.toLocaleString("en")}`,
      });
      return { partners: [], ratedCriteria: [], problems: [] };
    }
    return { partners: blankPartners(count), ratedCriteria: [], problems: [] };
  }
  const { cells, columns } = partnerColumns(draft);
  return partnerTable(cells, draft.hasHeader, criteria, columns);
}

let lastPasted: { text: string; cells: string[][] } | undefined;

/** The pasted text's cells, read once per text (the step and the check both ask for them). */
function pastedCells(text: string): string[][] {
  if (lastPasted?.text !== text) lastPasted = { text, cells: parsePastedCells(text) };
  return lastPasted.cells;
}

/** The table's cells, its header (named "Column 1"… when the first row holds data) and the columns in force. */
export function partnerColumns(draft: QualificationDraft): { cells: string[][]; header: string[]; columns: PartnerColumns } {
  const cells = draft.source === "selection" ? draft.selectionCells : pastedCells(draft.pasted);
  const width = Math.max(0, ...cells.map((row) => row.length));
  const header = Array.from({ length: width }, (_, i) => (draft.hasHeader ? (cells[0]?.[i] ?? "") : `Column ${i + 1}`));
  const guess = guessPartnerColumns(
    draft.hasHeader ? header : [],
    draft.criteria.map((c) => c.name),
  );
  const chosen = (key: string, guessed: number) => {
    const text = draft.columns[key] ?? "";
    return text === "" ? guessed : text === "none" ? -1 : Number(text);
  };
  return {
    cells,
    header,
    columns: { name: chosen("name", guess.name), criteria: guess.criteria.map((col, c) => chosen(`criterion.${c}`, col)) },
  };
}

export function toModelInput(draft: QualificationDraft): ModelInput {
  const problems: DraftProblem[] = [];
  const number = (text: string, field: string, what: string, placeholder: number, allowPercent = false): number => {
    const value = parseDraftNumber(text, allowPercent);
    if (value !== undefined) return value;
    problems.push({ field, message: text.trim() === "" ? `enter ${what}` : `"${text.trim()}" is not a number: enter ${what}` });
    return placeholder;
  };
  const table = partnersOf(draft, problems);
  const criteria = draft.criteria.map((c, i) => ({
    name: c.name,
    weight: number(c.weight, `criteria.${i}.weight`, "a weight in %, e.g. 30", 0, true),
    guidance: c.guidance,
  }));
  const scale = number(draft.scale, "scale", "the top of the rating scale, e.g. 5", DEFAULT_SCALE);
  const tiers = draft.tiers.map((t, i) => ({
    threshold: number(t.threshold, `tiers.${i}.threshold`, "the score the tier starts at, e.g. 70", -1),
    label: t.label,
  }));
  return {
    input: {
      sheetName: draft.sheetName,
      partners: table.partners,
      criteria,
      ratings: "ratings" in table ? table.ratings : undefined,
      scale,
      tiers,
      belowLabel: draft.belowLabel,
      chart: draft.chart,
    },
    problems,
    ratingProblems: table.problems,
    ratedCriteria: table.ratedCriteria,
  };
}
