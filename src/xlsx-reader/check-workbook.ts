/**
 * Does the engine agree with Excel on a workbook? Every formula cell's value computed by the
 * engine is compared with the value Excel cached in the file.
 *
 * Tolerance: Excel keeps IEEE doubles and writes them with up to 17 significant digits, so a
 * cached number reads back exactly; two engines may still differ in the last bits of a long
 * calculation. Numbers agree when |excel − ours| ≤ 1e-9 × max(|excel|, |ours|) or, for results
 * that should be zero, |excel − ours| ≤ 1e-12. Text must match exactly, booleans and error codes
 * too. An empty formula result counts as 0, as Excel shows it.
 *
 * Cells calling a volatile function (NOW, TODAY, RAND, RANDBETWEEN, OFFSET, INDIRECT, CELL, INFO)
 * or depending on such a cell are listed apart and not counted: their cached value is of another
 * moment (or, for OFFSET/INDIRECT, Excel recalculates them on every change anyway).
 */
import { CellError, DetailedCellError, HyperFormula, type SimpleCellAddress, type SimpleCellRange } from "hyperformula";
import { excelErrorCode } from "../engine/error-codes";
import { tokenize } from "../engine/formula-tokens";
import { XlsxError, type XlsxValue, type XlsxWorkbook } from "./read-xlsx";
import { unboundedColumnLetters } from "../workbook/a1";

export const RELATIVE_TOLERANCE = 1e-9;
export const ABSOLUTE_TOLERANCE = 1e-12;
export const VOLATILE_FUNCTIONS = ["NOW", "TODAY", "RAND", "RANDBETWEEN", "OFFSET", "INDIRECT", "CELL", "INFO"];

export type CheckValue = number | string | boolean | { error: string } | null;

export interface CellCheck {
  /** Sheet!A1 (the sheet quoted when needed). */
  cell: string;
  formula: string;
  excel: CheckValue;
  ours: CheckValue;
  reason?: string;
}

export interface WorkbookCheck {
  /** Formula cells compared. */
  counted: number;
  agreeing: number;
  disagreements: CellCheck[];
  /** Volatile cells (and their dependents), not counted. */
  volatile: CellCheck[];
  /** What-if data table cells and formulas without a cached value: nothing to compare with. */
  notCompared: CellCheck[];
}

function fromXlsx(value: XlsxValue): CheckValue {
  return value instanceof XlsxError ? { error: value.code } : value;
}

function fromEngine(value: unknown): CheckValue {
  if (value instanceof DetailedCellError) return { error: excelErrorCode(value) };
  if (value instanceof CellError) return { error: `#${value.type}!` };
  if (value === null || value === undefined) return 0;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return { error: "#VALUE!" };
}

export function valuesAgree(excel: CheckValue, ours: CheckValue): boolean {
  if (typeof excel === "number" && typeof ours === "number") {
    const difference = Math.abs(excel - ours);
    return difference <= ABSOLUTE_TOLERANCE || difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(excel), Math.abs(ours));
  }
  if (excel !== null && typeof excel === "object") return ours !== null && typeof ours === "object" && ours.error === excel.error;
  return excel === ours;
}

function cellName(sheet: string, row: number, col: number): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${unboundedColumnLetters(col)}${row + 1}`;
}

function functionsCalled(formula: string): string[] {
  const tokens = tokenize(formula);
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind === "word" && tokens[i + 1]?.text === "(") {
      names.push(tokens[i].text.toUpperCase().replace(/^(_XLFN\.)?(_XLWS\.)?/, ""));
    }
  }
  return names;
}

const known = new Set<string>();
function knownFunctions(): Set<string> {
  if (known.size === 0) for (const name of HyperFormula.getRegisteredFunctionNames("enGB")) known.add(name.toUpperCase());
  return known;
}

/** The likeliest reason the engine's value differs, from the formula and the engine's result. */
export function reasonFor(formula: string, ours: CheckValue): string {
  const unsupported = functionsCalled(formula).filter((name) => !knownFunctions().has(name) && !name.startsWith("_XLDUDF_"));
  if (unsupported.length > 0) return `unsupported function ${[...new Set(unsupported)].join(", ")}`;
  const tokens = tokenize(formula);
  if (tokens.some((t) => t.kind === "bracket")) return "structured reference";
  if (tokens.some((t) => t.kind === "sheet" && /^'?[^']*:/.test(t.text) && t.text.includes(":"))) return "3-D reference";
  if (ours !== null && typeof ours === "object") {
    if (ours.error === "#ERROR!") return "formula the engine cannot parse";
    if (ours.error === "#CYCLE!") return "circular reference";
    if (ours.error === "#NAME?") return "unknown name";
    return `engine error ${ours.error}`;
  }
  if (functionsCalled(formula).includes("TEXT")) return "number format (TEXT)";
  return "different value";
}

type Address = SimpleCellAddress | SimpleCellRange;

function key(address: SimpleCellAddress): string {
  return `${address.sheet}:${address.row}:${address.col}`;
}

function dependentsOf(hf: HyperFormula, address: Address): Address[] {
  try {
    return hf.getCellDependents(address);
  } catch {
    return []; // an address the engine holds no vertex for has no dependents
  }
}

/** Formula cells that call a volatile function or depend, directly or not, on one. */
function volatileCells(hf: HyperFormula, starts: SimpleCellAddress[]): Set<string> {
  const seen = new Set<string>();
  const queue: Address[] = [...starts];
  const seenRanges = new Set<string>();
  while (queue.length > 0) {
    const address = queue.pop()!;
    if ("start" in address) {
      const rangeKey = `${key(address.start)}-${key(address.end)}`;
      if (seenRanges.has(rangeKey)) continue;
      seenRanges.add(rangeKey);
    } else {
      if (seen.has(key(address))) continue;
      seen.add(key(address));
    }
    queue.push(...dependentsOf(hf, address));
  }
  return seen;
}

/** Compares every formula cell of `model` (loaded into `hf`) with Excel's cached value. */
export function checkWorkbook(model: XlsxWorkbook, hf: HyperFormula): WorkbookCheck {
  const result: WorkbookCheck = { counted: 0, agreeing: 0, disagreements: [], volatile: [], notCompared: [] };
  const volatileNames = new Set(VOLATILE_FUNCTIONS);
  const starts: SimpleCellAddress[] = [];
  for (const sheet of model.sheets) {
    const id = hf.getSheetId(sheet.name)!;
    for (const cell of sheet.cells) {
      if (cell.formula !== undefined && functionsCalled(cell.formula).some((name) => volatileNames.has(name)))
        starts.push({ sheet: id, row: cell.row, col: cell.col });
    }
  }
  const volatile = volatileCells(hf, starts);
  const disagreeing = new Set<string>();
  const pending: { check: CellCheck; address: SimpleCellAddress }[] = [];
  for (const sheet of model.sheets) {
    const id = hf.getSheetId(sheet.name)!;
    for (const cell of sheet.cells) {
      if (cell.formula === undefined && !cell.dataTable) continue;
      const address = { sheet: id, row: cell.row, col: cell.col };
      const check: CellCheck = {
        cell: cellName(sheet.name, cell.row, cell.col),
        formula: cell.formula === undefined ? "" : `=${cell.formula}`,
        excel: fromXlsx(cell.value),
        ours: fromEngine(hf.getCellValue(address)),
      };
      if (cell.dataTable) {
        result.notCompared.push({ ...check, reason: "what-if data table" });
      } else if (cell.value === null) {
        result.notCompared.push({ ...check, reason: "no cached value in the file" });
      } else if (volatile.has(key(address))) {
        result.volatile.push(check);
      } else {
        result.counted++;
        if (valuesAgree(check.excel, check.ours)) result.agreeing++;
        else {
          disagreeing.add(key(address));
          pending.push({ check, address });
        }
      }
    }
  }
  for (const { check, address } of pending) {
    const own = reasonFor(check.formula, check.ours);
    check.reason =
      own === "different value" || own.startsWith("engine error") ? (followsOf(hf, address, disagreeing) ?? own) : own;
    result.disagreements.push(check);
  }
  return result;
}

/** "follows Sheet!A1" when a cell this one reads directly also disagrees (the first difference is elsewhere). */
function followsOf(hf: HyperFormula, address: SimpleCellAddress, disagreeing: Set<string>): string | undefined {
  let precedents: Address[];
  try {
    precedents = hf.getCellPrecedents(address);
  } catch {
    return undefined;
  }
  for (const precedent of precedents) {
    const cells: SimpleCellAddress[] = [];
    if ("start" in precedent) {
      const size = (precedent.end.row - precedent.start.row + 1) * (precedent.end.col - precedent.start.col + 1);
      if (size > 10_000) continue;
      for (let r = precedent.start.row; r <= precedent.end.row; r++)
        for (let c = precedent.start.col; c <= precedent.end.col; c++)
          cells.push({ sheet: precedent.start.sheet, row: r, col: c });
    } else cells.push(precedent);
    const hit = cells.find((cell) => disagreeing.has(key(cell)));
    if (hit) {
      const name = hf.getSheetName(hit.sheet) ?? "";
      return `follows ${cellName(name, hit.row, hit.col)}`;
    }
  }
  return undefined;
}
