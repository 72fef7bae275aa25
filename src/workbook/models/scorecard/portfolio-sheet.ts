/**
 * The portfolio sheet: the named inputs (as-of date, expand and exit rules, renewal lead, health
 * cap), the health bands, the KPI weights and targets, the counts by status, the attainment by
 * quarter and its chart, then the partner table with its colours and validation.
 */
import { columnLetters } from "../../a1";
import { formula, num, text, type CellContent, type SheetPlan } from "../../plan";
import { isoDateToSerial } from "../shared/input-wording";
import { cellAt, rangeAt, SheetBuilder } from "../shared/sheet-builder";
import { FORMATS, RANKED_FILLS, STATUS } from "../shared/theme";
import { ENDED, NO_ACTUALS, REVIEW_NOW } from "./defaults";
import type { ScorecardInput } from "./input";
import { COUNT_LABELS, wholeColumn, type ScorecardLayout } from "./layout";
import { partnerRows, tableHeaders } from "./portfolio-rows";

const STATUS_COLOURS = {
  Expand: STATUS.good,
  Maintain: STATUS.info,
  "Course-correct": STATUS.warning,
  "Exit review": STATUS.bad,
  [NO_ACTUALS]: STATUS.neutral,
} as const;

export function writePortfolio(b: SheetBuilder, input: ScorecardInput, layout: ScorecardLayout): SheetPlan {
  const { columns: c, names } = layout;
  const k = input.kpis.length;
  b.title(
    "Partner portfolio scorecard",
    "Yellow cells are inputs. Type a quarter's targets and actuals into the table, or add a partner row under it: statuses, health, renewal dates and counts follow.",
  );
  b.block(3, 0, [
    [text("Input"), text("Value")],
    [text("As of"), num(isoDateToSerial(input.asOf) ?? 0)],
    [text("Expand after (quarters on target)"), num(input.expandAfter)],
    [text("Exit review after (quarters below)"), num(input.exitAfter)],
    [text("Renewal review lead (days)"), num(input.renewalLeadDays)],
    [text("Attainment cap (full marks)"), num(input.healthCap)],
  ]);
  const bands = [...input.healthBands].sort((x, y) => y.from - x.from);
  b.block(3, 3, [
    [text("Health from"), text("Band")],
    ...bands.map((band) => [num(band.from), text(band.label)]),
    [text("below"), text(input.belowBand)],
  ]);
  const bandsFrom = rangeAt(4, 3, bands.length, 1);
  const bandLabels = rangeAt(4, 4, bands.length + 1, 1);

  b.block(layout.kpiRow, 0, [
    [text("Health KPI"), text("Weight"), text("Target")],
    [text("Revenue (recent quarters)"), num(input.revenueWeight), text("per quarter")],
    ...input.kpis.map((kpi) => [text(kpi.name), num(kpi.weight), num(kpi.target)]),
  ]);
  const weights = rangeAt(layout.kpiRow + 1, 1, 1 + k, 1);
  const kpiTargetCells = input.kpis.map((_, i) => `$C$${layout.kpiRow + 3 + i}`);

  const statusColumn = wholeColumn(c.status);
  const renewalColumn = wholeColumn(c.renewal);
  b.block(layout.countsRow, 3, [
    [text("Status"), text("Partners")],
    ...COUNT_LABELS.map((label): CellContent[] => [
      text(label === "Review now" ? "Renewal review now" : label === "Ended" ? "Contract ended" : label),
      formula(`=COUNTIF(${label === REVIEW_NOW || label === ENDED ? renewalColumn : statusColumn},"${label}")`),
    ]),
  ]);

  b.block(layout.quarterRow, 0, [
    [text("Quarter"), text("Portfolio attainment")],
    ...layout.quarters.map((quarter, i): CellContent[] => {
      const actual = wholeColumn(c.actuals[i]);
      const target = wholeColumn(c.targets[i]);
      return [text(quarter), formula(`=IFERROR(SUM(${actual})/SUMIFS(${target},${actual},"<>"),"")`)];
    }),
  ]);
  const periods = rangeAt(layout.quarterRow + 1, 0, layout.quarters.length, 1);

  b.block(layout.firstDataRow, 0, partnerRows(input, layout, kpiTargetCells));

  b.name(names.asOf, layout.inputs.asOf, "The date the scorecard looks from: terms in force and renewal windows");
  b.name(names.expandAfter, layout.inputs.expandAfter, "Quarters on target in a row that make a partner ready to expand");
  b.name(names.exitAfter, layout.inputs.exitAfter, "Quarters below target in a row that call for an exit review");
  b.name(names.leadDays, layout.inputs.leadDays, "Days before a term ends that the renewal review starts");
  b.name(names.cap, layout.inputs.cap, "Attainment that counts as full marks in the health score");
  b.name(names.weights, weights, "Health weights: revenue first, then each further KPI");
  b.name(names.healthFrom, bandsFrom, "Lowest health score of each band");
  b.name(names.healthBands, bandLabels, "Health band labels, the last one for scores below every band");
  b.name(names.periods, periods, "Quarter labels, oldest first, spare quarters included");
  b.name(names.partners, dataColumn(layout, c.partner), "Partner names (the QBR's drop-down)");

  styleInputs(b, layout, bandsFrom, bandLabels, weights, k);
  formatTable(b, layout, [...bands.map((band) => band.label), input.belowBand]);
  return b.toSheet({
    tables: [
      {
        name: layout.tableName,
        range: rangeAt(layout.headerRow, 0, layout.partnerCount + 1, layout.lastColumn + 1),
        columns: tableHeaders(input, layout),
        style: "TableStyleMedium2",
        showBandedRows: true,
      },
    ],
    columnWidths: [
      { column: "A", width: 34 },
      ...Array.from({ length: layout.lastColumn }, (_, i) => ({ column: columnLetters(i + 1), width: 13 })),
      { column: columnLetters(c.status), width: 15 },
    ],
    freeze: { rows: 0, columns: 1 },
    charts: input.chart
      ? [
          {
            type: "columnClustered",
            source: layout.chartSource,
            title: "Portfolio attainment by quarter",
            from: cellAt(3, 6),
            to: cellAt(layout.headerRow - 2, 13),
          },
        ]
      : [],
    print: {
      area: rangeAt(0, 0, layout.firstDataRow + layout.partnerCount, layout.lastColumn + 1),
      orientation: "landscape",
      fitToWidth: true,
    },
  });
}

/** The data rows of one table column, e.g. "A31:A60". */
export function dataColumn(layout: ScorecardLayout, col: number): string {
  return rangeAt(layout.firstDataRow, col, Math.max(1, layout.partnerCount), 1);
}

function styleInputs(
  b: SheetBuilder,
  layout: ScorecardLayout,
  bandsFrom: string,
  bandLabels: string,
  weights: string,
  k: number,
): void {
  b.style(rangeAt(3, 0, 1, 2), { bold: true, borderBottom: true });
  b.style(rangeAt(3, 3, 1, 2), { bold: true, borderBottom: true });
  b.style(rangeAt(layout.kpiRow, 0, 1, 3), { bold: true, borderBottom: true });
  b.style(rangeAt(layout.countsRow, 3, 1, 2), { bold: true, borderBottom: true });
  b.style(rangeAt(layout.quarterRow, 0, 1, 2), { bold: true, borderBottom: true });
  const i = layout.inputs;
  for (const range of [i.asOf, i.expandAfter, i.exitAfter, i.leadDays, i.cap, bandsFrom, bandLabels, weights]) b.input(range);
  if (k > 0) b.input(rangeAt(layout.kpiRow + 2, 2, k, 1));
  b.format(i.asOf, FORMATS.date);
  b.format(i.cap, FORMATS.wholePercent);
  b.format(rangeAt(layout.quarterRow + 1, 1, layout.quarters.length, 1), FORMATS.wholePercent);
  b.validate(i.asOf, { kind: "decimal", min: 1, max: 2958465 }, "The as-of date is a date, e.g. 2026-01-15.");
  for (const cell of [i.expandAfter, i.exitAfter])
    b.validate(cell, { kind: "wholeNumber", min: 1, max: 40 }, "A whole number of quarters from 1 to 40.");
  b.validate(i.leadDays, { kind: "wholeNumber", min: 0, max: 3650 }, "A whole number of days from 0 to 3650.");
  b.validate(i.cap, { kind: "decimal", min: 0.01, max: 100 }, "The cap is an attainment above 0, e.g. 100% (1).");
  b.validate(bandsFrom, { kind: "decimal", min: 0, max: 100 }, "A band starts at a health score from 0 to 100.");
}

function formatTable(b: SheetBuilder, layout: ScorecardLayout, labels: string[]): void {
  const c = layout.columns;
  const col = (index: number): string => dataColumn(layout, index);
  const span = (cols: number[]): string => rangeAt(layout.firstDataRow, cols[0], Math.max(1, layout.partnerCount), cols.length);
  for (const index of [c.start, c.termEnd, c.noticeBy, c.reviewFrom]) b.format(col(index), FORMATS.date);
  b.format(span([...c.targets, ...c.actuals]), FORMATS.count);
  b.format(span([...c.recent, c.revenueAttainment, ...c.kpiAttainments]), FORMATS.wholePercent);
  b.format(col(c.health), FORMATS.oneDecimal);
  b.input(span([c.start, c.initialYears, c.renewalYears, c.noticeDays, ...c.kpiActuals, ...c.targets, ...c.actuals]));
  b.validate(
    span([...c.targets, ...c.actuals]),
    { kind: "decimal", min: 0, max: 1e15 },
    "Targets and actuals are amounts, 0 or more; leave a quarter blank until it is reported.",
  );
  b.validate(col(c.noticeDays), { kind: "wholeNumber", min: 0, max: 3650 }, "Notice is a whole number of days from 0 to 3650.");
  b.validate(
    col(c.renewalYears),
    { kind: "decimal", min: 0, max: 100 },
    "Years of each automatic renewal; 0 when the contract does not renew by itself.",
  );
  b.validate(col(c.initialYears), { kind: "decimal", min: 0.0833, max: 100 }, "The initial term in years, e.g. 1, 2 or 0.5.");

  const recent = span([...c.recent, c.revenueAttainment, ...c.kpiAttainments]);
  const topLeft = `${columnLetters(c.recent[0])}${layout.firstDataRow + 1}`;
  b.conditionalFormat({
    range: recent,
    rule: { kind: "formula", formula: `=AND(ISNUMBER(${topLeft}),${topLeft}>=1)` },
    format: STATUS.good,
  });
  b.conditionalFormat({
    range: recent,
    rule: { kind: "formula", formula: `=AND(ISNUMBER(${topLeft}),${topLeft}<1)` },
    format: STATUS.bad,
  });
  for (const [label, colours] of Object.entries(STATUS_COLOURS))
    b.conditionalFormat({ range: col(c.status), rule: { kind: "equals", value: label }, format: colours });
  b.conditionalFormat({ range: col(c.renewal), rule: { kind: "equals", value: REVIEW_NOW }, format: STATUS.warning });
  b.conditionalFormat({ range: col(c.renewal), rule: { kind: "equals", value: ENDED }, format: STATUS.bad });
  labels.forEach((label, i) => {
    const colours = i === labels.length - 1 ? STATUS.bad : RANKED_FILLS[Math.min(i, RANKED_FILLS.length - 1)];
    b.conditionalFormat({ range: col(c.band), rule: { kind: "equals", value: label }, format: colours });
  });
}
