import type { RawCellContent } from "hyperformula";
import { FRAMEWORK_WEIGHT_VALUES, RATING_SCALE, REVSHARE_SCHEDULE } from "./fixtures";

/**
 * The sheets compared in the engine. Ours and the reference share every value and layout; only
 * the formulas differ, and both compute the same figures (checked by `checkSameResults`).
 *
 * Qualification matrix: row 1 holds headers and the weights in J1:N1; partners from row 2 with
 * ratings in B:F, the score in G and the tier in H.
 */
export type MatrixStyle =
  /** Per row: =PE.PARTNER_SCORE(B2:F2,$J$1:$N$1) and =PE.TIER(G2). */
  | "pe"
  /** Per row: =100*SUMPRODUCT(B2:F2,$J$1:$N$1)/(SUM($J$1:$N$1)*5) and an IFS for the tier. */
  | "builtin"
  /** Per row, tiers only: =PE.TIER(PE.PARTNER_SCORE(B2:F2)) in G. */
  | "pe-nested"
  /** One formula in G2: =PE.TIER(PE.PARTNER_SCORE(B2:F10001)), spilling one tier per partner. */
  | "pe-spilled";

export const WEIGHTS_RANGE = "$J$1:$N$1";
/** J1, the first weight (strategic fit), as an engine address on sheet 0. */
export const FIRST_WEIGHT_CELL = { sheet: 0, row: 0, col: 9 } as const;
export const SCORE_COLUMN = 6;
export const TIER_COLUMN = 7;

function scoreFormula(style: MatrixStyle, row: number): string {
  const ratings = `B${row}:F${row}`;
  return style === "pe"
    ? `=PE.PARTNER_SCORE(${ratings},${WEIGHTS_RANGE})`
    : `=100*SUMPRODUCT(${ratings},${WEIGHTS_RANGE})/(SUM(${WEIGHTS_RANGE})*${RATING_SCALE})`;
}

function tierFormula(style: MatrixStyle, row: number): string {
  const score = `G${row}`;
  return style === "pe"
    ? `=PE.TIER(${score})`
    : `=IFS(${score}>=85,"Tier 1",${score}>=70,"Tier 2",${score}>=50,"Tier 3",TRUE(),"Not qualified")`;
}

export function matrixSheet(ratings: readonly number[][], style: MatrixStyle): RawCellContent[][] {
  const header: RawCellContent[] = [
    "Partner",
    "Strategic fit",
    "Market reach",
    "Capabilities",
    "Financial health",
    "Track record",
  ];
  header.push("Score", "Tier", null, ...FRAMEWORK_WEIGHT_VALUES);
  const lastRow = ratings.length + 1;
  const rows: RawCellContent[][] = [header];
  ratings.forEach((partner, index) => {
    const row = index + 2;
    const cells: RawCellContent[] = [`Partner ${index + 1}`, ...partner];
    if (style === "pe" || style === "builtin") cells.push(scoreFormula(style, row), tierFormula(style, row));
    else if (style === "pe-nested") cells.push(`=PE.TIER(PE.PARTNER_SCORE(B${row}:F${row}))`);
    else cells.push(index === 0 ? `=PE.TIER(PE.PARTNER_SCORE(B2:F${lastRow}))` : null);
    rows.push(cells);
  });
  return rows;
}

/**
 * Tiered revenue share: tier starts in D1:G1, rates in D2:G2, and (for the classic formula) the
 * rate differences in D3:G3; deal revenue in A from row 2 and the share in B. Both sheets hold
 * the difference row, so only column B differs.
 */
export type RevshareStyle = "pe" | "builtin";
export const SHARE_COLUMN = 1;

export function revshareSheet(revenues: readonly number[], style: RevshareStyle): RawCellContent[][] {
  const { starts, rates } = REVSHARE_SCHEDULE;
  const rows: RawCellContent[][] = [
    ["Revenue", "Share", "Tier start", ...starts],
    [null, null, "Rate", ...rates],
    [null, null, "Rate step", "=D2", "=E2-D2", "=F2-E2", "=G2-F2"],
  ];
  revenues.forEach((revenue, index) => {
    const row = index + 2;
    const share =
      style === "pe"
        ? `=PE.REVSHARE_TIERED(A${row},$D$1:$G$1,$D$2:$G$2)`
        : `=SUMPRODUCT((A${row}>$D$1:$G$1)*(A${row}-$D$1:$G$1)*$D$3:$G$3)`;
    if (index < 2) rows[index + 1].splice(0, 2, revenue, share);
    else rows.push([revenue, share]);
  });
  return rows;
}
