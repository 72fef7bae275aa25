/** The qualification wizard's messages: the plans' validator plus what only the draft can know. */
import { validateQualificationInput } from "../../workbook/models/qualification/input";
import type { FieldMessage, WizardCheck } from "../wizard/types";
import { toModelInput, type QualificationDraft } from "./draft";

export const STEP_IDS = { partners: "partners", criteria: "criteria", scale: "scale", tiers: "tiers", review: "review" } as const;

/** Which step shows a field's messages. */
export function stepOfField(field: string): string {
  const head = field.split(".")[0];
  if (head === "partners" || head === "ratings" || head === "blankRows" || head === "source") return STEP_IDS.partners;
  if (head === "criteria" || head === "weights") return STEP_IDS.criteria;
  if (head === "scale") return STEP_IDS.scale;
  if (head === "tiers" || head === "belowLabel") return STEP_IDS.tiers;
  return STEP_IDS.review;
}

/** Messages the user can act on before trying Next are shown at once; "nothing here yet" waits. */
const QUIET_FIELDS = new Set(["partners"]);

export function checkDraft(draft: QualificationDraft): WizardCheck {
  const model = toModelInput(draft);
  const own: FieldMessage[] = [
    ...model.problems.map((p) => ({ field: p.field, message: p.message })),
    ...model.ratingProblems.map((p) => ({ field: `ratings.${p.partner}.${p.criterion}`, message: p.message })),
  ];
  const validation = validateQualificationInput(model.input);
  const taken = new Set(own.map((m) => m.field));
  const validatorErrors = validation.ok ? [] : validation.errors.filter((m) => !taken.has(m.path));
  const errors: FieldMessage[] = [
    ...own,
    ...validatorErrors.map((m) => ({ field: m.path, message: capitalise(m.message), quiet: QUIET_FIELDS.has(m.path) })),
  ].map((m) => ({ ...m, message: capitalise(m.message) }));
  // A weight that is not a number stands in as 0, so the total the validator sees is not the user's.
  const weightUnreadable = model.problems.some((p) => /^criteria\.\d+\.weight$/.test(p.field));
  const warnings = validation.warnings
    .filter((m) => !(weightUnreadable && m.path === "weights"))
    .map((m) => ({ field: m.path, message: capitalise(m.message) }));
  return { errors, warnings };
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
