/**
 * The partner table's rows: the partner and its ratings as typed, then the six formula columns,
 * which are the table's calculated columns (the same formula in every row, written with
 * structured references, so a partner added as a new table row gets them, as in Excel).
 *
 * Not rated is not zero: PE.PARTNER_SCORE counts a blank rating as 0 (its documented contract
 * for direct calls), which made an unrated partner score 0, tier "Not qualified" and rank last.
 * The matrix instead scores only what has been rated:
 * - no rating at all: Score, Rank, Gap and Tier stable? stay empty, Tier and Complete? say
 *   "Not rated", and the tier counts leave the partner out;
 * - some ratings missing: the score is the weighted average of the ratings given (the weights of
 *   the missing criteria are left out: `Qual_Weights*ISNUMBER(ratings)`), Complete? says
 *   "Missing n", and the tier reads e.g. "Gold (provisional)" (counted with Gold).
 * All of it is formulas, so typing a missing rating updates the row at once.
 */
import { formula, userValue, type CellContent } from "../../plan";
import { tableColumnRef, thisRowRef } from "../../../core/structured-ref-text";
import { FIXED_COLUMNS, NOT_RATED, PROVISIONAL, type QualificationInput } from "./input";
import type { QualificationLayout } from "./layout";

const [, SCORE, TIER, RANK, COMPLETE, GAP, STABLE] = FIXED_COLUMNS;

/** The formula of each calculated column, by column name. */
export function calculatedColumns(input: QualificationInput, layout: QualificationLayout): Record<string, string> {
  const { weights, scale, thresholds, labels, scores } = layout.names;
  const t = layout.tableName;
  const names = input.criteria.map((c) => c.name);
  const ratings = thisRowRef(t, names[0], names[names.length - 1]);
  const score = thisRowRef(t, SCORE);
  const none = `COUNT(${ratings})=0`;
  const rated = `${weights}*ISNUMBER(${ratings})`;
  return {
    [SCORE]: `=IF(${none},"",PE.PARTNER_SCORE(${ratings},${rated},${scale}))`,
    [TIER]: `=IF(${none},"${NOT_RATED}",PE.TIER(${score},${thresholds},${labels})&IF(COUNTBLANK(${ratings})>0,"${PROVISIONAL}",""))`,
    [RANK]: `=IF(ISNUMBER(${score}),RANK(${score},${scores}),"")`,
    [COMPLETE]: `=IF(${none},"${NOT_RATED}",IF(COUNTBLANK(${ratings})=0,"Yes","Missing "&COUNTBLANK(${ratings})))`,
    [GAP]: `=IF(ISNUMBER(${score}),PE.TIER_GAP(${score},${thresholds},${labels}),"")`,
    [STABLE]: `=IF(${none},"",PE.TIER_STABLE(${ratings},${rated},${scale},,${thresholds},${labels}))`,
  };
}

/** The tier count of the label in `labelCell`: its partners, provisional ones included. */
export function tierCountFormula(layout: QualificationLayout, labelCell: string): string {
  const tiers = tableColumnRef(layout.tableName, TIER);
  return `=COUNTIF(${tiers},${labelCell})+COUNTIF(${tiers},${labelCell}&"${PROVISIONAL}")`;
}

/** How many partners have no rating yet. */
export function notRatedCountFormula(layout: QualificationLayout): string {
  return `=COUNTIF(${tableColumnRef(layout.tableName, COMPLETE)},"${NOT_RATED}")`;
}

export function partnerRows(input: QualificationInput, layout: QualificationLayout): CellContent[][] {
  const calculated = calculatedColumns(input, layout);
  const formulas = FIXED_COLUMNS.slice(1).map((column) => formula(calculated[column]));
  return input.partners.map((name, p) => {
    const given = input.ratings?.[p];
    return [userValue(name), ...input.criteria.map((_, c) => userValue(given?.[c] ?? null)), ...formulas];
  });
}

export function guidanceText(points: string[]): string {
  if (points.length === 0) return "";
  const joined = points.join("; ");
  return joined.charAt(0).toUpperCase() + joined.slice(1) + ".";
}

export function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
