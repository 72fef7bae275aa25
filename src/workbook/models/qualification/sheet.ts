/**
 * The matrix sheet: title, the inputs block (weights, scale), the tier summary beside it, the
 * criteria guidance, then the partner table with its validation, tier colours and chart.
 */
import { cellAddress, columnLetters } from "../../a1";
import { blank, formula, num, text, type CellContent, type SheetPlan } from "../../plan";
import { cellAt, rangeAt, SheetBuilder } from "../shared/sheet-builder";
import { FORMATS, RANKED_FILLS, STATUS, STYLES } from "../shared/theme";
import { FIXED_COLUMNS, NOT_RATED, PROVISIONAL, type QualificationInput } from "./input";
import { dataRange, sortedTiers, type QualificationLayout } from "./layout";
import { calculatedColumns, guidanceText, notRatedCountFormula, partnerRows, tierCountFormula, truncate } from "./partner-rows";

const TITLE = "Partner qualification matrix";

export function writeMatrix(b: SheetBuilder, input: QualificationInput, layout: QualificationLayout): SheetPlan {
  const n = input.criteria.length;
  const cols = layout.columns;
  const lastCol = cols.stable;
  const tiers = sortedTiers(input);
  const tierCol = n + 3;
  const guideCol = lastCol + 1;
  const first = layout.firstDataRow;
  const last = first + layout.partnerCount - 1;
  const letter = columnLetters;
  const column = (col: number): string => dataRange(layout, col);
  const { inputs } = layout;

  b.title(
    TITLE,
    "Rate each partner from 0 to the rating scale on every criterion. Weights, scale and tiers are live inputs: change one and every partner is re-scored.",
  );
  b.block(2, 0, [
    [text("Inputs"), ...input.criteria.map((c) => text(c.name)), text("Total")],
    [text("Weight (%)"), ...input.criteria.map((c) => num(c.weight)), formula(`=SUM(${inputs.weights})`)],
    [text("Rating scale: 0 to"), num(input.scale), ...Array.from({ length: n }, blank)],
  ]);
  b.block(2, tierCol, [
    [text("From score"), text("Tier"), text("Partners")],
    ...layout.tierCounts.map((t, i): CellContent[] => [
      i < tiers.length ? num(tiers[i].threshold) : text("below"),
      text(t.label),
      formula(tierCountFormula(layout, t.labelCell)),
    ]),
    [blank(), text(NOT_RATED), formula(notRatedCountFormula(layout))],
  ]);
  b.block(2, guideCol, [
    [text("Criterion"), text("What to look for")],
    ...input.criteria.map((c) => [text(c.name), text(guidanceText(c.guidance))]),
  ]);
  b.block(first, 0, partnerRows(input, layout));

  b.format(inputs.weights, FORMATS.upToTwoDecimals);
  b.format(inputs.weightTotal, FORMATS.percentNumber);
  b.format(inputs.thresholds, FORMATS.upToTwoDecimals);
  b.format(column(cols.score), FORMATS.oneDecimal);
  b.format(column(cols.gap), FORMATS.oneDecimal);
  b.format(column(cols.rank), FORMATS.whole);

  const headerStyle = { bold: true, borderBottom: true };
  b.style(rangeAt(2, 0, 1, n + 2), headerStyle);
  b.style(rangeAt(2, tierCol, 1, 3), headerStyle);
  b.style(rangeAt(2, guideCol, 1, 2), headerStyle);
  for (const range of [inputs.weights, inputs.scale, inputs.thresholds, inputs.labels]) b.input(range);
  b.style(rangeAt(3, guideCol + 1, n, 1), STYLES.note);

  input.criteria.forEach((c, i) =>
    b.validate(
      column(cols.criteria[i]),
      { kind: "decimal", min: 0, max: { formula: `=${layout.names.scale}` } },
      `A rating is a number from 0 to the rating scale in ${inputs.scale}; leave it blank until rated.`,
      {
        title: c.name.slice(0, 32),
        message: truncate(`Rate 0 to the scale (${input.scale} when built). Look for: ${guidanceText(c.guidance)}`, 255),
      },
    ),
  );
  b.validate(inputs.weights, { kind: "decimal", min: 0, max: 100 }, "A weight is a percentage from 0 to 100.");
  b.validate(
    inputs.scale,
    { kind: "decimal", min: 0.001, max: 1_000_000 },
    "The rating scale is a number above 0, e.g. 5 or 10.",
  );
  b.validate(inputs.thresholds, { kind: "decimal", min: 0, max: 100 }, "A tier starts at a score from 0 to 100.");

  layout.tierCounts.forEach((t, i) => {
    const colors = i >= tiers.length ? STATUS.bad : RANKED_FILLS[Math.min(i, RANKED_FILLS.length - 1)];
    for (const value of [t.label, `${t.label}${PROVISIONAL}`])
      b.conditionalFormat({
        range: column(cols.tier),
        rule: { kind: "equals", value },
        format: { fill: colors.fill, fontColor: colors.fontColor },
      });
  });
  b.conditionalFormat({
    range: column(cols.complete),
    rule: { kind: "formula", formula: `=LEFT(${letter(cols.complete)}${first + 1},7)="Missing"` },
    format: STATUS.warning,
  });
  b.conditionalFormat({ range: column(cols.stable), rule: { kind: "equals", value: false }, format: STATUS.warning });
  b.conditionalFormat({
    range: inputs.weightTotal,
    rule: { kind: "formula", formula: `=ROUND(${inputs.weightTotal},6)<>100` },
    format: STATUS.warning,
  });

  return b.toSheet({
    tables: [
      {
        name: layout.tableName,
        range: rangeAt(layout.headerRow, 0, layout.partnerCount + 1, lastCol + 1),
        columns: [FIXED_COLUMNS[0], ...input.criteria.map((c) => c.name), ...FIXED_COLUMNS.slice(1)],
        style: "TableStyleMedium2",
        showBandedRows: true,
        calculatedColumns: calculatedColumns(input, layout),
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
            source: rangeAt(2, tierCol + 1, layout.tierCounts.length + 1, 2),
            title: "Partners by tier",
            from: cellAddress({ row: layout.headerRow, col: guideCol }),
            to: cellAt(layout.headerRow + 15, guideCol + 2),
          },
        ]
      : [],
    print: {
      area: rangeAt(0, 0, last + 1, lastCol + 1),
      orientation: "landscape",
      fitToWidth: true,
      titleRows: `${layout.headerRow + 1}:${layout.headerRow + 1}`,
    },
  });
}
