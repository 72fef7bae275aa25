/**
 * The structure Excel gives a workbook that calls an add-in's custom functions, as read from a
 * workbook Excel 16 saved (a public repro of Office's custom-function behaviour; the file itself is
 * not in the project). `excelStructureProblems` lists every way a package departs from it.
 */
import JSZip from "jszip";
import { descendants, parseXml, type XmlElement } from "../manifest/xml-tree";

export const EXCEL_SHAPE = {
  rootRelationship: {
    type: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
    target: "xl/webextensions/taskpanes.xml",
  },
  taskpanesRelationship: {
    type: "http://schemas.microsoft.com/office/2011/relationships/webextension",
    target: "webextension1.xml",
  },
  metadataRelationship: {
    type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata",
    target: "metadata.xml",
  },
  overrides: {
    "/xl/webextensions/taskpanes.xml": "application/vnd.ms-office.webextensiontaskpanes+xml",
    "/xl/webextensions/webextension1.xml": "application/vnd.ms-office.webextension+xml",
    "/xl/metadata.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
  } as Record<string, string>,
  namespaces: {
    webExtension: ["we", "http://schemas.microsoft.com/office/webextensions/webextension/2010/11"],
    taskpanes: ["wetp", "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"],
    relationships: ["r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"],
    drawing: ["a", "http://schemas.openxmlformats.org/drawingml/2006/main"],
    dynamicArray: ["xda", "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"],
  } as Record<string, [string, string]>,
  /** Children of we:webextension, in Excel's order. */
  webExtensionChildren: ["we:reference", "we:alternateReferences", "we:properties", "we:bindings", "we:snapshot", "we:extLst"],
  referenceAttributes: ["id", "version", "store", "storeType"],
  customFunctionListUri: "{7C84B067-C214-45C3-A712-C9D94CD141B2}",
  calcId: "191029",
};

export type Parts = Map<string, string>;

export async function partsOf(data: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(data);
  const parts: Parts = new Map();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async("string"));
  return parts;
}

function relationships(xml: string | undefined): { type: string; target: string }[] {
  if (xml === undefined) return [];
  return parseXml(xml).children.map((r) => ({ type: r.attributes.Type, target: r.attributes.Target }));
}

function declares(element: XmlElement, [prefix, uri]: [string, string]): boolean {
  return descendants(element).some((e) => e.attributes[`xmlns:${prefix}`] === uri);
}

/** Everything that differs from Excel's structure; empty when the package has it all. */
export function excelStructureProblems(parts: Parts, expectedFunctionIds?: string[]): string[] {
  const problems: string[] = [];
  const shape = EXCEL_SHAPE;
  const has = (list: { type: string; target: string }[], want: { type: string; target: string }) =>
    list.some((r) => r.type === want.type && r.target === want.target);
  if (!has(relationships(parts.get("_rels/.rels")), shape.rootRelationship))
    problems.push("_rels/.rels: no relationship to the task panes");
  if (!has(relationships(parts.get("xl/webextensions/_rels/taskpanes.xml.rels")), shape.taskpanesRelationship))
    problems.push("taskpanes.xml.rels: no relationship to the web extension");
  const types = parts.get("[Content_Types].xml") ?? "";
  const overrides = new Map(parseXml(types).children.map((o) => [o.attributes.PartName, o.attributes.ContentType]));
  for (const [part, type] of Object.entries(shape.overrides)) {
    if (!parts.has(part.slice(1))) {
      if (part !== "/xl/metadata.xml") problems.push(`${part}: missing part`);
      continue;
    }
    if (overrides.get(part) !== type) problems.push(`[Content_Types].xml: no override ${type} for ${part}`);
  }

  const taskpanesXml = parts.get("xl/webextensions/taskpanes.xml");
  if (taskpanesXml) {
    const taskpanes = parseXml(taskpanesXml);
    if (!declares(taskpanes, shape.namespaces.taskpanes)) problems.push("taskpanes.xml: namespace wetp missing");
    if (!declares(taskpanes, shape.namespaces.relationships)) problems.push("taskpanes.xml: namespace r missing");
    const ref = descendants(taskpanes).find((e) => e.name === "wetp:webextensionref");
    const rel = relationships(parts.get("xl/webextensions/_rels/taskpanes.xml.rels"));
    if (
      !ref ||
      !parseXml(parts.get("xl/webextensions/_rels/taskpanes.xml.rels") ?? "<x/>").children.some(
        (r) => r.attributes.Id === ref.attributes["r:id"],
      ) ||
      rel.length === 0
    )
      problems.push("taskpanes.xml: webextensionref does not resolve");
  }

  const webExtensionXml = parts.get("xl/webextensions/webextension1.xml");
  if (webExtensionXml) {
    const webExtension = parseXml(webExtensionXml);
    if (webExtension.name !== "we:webextension" || !declares(webExtension, shape.namespaces.webExtension))
      problems.push("webextension1.xml: namespace we missing");
    if (!/^\{[0-9A-F-]{36}\}$/.test(webExtension.attributes.id ?? "")) problems.push("webextension1.xml: id is not a {GUID}");
    const children = webExtension.children.map((c) => c.name);
    const expected = shape.webExtensionChildren.filter((c) => c !== "we:extLst" || children.includes(c));
    if (children.join() !== expected.join()) problems.push(`webextension1.xml: children ${children.join(", ")}`);
    const reference = webExtension.children.find((c) => c.name === "we:reference");
    for (const attribute of shape.referenceAttributes)
      if (!reference?.attributes[attribute]) problems.push(`webextension1.xml: we:reference has no ${attribute}`);
    const snapshot = webExtension.children.find((c) => c.name === "we:snapshot");
    if (!snapshot || !declares(snapshot, shape.namespaces.relationships)) problems.push("webextension1.xml: namespace r missing");
    const ids = descendants(webExtension)
      .filter((e) => e.name === "we:customFunctionIds")
      .map((e) => e.text);
    if (ids.length > 0) {
      const ext = descendants(webExtension).find((e) => e.name === "a:ext");
      if (!ext || !declares(ext, shape.namespaces.drawing)) problems.push("webextension1.xml: namespace a missing");
      if (ext?.attributes.uri !== shape.customFunctionListUri)
        problems.push("webextension1.xml: a:ext uri is not the custom-function list's");
    }
    if (expectedFunctionIds && ids.slice().sort().join() !== expectedFunctionIds.slice().sort().join())
      problems.push(`webextension1.xml: custom functions ${ids.join(", ")}, the book calls ${expectedFunctionIds.join(", ")}`);
  }

  const usesDynamicArrays = [...parts].some(([name, xml]) => name.startsWith("xl/worksheets/") && / cm="1"/.test(xml));
  if (usesDynamicArrays) {
    if (!parts.has("xl/metadata.xml")) problems.push("/xl/metadata.xml: missing part");
    else {
      if (!has(relationships(parts.get("xl/_rels/workbook.xml.rels")), shape.metadataRelationship))
        problems.push("workbook.xml.rels: no relationship to metadata.xml");
      const metadata = parseXml(parts.get("xl/metadata.xml")!);
      if (!declares(metadata, shape.namespaces.dynamicArray)) problems.push("metadata.xml: namespace xda missing");
      if (!descendants(metadata).some((e) => e.name === "metadataType" && e.attributes.name === "XLDAPR"))
        problems.push("metadata.xml: no XLDAPR metadata type");
    }
  }
  for (const [name, xml] of parts) {
    if (!name.startsWith("xl/worksheets/") || !name.endsWith(".xml")) continue;
    for (const cell of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f([^>]*)>([^<]*_xldudf_[^<]*)<\/f>/g)) {
      if (!/ cm="1"/.test(cell[2]) || !new RegExp(`t="array" ref="${cell[1]}(:[A-Z]+\\d+)?"`).test(cell[3]))
        problems.push(`${name} ${cell[1]}: a custom-function formula that is not a dynamic-array formula`);
    }
    if (/<f[^>]*>[^<]*(?<![_A-Za-z0-9.])PE\.[A-Z_]+\(/.test(xml))
      problems.push(`${name}: a PE call stored in the bare PE.NAME( form`);
  }
  const calcPr = /<calcPr\b[^>]*>/.exec(parts.get("xl/workbook.xml") ?? "");
  if (!calcPr || !calcPr[0].includes(`calcId="${shape.calcId}"`) || /fullCalcOnLoad="(1|true)"/.test(calcPr[0]))
    problems.push(`workbook.xml: calcPr is not calcId ${shape.calcId}`);
  return problems;
}
