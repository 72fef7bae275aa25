/** "Download .xlsx": the engine's workbook through the plans' .xlsx writer, cached values included. */
import type { HyperFormula } from "hyperformula";
import { writePlanToXlsx } from "../../workbook/appliers/xlsx";
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
  /** What the file lacks compared with Excel (charts), in the user's words, for the page to say. */
  limitations: string[];
}

/**
 * What a user should know about the downloaded file, in their words (the writer's own notes speak
 * of its library and of where it keeps settings, which a user never needs to hear).
 */
export function downloadNotes(plan: WorkbookPlan): string[] {
  const charts = plan.sheets.flatMap((s) => (s.charts ?? []).map((c) => `“${c.title}” on ${s.name}`));
  if (charts.length === 0) return [];
  const which = charts.length === 1 ? `the chart ${charts[0]}` : `the charts ${charts.join(", ")}`;
  return [`The file has no charts: ${which} appear${charts.length === 1 ? "s" : ""} when you run the wizard in Excel.`];
}

export async function workbookToXlsx(
  hf: HyperFormula,
  plans: readonly WorkbookPlan[],
  settings: Map<string, string>,
  activeSheet?: string,
  typedFormats?: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Promise<XlsxFile> {
  lendBufferFrom();
  const plan = exportPlan(hf, plans, settings, activeSheet, typedFormats);
  const bytes = await writePlanToXlsx(plan, (sheet, cell) => {
    const id = hf.getSheetId(sheet);
    return id === undefined ? undefined : hf.getCellValue({ sheet: id, ...cell });
  });
  return { blob: new Blob([bytes as unknown as BlobPart], { type: XLSX_MIME }), limitations: downloadNotes(plan) };
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
