/**
 * A plan's chart as a DrawingML chart part (xl/charts/chartN.xml, `c:chartSpace`), the way Excel
 * saves one: each series names its cells with a formula (`c:f`, so Excel redraws the chart when
 * the cells change) and carries the values those cells hold now (`c:strCache`/`c:numCache`, what
 * a viewer shows before anything is recalculated). The source range is read as the plans define
 * it (plan.ts ChartPlan): first row the series names, first column the categories, one series per
 * further column; a pie takes the first series only, as a pie has one.
 *
 * Element order follows the ECMA-376 Part 1 schema (dml-chart.xsd; Excel refuses a part whose
 * elements are out of order): CT_ChartSpace date1904, lang, roundedCorners, chart; CT_Chart
 * title, autoTitleDeleted, plotArea, legend, plotVisOnly, dispBlanksAs; CT_PlotArea layout,
 * the chart, its axes; CT_BarSer/CT_LineSer/CT_PieSer idx, order, tx, spPr, (invertIfNegative |
 * marker | explosion), cat, val, (smooth); CT_BarChart barDir, grouping, varyColors, ser*,
 * gapWidth, overlap, axId×2; CT_LineChart grouping, varyColors, ser*, marker, axId×2;
 * CT_PieChart varyColors, ser*, firstSliceAng; CT_CatAx/CT_ValAx axId, scaling, delete, axPos,
 * majorGridlines, numFmt, majorTickMark, minorTickMark, tickLblPos, crossAx, crosses, then
 * auto/lblAlgn/lblOffset/noMultiLvlLbl (category) or crossBetween (value). The same sequence as
 * the charts Excel 16 saved in the real workbooks we read.
 */
import { cellAddress, parseRange, sheetQualifiedAddress, type CellRef } from "../a1";
import type { ChartPlan } from "../plan";
import { escapeXml } from "./xml-text";

export const CHART_NAMESPACES = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
} as const;

/** What the chart needs to know of its sheet: each cell's current value and number format. */
export interface ChartCells {
  value(cell: CellRef): unknown;
  /** The number format code of a cell ("General" when none). */
  format(cell: CellRef): string;
}

// Excel's default Office theme accents, in its series order (the workbench's PlanChart uses the same).
const ACCENTS = ["accent1", "accent2", "accent3", "accent4", "accent5", "accent6"];
const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

interface Series {
  name: { ref: string; text: string };
  categories: { ref: string; texts: string[] };
  values: { ref: string; numbers: (number | undefined)[]; format: string };
}

/** Element text as Excel writes it: only `&`, `<` and `>` escaped (quotes stay as they are). */
function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function label(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return String((value as { value?: unknown }).value ?? "");
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function range(sheet: string, from: CellRef, to: CellRef): string {
  const a = cellAddress(from);
  const b = cellAddress(to);
  return sheetQualifiedAddress(sheet, a === b ? a : `${a}:${b}`);
}

/** The series of a chart's source range (first row names, first column categories). */
export function chartSeries(chart: ChartPlan, sheet: string, cells: ChartCells): Series[] {
  const source = parseRange(chart.source);
  const top = source.start.row;
  const left = source.start.col;
  const firstRow = top + 1;
  const lastRow = Math.max(firstRow, source.end.row);
  const rows = Array.from({ length: lastRow - firstRow + 1 }, (_, i) => firstRow + i);
  const categories = {
    ref: range(sheet, { row: firstRow, col: left }, { row: lastRow, col: left }),
    texts: rows.map((row) => label(cells.value({ row, col: left }))),
  };
  const series: Series[] = [];
  for (let col = left + 1; col <= source.end.col; col++) {
    series.push({
      name: { ref: range(sheet, { row: top, col }, { row: top, col }), text: label(cells.value({ row: top, col })) },
      categories,
      values: {
        ref: range(sheet, { row: firstRow, col }, { row: lastRow, col }),
        numbers: rows.map((row) => {
          const value = cells.value({ row, col });
          return typeof value === "number" && Number.isFinite(value) ? value : undefined;
        }),
        format: cells.format({ row: firstRow, col }),
      },
    });
  }
  return chart.type === "pie" ? series.slice(0, 1) : series;
}

function strRef(ref: string, texts: string[]): string {
  const points = texts.map((text, i) => `<c:pt idx="${i}"><c:v>${escapeText(text)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${escapeText(ref)}</c:f><c:strCache><c:ptCount val="${texts.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(values: Series["values"]): string {
  // A cell without a number (blank, text, error) is left out of the cache, as Excel does: a gap.
  const points = values.numbers.map((n, i) => (n === undefined ? "" : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`)).join("");
  return (
    `<c:numRef><c:f>${escapeText(values.ref)}</c:f><c:numCache><c:formatCode>${escapeText(values.format)}</c:formatCode>` +
    `<c:ptCount val="${values.numbers.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function solid(accent: string): string {
  return `<a:solidFill><a:schemeClr val="${accent}"/></a:solidFill>`;
}

function seriesXml(chart: ChartPlan, s: Series, index: number): string {
  const accent = ACCENTS[index % ACCENTS.length];
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx>${strRef(s.name.ref, [s.name.text])}</c:tx>`;
  const data = `<c:cat>${strRef(s.categories.ref, s.categories.texts)}</c:cat><c:val>${numRef(s.values)}</c:val>`;
  switch (chart.type) {
    case "line":
      return (
        `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd">${solid(accent)}<a:round/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="none"/></c:marker>${data}<c:smooth val="0"/></c:ser>`
      );
    case "pie":
      return `<c:ser>${head}${data}</c:ser>`;
    default:
      return `<c:ser>${head}<c:spPr>${solid(accent)}</c:spPr><c:invertIfNegative val="0"/>${data}</c:ser>`;
  }
}

function axesXml(valueFormat: string): string {
  const common = (id: number, position: string) =>
    `<c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${position}"/>`;
  const ticks = `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`;
  return (
    `<c:catAx>${common(CATEGORY_AXIS, "b")}<c:numFmt formatCode="General" sourceLinked="1"/>${ticks}` +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx>${common(VALUE_AXIS, "l")}<c:majorGridlines/><c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="1"/>` +
    `${ticks}<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plotXml(chart: ChartPlan, series: Series[]): string {
  const ser = series.map((s, i) => seriesXml(chart, s, i)).join("");
  const axisIds = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  const valueFormat = series[0]?.values.format ?? "General";
  switch (chart.type) {
    case "pie":
      return `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
    case "line":
      return (
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${axisIds}</c:lineChart>` +
        axesXml(valueFormat)
      );
    default: {
      const direction = chart.type === "barClustered" ? "bar" : "col";
      return (
        `<c:barChart><c:barDir val="${direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}` +
        `<c:gapWidth val="219"/><c:overlap val="-27"/>${axisIds}</c:barChart>` +
        axesXml(valueFormat)
      );
    }
  }
}

function titleXml(title: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1400" b="0"/><a:t>${escapeText(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

/** The chart part for `chart` on `sheet`. */
export function chartSpaceXml(chart: ChartPlan, sheet: string, cells: ChartCells): string {
  const series = chartSeries(chart, sheet, cells);
  // A legend only says something when there is more than one series, or slices to name.
  const legend =
    chart.type === "pie" || series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NAMESPACES.c}" xmlns:a="${CHART_NAMESPACES.a}" xmlns:r="${CHART_NAMESPACES.r}">` +
    `<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/>` +
    `<c:chart>${titleXml(chart.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plotXml(chart, series)}</c:plotArea>${legend}` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
