/** The charter wizard's messages: the charter model's validator plus what only the draft can know. */
import { validateCharterInput } from "../../workbook/models/charter/input";
import { checkWithModel } from "../wizard/check-draft";
import type { FieldMessage, WizardCheck } from "../wizard/types";
import { toCharterModelInput, type CharterDraft } from "./draft";

export const CHARTER_STEP_IDS = {
  goals: "goals",
  value: "value",
  crawl: "crawl",
  walk: "walk",
  run: "run",
  measurement: "measurement",
  governance: "governance",
  exit: "exit",
  signatories: "signatories",
  review: "review",
} as const;

/**
 * Sections the printed charter can leave as a blank line to fill in by hand. Their "is empty"
 * warnings are said once, on the review step (field "blank.<path>"), not on every empty field
 * the user has yet to reach.
 */
export const BLANK_LINE_PREFIX = "blank";
const MAY_BE_BLANK = new Set([
  "goals.us",
  "goals.partner",
  "goals.customers",
  "valueExchange.weGive",
  "valueExchange.partnerGives",
]);

/** Fields typed as one item per line: a message about item n is shown on the whole field. */
const LIST_FIELD =
  /^(goals\.\w+|valueExchange\.(weGive|partnerGives)|phases\.\w+\.(deliverables|metrics)|measurement\.(metrics|tracking)|governance\.\w+|exitCriteria)\.(\d+)$/;

/** Which step shows a field's messages. */
export function charterStepOfField(field: string): string {
  const [head, second] = field.split(".");
  if (head === "ourName" || head === "partnerName" || head === "goals") return CHARTER_STEP_IDS.goals;
  if (head === "valueExchange") return CHARTER_STEP_IDS.value;
  if (head === "phases" && (second === "crawl" || second === "walk" || second === "run")) return CHARTER_STEP_IDS[second];
  if (head === "measurement") return CHARTER_STEP_IDS.measurement;
  if (head === "governance") return CHARTER_STEP_IDS.governance;
  if (head === "exitCriteria") return CHARTER_STEP_IDS.exit;
  if (head === "signatories") return CHARTER_STEP_IDS.signatories;
  return CHARTER_STEP_IDS.review;
}

/** "goals.us.2" → { field: "goals.us", message: "Item 3: …" }; other paths unchanged. */
function onField(field: string, message: string): FieldMessage {
  const match = LIST_FIELD.exec(field);
  if (!match) return { field, message };
  const index = Number(match[match.length - 1]);
  return { field: field.slice(0, field.lastIndexOf(".")), message: `Item ${index + 1}: ${message}` };
}

/** No exit criteria yet is said when the user tries to go on (or to write), not the moment the step opens. */
const QUIET_FIELDS = new Set(["exitCriteria"]);

export function checkCharterDraft(draft: CharterDraft): WizardCheck {
  const model = toCharterModelInput(draft);
  const validation = validateCharterInput(model.input);
  const warnings = validation.warnings.map((w) =>
    MAY_BE_BLANK.has(w.path) ? { ...w, path: `${BLANK_LINE_PREFIX}.${w.path}` } : w,
  );
  return checkWithModel(model.problems, { ...validation, warnings }, { field: onField, quiet: QUIET_FIELDS });
}
