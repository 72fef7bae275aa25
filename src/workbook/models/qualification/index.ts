/**
 * The qualification matrix as a WorkbookPlan: an inputs block of named weights, scale, tier
 * thresholds and labels; an Excel table with one row per partner (ratings, Score, Tier, Rank,
 * Complete?, Gap to next tier, Tier stable?); a tier-count summary and its chart.
 *
 * Every formula reads the named inputs, so changing a weight, the scale or a threshold re-scores
 * every partner in Excel, in the engine and in the saved file alike. The table grows as an
 * Excel user's would: its formula columns are calculated columns written with structured
 * references (`QualificationMatrix[@Score]`), and what means "every partner" — the scores name
 * `Qual_Scores` (= `QualificationMatrix[Score]`), the tier counts over `QualificationMatrix[Tier]`
 * — names the table's columns, so a partner added as a new table row is scored, tiered, ranked
 * and counted with no formula typed by hand (partner-rows.ts; "Not rated is not zero" there too).
 *
 * Rank is `RANK(score, Qual_Scores)` (competition ranking; the engine adds RANK, which HyperFormula
 * lacks). RANK rather than RANK.EQ: same result, and files need no `_xlfn.` prefix for it. The
 * scores are read through the defined name rather than the column itself: the engine then wires
 * each row to one name, not to every score cell (10,000 rows: 4.3 s of graph building with
 * `$G$11:$G$N` in every row; 0.2 s through the name).
 * COUNTIF(">"&score) is avoided: it compares against a 15-digit text copy of the score in Excel,
 * off by one for scores such as 78.333…. Tier counts use COUNTIF (errors are skipped),
 * which is why tier labels may not look like COUNTIF patterns.
 */
import { tableColumnRef } from "../../../core/structured-ref-text";
import { uniqueDefinedName } from "../../defined-names";
import { buildModelPlan, type ModelDefinition, type ModelPlan } from "../shared/build-model-plan";
import { modelInputErrorClass } from "../shared/input-validation";
import { SheetBuilder } from "../shared/sheet-builder";
import { FIXED_COLUMNS, validateQualificationInput, type QualificationInput, type QualificationInputDraft } from "./input";
import { dataRange, layoutFor, qualificationNames, reservedQualificationNames, type QualificationLayout } from "./layout";
import { QUALIFICATION_SAVED_INPUT } from "./saved";
import { writeMatrix } from "./sheet";

export { matrixCell, type QualificationLayout } from "./layout";
export {
  QUALIFICATION_INPUT_VERSION,
  QUALIFICATION_SAVED_INPUT,
  QUALIFICATION_SETTINGS_KEY,
  QUALIFICATION_WIZARD_ID,
  restoreQualificationInput,
  serializeQualificationInput,
} from "./saved";

export type QualificationPlanResult = ModelPlan<QualificationInput, QualificationLayout>;

export const QualificationInputError = modelInputErrorClass("qualification matrix", "QualificationInputError");
export type QualificationInputError = InstanceType<typeof QualificationInputError>;

const qualificationModel: ModelDefinition<QualificationInputDraft, QualificationInput, QualificationLayout> = {
  description: "qualification matrix",
  validate: validateQualificationInput,
  inputError: QualificationInputError,
  reservedNames: reservedQualificationNames,
  saved: QUALIFICATION_SAVED_INPUT,
  build(input, { sheetName, suffix, existingNames }) {
    const names = qualificationNames(suffix);
    const tableName = uniqueDefinedName(`QualificationMatrix${suffix}`, existingNames);
    const layout = layoutFor(input, sheetName, tableName, names);
    const b = new SheetBuilder(sheetName);
    const sheet = writeMatrix(b, input, layout);
    b.name(names.weights, layout.inputs.weights, "Criterion weights (%) of the qualification matrix");
    b.name(names.scale, layout.inputs.scale, "Top of the rating scale");
    b.name(names.thresholds, layout.inputs.thresholds, "Lowest score of each tier");
    b.name(names.labels, layout.inputs.labels, "Tier labels");
    b.name(names.scores, dataRange(layout, layout.columns.score), "Partner scores, ranked by the Rank column");
    // The scores are the table's Score column, so a partner added as a table row is ranked too.
    const scores = `=${tableColumnRef(tableName, FIXED_COLUMNS[1])}`;
    const named = b.names().map((item) => (item.name === names.scores ? { ...item, refersTo: scores } : item));
    return { sheet, names: named, layout };
  },
};

/** Builds the plan; the workbook's sheet and defined names make its own unique (a second matrix gets "Qualification (2)", Qual2_Weights and QualificationMatrix2). */
export const buildQualificationPlan = (
  draft: QualificationInputDraft,
  sheetNames?: string[],
  names?: string[],
): QualificationPlanResult => buildModelPlan(qualificationModel, draft, sheetNames, names);
