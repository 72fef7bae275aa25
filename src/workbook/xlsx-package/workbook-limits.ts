/**
 * Limits a loaded workbook must keep before its cells reach the engine: how many cells it has
 * (each costs memory in the engine), and Excel's own limits on every formula (length and nesting,
 * src/core/formula-limits.ts) — a formula beyond them is one Excel itself would refuse to enter,
 * and one that would overflow the engine's stack.
 */
import type ExcelJS from "exceljs";
import { formulaLimitProblem } from "../../core/formula-limits";
import { columnLetters } from "../a1";

export class WorkbookLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookLimitError";
  }
}

/** Most non-empty cells a workbook may have: 5 million by default, raised with PE_CALC_MAX_CELLS. */
export function maxCells(): number {
  const value = Number(typeof process !== "undefined" ? process.env?.PE_CALC_MAX_CELLS : undefined);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 5_000_000;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Throws a one-line WorkbookLimitError naming the first cell past a limit. */
export function checkWorkbookLimits(workbook: ExcelJS.Workbook, limit: number = maxCells()): { cells: number } {
  let cells = 0;
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells++;
        if (cells > limit)
          throw new WorkbookLimitError(
            `it has more than ${limit.toLocaleString("en-US")} cells, the limit (raise it with PE_CALC_MAX_CELLS)`,
          );
        const formula = (cell as { formula?: string }).formula;
        if (typeof formula === "string" && formula !== "") {
          const problem = formulaLimitProblem(formula);
          if (problem) throw new WorkbookLimitError(`${quoteSheet(ws.name)}!${cell.address}: ${problem}`);
        }
      });
    });
  }
  return { cells };
}

/** What the limits read of a workbook as src/xlsx-reader models it. */
export interface CellsBySheet {
  sheets: readonly { name: string; cells: readonly { row: number; col: number; formula?: string }[] }[];
}

/** The same checks on the reader's model (src/xlsx-reader), which recalc and the workbench load. */
export function checkModelLimits(model: CellsBySheet, limit: number = maxCells()): { cells: number } {
  let cells = 0;
  // A calculated column stores one text in every row: each text is checked once.
  const checked = new Set<string>();
  for (const sheet of model.sheets) {
    cells += sheet.cells.length;
    if (cells > limit)
      throw new WorkbookLimitError(
        `it has more than ${limit.toLocaleString("en-US")} cells, the limit (raise it with PE_CALC_MAX_CELLS)`,
      );
    for (const cell of sheet.cells) {
      if (!cell.formula || checked.has(cell.formula)) continue;
      checked.add(cell.formula);
      const problem = formulaLimitProblem(cell.formula);
      if (problem)
        throw new WorkbookLimitError(`${quoteSheet(sheet.name)}!${columnLetters(cell.col)}${cell.row + 1}: ${problem}`);
    }
  }
  return { cells };
}
