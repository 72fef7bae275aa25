/**
 * The qualification matrix as a WorkbookPlan: an inputs block of named weights, scale, tier
 * thresholds and labels; a table with one row per partner (ratings, Score, Tier, Rank,
 * Complete?, Gap to next tier, Tier stable?); a tier-count summary and its chart.
 *
 * Every formula reads the named inputs, so changing a weight, the scale or a threshold re-scores
 * every partner in Excel, in the engine and in the saved file alike. Formulas use A1 references
 * and names only (HyperFormula cannot read structured table references) and the PE.* names.
 *
 * Rank is `RANK(score, Qual_Scores)` (competition ranking; the engine adds RANK, which HyperFormula
 * lacks). RANK rather than RANK.EQ: same result, and files need no `_xlfn.` prefix for it. The
 * scores range is a defined name: with `$G$11:$G$N` in every row the engine wired each row to
 * every score cell (10,000 rows: 4.3 s of graph building; 0.2 s through the name).
 * COUNTIF(">"&score) is avoided: it compares against a 15-digit text copy of the score in Excel,
 * off by one for scores such as 78.333…. Tier counts use COUNTIF (errors are skipped),
 * which is why tier labels may not look like COUNTIF patterns.
 */
import { cellAddress, columnLetters, rangeAddress, rangeFrom, type CellRef } from "../../a1";
import { freeNameSuffix, uniqueDefinedName } from "../../defined-names";
import {
  blank,
  formula,
  num,
  PLAN_VERSION,
  text,
  userValue,
  type CellContent,
  type ConditionalFormatPlan,
  type SheetPlan,
  type ValidationPlan,
  type WorkbookPlan,
} from "../../plan";
import { uniqueSheetName } from "../../sheet-names";
import { ModelInputError } from "../shared/model-input-error";
import { BELOW_FILL, INPUT_FILL, TIER_FILLS, WARNING_FILL } from "./defaults";
import {
  QualificationInputSchema,
  validateQualificationInput,
  type FieldIssue,
  type QualificationInput,
  type QualificationInputDraft,
} from "./input";

/** Document-settings key under which the wizard's inputs are saved (JSON, see QualificationSettings). */
export const QUALIFICATION_SETTINGS_KEY = "PartnerEconomics.qualification";

/** What is saved under QUALIFICATION_SETTINGS_KEY: the inputs without the partner list and ratings, which live in the sheet. */
export interface QualificationSettings {
  version: 1;
  wizard: "qualification";
  sheet: string;
  partnerCount: number;
  input: Omit<QualificationInput, "partners" | "ratings">;
}

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
  /** Named inputs, and the partners' scores (a name, so each row's RANK is not wired to the whole column). */
  names: { weights: string; scale: string; thresholds: string; labels: string; scores: string };
}

export interface QualificationPlanResult {
  plan: WorkbookPlan;
  layout: QualificationLayout;
  warnings: FieldIssue[];
}

export class QualificationInputError extends ModelInputError {
  constructor(errors: FieldIssue[]) {
    super("qualification matrix", errors);
    this.name = "QualificationInputError";
  }
}

const TITLE = "Partner qualification matrix";

/**
 * Builds the plan. `existingSheetNames` and `existingNames` (defined names and table names already
 * in the workbook) make the sheet, input names and table name unique: a second matrix in the same
 * workbook gets "Qualification (2)", Qual2_Weights, QualificationMatrix2.
 */
export function buildQualificationPlan(
  draft: QualificationInputDraft,
  existingSheetNames: string[] = [],
  existingNames: string[] = [],
): QualificationPlanResult {
  const checked = validateQualificationInput(draft);
  if (!checked.ok) throw new QualificationInputError(checked.errors);
  const input = checked.input;
  const sheetName = uniqueSheetName(input.sheetName, existingSheetNames);
  const suffix = nameSuffix(existingNames);
  const names = {
    weights: `Qual${suffix}_Weights`,
    scale: `Qual${suffix}_Scale`,
    thresholds: `Qual${suffix}_Thresholds`,
    labels: `Qual${suffix}_Labels`,
    scores: `Qual${suffix}_Scores`,
  };
  const tableName = uniqueDefinedName(`QualificationMatrix${suffix}`, existingNames);
  const layout = layoutFor(input, sheetName, tableName, names);
  const sheet = sheetPlan(input, layout);
  const settings: QualificationSettings = {
    version: 1,
    wizard: "qualification",
    sheet: sheetName,
    partnerCount: input.partners.length,
    input: {
      sheetName: input.sheetName,
      criteria: input.criteria,
      scale: input.scale,
      tiers: input.tiers,
      belowLabel: input.belowLabel,
      chart: input.chart,
    },
  };
  const plan: WorkbookPlan = {
    version: PLAN_VERSION,
    description: "qualification matrix",
    sheets: [sheet],
    names: [
      {
        name: names.weights,
        sheet: sheetName,
        range: layout.inputs.weights,
        comment: "Criterion weights (%) of the qualification matrix",
      },
      { name: names.scale, sheet: sheetName, range: layout.inputs.scale, comment: "Top of the rating scale" },
      { name: names.thresholds, sheet: sheetName, range: layout.inputs.thresholds, comment: "Lowest score of each tier" },
      { name: names.labels, sheet: sheetName, range: layout.inputs.labels, comment: "Tier labels" },
      { name: names.scores, sheet: sheetName, range: scoreRange(layout), comment: "Partner scores, ranked by the Rank column" },
    ],
    settings: [{ key: QUALIFICATION_SETTINGS_KEY, json: JSON.stringify(settings) }],
  };
  return { plan, layout, warnings: checked.warnings };
}

/** The saved inputs as a wizard input (partners empty), or null when the JSON is not ours or broken. */
export function restoreQualificationInput(json: string | null | undefined): QualificationInput | null {
  if (!json) return null;
  try {
    const saved = JSON.parse(json) as Partial<QualificationSettings>;
    if (saved?.wizard !== "qualification" || saved.version !== 1) return null;
    const parsed = QualificationInputSchema.safeParse({ ...saved.input, partners: [] });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** "" when the Qual_… names and the QualificationMatrix table name are free, otherwise the first number n for which all are. */
function nameSuffix(existingNames: string[]): string {
  return freeNameSuffix(existingNames, (suffix) => [
    ...["Weights", "Scale", "Thresholds", "Labels", "Scores"].map((part) => `Qual${suffix}_${part}`),
    `QualificationMatrix${suffix}`,
  ]);
}

function layoutFor(
  input: QualificationInput,
  sheet: string,
  tableName: string,
  names: QualificationLayout["names"],
): QualificationLayout {
  const n = input.criteria.length;
  const tiers = sortedTiers(input);
  const labelRows = tiers.length + (input.belowLabel === "" ? 0 : 1);
  const tierCol = n + 3;
  const headerRow = Math.max(4, 2 + labelRows, 2 + n) + 2;
  const cell = (row: number, col: number): string => cellAddress({ row, col });
  const range = (row: number, col: number, rows: number, cols: number): string =>
    rangeAddress(rangeFrom({ row, col }, rows, cols));
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
      weights: range(3, 1, 1, n),
      scale: cell(4, 1),
      thresholds: range(3, tierCol, tiers.length, 1),
      labels: range(3, tierCol + 1, labelRows, 1),
      weightTotal: cell(3, n + 1),
    },
    tierCounts: labels.map((label, i) => ({ label, labelCell: cell(3 + i, tierCol + 1), countCell: cell(3 + i, tierCol + 2) })),
    names,
  };
}

function sortedTiers(input: QualificationInput): { threshold: number; label: string }[] {
  return [...input.tiers].sort((a, b) => b.threshold - a.threshold);
}

function sheetPlan(input: QualificationInput, layout: QualificationLayout): SheetPlan {
  const n = input.criteria.length;
  const cols = layout.columns;
  const lastCol = cols.stable;
  const tiers = sortedTiers(input);
  const tierCol = n + 3;
  const guideCol = lastCol + 1;
  const first = layout.firstDataRow;
  const count = layout.partnerCount;
  const last = first + count - 1;
  const letter = columnLetters;
  const dataRange = (col: number): string => `${letter(col)}${first + 1}:${letter(col)}${last + 1}`;
  const { scale } = layout.names;

  const blocks: SheetPlan["blocks"] = [
    {
      at: "A1",
      cells: [
        [text(TITLE)],
        [
          text(
            `Rate each partner from 0 to the rating scale on every criterion. Weights, scale and tiers are live inputs: change one and every partner is re-scored.`,
          ),
        ],
      ],
    },
    {
      at: "A3",
      cells: [
        [text("Inputs"), ...input.criteria.map((c) => text(c.name)), text("Total")],
        [text("Weight (%)"), ...input.criteria.map((c) => num(c.weight)), formula(`=SUM(${layout.inputs.weights})`)],
        [text("Rating scale: 0 to"), num(input.scale), ...Array.from({ length: n }, blank)],
      ],
    },
    {
      at: cellAddress({ row: 2, col: tierCol }),
      cells: [
        [text("From score"), text("Tier"), text("Partners")],
        ...layout.tierCounts.map((t, i): CellContent[] => [
          i < tiers.length ? num(tiers[i].threshold) : text("below"),
          text(t.label),
          formula(`=COUNTIF($${letter(cols.tier)}$${first + 1}:$${letter(cols.tier)}$${last + 1},${t.labelCell})`),
        ]),
      ],
    },
    {
      at: cellAddress({ row: 2, col: guideCol }),
      cells: [
        [text("Criterion"), text("What to look for")],
        ...input.criteria.map((c) => [text(c.name), text(guidanceText(c.guidance))]),
      ],
    },
    { at: cellAddress({ row: first, col: 0 }), cells: partnerRows(input, layout) },
  ];

  const ratingValidations: ValidationPlan[] = input.criteria.map((c, i) => ({
    range: dataRange(cols.criteria[i]),
    rule: { kind: "decimal", min: 0, max: { formula: `=${scale}` } },
    prompt: {
      title: c.name.slice(0, 32),
      message: truncate(`Rate 0 to the scale (${input.scale} when built). Look for: ${guidanceText(c.guidance)}`, 255),
    },
    error: `A rating is a number from 0 to the rating scale in ${layout.inputs.scale}; leave it blank until rated.`,
  }));

  const tierFormats: ConditionalFormatPlan[] = layout.tierCounts.map((t, i) => {
    const isBelow = i >= tiers.length;
    const colors = isBelow ? BELOW_FILL : TIER_FILLS[Math.min(i, TIER_FILLS.length - 1)];
    return {
      range: dataRange(cols.tier),
      rule: { kind: "equals", value: t.label },
      format: { fill: colors.fill, fontColor: colors.fontColor },
    };
  });

  return {
    name: layout.sheet,
    target: "new",
    activate: true,
    blocks,
    tables: [
      {
        name: layout.tableName,
        range: rangeAddress(rangeFrom({ row: layout.headerRow, col: 0 }, count + 1, lastCol + 1)),
        columns: [
          "Partner",
          ...input.criteria.map((c) => c.name),
          "Score",
          "Tier",
          "Rank",
          "Complete?",
          "Gap to next tier",
          "Tier stable?",
        ],
        style: "TableStyleMedium2",
        showBandedRows: true,
      },
    ],
    numberFormats: [
      { range: layout.inputs.weights, format: "0.##" },
      { range: layout.inputs.weightTotal, format: '0.##"%"' },
      { range: layout.inputs.thresholds, format: "0.##" },
      { range: dataRange(cols.score), format: "0.0" },
      { range: dataRange(cols.gap), format: "0.0" },
      { range: dataRange(cols.rank), format: "0" },
    ],
    cellStyles: [
      { range: "A1", bold: true, fontSize: 14, fontColor: "#1F4E79" },
      { range: "A2", italic: true, fontColor: "#595959" },
      { range: rangeAddress(rangeFrom({ row: 2, col: 0 }, 1, n + 2)), bold: true, borderBottom: true },
      { range: rangeAddress(rangeFrom({ row: 2, col: tierCol }, 1, 3)), bold: true, borderBottom: true },
      { range: rangeAddress(rangeFrom({ row: 2, col: guideCol }, 1, 2)), bold: true, borderBottom: true },
      { range: layout.inputs.weights, fill: INPUT_FILL },
      { range: layout.inputs.scale, fill: INPUT_FILL },
      { range: layout.inputs.thresholds, fill: INPUT_FILL },
      { range: layout.inputs.labels, fill: INPUT_FILL },
      { range: rangeAddress(rangeFrom({ row: 3, col: guideCol + 1 }, n, 1)), italic: true, fontColor: "#595959" },
    ],
    validations: [
      ...ratingValidations,
      {
        range: layout.inputs.weights,
        rule: { kind: "decimal", min: 0, max: 100 },
        error: "A weight is a percentage from 0 to 100.",
      },
      {
        range: layout.inputs.scale,
        rule: { kind: "decimal", min: 0.001, max: 1_000_000 },
        error: "The rating scale is a number above 0, e.g. 5 or 10.",
      },
      {
        range: layout.inputs.thresholds,
        rule: { kind: "decimal", min: 0, max: 100 },
        error: "A tier starts at a score from 0 to 100.",
      },
    ],
    conditionalFormats: [
      ...tierFormats,
      {
        range: dataRange(cols.complete),
        rule: { kind: "formula", formula: `=LEFT(${letter(cols.complete)}${first + 1},7)="Missing"` },
        format: WARNING_FILL,
      },
      { range: dataRange(cols.stable), rule: { kind: "equals", value: false }, format: WARNING_FILL },
      {
        range: layout.inputs.weightTotal,
        rule: { kind: "formula", formula: `=ROUND(${layout.inputs.weightTotal},6)<>100` },
        format: WARNING_FILL,
      },
    ],
    columnWidths: [
      { column: "A", width: 28 },
      ...input.criteria.map((c, i) => ({
        column: letter(cols.criteria[i]),
        width: Math.min(30, Math.max(12, c.name.length + 3)),
      })),
      { column: letter(cols.score), width: 10 },
      { column: letter(cols.tier), width: Math.min(30, Math.max(14, ...layout.tierCounts.map((t) => t.label.length + 2))) },
      { column: letter(cols.rank), width: 8 },
      { column: letter(cols.complete), width: 12 },
      { column: letter(cols.gap), width: 16 },
      { column: letter(cols.stable), width: 13 },
      { column: letter(guideCol), width: 18 },
      { column: letter(guideCol + 1), width: 100 },
    ],
    freeze: { rows: layout.headerRow + 1, columns: 1 },
    charts: input.chart
      ? [
          {
            type: "columnClustered",
            source: rangeAddress(rangeFrom({ row: 2, col: tierCol + 1 }, layout.tierCounts.length + 1, 2)),
            title: "Partners by tier",
            from: cellAddress({ row: layout.headerRow, col: guideCol }),
            to: cellAddress({ row: layout.headerRow + 15, col: guideCol + 2 }),
          },
        ]
      : [],
    print: {
      area: rangeAddress(rangeFrom({ row: 0, col: 0 }, last + 1, lastCol + 1)),
      orientation: "landscape",
      fitToWidth: true,
      titleRows: `${layout.headerRow + 1}:${layout.headerRow + 1}`,
    },
  };
}

function scoreRange(layout: QualificationLayout): string {
  const score = columnLetters(layout.columns.score);
  return `${score}${layout.firstDataRow + 1}:${score}${layout.firstDataRow + layout.partnerCount}`;
}

function partnerRows(input: QualificationInput, layout: QualificationLayout): CellContent[][] {
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

function guidanceText(points: string[]): string {
  if (points.length === 0) return "";
  const joined = points.join("; ");
  return joined.charAt(0).toUpperCase() + joined.slice(1) + ".";
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** The cell of partner `index` (0-based) in `column` of a built matrix. */
export function matrixCell(layout: QualificationLayout, index: number, column: number): CellRef {
  return { row: layout.firstDataRow + index, col: column };
}
