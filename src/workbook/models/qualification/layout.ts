/** Where the qualification matrix puts things: computed first, so the sheet and its callers agree. */
import { columnLetters, type CellRef } from "../../a1";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import type { QualificationInput } from "./input";

export interface QualificationLayout {
  sheet: string;
  tableName: string;
  /** 0-based row of the table's header; data rows follow. */
  headerRow: number;
  firstDataRow: number;
  partnerCount: number;
  /** 0-based columns. */
  columns: {
    partner: number;
    criteria: number[];
    score: number;
    tier: number;
    rank: number;
    complete: number;
    gap: number;
    stable: number;
  };
  /** A1 ranges (no sheet prefix) of the named inputs. */
  inputs: { weights: string; scale: string; thresholds: string; labels: string; weightTotal: string };
  /** Tier-summary rows: label cell and count cell per label, top tier first. */
  tierCounts: { label: string; labelCell: string; countCell: string }[];
  /** The row under the tier counts: partners with no rating yet (not in any tier). */
  notRated: { labelCell: string; countCell: string };
  /** Named inputs, and the partners' scores (a name, so each row's RANK is not wired to the whole column). */
  names: { weights: string; scale: string; thresholds: string; labels: string; scores: string };
}

const NAME_PARTS = ["Weights", "Scale", "Thresholds", "Labels", "Scores"] as const;

/** Every defined and table name a matrix with `suffix` creates. */
export function reservedQualificationNames(suffix: string): string[] {
  return [...NAME_PARTS.map((part) => `Qual${suffix}_${part}`), `QualificationMatrix${suffix}`];
}

export function qualificationNames(suffix: string): QualificationLayout["names"] {
  return {
    weights: `Qual${suffix}_Weights`,
    scale: `Qual${suffix}_Scale`,
    thresholds: `Qual${suffix}_Thresholds`,
    labels: `Qual${suffix}_Labels`,
    scores: `Qual${suffix}_Scores`,
  };
}

export function sortedTiers(input: QualificationInput): { threshold: number; label: string }[] {
  return [...input.tiers].sort((a, b) => b.threshold - a.threshold);
}

/** The inputs sit above the table (weights row, scale, tiers beside them); the table starts below the taller of the two. */
export function layoutFor(
  input: QualificationInput,
  sheet: string,
  tableName: string,
  names: QualificationLayout["names"],
): QualificationLayout {
  const n = input.criteria.length;
  const tiers = sortedTiers(input);
  const labelRows = tiers.length + (input.belowLabel === "" ? 0 : 1);
  const tierCol = n + 3;
  // The tier summary (a header, one row a label, the "Not rated" row) and the weights block fit above the table.
  const headerRow = Math.max(4, 3 + labelRows, 2 + n) + 2;
  const labels = [...tiers.map((t) => t.label), ...(input.belowLabel === "" ? [] : [input.belowLabel])];
  return {
    sheet,
    tableName,
    headerRow,
    firstDataRow: headerRow + 1,
    partnerCount: input.partners.length,
    columns: {
      partner: 0,
      criteria: input.criteria.map((_, i) => 1 + i),
      score: n + 1,
      tier: n + 2,
      rank: n + 3,
      complete: n + 4,
      gap: n + 5,
      stable: n + 6,
    },
    inputs: {
      weights: rangeAt(3, 1, 1, n),
      scale: cellAt(4, 1),
      thresholds: rangeAt(3, tierCol, tiers.length, 1),
      labels: rangeAt(3, tierCol + 1, labelRows, 1),
      weightTotal: cellAt(3, n + 1),
    },
    tierCounts: labels.map((label, i) => ({
      label,
      labelCell: cellAt(3 + i, tierCol + 1),
      countCell: cellAt(3 + i, tierCol + 2),
    })),
    notRated: { labelCell: cellAt(3 + labels.length, tierCol + 1), countCell: cellAt(3 + labels.length, tierCol + 2) },
    names,
  };
}

/** The data rows of one table column, e.g. "G11:G20". */
export function dataRange(layout: QualificationLayout, col: number): string {
  const letter = columnLetters(col);
  return `${letter}${layout.firstDataRow + 1}:${letter}${layout.firstDataRow + layout.partnerCount}`;
}

/** The cell of partner `index` (0-based) in `column` of a built matrix. */
export function matrixCell(layout: QualificationLayout, index: number, column: number): CellRef {
  return { row: layout.firstDataRow + index, col: column };
}
