/** "Download .xlsx": the engine's workbook through the plans' .xlsx writer, cached values included. */
import type { HyperFormula } from "hyperformula";
import { writePlanToXlsx, xlsxLimitations } from "../../workbook/appliers/xlsx";
import type { WorkbookPlan } from "../../workbook/plan";
import { exportPlan } from "./export-plan";

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

export interface XlsxFile {
  blob: Blob;
  /** What the file lacks compared with Excel (charts), for the page to say. */
  limitations: string[];
}

export async function workbookToXlsx(
  hf: HyperFormula,
  plans: WorkbookPlan[],
  settings: Map<string, string>,
  activeSheet?: string,
): Promise<XlsxFile> {
  lendBufferFrom();
  const plan = exportPlan(hf, plans, settings, activeSheet);
  const bytes = await writePlanToXlsx(plan, (sheet, cell) => {
    const id = hf.getSheetId(sheet);
    return id === undefined ? undefined : hf.getCellValue({ sheet: id, ...cell });
  });
  return { blob: new Blob([bytes as unknown as BlobPart], { type: XLSX_MIME }), limitations: xlsxLimitations(plan) };
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
