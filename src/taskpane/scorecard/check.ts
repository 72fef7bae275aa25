/** The scorecard wizard's messages: the model's validator plus what only the draft can know. */
import { validateScorecardInput } from "../../workbook/models/scorecard/input";
import { checkWithModel } from "../wizard/check-draft";
import type { WizardCheck } from "../wizard/types";
import { toScorecardModelInput, type ScorecardDraft } from "./draft";

export const SCORECARD_STEP_IDS = {
  data: "data",
  columns: "columns",
  contracts: "contracts",
  rules: "rules",
  review: "review",
} as const;

const CONTRACT_FIELDS = new Set(["start", "initialYears", "renewalYears", "noticeDays", "kpis"]);

/** Which step shows a field's messages. */
export function scorecardStepOfField(field: string): string {
  const [head, , third] = field.split(".");
  if (head === "actualsText" || head === "periods") return SCORECARD_STEP_IDS.data;
  if (head === "partners") return CONTRACT_FIELDS.has(third) ? SCORECARD_STEP_IDS.contracts : SCORECARD_STEP_IDS.data;
  if (head === "mapping") return SCORECARD_STEP_IDS.columns;
  if (head === "contractsText" || head === "kpis" || head === "revenueWeight") return SCORECARD_STEP_IDS.contracts;
  if (head === "sheetName" || head === "qbrSheetName") return SCORECARD_STEP_IDS.review;
  return SCORECARD_STEP_IDS.rules;
}

export function checkScorecardDraft(draft: ScorecardDraft): WizardCheck {
  const model = toScorecardModelInput(draft);
  // With no data read yet, "no partners" repeats the message on the pasted text.
  const noData = model.problems.some((p) => p.field === "actualsText");
  return checkWithModel(model.problems, validateScorecardInput(model.input), {
    skipError: (path) => noData && (path === "partners" || path === "periods"),
  });
}
