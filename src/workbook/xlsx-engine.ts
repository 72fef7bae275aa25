/**
 * An .xlsx workbook in the engine and back: values, formulas and defined names go into a
 * HyperFormula instance (which recalculates everything, PE functions included), and the computed
 * results go back into the file as cached values, formulas untouched.
 *
 * Formulas as files store them are translated for the engine (src/core/excel-formula.ts): Excel saves
 * add-in functions as `_xldudf_PE_PARTNER_SCORE(…)` and newer built-ins as `_xlfn.IFS(…)`. Text cells enter with the quote prefix where the engine
 * would parse them (text-safety.ts), so "12" or "=x" stored as text stay text.
 */
import ExcelJS from "exceljs";
import type { HyperFormula } from "hyperformula";
import { toCachedResult } from "./appliers/xlsx";
import { toEngineFormula } from "../core/excel-formula";

/** A formula as a file stores it (no "="), as the engine reads it (with "="), outside any workbook. */
export function engineFormula(stored: string): string {
  return `=${toEngineFormula(stored)}`;
}

export { loadXlsxIntoEngine, type LoadedWorkbook } from "./xlsx-reader/engine-load";

/** Writes the engine's value of every formula cell into `workbook` as its cached result; returns how many. */
export function writeCachedValues(workbook: ExcelJS.Workbook, hf: HyperFormula): number {
  let written = 0;
  for (const ws of workbook.worksheets) {
    const sheet = hf.getSheetId(ws.name);
    if (sheet === undefined) continue;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const original = { ...(cell.value as object) } as Record<string, unknown>;
        delete original.result;
        const result = toCachedResult(hf.getCellValue({ sheet, row: rowNumber - 1, col: colNumber - 1 }));
        // Through null first: ExcelJS's formula setter drops a result of 0 or FALSE when the cell already holds a formula.
        cell.value = null;
        cell.value = (result === undefined ? original : { ...original, result }) as unknown as ExcelJS.CellValue;
        written++;
      });
    });
  }
  return written;
}
