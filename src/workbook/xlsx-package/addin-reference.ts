/**
 * The add-in reference Excel keeps in a workbook that uses an add-in: the web-extension parts.
 * Shapes read from a workbook Excel saved with custom functions in it, and from Microsoft's
 * "Automatically open a task pane with a document"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/automatically-open-a-task-pane-with-a-document)
 * and [MS-OWEXML] (CT_OsfWebExtension, CT_OsfWebExtensionProperty):
 *
 * - `xl/webextensions/webextension1.xml`: `we:reference` (the manifest's `<Id>`, its version, the
 *   store and store type it was installed from), `we:properties` (the add-in's document settings,
 *   and `Office.AutoShowTaskpaneWithDocument` = true so Excel opens the pane whose manifest
 *   `TaskpaneId` is `Office.AutoShowTaskpaneWithDocument`), and in `we:extLst` the
 *   `we:customFunctionIdList` of every `_xldudf_…` id the book calls;
 * - `xl/webextensions/taskpanes.xml` pointing at it, related from `_rels/.rels`;
 * - content-type overrides for both.
 *
 * Excel keeps Office.js document settings (`Office.context.document.settings`,
 * `context.workbook.settings`) as `we:property` elements whose value is the setting serialised as
 * JSON; the pane saves each setting as a JSON text, so the property value is that text as a JSON string.
 */
import {
  addContentTypeOverride,
  addRelationship,
  CONTENT_TYPES,
  PART_CONTENT_TYPES,
  RELATIONSHIP_TYPES,
  relationshipsOf,
  resolveTarget,
  ROOT_RELS,
} from "./package-parts";
import { attribute, escapeXml, unescapeXml } from "./xml-text";
import { ADDIN_ID, ADDIN_VERSION } from "./addin-identity";

export const WEB_EXTENSION_PART = "xl/webextensions/webextension1.xml";
export const TASKPANES_PART = "xl/webextensions/taskpanes.xml";
export const TASKPANES_RELS_PART = "xl/webextensions/_rels/taskpanes.xml.rels";
export const AUTO_SHOW_TASKPANE = "Office.AutoShowTaskpaneWithDocument";

export const NAMESPACES = {
  webExtension: "http://schemas.microsoft.com/office/webextensions/webextension/2010/11",
  taskpanes: "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

/** The `we:extLst` entry Excel writes for the custom-function id list. */
const CUSTOM_FUNCTION_LIST_URI = "{7C84B067-C214-45C3-A712-C9D94CD141B2}";

/** Where the add-in is installed from. A sideloaded add-in is `developer`/`Registry`; see README for catalogs and AppSource. */
export interface AddinStore {
  store: string;
  storeType: string;
  /** The reference id: the manifest's `<Id>`, or the AppSource asset id (e.g. WA104379646) for `OMEX`. */
  id?: string;
  version?: string;
}

export const DEFAULT_STORE: AddinStore = { store: "developer", storeType: "Registry" };

export const STORE_TYPES = ["Registry", "FileSystem", "SPCatalog", "OMEX", "WOPICatalog", "ExCatalog", "PrivateCatalog"] as const;

export interface AddinReference {
  store?: AddinStore;
  /** Document settings: key → JSON text, as the pane saves them. */
  settings: ReadonlyArray<{ key: string; json: string }>;
  /** `_xldudf_…` ids the workbook calls. */
  customFunctionIds: readonly string[];
  /** A new random `{GUID}` for the web-extension instance (Excel makes one per insertion). */
  instanceId: string;
}

export function webExtensionXml(reference: AddinReference): string {
  const store = reference.store ?? DEFAULT_STORE;
  const properties = [
    { name: AUTO_SHOW_TASKPANE, value: "true" },
    ...reference.settings.map((s) => ({ name: s.key, value: JSON.stringify(s.json) })),
  ]
    .map((p) => `<we:property name="${escapeXml(p.name)}" value="${escapeXml(p.value)}"/>`)
    .join("");
  const ids = reference.customFunctionIds.map((id) => `<we:customFunctionIds>${escapeXml(id)}</we:customFunctionIds>`).join("");
  const extensions =
    ids === ""
      ? ""
      : `<we:extLst><a:ext xmlns:a="${NAMESPACES.drawingMain}" uri="${CUSTOM_FUNCTION_LIST_URI}"><we:customFunctionIdList>${ids}</we:customFunctionIdList></a:ext></we:extLst>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<we:webextension xmlns:we="${NAMESPACES.webExtension}" id="${escapeXml(reference.instanceId)}">` +
    `<we:reference id="${escapeXml(store.id ?? ADDIN_ID)}" version="${escapeXml(store.version ?? ADDIN_VERSION)}" store="${escapeXml(store.store)}" storeType="${escapeXml(store.storeType)}"/>` +
    `<we:alternateReferences/><we:properties>${properties}</we:properties><we:bindings/>` +
    `<we:snapshot xmlns:r="${NAMESPACES.relationships}"/>${extensions}</we:webextension>`
  );
}

/** Visible, docked right: with AUTO_SHOW_TASKPANE, Excel opens the pane when the file opens. */
export function taskpanesXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<wetp:taskpanes xmlns:wetp="${NAMESPACES.taskpanes}"><wetp:taskpane dockstate="right" visibility="1" width="350" row="0">` +
    `<wetp:webextensionref xmlns:r="${NAMESPACES.relationships}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`
  );
}

export function taskpanesRelsXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="${NAMESPACES.packageRelationships}"><Relationship Id="rId1" Type="${RELATIONSHIP_TYPES.webExtension}" Target="webextension1.xml"/></Relationships>`
  );
}

/** A random `{GUID}` in upper case, as Excel writes web-extension instance ids. */
export function newInstanceId(): string {
  // getRandomValues, not randomUUID: the latter exists only in secure contexts (the workbench may be served over http).
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/**
 * The parts to add or replace so that a package (given its current `[Content_Types].xml` and
 * `_rels/.rels`) carries the add-in reference. Refuses a package that already has task panes:
 * files written here start from scratch, so that never happens.
 */
export function addinReferenceParts(
  current: { contentTypes: string; rootRels: string },
  reference: AddinReference,
): Map<string, string> {
  if (relationshipsOf(current.rootRels).some((r) => r.type === RELATIONSHIP_TYPES.webExtensionTaskpanes))
    throw new Error("the package already has task panes");
  let contentTypes = addContentTypeOverride(current.contentTypes, `/${TASKPANES_PART}`, PART_CONTENT_TYPES.webExtensionTaskpanes);
  contentTypes = addContentTypeOverride(contentTypes, `/${WEB_EXTENSION_PART}`, PART_CONTENT_TYPES.webExtension);
  const rootRels = addRelationship(current.rootRels, RELATIONSHIP_TYPES.webExtensionTaskpanes, TASKPANES_PART).xml;
  return new Map([
    [CONTENT_TYPES, contentTypes],
    [ROOT_RELS, rootRels],
    [TASKPANES_PART, taskpanesXml()],
    [TASKPANES_RELS_PART, taskpanesRelsXml()],
    [WEB_EXTENSION_PART, webExtensionXml(reference)],
  ]);
}

/** The web-extension parts a package's task panes point at (usually one). */
export function webExtensionPartsOf(read: (part: string) => string | undefined): string[] {
  const root = read(ROOT_RELS);
  if (root === undefined) return [];
  return relationshipsOf(root)
    .filter((r) => r.type === RELATIONSHIP_TYPES.webExtensionTaskpanes)
    .flatMap((r) => {
      const taskpanes = resolveTarget(".rels", r.target);
      const rels = read(taskpanes.replace(/([^/]+)$/, "_rels/$1.rels"));
      if (rels === undefined) return [];
      return relationshipsOf(rels)
        .filter((w) => w.type === RELATIONSHIP_TYPES.webExtension)
        .map((w) => resolveTarget(taskpanes, w.target));
    });
}

/** Document settings of our add-in kept in a web-extension part: key → JSON text. */
export function settingsFromWebExtension(xml: string, addinId = ADDIN_ID): Map<string, string> {
  const settings = new Map<string, string>();
  const reference = /<we:reference\b[^>]*>/.exec(xml);
  if (!reference || attribute(reference[0], "id")?.toLowerCase() !== addinId.toLowerCase()) return settings;
  for (const m of xml.matchAll(/<we:property\b[^>]*>/g)) {
    const name = attribute(m[0], "name");
    const raw = attribute(m[0], "value");
    if (name === undefined || raw === undefined || name === AUTO_SHOW_TASKPANE) continue;
    try {
      const value: unknown = JSON.parse(raw);
      settings.set(name, typeof value === "string" ? value : JSON.stringify(value));
    } catch {
      settings.set(name, unescapeXml(raw));
    }
  }
  return settings;
}
