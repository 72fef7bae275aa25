/**
 * An opened workbook written back into its ORIGINAL package, the lossless path of the workbench's
 * download (the same principle as `pe-calc recalc`, src/cli/recalc-write.ts): every part the
 * engine does not compute — web extensions, metadata.xml and `cm` attributes, charts, drawings,
 * pivot tables, comments, styles, shared strings, defined names, VBA — keeps its content, and
 * only these change:
 *
 * - in each kept worksheet, the cells the user changed (cell-writes.ts) and every formula's cached
 *   value (cached-values.ts);
 * - a renamed sheet's name, in workbook.xml and in the defined names that point at it;
 * - a deleted sheet's part, relationship, content type and local names go; names pointing at it
 *   become `#REF!`, as Excel makes them;
 * - a sheet added in the workbench becomes a new worksheet part (its cells, and its plan's charts);
 * - the add-in's document settings, when the wizards changed them.
 *
 * JSZip, so it runs in the browser; the contents of untouched parts are copied unchanged (JSZip
 * deflates them again, so their compressed bytes may differ, their content does not).
 */
import JSZip from "jszip";
import { quoteSheetName } from "../a1";
import type { ChartPlan } from "../plan";
import {
  addinReferenceParts,
  AUTO_SHOW_TASKPANE,
  newInstanceId,
  settingsFromWebExtension,
  webExtensionPartsOf,
} from "./addin-reference";
import { patchSheetValues, type ValueAt } from "./cached-values";
import { writeSheetCells, newWorksheetXml, type SheetWrites } from "./cell-writes";
import { addChartParts } from "./chart-parts";
import type { ChartCells } from "./chart-xml";
import {
  addContentTypeOverride,
  addRelationship,
  CONTENT_TYPES,
  relationshipsOf,
  relsPartOf,
  RELATIONSHIP_TYPES,
  resolveTarget,
  ROOT_RELS,
  workbookPartOf,
  worksheetParts,
} from "./package-parts";
import { ADDIN_ID } from "./addin-identity";
import { StylesEditor } from "./styles-patch";
import { attribute, escapeXml, unescapeXml } from "./xml-text";

export interface KeptSheet {
  /** The sheet's name in the original file. */
  originalName: string;
  /** Its name now (the same unless renamed). */
  name: string;
  writes: SheetWrites;
  /** The computed value of a cell now (cached for every formula). */
  valueAt: ValueAt;
  /** A cell's formula now, in file form without "=" (for shared-formula groups that must be split). */
  formulaAt(row: number, col: number): string | undefined;
}

export interface AddedSheet {
  name: string;
  writes: SheetWrites;
  valueAt: ValueAt;
  charts?: readonly ChartPlan[];
  chartCells?: ChartCells;
}

export interface WorkbookChanges {
  kept: readonly KeptSheet[];
  /** Original sheets deleted in the workbench (by original name). */
  removed: readonly string[];
  added: readonly AddedSheet[];
  /** The document settings now; the web-extension part changes only if they differ from the file's. */
  settings: ReadonlyMap<string, string>;
}

const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

function sameSettings(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([key, json]) => b.get(key) === json);
}

/** A defined name's formula with references to sheet `from` renamed to `to` (or made #REF! when `to` is null). */
function renamedInFormula(text: string, from: string, to: string | null): string {
  const quoted = escapeRegExp(quoteSheetName(from));
  const bare = escapeRegExp(from);
  const reference = new RegExp(
    `(${quoted}|(?<![\\w.'])${bare})!(\\$?[A-Z]+\\$?\\d+(?::\\$?[A-Z]+\\$?\\d+)?|\\$?[A-Z]+:\\$?[A-Z]+|\\$?\\d+:\\$?\\d+)`,
    "g",
  );
  return text.replace(reference, (_whole, _sheet, ref: string) => (to === null ? "#REF!" : `${quoteSheetName(to)}!${ref}`));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function editDefinedNames(
  workbookXml: string,
  edit: (formula: string, localSheetId: number | undefined) => string | null,
): string {
  return workbookXml.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (whole, attrs: string, body: string) => {
    const local = attribute(`<x${attrs}>`, "localSheetId");
    const result = edit(unescapeXml(body), local === undefined ? undefined : Number(local));
    if (result === null) return "";
    return `<definedName${attrs}>${escapeXml(result)
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")}</definedName>`;
  });
}

export async function patchWorkbook(original: Uint8Array, changes: WorkbookChanges): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(original);
  const read = async (part: string): Promise<string | undefined> => zip.file(part)?.async("string");
  const rootRels = (await read(ROOT_RELS)) ?? "";
  const workbookPart = workbookPartOf(rootRels);
  const workbookRelsPart = relsPartOf(workbookPart);
  let workbook = await read(workbookPart);
  let workbookRels = await read(workbookRelsPart);
  let contentTypes = await read(CONTENT_TYPES);
  if (workbook === undefined || workbookRels === undefined || contentTypes === undefined)
    throw new Error("the opened file is not an .xlsx workbook any more");
  const sheets = worksheetParts(workbook, workbookRels, workbookPart);
  const stylesPart = relationshipsOf(workbookRels)
    .filter((r) => r.type === RELATIONSHIP_TYPES.styles)
    .map((r) => resolveTarget(workbookPart, r.target))[0];
  const stylesXml = stylesPart === undefined ? undefined : await read(stylesPart);
  const styles = stylesXml === undefined ? undefined : new StylesEditor(stylesXml);
  const restyle = styles ? (style: string | undefined, code: string) => styles.styleWith(style, code) : undefined;
  const partOf = new Map(sheets.map((s) => [s.name, s.part]));
  const originalIndex = new Map([...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m, i) => [attribute(m[0], "name") ?? "", i]));

  // Deleted sheets first: a kept sheet may have been renamed to a deleted one's name.
  const removedIndexes: number[] = [];
  for (const name of changes.removed) {
    const part = partOf.get(name);
    const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].find((m) => attribute(m[0], "name") === name)?.[0];
    if (part === undefined || tag === undefined) continue;
    const relId = attribute(tag, "r:id");
    removedIndexes.push(originalIndex.get(name)!);
    workbook = workbook.replace(tag, "");
    workbook = editDefinedNames(workbook, (formula) => renamedInFormula(formula, name, null));
    workbookRels = workbookRels.replace(/<Relationship\b[^>]*>/g, (rel) => (attribute(rel, "Id") === relId ? "" : rel));
    contentTypes = contentTypes.replace(new RegExp(`<Override PartName="/${escapeRegExp(part)}"[^>]*/>`), "");
    zip.remove(part);
    zip.remove(relsPartOf(part));
  }
  if (removedIndexes.length > 0) {
    // Names local to a sheet carry its position: those of deleted sheets go, later ones move up.
    workbook = editDefinedNamesLocal(workbook, removedIndexes);
    // The active tab and first visible tab count positions too.
    const count = [...workbook.matchAll(/<sheet\b[^>]*>/g)].length;
    workbook = workbook.replace(/(\s(?:activeTab|firstSheet)=")(\d+)"/g, (whole, head: string, n: string) =>
      Number(n) >= count ? `${head}0"` : whole,
    );
  }

  for (const sheet of changes.kept) {
    const part = partOf.get(sheet.originalName);
    const xml = part === undefined ? undefined : await read(part);
    if (part === undefined || xml === undefined) throw new Error(`the opened file has no sheet "${sheet.originalName}"`);
    const written = writeSheetCells(xml, sheet.writes, sheet.formulaAt, restyle);
    const patched = patchSheetValues(written, sheet.valueAt).xml;
    if (patched !== xml) zip.file(part, patched);
    if (sheet.name !== sheet.originalName) {
      const from = sheet.originalName;
      workbook = workbook.replace(/<sheet\b[^>]*>/g, (tag) =>
        attribute(tag, "name") === from ? tag.replace(/\sname="[^"]*"/, ` name="${escapeXml(sheet.name)}"`) : tag,
      );
      workbook = editDefinedNames(workbook, (formula) => renamedInFormula(formula, from, sheet.name));
    }
  }

  const taken = new Set(Object.keys(zip.files));
  const chartSheets = [];
  let sheetId = Math.max(0, ...[...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => Number(attribute(m[0], "sheetId") ?? 0)));
  let partNumber = 1;
  for (const sheet of changes.added) {
    while (taken.has(`xl/worksheets/sheet${partNumber}.xml`)) partNumber++;
    const part = `xl/worksheets/sheet${partNumber}.xml`;
    taken.add(part);
    zip.file(part, patchSheetValues(newWorksheetXml(sheet.writes, restyle), sheet.valueAt).xml);
    const rel = addRelationship(workbookRels, RELATIONSHIP_TYPES.worksheet, `worksheets/sheet${partNumber}.xml`);
    workbookRels = rel.xml;
    sheetId++;
    const element = `<sheet name="${escapeXml(sheet.name)}" sheetId="${sheetId}" r:id="${rel.id}"/>`;
    workbook = workbook.replace(/<\/sheets>/, `${element}</sheets>`).replace(/<sheets\s*\/>/, `<sheets>${element}</sheets>`);
    contentTypes = addContentTypeOverride(contentTypes, `/${part}`, WORKSHEET_CONTENT_TYPE);
    if (sheet.charts && sheet.charts.length > 0 && sheet.chartCells)
      chartSheets.push({ sheet: sheet.name, part, charts: sheet.charts, cells: sheet.chartCells });
  }
  if (chartSheets.length > 0) {
    const texts = {
      read: async (part: string) => read(part),
      write: (part: string, xml: string) => void zip.file(part, xml),
    };
    contentTypes = await addChartParts(texts, taken, contentTypes, chartSheets);
  }

  if (styles?.changed && stylesPart !== undefined) zip.file(stylesPart, styles.xml());
  zip.file(workbookPart, workbook);
  zip.file(workbookRelsPart, workbookRels);
  zip.file(CONTENT_TYPES, contentTypes);
  await writeSettings(zip, changes.settings);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

function editDefinedNamesLocal(workbookXml: string, removed: number[]): string {
  return workbookXml.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (whole, attrs: string) => {
    const local = /\slocalSheetId="(\d+)"/.exec(attrs);
    if (!local) return whole;
    const index = Number(local[1]);
    if (removed.includes(index)) return "";
    const shift = removed.filter((r) => r < index).length;
    return shift === 0 ? whole : whole.replace(local[0], ` localSheetId="${index - shift}"`);
  });
}

/** The wizards' settings into the add-in's web-extension part: its properties replaced, or the reference added. */
async function writeSettings(zip: JSZip, settings: ReadonlyMap<string, string>): Promise<void> {
  const texts = new Map<string, string>();
  for (const name of Object.keys(zip.files))
    if (/\.(xml|rels)$/.test(name) && /(^_rels\/|webextensions\/)/.test(name))
      texts.set(name, await zip.file(name)!.async("string"));
  const parts = webExtensionPartsOf((p) => texts.get(p));
  const ours = parts.find((part) => isOurs(texts.get(part) ?? ""));
  if (ours !== undefined) {
    const xml = texts.get(ours)!;
    if (sameSettings(settingsFromWebExtension(xml), settings)) return;
    const autoShow = new RegExp(`<we:property name="${AUTO_SHOW_TASKPANE}"[^>]*/>`).exec(xml)?.[0] ?? "";
    const properties = [...settings]
      .map(([key, json]) => `<we:property name="${escapeXml(key)}" value="${escapeXml(JSON.stringify(json))}"/>`)
      .join("");
    const replaced = xml
      .replace(/<we:properties\s*\/>/, "<we:properties></we:properties>")
      .replace(/<we:properties>[\s\S]*?<\/we:properties>/, `<we:properties>${autoShow}${properties}</we:properties>`);
    zip.file(ours, replaced);
    return;
  }
  if (settings.size === 0) return;
  // Another add-in's task panes are left alone; a workbook without any gets ours.
  if (relationshipsOf(texts.get(ROOT_RELS) ?? "").some((r) => r.type === RELATIONSHIP_TYPES.webExtensionTaskpanes)) return;
  const contentTypes = await zip.file(CONTENT_TYPES)!.async("string");
  const added = addinReferenceParts(
    { contentTypes, rootRels: texts.get(ROOT_RELS) ?? "" },
    {
      settings: [...settings].map(([key, json]) => ({ key, json })),
      customFunctionIds: await calledFunctionIds(zip),
      instanceId: newInstanceId(),
    },
  );
  for (const [part, xml] of added) zip.file(part, xml);
}

/** A web-extension part that references this add-in (the manifest's id). */
function isOurs(xml: string): boolean {
  const reference = /<we:reference\b[^>]*>/.exec(xml);
  return reference !== null && attribute(reference[0], "id")?.toLowerCase() === ADDIN_ID.toLowerCase();
}

/** The `_xldudf_PE_…` ids the package's worksheets call, for a newly added add-in reference. */
async function calledFunctionIds(zip: JSZip): Promise<string[]> {
  const ids = new Set<string>();
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async("string");
    for (const m of xml.matchAll(/_xldudf_PE_([A-Za-z0-9_.]+)\s*\(/gi)) ids.add(`_xldudf_PE_${m[1].toUpperCase()}`);
  }
  return [...ids].sort();
}
