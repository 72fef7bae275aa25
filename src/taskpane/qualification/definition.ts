/** The qualification-matrix wizard, as data for the wizard runner. */
import {
  buildQualificationPlan,
  QUALIFICATION_SETTINGS_KEY,
  restoreQualificationInput,
} from "../../workbook/models/qualification";
import type { WizardDefinition } from "../wizard/types";
import { checkDraft, STEP_IDS, stepOfField } from "./check";
import { draftFromInput, initialDraft, QualificationDraftSchema, toModelInput, type QualificationDraft } from "./draft";
import { CriteriaStep } from "./steps/CriteriaStep";
import { PartnersStep } from "./steps/PartnersStep";
import { ReviewStep } from "./steps/ReviewStep";
import { ScaleStep } from "./steps/ScaleStep";
import { TiersStep } from "./steps/TiersStep";

/**
 * Saved under the plans' settings key, in the plans' QualificationSettings shape (so a plan's own
 * saved settings restore too) plus the draft as typed and the step the user was on.
 */
export function saveQualificationDraft(state: QualificationDraft, stepId: string): string {
  const model = toModelInput(state).input;
  return JSON.stringify({
    version: 1,
    wizard: "qualification",
    sheet: state.sheetName,
    partnerCount: model.partners?.length ?? 0,
    input: {
      sheetName: model.sheetName,
      criteria: model.criteria,
      scale: model.scale,
      tiers: model.tiers,
      belowLabel: model.belowLabel,
      chart: model.chart,
    },
    draft: state,
    step: stepId,
  });
}

export function restoreQualificationDraft(saved: string): { state: QualificationDraft; stepId?: string } | null {
  try {
    const json = JSON.parse(saved) as { wizard?: unknown; draft?: unknown; step?: unknown };
    if (json?.wizard !== "qualification") return null;
    const draft = QualificationDraftSchema.safeParse(json.draft);
    if (draft.success) return { state: draft.data, stepId: typeof json.step === "string" ? json.step : undefined };
  } catch {
    return null;
  }
  const input = restoreQualificationInput(saved);
  return input ? { state: draftFromInput(input) } : null;
}

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
  settingsKey: QUALIFICATION_SETTINGS_KEY,
  initialState: initialDraft,
  restore: restoreQualificationDraft,
  save: saveQualificationDraft,
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
    const { plan } = buildQualificationPlan(input, inventory.sheetNames, [...inventory.definedNames, ...inventory.tableNames]);
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
