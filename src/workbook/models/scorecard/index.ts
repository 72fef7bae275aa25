/**
 * The partner scorecard as a WorkbookPlan (issue 15): a portfolio sheet with one row per partner
 * in an Excel table (contract terms, target and actual per quarter, then the last quarters'
 * attainment, PE.STREAK below and met, PE.PARTNER_STATUS, PE.HEALTH and its PE.TIER band, the term
 * in force by PE.TERM_END as of a named date, notice deadline, renewal review window and flag),
 * counts by status and a chart of attainment by quarter; and a QBR sheet for one partner.
 *
 * Formulas use A1 references, names and whole columns (HyperFormula on main reads no structured
 * table references; whole columns stay live in both Excel and the engine when rows are added).
 */
import { uniqueDefinedName } from "../../defined-names";
import type { WorkbookPlan } from "../../plan";
import { uniqueSheetName } from "../../sheet-names";
import { buildModelPlan, type ModelDefinition } from "../shared/build-model-plan";
import { modelInputErrorClass, type FieldIssue } from "../shared/input-validation";
import { SheetBuilder } from "../shared/sheet-builder";
import { validateScorecardInput, type ScorecardInput, type ScorecardInputDraft } from "./input";
import { layoutFor, reservedScorecardNames, scorecardNames, type ScorecardLayout } from "./layout";
import { writePortfolio } from "./portfolio-sheet";
import { writeQbr, type QbrLayout } from "./qbr-sheet";
import { SCORECARD_SAVED_INPUT } from "./saved";

export type { ScorecardLayout } from "./layout";
export type { QbrLayout } from "./qbr-sheet";
export { SCORECARD_SETTINGS_KEY, SCORECARD_SAVED_INPUT, serializeScorecardInput, restoreScorecardInput } from "./saved";

export interface ScorecardPlanResult {
  plan: WorkbookPlan;
  layout: ScorecardLayout;
  qbr: QbrLayout;
  input: ScorecardInput;
  warnings: FieldIssue[];
}

export const ScorecardInputError = modelInputErrorClass("partner scorecard", "ScorecardInputError");
export type ScorecardInputError = InstanceType<typeof ScorecardInputError>;

type BuiltLayout = ScorecardLayout & { qbr: QbrLayout };

const scorecardModel: ModelDefinition<ScorecardInputDraft, ScorecardInput, BuiltLayout> = {
  description: "partner scorecard",
  validate: validateScorecardInput,
  inputError: ScorecardInputError,
  reservedNames: reservedScorecardNames,
  saved: SCORECARD_SAVED_INPUT,
  build(input, { sheetName, suffix, existingNames, existingSheetNames }) {
    const names = scorecardNames(suffix);
    const tableName = uniqueDefinedName(`Scorecard${suffix}`, existingNames);
    const qbrSheet = uniqueSheetName(input.qbrSheetName, [...existingSheetNames, sheetName]);
    const layout = layoutFor(input, sheetName, qbrSheet, tableName, names);
    const b = new SheetBuilder(sheetName);
    const sheet = writePortfolio(b, input, layout);
    const qbr = writeQbr(input, layout);
    return { sheet, moreSheets: [qbr.sheet], names: [...b.names(), ...qbr.names], layout: { ...layout, qbr: qbr.qbr } };
  },
};

/**
 * Builds the plan. `existingSheetNames` and `existingNames` make the sheets and names unique: a
 * second scorecard gets "Portfolio (2)", "QBR (2)" and Score2_… names.
 */
export function buildScorecardPlan(
  draft: ScorecardInputDraft,
  existingSheetNames: string[] = [],
  existingNames: string[] = [],
): ScorecardPlanResult {
  const { plan, input, layout, warnings } = buildModelPlan(scorecardModel, draft, existingSheetNames, existingNames);
  const { qbr, ...portfolio } = layout;
  return { plan, layout: portfolio, qbr, input, warnings };
}
