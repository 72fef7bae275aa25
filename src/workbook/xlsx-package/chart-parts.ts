/**
 * The parts that put charts on worksheets, as Excel saves them (read from Excel 16 workbooks):
 *
 *   xl/worksheets/sheetN.xml        <drawing r:id="…"/>   → xl/worksheets/_rels/sheetN.xml.rels
 *   xl/drawings/drawingK.xml        one xdr:twoCellAnchor + xdr:graphicFrame per chart
 *                                                         → xl/drawings/_rels/drawingK.xml.rels
 *   xl/charts/chartM.xml            the c:chartSpace (chart-xml.ts)
 *
 * plus a content-type override for every drawing and chart part. A sheet has at most one drawing
 * part (CT_Worksheet has one `drawing`), holding all of its charts.
 *
 * CT_Worksheet order (ECMA-376 Part 1, 18.3.1.99): `drawing` comes after pageSetup/headerFooter/
 * rowBreaks/colBreaks/customProperties/cellWatches/ignoredErrors/smartTags and before
 * legacyDrawing, legacyDrawingHF, drawingHF, picture, oleObjects, controls, webPublishItems,
 * tableParts and extLst. CT_TwoCellAnchor (20.5.2.33): from, to, the object, clientData.
 */
import { parseCell } from "../a1";
import type { ChartPlan } from "../plan";
import { chartSpaceXml, type ChartCells } from "./chart-xml";
import { addContentTypeOverride, addRelationship, relsPartOf } from "./package-parts";
import { escapeXml } from "./xml-text";

export const CHART_RELATIONSHIP_TYPES = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;

export const CHART_CONTENT_TYPES = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

const EMPTY_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

/** The charts of one worksheet part, with what they read of the sheet. */
export interface SheetCharts {
  /** The sheet's name as the workbook shows it (series formulas name it). */
  sheet: string;
  /** Its worksheet part, e.g. "xl/worksheets/sheet2.xml". */
  part: string;
  charts: readonly ChartPlan[];
  cells: ChartCells;
}

/** Read and write access to the package's text parts while it is being finished. */
export interface PackageTexts {
  /** A part's current text (edited or as written); undefined when the package has no such part. */
  read(part: string): Promise<string | undefined>;
  write(part: string, xml: string): void;
}

const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/;

/** The worksheet with `<drawing r:id>` at its place in CT_Worksheet's sequence. */
export function withDrawingElement(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  const root = /<worksheet\b[^>]*>/.exec(sheetXml);
  const rootTag =
    root && !/\sxmlns:r="/.test(root[0])
      ? root[0].replace(
          /<worksheet\b/,
          `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`,
        )
      : undefined;
  const xml = root && rootTag ? sheetXml.replace(root[0], rootTag) : sheetXml;
  const bodyStart = xml.indexOf("</sheetData>");
  const after = AFTER_DRAWING.exec(xml.slice(Math.max(0, bodyStart)));
  if (after) {
    const at = Math.max(0, bodyStart) + after.index;
    return xml.slice(0, at) + element + xml.slice(at);
  }
  return xml.replace(/<\/worksheet>\s*$/, `${element}</worksheet>`);
}

function marker(tag: "from" | "to", address: string, edge: boolean): string {
  const cell = parseCell(address);
  // `to` names the cell the chart ends in: its anchor is that cell's far corner, the next column and row.
  const col = cell.col + (edge ? 1 : 0);
  const row = cell.row + (edge ? 1 : 0);
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** The drawing part of one sheet: one anchored graphic frame per chart, `relIds[i]` naming chart i. */
export function drawingXml(charts: readonly ChartPlan[], relIds: readonly string[]): string {
  const anchors = charts.map((chart, i) => {
    const id = i + 2;
    return (
      `<xdr:twoCellAnchor>${marker("from", chart.from, false)}${marker("to", chart.to, true)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Chart ${i + 1}" descr="${escapeXml(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr><a:graphicFrameLocks/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relIds[i]}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors.join("")}</xdr:wsDr>`
  );
}

/** The first free number for `prefix`N.xml among the package's parts (`taken`). */
function freeNumber(taken: Set<string>, prefix: string, from: number): number {
  let n = from;
  while (taken.has(`${prefix}${n}.xml`)) n++;
  return n;
}

/**
 * Adds the drawing and chart parts for every sheet's charts: new parts, the sheets' `drawing`
 * elements, the relationships and content types. `partNames` are the package's existing part
 * names (numbers already taken are skipped). Returns the new [Content_Types].xml text.
 */
export async function addChartParts(
  texts: PackageTexts,
  partNames: Iterable<string>,
  contentTypes: string,
  sheets: readonly SheetCharts[],
): Promise<string> {
  const taken = new Set(partNames);
  let types = contentTypes;
  let drawingNumber = 1;
  let chartNumber = 1;
  for (const sheet of sheets) {
    if (sheet.charts.length === 0) continue;
    const sheetXml = await texts.read(sheet.part);
    if (sheetXml === undefined) throw new Error(`the written package has no ${sheet.part}`);
    // A sheet that already has a drawing (pictures) is left alone rather than given a second one.
    if (/<drawing\b/.test(sheetXml)) continue;
    drawingNumber = freeNumber(taken, "xl/drawings/drawing", drawingNumber);
    const drawingPart = `xl/drawings/drawing${drawingNumber}.xml`;
    taken.add(drawingPart);
    let drawingRels = EMPTY_RELS;
    const relIds: string[] = [];
    for (const chart of sheet.charts) {
      chartNumber = freeNumber(taken, "xl/charts/chart", chartNumber);
      const chartPart = `xl/charts/chart${chartNumber}.xml`;
      taken.add(chartPart);
      texts.write(chartPart, chartSpaceXml(chart, sheet.sheet, sheet.cells));
      types = addContentTypeOverride(types, `/${chartPart}`, CHART_CONTENT_TYPES.chart);
      const added = addRelationship(drawingRels, CHART_RELATIONSHIP_TYPES.chart, `../charts/chart${chartNumber}.xml`);
      drawingRels = added.xml;
      relIds.push(added.id);
    }
    texts.write(drawingPart, drawingXml(sheet.charts, relIds));
    texts.write(relsPartOf(drawingPart), drawingRels);
    types = addContentTypeOverride(types, `/${drawingPart}`, CHART_CONTENT_TYPES.drawing);
    const sheetRelsPart = relsPartOf(sheet.part);
    const sheetRels = addRelationship(
      (await texts.read(sheetRelsPart)) ?? EMPTY_RELS,
      CHART_RELATIONSHIP_TYPES.drawing,
      `../drawings/drawing${drawingNumber}.xml`,
    );
    texts.write(sheetRelsPart, sheetRels.xml);
    texts.write(sheet.part, withDrawingElement(sheetXml, sheetRels.id));
  }
  return types;
}
