/**
 * Turns the package ExcelJS wrote into one Excel takes as its own: formulas calling PE functions
 * become dynamic-array formulas as Excel stores them, the workbook says the current calc engine
 * computed its cached values, and the add-in reference (with the document settings and the
 * custom-function ids the book calls) is added, and so are the plan's charts as DrawingML parts
 * (chart-parts.ts). It works on ExcelJS's parts before any zipping (written-parts.ts); the default
 * assembler is JSZip, so it runs in the browser too (the workbench's download).
 */
import JSZip from "jszip";
import { partText, type PartContent } from "./written-parts";
import { addinReferenceParts, newInstanceId, type AddinStore } from "./addin-reference";
import { addChartParts, type SheetCharts } from "./chart-parts";
import { dynamicArrayMetadataXml, markAddinFormulas, METADATA_PART, withCurrentCalcId } from "./calc-and-arrays";
import {
  addContentTypeOverride,
  addRelationship,
  CONTENT_TYPES,
  PART_CONTENT_TYPES,
  RELATIONSHIP_TYPES,
  ROOT_RELS,
  WORKBOOK,
  WORKBOOK_RELS,
  worksheetParts,
} from "./package-parts";
import { withCalculatedColumns, withDefinedNames, type TableColumnFormulas } from "./table-parts";

/**
 * Builds the final archive from the parts ExcelJS wrote and the parts to add or replace (an edit
 * takes its part's place; new parts go last). The default uses JSZip (browsers); the CLI passes
 * one on Node's zlib, several times faster on large sheets.
 */
export type PackageAssembler = (
  written: ReadonlyMap<string, PartContent>,
  edits: ReadonlyMap<string, string>,
) => Promise<Uint8Array> | Uint8Array;

export interface FinishOptions {
  store?: AddinStore;
  assemble?: PackageAssembler;
  settings: ReadonlyArray<{ key: string; json: string }>;
  /** Fixed in tests; a new random id otherwise. */
  instanceId?: string;
  /** Calculated columns of the tables ExcelJS wrote (table-parts.ts). */
  calculatedColumns?: readonly TableColumnFormulas[];
  /** Defined names whose definition is a formula rather than a range (table-parts.ts). */
  formulaNames?: readonly { name: string; formula: string }[];
  /** Charts to draw, by sheet name (the worksheet part is looked up). */
  charts?: ReadonlyArray<Omit<SheetCharts, "part">>;
}

export async function finishPackage(written: ReadonlyMap<string, PartContent>, options: FinishOptions): Promise<Uint8Array> {
  const edits = new Map<string, string>();
  const text = async (part: string): Promise<string> => {
    const edited = edits.get(part);
    if (edited !== undefined) return edited;
    const content = written.get(part);
    if (content === undefined) throw new Error(`the written package has no ${part}`);
    return partText(content);
  };
  const workbookRels = await text(WORKBOOK_RELS);
  let contentTypes = await text(CONTENT_TYPES);
  const ids = new Set<string>();
  let marked = 0;
  const sheetParts = worksheetParts(await text(WORKBOOK), workbookRels);
  for (const { part } of sheetParts) {
    const sheet = markAddinFormulas(await text(part), ids);
    marked += sheet.marked;
    if (sheet.marked > 0) edits.set(part, sheet.xml);
  }
  edits.set(WORKBOOK, withDefinedNames(withCurrentCalcId(await text(WORKBOOK)), options.formulaNames ?? []));
  if (options.calculatedColumns?.length)
    for (const part of [...written.keys()].filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
      const xml = await text(part);
      const patched = withCalculatedColumns(xml, options.calculatedColumns);
      if (patched !== xml) edits.set(part, patched);
    }
  if (marked > 0) {
    edits.set(METADATA_PART, dynamicArrayMetadataXml());
    edits.set(WORKBOOK_RELS, addRelationship(workbookRels, RELATIONSHIP_TYPES.sheetMetadata, "metadata.xml").xml);
    contentTypes = addContentTypeOverride(contentTypes, `/${METADATA_PART}`, PART_CONTENT_TYPES.sheetMetadata);
  }
  if (options.charts?.some((c) => c.charts.length > 0)) {
    const partOf = new Map(sheetParts.map((s) => [s.name, s.part]));
    const sheets = options.charts.flatMap((c) => {
      const part = partOf.get(c.sheet);
      return part ? [{ ...c, part }] : [];
    });
    const texts = {
      read: async (part: string) => (edits.has(part) || written.has(part) ? text(part) : undefined),
      write: (part: string, xml: string) => void edits.set(part, xml),
    };
    contentTypes = await addChartParts(texts, [...written.keys()], contentTypes, sheets);
  }
  const parts = addinReferenceParts(
    { contentTypes, rootRels: await text(ROOT_RELS) },
    {
      store: options.store,
      settings: options.settings,
      customFunctionIds: [...ids].sort(),
      instanceId: options.instanceId ?? newInstanceId(),
    },
  );
  for (const [part, xml] of parts) edits.set(part, xml);
  return (options.assemble ?? assembleWithJsZip)(written, edits);
}

function assembleWithJsZip(written: ReadonlyMap<string, PartContent>, edits: ReadonlyMap<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [part, content] of written) zip.file(part, edits.get(part) ?? content);
  for (const [part, xml] of edits) if (!written.has(part)) zip.file(part, xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
