/** The qualification wizard's messages: the plans' validator plus what only the draft can know. */
import { validateQualificationInput } from "../../workbook/models/qualification/input";
import { checkWithModel } from "../wizard/check-draft";
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
    ...model.problems,
    ...model.ratingProblems.map((p) => ({ field: `ratings.${p.partner}.${p.criterion}`, message: p.message })),
  ];
  // A weight that is not a number stands in as 0, so the total the validator sees is not the user's.
  const weightUnreadable = model.problems.some((p) => /^criteria\.\d+\.weight$/.test(p.field));
  return checkWithModel(own, validateQualificationInput(model.input), {
    quiet: QUIET_FIELDS,
    skipWarning: (path) => weightUnreadable && path === "weights",
  });
}
