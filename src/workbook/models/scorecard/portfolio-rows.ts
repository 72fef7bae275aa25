/**
 * The partner table's rows: the data as given (name, contract, KPI actuals, target and actual per
 * quarter, spare quarters blank), then the formula columns. Each row's formulas read only its own
 * row, the named inputs and fixed KPI target cells, so Excel fills them into a row added to the
 * table as a calculated column, and a quarter's actuals typed into a spare column count at once.
 *
 * - "Quarters reported" is COUNT of the actuals: the recent-attainment columns count back from
 *   it, which assumes quarters are reported in order (a gap is a warning at input). The engine's
 *   INDEX wants a row and a column for a row range, hence INDEX(range,1,n).
 * - A partner without any reported quarter shows "No actuals" rather than PE.PARTNER_STATUS's #N/A,
 *   so a fresh row reads as a state, not as a fault, and the counts stay plain COUNTIFs.
 * - The renewal flag: "Review now" from "Review from" (term end − lead days) to the term end,
 *   "Ended" past the end of a term that does not renew. Excel compares date serials as numbers.
 */
import { columnLetters } from "../../a1";
import { formula, text, userValue, type CellContent } from "../../plan";
import { isoDateToSerial } from "../shared/input-wording";
import { CONTRACT_HEADERS, ENDED, NO_ACTUALS, OUTCOME_HEADERS, RECENT_QUARTERS, REVIEW_NOW } from "./defaults";
import type { ScorecardInput } from "./input";
import type { ScorecardLayout } from "./layout";

/** The formulas of one table row (1-based sheet row `r`), keyed like the layout's columns. */
export function rowFormulas(layout: ScorecardLayout, kpiTargetCells: string[], r: number): CellContent[] {
  const c = layout.columns;
  const n = layout.names;
  const at = (col: number): string => `${columnLetters(col)}${r}`;
  const span = (cols: number[]): string => `${at(cols[0])}:${at(cols[cols.length - 1])}`;
  const actuals = span(c.actuals);
  const targets = span(c.targets);
  const reported = at(c.reported);
  const recent = c.recent.map((_, i) => {
    const back = RECENT_QUARTERS - 1 - i;
    const index = back === 0 ? reported : `${reported}-${back}`;
    return formula(`=IF(${reported}>${back},IFERROR(INDEX(${actuals},1,${index})/INDEX(${targets},1,${index}),""),"")`);
  });
  const recentSpan = span(c.recent);
  const kpiAttainments = c.kpiActuals.map((col, i) => formula(`=IF(ISNUMBER(${at(col)}),${at(col)}/${kpiTargetCells[i]},"")`));
  const attainments = `${at(c.revenueAttainment)}:${at(c.kpiAttainments.length > 0 ? c.kpiAttainments[c.kpiAttainments.length - 1] : c.revenueAttainment)}`;
  const termEnd = at(c.termEnd);
  return [
    formula(`=COUNT(${actuals})`),
    ...recent,
    formula(`=IF(COUNT(${recentSpan})=0,"",AVERAGE(${recentSpan}))`),
    ...kpiAttainments,
    formula(`=PE.STREAK(${actuals},${targets},"below")`),
    formula(`=PE.STREAK(${actuals},${targets},"met")`),
    formula(`=IF(${reported}=0,"${NO_ACTUALS}",PE.PARTNER_STATUS(${actuals},${targets},${n.expandAfter},${n.exitAfter}))`),
    formula(`=PE.HEALTH(${attainments},${n.weights},${n.cap})`),
    formula(`=PE.TIER(${at(c.health)},${n.healthFrom},${n.healthBands})`),
    formula(`=IF(ISNUMBER(${at(c.start)}),PE.TERM_END(${at(c.start)},${at(c.initialYears)},${at(c.renewalYears)},${n.asOf}),"")`),
    formula(`=IF(ISNUMBER(${termEnd}),${termEnd}-N(${at(c.noticeDays)}),"")`),
    formula(`=IF(ISNUMBER(${termEnd}),${termEnd}-${n.leadDays},"")`),
    formula(
      `=IF(ISNUMBER(${termEnd}),IF(${n.asOf}>${termEnd},"${ENDED}",IF(${n.asOf}>=${at(c.reviewFrom)},"${REVIEW_NOW}","")),"")`,
    ),
  ];
}

/** The table's data rows: data cells as given, then the formulas. */
export function partnerRows(input: ScorecardInput, layout: ScorecardLayout, kpiTargetCells: string[]): CellContent[][] {
  const quarters = layout.quarters.length;
  const padded = (values: (number | null)[]): CellContent[] =>
    Array.from({ length: quarters }, (_, q) => userValue(values[q] ?? null));
  return input.partners.map((partner, p) => {
    const start = partner.start ? isoDateToSerial(partner.start) : null;
    return [
      text(partner.name),
      userValue(start),
      userValue(partner.initialYears),
      userValue(partner.renewalYears),
      userValue(partner.noticeDays),
      ...input.kpis.map((_, i) => userValue(partner.kpis[i] ?? null)),
      ...padded(partner.targets),
      ...padded(partner.actuals),
      ...rowFormulas(layout, kpiTargetCells, layout.firstDataRow + p + 1),
    ];
  });
}

/** The table's header labels, in column order. */
export function tableHeaders(input: ScorecardInput, layout: ScorecardLayout): string[] {
  const recent = Array.from({ length: RECENT_QUARTERS }, (_, i) => {
    const back = RECENT_QUARTERS - 1 - i;
    return back === 0 ? "Attainment, last quarter" : `Attainment, ${back} before last`;
  });
  return [
    ...CONTRACT_HEADERS,
    ...input.kpis.map((k) => k.name),
    ...layout.quarters.map((q) => `Target ${q}`),
    ...layout.quarters.map((q) => `Actual ${q}`),
    "Quarters reported",
    ...recent,
    "Revenue attainment",
    ...input.kpis.map((k) => `${k.name} attainment`),
    ...OUTCOME_HEADERS,
  ];
}
