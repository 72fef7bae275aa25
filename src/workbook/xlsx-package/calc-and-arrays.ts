/**
 * Workbook- and sheet-level edits that make Excel take a written file as its own.
 *
 * calcPr: ECMA-376 Part 1, 18.2.2 (calcPr/@calcId): the calculation engine that last computed
 * the cached values. Excel recalculates every formula on open when the file's id is older than its
 * own engine's ([MS-XLS] RecalcId, the same rule:
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-xls/95ba561a-69a6-4661-a8dd-e03305bbff3f),
 * which throws our cached values away; ExcelJS writes 171027 (Excel 2016). 191029 is what current
 * Excel 365 writes (read from a workbook Excel saved), so Excel shows our cached
 * values until something makes it recalculate. No fullCalcOnLoad: that would force the same.
 *
 * Dynamic arrays: Excel stores a formula that calls a custom function as a dynamic-array formula,
 * `<c cm="1"><f t="array" ref="A1">_xldudf_…</f>`, with `cm` pointing at the XLDAPR cell
 * metadata in xl/metadata.xml (ECMA-376 18.9; [MS-XLSX] 2.6.x dynamicArrayProperties). A plain
 * `<f>` would open as a legacy formula that Excel 365 shows with an implicit-intersection `@`.
 */
import { addinFunctionIds } from "../../core/file-formula";
import { oncePerText } from "../../core/once-per-text";
import { unescapeXml } from "./xml-text";

export const EXCEL_CALC_ID = "191029";
export const METADATA_PART = "xl/metadata.xml";

export function withCurrentCalcId(workbookXml: string): string {
  const calcPr = /<calcPr\b[^>]*\/>/.exec(workbookXml);
  const element = `<calcPr calcId="${EXCEL_CALC_ID}"/>`;
  if (calcPr) return workbookXml.replace(calcPr[0], element);
  // calcPr follows sheets/functionGroups/externalReferences/definedNames in CT_Workbook.
  return workbookXml.replace(/(<\/definedNames>|<\/sheets>)(?![\s\S]*(<\/definedNames>))/, `$1${element}`);
}

/** The cell metadata Excel writes for dynamic-array formulas (one XLDAPR record, referenced as cm="1"). */
export function dynamicArrayMetadataXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
    `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
    `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
    `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`
  );
}

/**
 * Marks every cell whose plain `<f>` calls an add-in function as a one-cell dynamic-array formula
 * (`cm="1"`, `t="array" ref=` the cell), collecting the `_xldudf_` ids it calls. One scan.
 */
export function markAddinFormulas(sheetXml: string, ids: Set<string>): { xml: string; marked: number } {
  let marked = 0;
  // Quotes may hide a name in a string literal: only then is the full scan needed.
  const idsOf = oncePerText((text) => (text.includes("&quot;") ? addinFunctionIds(unescapeXml(text)) : idsInFileFormula(text)));
  const xml = sheetXml.replace(
    /<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)<\/f>/g,
    (whole, ref: string, attrs: string, text: string) => {
      if (!text.includes("_xldudf_") || / cm="/.test(attrs)) return whole;
      const called = idsOf(text);
      if (called.length === 0) return whole;
      for (const id of called) ids.add(id);
      marked++;
      return `<c r="${ref}"${attrs} cm="1"><f t="array" ref="${ref}">${text}</f>`;
    },
  );
  return { xml, marked };
}

/** `_xldudf_PE_NAME(` calls of a formula in file form without string literals, as list ids. */
function idsInFileFormula(text: string): string[] {
  return [...text.matchAll(/_xldudf_PE_([A-Za-z0-9_.]+)\s*\(/gi)].map((m) => `_xldudf_PE_${m[1].toUpperCase()}`);
}
