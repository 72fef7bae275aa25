import type { HyperFormula } from "hyperformula";
import { patchSheetValues } from "../workbook/xlsx-package/cached-values";
import { relsPartOf, ROOT_RELS, workbookPartOf, worksheetParts } from "../workbook/xlsx-package/package-parts";
import { CliInputError } from "./cli-files";
import { entryText, readZip, writeZip } from "./zip-patch";

/**
 * The write side of `pe-calc recalc`: the engine's results patched into the ORIGINAL package.
 * Only worksheet parts change, and in them only the cells' cached values (`<v>`, `t`); every
 * other part (web extensions, metadata.xml, rich data, charts, drawings, pivot tables, comments,
 * styles, defined names, VBA…) is copied byte for byte, compressed bytes included. Rewriting the
 * book through ExcelJS instead dropped the parts it does not model and multiplied data
 * validations (see the recalc notes).
 */
export function patchCachedValues(
  data: Buffer,
  hf: HyperFormula,
  inflated?: ReadonlyMap<string, Buffer>,
): { bytes: Buffer; formulas: number } {
  const archive = readZip(data);
  // The parts recalc already inflated to read the model, when given: each part is inflated once.
  const text = (name: string): string | undefined => inflated?.get(name)?.toString("utf8") ?? entryText(archive, name);
  const workbookPart = workbookPartOf(text(ROOT_RELS));
  const workbook = text(workbookPart);
  const rels = text(relsPartOf(workbookPart));
  if (workbook === undefined || rels === undefined)
    throw new CliInputError(`it has no ${workbookPart}, so it is not an .xlsx workbook`);
  const replaced = new Map<string, Buffer>();
  let formulas = 0;
  for (const { name, part } of worksheetParts(workbook, rels, workbookPart)) {
    const sheet = hf.getSheetId(name);
    const xml = sheet === undefined ? undefined : text(part);
    if (sheet === undefined || xml === undefined) continue;
    const patched = patchSheetValues(xml, (row, col) => hf.getCellValue({ sheet, row, col }));
    formulas += patched.formulas;
    if (patched.xml !== xml) replaced.set(part, Buffer.from(patched.xml, "utf8"));
  }
  return { bytes: replaced.size === 0 ? data : writeZip(archive, { replaced }), formulas };
}
