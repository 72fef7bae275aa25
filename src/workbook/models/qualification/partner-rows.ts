/** The partner table's rows: the partner and its ratings as typed, then the six formula columns. */
import { columnLetters } from "../../a1";
import { formula, userValue, type CellContent } from "../../plan";
import type { QualificationInput } from "./input";
import type { QualificationLayout } from "./layout";

export function partnerRows(input: QualificationInput, layout: QualificationLayout): CellContent[][] {
  const cols = layout.columns;
  const { weights, scale, thresholds, labels, scores } = layout.names;
  const first = layout.firstDataRow;
  const firstCriterion = columnLetters(cols.criteria[0]);
  const lastCriterion = columnLetters(cols.criteria[cols.criteria.length - 1]);
  const scoreLetter = columnLetters(cols.score);
  return input.partners.map((name, p) => {
    const r = first + p + 1;
    const ratings = `${firstCriterion}${r}:${lastCriterion}${r}`;
    const score = `${scoreLetter}${r}`;
    const given = input.ratings?.[p];
    return [
      userValue(name),
      ...input.criteria.map((_, c) => userValue(given?.[c] ?? null)),
      formula(`=PE.PARTNER_SCORE(${ratings},${weights},${scale})`),
      formula(`=PE.TIER(${score},${thresholds},${labels})`),
      formula(`=RANK(${score},${scores})`),
      formula(`=IF(COUNTBLANK(${ratings})=0,"Yes","Missing "&COUNTBLANK(${ratings}))`),
      formula(`=PE.TIER_GAP(${score},${thresholds},${labels})`),
      formula(`=PE.TIER_STABLE(${ratings},${weights},${scale},,${thresholds},${labels})`),
    ];
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
