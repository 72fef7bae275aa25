/** The qualification-matrix wizard, as data for the wizard runner. */
import { buildQualificationPlan, QUALIFICATION_SAVED_INPUT } from "../../workbook/models/qualification";
import { counted, defineWizard, stepsOf } from "../wizard/define-wizard";
import { checkDraft, STEP_IDS as STEP, stepOfField } from "./check";
import { draftFromInput, initialDraft, QualificationDraftSchema, toModelInput, type QualificationDraft } from "./draft";
import { CriteriaStep } from "./steps/CriteriaStep";
import { PartnersStep } from "./steps/PartnersStep";
import { ReviewStep } from "./steps/ReviewStep";
import { ScaleStep } from "./steps/ScaleStep";
import { TiersStep } from "./steps/TiersStep";

function missingRatings(state: QualificationDraft): number {
  const model = toModelInput(state).input;
  const partners = model.partners?.length ?? 0;
  const rated = (model.ratings ?? []).filter((row) => row.every((r) => r !== null)).length;
  return partners - rated;
}

/** The steps in order, by id. */
const TITLES: Record<keyof typeof STEP, string> = {
  partners: "Partners",
  criteria: "Criteria and weights",
  scale: "Rating scale",
  tiers: "Tiers",
  review: "Review and write",
};

/** Saved in the one saved-input format: the model's answers, the draft as typed and the step under "ui". */
export const qualificationWizard = defineWizard({
  id: "qualification",
  title: "Qualification matrix",
  description: "Score candidate partners on weighted criteria, put them in tiers and rank them, in a live sheet.",
  saved: QUALIFICATION_SAVED_INPUT,
  draft: {
    initial: initialDraft,
    schema: QualificationDraftSchema,
    fromInput: draftFromInput,
    toInput: (state) => toModelInput(state).input,
  },
  steps: stepsOf(TITLES, {
    partners: PartnersStep,
    criteria: CriteriaStep,
    scale: ScaleStep,
    tiers: TiersStep,
    review: ReviewStep,
  }),
  check: checkDraft,
  stepOfField,
  build: buildQualificationPlan,
  progress: ({ input }) => `Writing ${counted(input.partners.length, "partner")} and their formulas`,
  writeLabel: "Write the matrix",
  summarize(_summary, state) {
    const partners = toModelInput(state).input.partners?.length ?? 0;
    const missing = missingRatings(state);
    const lines = [`${counted(partners, "partner")} in the matrix`];
    if (missing > 0)
      lines.push(
        `${missing.toLocaleString("en")} still ${missing === 1 ? "needs" : "need"} ratings: the Complete? column shows which`,
      );
    return lines;
  },
});

export const { save: saveQualificationDraft, restore: restoreQualificationDraft } = qualificationWizard;
