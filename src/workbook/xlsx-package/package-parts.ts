/**
 * Edits of the package-level parts every .xlsx has ([Content_Types].xml, relationship parts) and
 * the part names and types Excel uses, read from a workbook Excel saved.
 */
import { attribute, escapeXml } from "./xml-text";

export const CONTENT_TYPES = "[Content_Types].xml";
export const ROOT_RELS = "_rels/.rels";
export const WORKBOOK = "xl/workbook.xml";
export const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

export const RELATIONSHIP_TYPES = {
  webExtensionTaskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webExtension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
  sheetMetadata: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
} as const;

export const PART_CONTENT_TYPES = {
  webExtensionTaskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
  webExtension: "application/vnd.ms-office.webextension+xml",
  sheetMetadata: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relationshipsOf(relsXml: string): Relationship[] {
  return [...relsXml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attribute(m[0], "Id") ?? "",
    type: attribute(m[0], "Type") ?? "",
    target: attribute(m[0], "Target") ?? "",
  }));
}

/** Adds a relationship with a fresh id; returns the new part text and the id. */
export function addRelationship(relsXml: string, type: string, target: string): { xml: string; id: string } {
  const taken = new Set(relationshipsOf(relsXml).map((r) => r.id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  return { xml: relsXml.replace(/<\/Relationships>\s*$/, `${element}</Relationships>`), id };
}

/** Adds an `<Override>` for `partName` (leading "/"), unless one is there already. */
export function addContentTypeOverride(contentTypesXml: string, partName: string, contentType: string): string {
  if (contentTypesXml.includes(`PartName="${partName}"`)) return contentTypesXml;
  return contentTypesXml.replace(
    /<\/Types>\s*$/,
    `<Override PartName="${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/></Types>`,
  );
}

/** A relationship target resolved against the folder of the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourcePart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

/** The workbook part a package's root relationships name (xl/workbook.xml in every file we have seen). */
export function workbookPartOf(rootRelsXml: string | undefined): string {
  const main = relationshipsOf(rootRelsXml ?? "").find((r) => r.type.endsWith("/officeDocument"));
  return main ? resolveTarget(".rels", main.target) : WORKBOOK;
}

/** The relationships part of `part`: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  return part.replace(/([^/]+)$/, "_rels/$1.rels");
}

/** Sheet name → worksheet part path, in workbook order. */
export function worksheetParts(
  workbookXml: string,
  workbookRelsXml: string,
  workbookPart: string = WORKBOOK,
): { name: string; part: string }[] {
  const rels = new Map(relationshipsOf(workbookRelsXml).map((r) => [r.id, r]));
  return [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].flatMap((m) => {
    const rel = rels.get(attribute(m[0], "r:id") ?? "");
    const name = attribute(m[0], "name");
    return rel && name !== undefined && rel.type === RELATIONSHIP_TYPES.worksheet
      ? [{ name, part: resolveTarget(workbookPart, rel.target) }]
      : [];
  });
}
