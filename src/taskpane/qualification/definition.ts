/** The qualification-matrix wizard, as data for the wizard runner. */
import { buildQualificationPlan, QUALIFICATION_SAVED_INPUT } from "../../workbook/models/qualification";
import { namesInUse } from "../../workbook/appliers/common";
import { savedDraftCodec } from "../wizard/saved-draft";
import type { WizardDefinition } from "../wizard/types";
import { checkDraft, STEP_IDS, stepOfField } from "./check";
import { draftFromInput, initialDraft, QualificationDraftSchema, toModelInput, type QualificationDraft } from "./draft";
import { CriteriaStep } from "./steps/CriteriaStep";
import { PartnersStep } from "./steps/PartnersStep";
import { ReviewStep } from "./steps/ReviewStep";
import { ScaleStep } from "./steps/ScaleStep";
import { TiersStep } from "./steps/TiersStep";

const saved = savedDraftCodec(QUALIFICATION_SAVED_INPUT, {
  draftSchema: QualificationDraftSchema,
  modelInput: (state) => toModelInput(state).input,
  draftFromInput: draftFromInput,
});

/** Saved in the one saved-input format: the model's answers, the draft as typed and the step under "ui". */
export const saveQualificationDraft = saved.save;
export const restoreQualificationDraft = saved.restore;

function missingRatings(state: QualificationDraft): number {
  const model = toModelInput(state).input;
  const partners = model.partners?.length ?? 0;
  const rated = (model.ratings ?? []).filter((row) => row.every((r) => r !== null)).length;
  return partners - rated;
}

export const qualificationWizard: WizardDefinition<QualificationDraft> = {
  id: "qualification",
  title: "Qualification matrix",
  description: "Score candidate partners on weighted criteria, put them in tiers and rank them, in a live sheet.",
  initialState: initialDraft,
  ...saved,
  steps: [
    { id: STEP_IDS.partners, title: "Partners", Component: PartnersStep },
    { id: STEP_IDS.criteria, title: "Criteria and weights", Component: CriteriaStep },
    { id: STEP_IDS.scale, title: "Rating scale", Component: ScaleStep },
    { id: STEP_IDS.tiers, title: "Tiers", Component: TiersStep },
    { id: STEP_IDS.review, title: "Review and write", Component: ReviewStep },
  ],
  check: checkDraft,
  stepOfField,
  buildPlan(state, inventory) {
    const input = toModelInput(state).input;
    const { plan } = buildQualificationPlan(input, inventory.sheetNames, namesInUse(inventory));
    const count = input.partners?.length ?? 0;
    return {
      plan,
      progressLabel: `Writing ${count.toLocaleString("en")} ${count === 1 ? "partner" : "partners"} and their formulas`,
    };
  },
  writeLabel: "Write the matrix",
  summarize(_summary, state) {
    const partners = toModelInput(state).input.partners?.length ?? 0;
    const missing = missingRatings(state);
    const lines = [`${partners.toLocaleString("en")} ${partners === 1 ? "partner" : "partners"} in the matrix`];
    if (missing > 0)
      lines.push(
        `${missing.toLocaleString("en")} still ${missing === 1 ? "needs" : "need"} ratings: the Complete? column shows which`,
      );
    return lines;
  },
};
