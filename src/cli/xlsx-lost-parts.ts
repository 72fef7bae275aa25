import JSZip from "jszip";

/**
 * Parts of an .xlsx package that ExcelJS reads past and would not write back. `recalc` uses this
 * to refuse rewriting such a workbook in place: recalculated values are not worth a user's charts.
 */
const PARTS_EXCELJS_DROPS: ReadonlyArray<[pattern: RegExp, what: string]> = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/pivotTables\//, "pivot tables"],
  [/^xl\/pivotCache\//, "pivot tables"],
  [/^xl\/slicers?\//, "slicers"],
  [/^xl\/timelines?\//, "timelines"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/externalLinks\//, "external links"],
  [/^xl\/queryTables\//, "query tables"],
  [/^customUI\//, "custom ribbon parts"],
];

export async function partsLostOnRewrite(data: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const lost = new Set<string>();
  for (const path of Object.keys(zip.files)) {
    for (const [pattern, what] of PARTS_EXCELJS_DROPS) if (pattern.test(path)) lost.add(what);
  }
  return [...lost];
}
