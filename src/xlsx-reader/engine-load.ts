/**
 * A workbook model read from a file (read-xlsx.ts) into a HyperFormula instance, in one batch:
 * sheets first, then defined names, then each sheet's cells as one sparse content array (rows
 * without cells share one empty row, so memory follows the cells, not the sheet's bounding box).
 */
import type { HyperFormula, RawCellContent } from "hyperformula";
import { NameTable, nameFormulaForEngine, workbookFormulaForEngine, type WorkbookContext } from "../engine/workbook-formula";
import { NULL_ERROR_FUNCTION, NULL_ERROR_MESSAGE } from "../engine/error-codes";
import { FormulaMemo } from "../engine/formula-memo";
import { SharedParses } from "../engine/shared-parses";
import { withoutChangeRecords } from "../engine/unrecorded-changes";
import { setWorkbookFacts, type WorkbookFacts } from "../engine/workbook-facts";
import { asEnteredText } from "../workbook/text-safety";
import { XlsxError, type XlsxCell, type XlsxValue, type XlsxWorkbook } from "./read-xlsx";

export interface LoadedWorkbook {
  sheets: string[];
  names: string[];
  /** Defined names the engine cannot hold as names: written out at each use instead. */
  skippedNames: string[];
  formulas: number;
}

const NO_CELLS: RawCellContent[] = Object.freeze([]) as unknown as RawCellContent[];

function constantContent(value: XlsxValue): RawCellContent {
  if (value === null) return null;
  if (value instanceof XlsxError) return value.code === NULL_ERROR_MESSAGE ? `=${NULL_ERROR_FUNCTION}()` : value.code;
  if (typeof value === "string") return asEnteredText(value);
  return value;
}

export function workbookContext(model: XlsxWorkbook): WorkbookContext {
  const sheetNames = new Set(model.sheets.map((s) => s.name));
  const names = new NameTable(model.names.filter((n) => n.sheet === undefined || sheetNames.has(n.sheet)));
  return { sheets: model.sheets.map((s) => s.name), tables: model.tables, names };
}

/** What the engine is given for one cell of the file. */
export function engineContent(cell: XlsxCell, sheet: string, context: WorkbookContext, memo?: FormulaMemo): RawCellContent {
  if (cell.formula === undefined || cell.dataTable) return constantContent(cell.value);
  const array = cell.arrayRef === undefined ? undefined : cell.dynamic ? "dynamic" : arrayArea(cell.arrayRef);
  return workbookFormulaForEngine(cell.formula, context, { sheet, row: cell.row, col: cell.col }, { array }, memo);
}

function arrayArea(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const parts = ref.split(":");
  const cells = [parts[0], parts[1] ?? parts[0]].map((part) => /^\$?([A-Za-z]+)\$?([0-9]+)$/.exec(part));
  if (parts.length > 2 || !cells[0] || !cells[1]) return undefined;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(cells[0][2]) - 1, left: col(cells[0][1]), bottom: Number(cells[1][2]) - 1, right: col(cells[1][1]) };
}

function sheetContent(
  cells: readonly XlsxCell[],
  sheet: string,
  context: WorkbookContext,
  memo: FormulaMemo,
): RawCellContent[][] {
  let height = 0;
  for (const cell of cells) height = Math.max(height, cell.row + 1);
  const rows: RawCellContent[][] = new Array<RawCellContent[]>(height).fill(NO_CELLS);
  for (const cell of cells) {
    const content = engineContent(cell, sheet, context, memo);
    if (content === null) continue;
    if (rows[cell.row] === NO_CELLS) rows[cell.row] = [];
    rows[cell.row][cell.col] = content;
  }
  // An array formula's other cells hold its last results in the file; the engine must find them empty to spill.
  const formulaAt = new Set(cells.filter((c) => c.formula !== undefined).map((c) => c.row * 16_384 + c.col));
  for (const cell of cells) {
    const area = cell.formula !== undefined && cell.arrayRef ? arrayArea(cell.arrayRef) : undefined;
    if (!area) continue;
    for (let r = area.top; r <= Math.min(area.bottom, height - 1); r++) {
      if (rows[r] === NO_CELLS) continue;
      for (let c = area.left; c <= area.right; c++) if (!formulaAt.has(r * 16_384 + c)) delete rows[r][c];
    }
  }
  return rows;
}

function factsOf(hf: HyperFormula, model: XlsxWorkbook): WorkbookFacts {
  const facts: WorkbookFacts = {
    hiddenRows: new Map(),
    subtotalCells: new Map(),
    characterSet: /macintosh/i.test(model.application ?? "") ? "mac" : "windows",
  };
  for (const sheet of model.sheets) {
    const id = hf.getSheetId(sheet.name)!;
    facts.hiddenRows.set(id, new Set(sheet.hiddenRows));
    const subtotals = sheet.cells.filter(
      (c) => c.formula !== undefined && /^\s*(_xlfn\.)?(SUBTOTAL|AGGREGATE)\s*\(/i.test(c.formula),
    );
    facts.subtotalCells.set(id, new Set(subtotals.map((c) => c.row * 16_384 + c.col)));
  }
  return facts;
}

/** Adds every sheet and defined name of `model` to `hf` in one batch (the engine then computes everything). */
export function loadXlsxIntoEngine(hf: HyperFormula, model: XlsxWorkbook, context = workbookContext(model)): LoadedWorkbook {
  const skippedNames: string[] = [];
  const names: string[] = [];
  withoutChangeRecords(hf, () =>
    hf.batch(() => {
      for (const sheet of model.sheets) hf.addSheet(sheet.name);
      setWorkbookFacts(hf, factsOf(hf, model));
      for (const entry of context.names.entries) {
        if (entry.inline) continue;
        const scope = entry.sheet === undefined ? undefined : hf.getSheetId(entry.sheet);
        try {
          hf.addNamedExpression(entry.engineName, nameFormulaForEngine(entry, context), scope);
          names.push(entry.name);
        } catch {
          // Not a definition the engine can hold as a name (e.g. several areas): its uses get the text instead.
          entry.inline = true;
          skippedNames.push(entry.name);
        }
      }
      // Made after the names: a name the engine refused is written out at its uses from now on.
      const sharing = new SharedParses();
      const memo = new FormulaMemo(sharing);
      const contents = model.sheets.map((sheet) => sheetContent(sheet.cells, sheet.name, context, memo));
      sharing.during(hf, () => model.sheets.forEach((sheet, i) => hf.setSheetContent(hf.getSheetId(sheet.name)!, contents[i])));
    }),
  );
  return {
    sheets: model.sheets.map((s) => s.name),
    names,
    skippedNames,
    formulas: model.sheets.reduce((sum, s) => sum + s.cells.filter((c) => c.formula !== undefined).length, 0),
  };
}
