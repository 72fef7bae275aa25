/**
 * What a chart reads of a planned sheet, for its cached values: a cell's value is the plan's own
 * content (text, number, boolean) or, for a formula, the computed value the writer caches for it;
 * its format is the last of the plan's number formats that covers it, as the writer applies them
 * in order. Only the blocks over a chart's source range are looked at.
 */
import { parseCell, parseRange, rangeContains, type CellRef, type RangeRef } from "../a1";
import type { CellBlock, SheetPlan } from "../plan";
import type { ChartCells } from "./chart-xml";

function blockRange(block: CellBlock): RangeRef {
  const at = parseCell(block.at);
  const width = block.cells.reduce((w, row) => Math.max(w, row.length), 0);
  return { start: at, end: { row: at.row + block.cells.length - 1, col: at.col + Math.max(0, width - 1) } };
}

export function planChartCells(sheet: SheetPlan, computed: (cell: CellRef) => unknown): ChartCells {
  const blocks = sheet.blocks.map((block) => ({ block, range: blockRange(block) }));
  const formats = (sheet.numberFormats ?? []).map((f) => ({ range: parseRange(f.range), format: f.format }));
  const spills = (sheet.arrayFormulas ?? []).map((address) => parseRange(address));
  const single = (cell: CellRef): RangeRef => ({ start: cell, end: cell });
  return {
    value(cell) {
      // A spilled cell holds what its range's one formula computes there.
      if (spills.some((range) => rangeContains(range, single(cell)))) return computed(cell);
      let found: unknown = undefined;
      // Later blocks overwrite earlier ones, as the writer writes them in order.
      for (const { block, range } of blocks) {
        if (!rangeContains(range, single(cell))) continue;
        const content = block.cells[cell.row - range.start.row]?.[cell.col - range.start.col];
        if (!content) continue;
        if (content.kind === "text") found = content.text;
        else if (content.kind === "number" || content.kind === "boolean") found = content.value;
        else if (content.kind === "formula") found = computed(cell);
        else found = undefined;
      }
      return found;
    },
    format(cell) {
      let code = "General";
      for (const f of formats) if (rangeContains(f.range, single(cell))) code = f.format;
      return code;
    },
  };
}
