/**
 * A1 address arithmetic. Rows and columns are 0-based inside the program and 1-based / lettered
 * only in A1 text, so every conversion happens here and nowhere else.
 */
import { columnLettersOf } from "../core/formula-text";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  start: CellRef;
  end: CellRef;
}

const CELL_PATTERN = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** "A" → 0, "Z" → 25, "AA" → 26. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new Error(`"${letters}" is not a column: use letters A to XFD`);
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  if (index > MAX_COLUMNS) throw new Error(`column ${letters} is beyond XFD, the last column Excel has`);
  return index - 1;
}

/** 0 → "A", 26 → "AA". */
export function columnLetters(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS)
    throw new Error(`column index ${index} is outside 0..${MAX_COLUMNS - 1}`);
  return unboundedColumnLetters(index);
}

/**
 * The letters of any column index from 0, also past Excel's last column XFD: the engine's sheets
 * go on to ZZZ, so a reference moved past XFD there still names a column.
 */
export const unboundedColumnLetters = columnLettersOf;

export function parseCell(address: string): CellRef {
  const match = CELL_PATTERN.exec(address.trim());
  if (!match) throw new Error(`"${address}" is not a cell address like B8`);
  const row = Number(match[2]) - 1;
  if (row < 0 || row >= MAX_ROWS) throw new Error(`row ${match[2]} in "${address}" is outside 1..${MAX_ROWS}`);
  return { row, col: columnIndex(match[1]) };
}

/** "B8:F12", "B8" (one cell) or "F12:B8" (normalised to top-left first). No sheet prefix. */
export function parseRange(address: string): RangeRef {
  const parts = address.split(":");
  if (parts.length > 2) throw new Error(`"${address}" is not a range like B8:F12`);
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  return {
    start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

export function isCellAddress(text: string): boolean {
  try {
    parseCell(text);
    return true;
  } catch {
    return false;
  }
}

export function cellAddress(cell: CellRef, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(cell.col)}${d}${cell.row + 1}`;
}

export function rangeAddress(range: RangeRef, absolute = false): string {
  const a = cellAddress(range.start, absolute);
  if (range.start.row === range.end.row && range.start.col === range.end.col) return a;
  return `${a}:${cellAddress(range.end, absolute)}`;
}

/** The range of `rows` × `cols` cells whose top-left cell is `start`. */
export function rangeFrom(start: CellRef, rows: number, cols: number): RangeRef {
  if (rows < 1 || cols < 1) throw new Error(`a range needs at least one row and one column (got ${rows}×${cols})`);
  const end = { row: start.row + rows - 1, col: start.col + cols - 1 };
  if (end.row >= MAX_ROWS || end.col >= MAX_COLUMNS)
    throw new Error(`a ${rows}×${cols} block at ${cellAddress(start)} runs past the sheet's edge`);
  return { start, end };
}

export function offsetCell(cell: CellRef, rows: number, cols: number): CellRef {
  return { row: cell.row + rows, col: cell.col + cols };
}

export function rangeRows(range: RangeRef): number {
  return range.end.row - range.start.row + 1;
}

export function rangeColumns(range: RangeRef): number {
  return range.end.col - range.start.col + 1;
}

export function rangesOverlap(a: RangeRef, b: RangeRef): boolean {
  return a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.col <= b.end.col && b.start.col <= a.end.col;
}

export function rangeContains(outer: RangeRef, inner: RangeRef): boolean {
  return (
    outer.start.row <= inner.start.row &&
    inner.end.row <= outer.end.row &&
    outer.start.col <= inner.start.col &&
    inner.end.col <= outer.end.col
  );
}

/** "$B$3:$F$3" for "B3:F3": the form defined names and print areas want. */
export function absoluteAddress(address: string): string {
  return rangeAddress(parseRange(address), true);
}

/** A sheet name as a formula prefix: quoted (with apostrophes doubled) unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !isCellAddress(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'Qualification (2)'!$B$3:$F$3". */
export function sheetQualifiedAddress(sheet: string, address: string, absolute = true): string {
  return `${quoteSheetName(sheet)}!${absolute ? absoluteAddress(address) : address}`;
}
