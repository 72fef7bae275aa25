/** "Download .xlsx": the engine's workbook as a file, cached values included. */
import type { HyperFormula } from "hyperformula";
import { writePlanToXlsx } from "../../workbook/appliers/xlsx";
import type { WorkbookPlan } from "../../workbook/plan";
import { exportPlan } from "./export-plan";
import { losslessXlsx, type OpenedSource } from "./lossless-download";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The .xlsx writer ends with Node's `Buffer.from(arrayBuffer)`. Browsers have no Buffer, so the
 * page lends it the one call it makes (a byte view of the same data) instead of bundling a
 * Buffer polyfill for a single line.
 */
function lendBufferFrom(): void {
  const scope = globalThis as { Buffer?: unknown };
  if (scope.Buffer !== undefined) return;
  scope.Buffer = {
    from: (data: ArrayBuffer | ArrayLike<number>) => (data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer)),
  };
}

/**
 * The workbook as an .xlsx file. One opened from a file is written back into that file's own
 * package (lossless-download.ts), so what the engine does not compute stays; any other is written
 * from its plans (cells, formats, tables, validation, names, charts, settings).
 */
export async function workbookToXlsx(
  hf: HyperFormula,
  plans: readonly WorkbookPlan[],
  settings: Map<string, string>,
  activeSheet?: string,
  typedFormats?: ReadonlyMap<string, ReadonlyMap<string, string>>,
  source?: OpenedSource,
): Promise<Blob> {
  lendBufferFrom();
  if (source)
    return new Blob([(await losslessXlsx(hf, source, plans, settings, typedFormats)) as unknown as BlobPart], {
      type: XLSX_MIME,
    });
  const plan = exportPlan(hf, plans, settings, activeSheet, typedFormats);
  const bytes = await writePlanToXlsx(plan, (sheet, cell) => {
    const id = hf.getSheetId(sheet);
    return id === undefined ? undefined : hf.getCellValue({ sheet: id, ...cell });
  });
  return new Blob([bytes as unknown as BlobPart], { type: XLSX_MIME });
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
