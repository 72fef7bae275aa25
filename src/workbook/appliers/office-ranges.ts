/**
 * Turns a plan's cells into the fewest bytes Office.js has to send, and keeps every
 * `context.sync()` under a byte budget.
 *
 * Why: Excel on the web refuses a request or response over 5 MB ("Excel on the web has a payload
 * size limit for requests and responses of 5MB", Resource limits and performance optimization for
 * Office Add-ins, learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * A filled 2-D array costs one entry per cell; one value assigned to a range is one entry for all
 * of its cells. Office documents that form: "set the corresponding property on the range object
 * to the desired (single) value" (Performance optimization using the Excel JavaScript API, "Update
 * all cells in a range"), and the Excel.Range reference for `formulas`, `formulasR1C1`, `values`
 * and `numberFormat`: "the argument can be either a single value (string, number or boolean) or a
 * two-dimensional array. If the argument is a single value, it will be applied to all cells in the
 * range" (see OfficeDev/office-js-docs-reference issue 578 and office-js-docs-pr issue 2013, where
 * the docs team confirms it works although the TypeScript typings only declare `any[][]`). Real
 * Excel's side of this is on the README's "Verified in real Excel" list. So:
 *   - a run of cells in a column whose formulas are the same in R1C1 terms is one `formulasR1C1`
 *     assignment (office-r1c1.ts);
 *   - a run of equal constants is one `formulas` assignment; blanks in a new sheet are not sent;
 *   - only cells that differ from their neighbours go in arrays (adjacent columns merged);
 *   - a number format is one value per range;
 *   - a block is sent whole when that is smaller (small, mixed blocks).
 * `SyncBudget` then syncs early when the queued writes would pass the budget, and `fitToBudget`
 * splits an array too large for one sync by rows.
 */
import { parseCell, rangeAddress, type CellRef } from "../a1";
import type { CellBlock, CellContent } from "../plan";
import { asEnteredText } from "../text-safety";
import { a1ToR1C1, r1c1ToA1 } from "./office-r1c1";

export type CellInput = string | number | boolean;

/** One assignment to one range: a value for every cell, or one per cell (`rows`). */
export type RangeWrite =
  | { address: string; property: "formulas" | "formulasR1C1" | "numberFormat"; value: CellInput }
  | { address: string; property: "formulas"; rows: CellInput[][] };

/**
 * Default bytes per sync. A fifth of Excel on the web's 5 MB: our estimate leaves out the
 * request's JSON framing beyond a fixed cost per call, so keep a wide margin.
 */
export const DEFAULT_SYNC_BUDGET = 1_000_000;

/** What Office.js adds around one call: the object path (worksheet, getRange and its address) and the action. */
export const CALL_OVERHEAD_BYTES = 160;

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** The estimated request bytes of one write. */
export function writeBytes(write: RangeWrite): number {
  const value = "rows" in write ? write.rows : write.value;
  return CALL_OVERHEAD_BYTES + utf8Bytes(write.address) + utf8Bytes(JSON.stringify(value));
}

/** What the cell-entry parser must receive so the cell ends up holding exactly `cell`. */
export function toExcelCell(cell: CellContent): CellInput {
  switch (cell.kind) {
    case "text":
      return asEnteredText(cell.text);
    case "number":
    case "boolean":
      return cell.value;
    case "formula":
      return cell.formula;
    case "blank":
      return "";
  }
}

interface Segment {
  col: number;
  startRow: number;
  endRow: number;
}

/**
 * The writes for one block. `blanks: "skip"` for a sheet the plan creates (its cells are empty
 * already), `"clear"` for an existing sheet (a blank in the plan empties the cell).
 */
export function blockWrites(block: CellBlock, blanks: "skip" | "clear"): RangeWrite[] {
  const origin = parseCell(block.at);
  const rows = block.cells.length;
  const cols = block.cells[0].length;
  const inputs = block.cells.map((row) => row.map(toExcelCell));
  const whole: RangeWrite = { address: areaAddress(origin, 0, 0, rows - 1, cols - 1), property: "formulas", rows: inputs };

  const writes: RangeWrite[] = [];
  const varied: Segment[] = [];
  for (let c = 0; c < cols; c++) {
    const keys: CellKey[] = [];
    block.cells.forEach((row, r) => keys.push(cellKey(row[c], { row: origin.row + r, col: origin.col + c }, keys[r - 1])));
    let start = 0;
    while (start < rows) {
      let end = start;
      while (end + 1 < rows && keys[end + 1].key === keys[start].key && keys[start].shared) end++;
      const { key, shared, r1c1 } = keys[start];
      const address = areaAddress(origin, start, c, end, c);
      if (key === "blank") {
        if (blanks === "clear") writes.push({ address, property: "formulas", value: "" });
      } else if (end > start && r1c1 !== undefined) {
        writes.push({ address, property: "formulasR1C1", value: r1c1 });
      } else if (end > start && shared) {
        writes.push({ address, property: "formulas", value: inputs[start][c] });
      } else {
        const last = varied[varied.length - 1];
        if (last && last.col === c && last.endRow === start - 1) last.endRow = end;
        else varied.push({ col: c, startRow: start, endRow: end });
      }
      start = end + 1;
    }
  }
  for (const area of mergeAdjacentColumns(varied)) {
    writes.push({
      address: areaAddress(origin, area.startRow, area.col, area.endRow, area.endCol),
      property: "formulas",
      rows: inputs.slice(area.startRow, area.endRow + 1).map((row) => row.slice(area.col, area.endCol + 1)),
    });
  }
  const decomposed = writes.reduce((sum, w) => sum + writeBytes(w), 0);
  return decomposed < writeBytes(whole) ? writes : [whole];
}

interface CellKey {
  key: string;
  shared: boolean;
  r1c1?: string;
}

/**
 * A cell's identity for runs: formulas by their R1C1 text, constants by value. The cell above's
 * R1C1 text is tried first (one conversion back instead of a full translation and its check).
 */
function cellKey(cell: CellContent, at: CellRef, above: CellKey | undefined): CellKey {
  if (cell.kind === "blank") return { key: "blank", shared: true };
  if (cell.kind === "formula") {
    if (above?.r1c1 !== undefined && r1c1ToA1(above.r1c1, at) === cell.formula) return above;
    const r1c1 = a1ToR1C1(cell.formula, at);
    return r1c1 === undefined ? { key: `cell:${at.row}:${at.col}`, shared: false } : { key: `f:${r1c1}`, shared: true, r1c1 };
  }
  return { key: `v:${JSON.stringify(toExcelCell(cell))}`, shared: true };
}

/** Varied runs with the same rows in neighbouring columns become one rectangle. */
function mergeAdjacentColumns(segments: Segment[]): (Segment & { endCol: number })[] {
  const sorted = [...segments].sort((a, b) => a.startRow - b.startRow || a.endRow - b.endRow || a.col - b.col);
  const areas: (Segment & { endCol: number })[] = [];
  for (const s of sorted) {
    const last = areas[areas.length - 1];
    if (last && last.startRow === s.startRow && last.endRow === s.endRow && last.endCol === s.col - 1) last.endCol = s.col;
    else areas.push({ ...s, endCol: s.col });
  }
  return areas;
}

function areaAddress(origin: CellRef, r1: number, c1: number, r2: number, c2: number): string {
  return rangeAddress({
    start: { row: origin.row + r1, col: origin.col + c1 },
    end: { row: origin.row + r2, col: origin.col + c2 },
  });
}

/** A write as pieces that each fit the budget: arrays split by rows, single values never need to. */
export function fitToBudget(write: RangeWrite, budget: number): RangeWrite[] {
  if (!("rows" in write) || writeBytes(write) <= budget || write.rows.length < 2) return [write];
  const range = parseCell(write.address.split(":")[0]);
  const width = write.rows[0].length;
  const pieces: RangeWrite[] = [];
  let first = 0;
  let bytes = CALL_OVERHEAD_BYTES + 40;
  for (let r = 0; r < write.rows.length; r++) {
    const rowBytes = utf8Bytes(JSON.stringify(write.rows[r])) + 1;
    if (r > first && bytes + rowBytes > budget) {
      pieces.push(rowsPiece(write.rows, range, first, r - 1, width));
      first = r;
      bytes = CALL_OVERHEAD_BYTES + 40;
    }
    bytes += rowBytes;
  }
  pieces.push(rowsPiece(write.rows, range, first, write.rows.length - 1, width));
  return pieces;
}

function rowsPiece(rows: CellInput[][], origin: CellRef, first: number, last: number, width: number): RangeWrite {
  return { address: areaAddress(origin, first, 0, last, width - 1), property: "formulas", rows: rows.slice(first, last + 1) };
}

/**
 * Counts the bytes queued since the last sync and syncs first when the next call would pass the
 * budget. A write that fits in one sync costs no extra round trip.
 */
export class SyncBudget {
  private queued = 0;
  extraSyncs = 0;

  constructor(
    private readonly sync: () => Promise<void>,
    readonly limit: number = DEFAULT_SYNC_BUDGET,
  ) {}

  async spend(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.limit) {
      await this.sync();
      this.extraSyncs++;
      this.queued = 0;
    }
    this.queued += bytes;
  }
}
