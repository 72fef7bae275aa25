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
import { uniqueSheetName } from "../../sheet-names";
import { defineModel, type ModelPlan } from "../shared/build-model-plan";
import { SheetBuilder } from "../shared/sheet-builder";
import { validateScorecardInput, type ScorecardInput, type ScorecardInputDraft } from "./input";
import { layoutFor, reservedScorecardNames, scorecardNames, type ScorecardLayout } from "./layout";
import { writePortfolio } from "./portfolio-sheet";
import { writeQbr, type QbrLayout } from "./qbr-sheet";
import { SCORECARD_SAVED_INPUT } from "./saved";

export type { ScorecardLayout } from "./layout";
export type { QbrLayout } from "./qbr-sheet";
export { SCORECARD_SETTINGS_KEY, SCORECARD_SAVED_INPUT, serializeScorecardInput, restoreScorecardInput } from "./saved";

export type ScorecardPlanResult = ModelPlan<ScorecardInput, ScorecardLayout> & { qbr: QbrLayout };

const scorecardModel = defineModel<ScorecardInputDraft, ScorecardInput, ScorecardLayout & { qbr: QbrLayout }>(
  "partner scorecard",
  { validate: validateScorecardInput, saved: SCORECARD_SAVED_INPUT, reservedNames: reservedScorecardNames },
  (input, { sheetName, suffix, existingNames, existingSheetNames }) => {
    const names = scorecardNames(suffix);
    const tableName = uniqueDefinedName(`Scorecard${suffix}`, existingNames);
    const qbrSheet = uniqueSheetName(input.qbrSheetName, [...existingSheetNames, sheetName]);
    const layout = layoutFor(input, sheetName, qbrSheet, tableName, names);
    const b = new SheetBuilder(sheetName);
    const sheet = writePortfolio(b, input, layout);
    const qbr = writeQbr(input, layout);
    return { sheet, moreSheets: [qbr.sheet], names: [...b.names(), ...qbr.names], layout: { ...layout, qbr: qbr.qbr } };
  },
);

export const { InputError: ScorecardInputError } = scorecardModel;
export type ScorecardInputError = InstanceType<typeof ScorecardInputError>;

/**
 * Builds the plan. `existingSheetNames` and `existingNames` make the sheets and names unique: a
 * second scorecard gets "Portfolio (2)", "QBR (2)" and Score2_… names.
 */
export function buildScorecardPlan(
  draft: ScorecardInputDraft,
  existingSheetNames: string[] = [],
  existingNames: string[] = [],
): ScorecardPlanResult {
  const { plan, input, layout, warnings } = scorecardModel.buildPlan(draft, existingSheetNames, existingNames);
  const { qbr, ...portfolio } = layout;
  return { plan, layout: portfolio, qbr, input, warnings };
}
