/**
 * What was in the existing cells a plan writes over, read before the write so that a rollback
 * puts back exactly that: the same values with the same types, formulas as formulas, text as
 * text, the same number formats and cell formats.
 *
 * `range.formulas` alone is not enough: reading it drops Excel's quote prefix, so a cell holding
 * the text `'=AVERAGE(A1)` reads back as "=AVERAGE(A1)" and writing that back makes a live
 * formula, and `'00123` comes back as the number 123 (OfficeDev/office-js issue 6687). So each
 * range is read as `values`, `valueTypes`, `formulas` and `numberFormat`, plus the cell formats
 * the plan may change (`getCellProperties`), and every cell is rebuilt from them:
 *   - a formula (its `formulas` text starts with "=" and is not simply its own text value) is
 *     written back as that formula;
 *   - text (`valueTypes` "String") goes through the same quote-prefixing as any text we write;
 *   - numbers, booleans and errors go back as their values; dates are numbers whose date format
 *     comes back with `numberFormat`.
 */
import { parseRange, rangeAddress, rangesOverlap, type RangeRef } from "../a1";
import type { SheetPlan, WorkbookPlan } from "../plan";
import { asEnteredText } from "../text-safety";
import { writtenRanges } from "./common";
import type { CellInput } from "./office-ranges";

/** The cell formats our plans can change on an existing sheet (CellStylePlan), as Office.js reads them. */
export const FORMAT_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: {
    font: { bold: true, italic: true, size: true, color: true },
    fill: { color: true },
    wrapText: true,
    horizontalAlignment: true,
    verticalAlignment: true,
    borders: { style: true, color: true, weight: true },
  },
};

export interface RangeSnapshot {
  sheet: string;
  address: string;
  /** The plan writes cell contents here (blocks, table headers), not only formats. */
  content: boolean;
  values: unknown[][];
  valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** Cell formats, read where the plan sets cell styles. */
  formats?: Excel.SettableCellProperties[][];
}

interface PendingRead {
  sheet: string;
  address: string;
  content: boolean;
  range: Excel.Range;
  formats?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/** The ranges of an existing-sheet plan to snapshot: contents where it writes cells, formats where it only formats. */
export function snapshotRanges(sheet: SheetPlan): { address: string; content: boolean; styled: boolean }[] {
  const styles = (sheet.cellStyles ?? []).map((s) => parseRange(s.range));
  const styled = (range: RangeRef) => styles.some((s) => rangesOverlap(s, range));
  const content = writtenRanges(sheet).map((range) => ({ address: rangeAddress(range), content: true, styled: styled(range) }));
  const formatOnly = [...(sheet.numberFormats ?? []).map((f) => f.range), ...(sheet.cellStyles ?? []).map((s) => s.range)].map(
    (address) => ({ address, content: false, styled: styled(parseRange(address)) }),
  );
  // One read per distinct range: a block, its number format and its style often share one.
  const byAddress = new Map<string, { address: string; content: boolean; styled: boolean }>();
  for (const r of [...content, ...formatOnly]) {
    const seen = byAddress.get(r.address);
    byAddress.set(r.address, seen ? { ...seen, content: seen.content || r.content } : r);
  }
  return [...byAddress.values()];
}

/** Queues the reads (part of the preflight sync) and returns a function that collects them after it. */
export function queueSnapshot(workbook: Excel.Workbook, plan: WorkbookPlan): () => RangeSnapshot[] {
  const reads: PendingRead[] = plan.sheets
    .filter((s) => s.target === "existing")
    .flatMap((sheet) =>
      snapshotRanges(sheet).map(({ address, content, styled }) => {
        const range = workbook.worksheets.getItem(sheet.name).getRange(address);
        range.load(content ? "values, valueTypes, formulas, numberFormat" : "numberFormat");
        return {
          sheet: sheet.name,
          address,
          content,
          range,
          formats: styled ? range.getCellProperties(FORMAT_PROPERTIES) : undefined,
        };
      }),
    );
  return () =>
    reads.map((read) => ({
      sheet: read.sheet,
      address: read.address,
      content: read.content,
      values: read.content ? read.range.values : [],
      valueTypes: read.content ? (read.range.valueTypes as string[][]) : [],
      formulas: read.content ? read.range.formulas : [],
      numberFormat: read.range.numberFormat,
      formats: read.formats?.value.map((row) => row.map((cell) => ({ format: cell.format }))),
    }));
}

/** The entry that makes a cell hold again what the snapshot saw in it. */
export function restoredEntry(value: unknown, valueType: string, formula: unknown): CellInput {
  const isFormula = typeof formula === "string" && formula.startsWith("=") && !(valueType === "String" && formula === value);
  if (isFormula) return formula;
  switch (valueType) {
    case "Empty":
      return "";
    case "String":
      return asEnteredText(String(value));
    case "Double":
    case "Boolean":
      return value as number | boolean;
    case "Error":
      return String(value);
    default:
      return typeof formula === "string" || typeof formula === "number" || typeof formula === "boolean" ? formula : "";
  }
}

export function restoredEntries(snapshot: RangeSnapshot): CellInput[][] {
  return snapshot.values.map((row, r) =>
    row.map((value, c) => restoredEntry(value, snapshot.valueTypes[r][c], snapshot.formulas[r][c])),
  );
}

/** Queues the writes that put every snapshot back: contents first, then number formats, then cell formats. */
export function queueRestore(workbook: Excel.Workbook, snapshots: RangeSnapshot[], sheetName: (planned: string) => string): void {
  const rangeOf = (s: RangeSnapshot) => workbook.worksheets.getItem(sheetName(s.sheet)).getRange(s.address);
  for (const s of snapshots) if (s.content) rangeOf(s).formulas = restoredEntries(s);
  for (const s of snapshots) rangeOf(s).numberFormat = s.numberFormat;
  for (const s of snapshots) if (s.formats) rangeOf(s).setCellProperties(s.formats);
}
