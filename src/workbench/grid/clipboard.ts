/**
 * Copy, cut and paste of a range, through the browser's clipboard events. Copy puts the cells
 * as Excel does: their shown text as TSV (what Excel, a text editor or a CSV tool reads), plus,
 * for a paste back into the workbench, the cells' contents (formulas with their references moved
 * to where they land, as Excel moves them). Pasted TSV from elsewhere is read as typing.
 */
import type { RawCellContent } from "hyperformula";
import { shiftRelativeReferences } from "./sheet-formats";
import { displayOf } from "./cell-display";
import type { SheetFormats } from "./sheet-formats";
import { parseTsv, toTsv } from "./tsv";
import type { RangeRef } from "../../workbook/a1";
import type { WorkbookStore } from "./workbook-store";

/** The workbench's own clipboard format: where the cells came from and their contents. */
export const CELLS_MIME = "application/x-partner-economics-cells";

interface CopiedCells {
  sheet: string;
  range: RangeRef;
  contents: RawCellContent[][];
  tsv: string;
}

export function copyRange(store: WorkbookStore, formats: SheetFormats, range: RangeRef, data: DataTransfer): void {
  const sheet = store.getSnapshot().activeSheet;
  const id = store.sheetId(sheet);
  const engineRange = { start: { sheet: id, ...range.start }, end: { sheet: id, ...range.end } };
  const values = store.hf.getRangeValues(engineRange);
  const shown = values.map((row, r) =>
    row.map((value, c) => {
      const cell = { row: range.start.row + r, col: range.start.col + c };
      return displayOf(value, formats.look(cell).numberFormat).text;
    }),
  );
  const tsv = toTsv(shown);
  const contents = store.hf.getRangeSerialized(engineRange) as RawCellContent[][];
  data.setData("text/plain", tsv);
  data.setData(CELLS_MIME, JSON.stringify({ sheet, range, contents, tsv } satisfies CopiedCells));
}

function moved(content: RawCellContent, rows: number, cols: number): RawCellContent {
  return typeof content === "string" && content.startsWith("=") ? shiftRelativeReferences(content, rows, cols) : content;
}

/** Pastes at the active cell: the workbench's own cells when they are what the clipboard holds, else the text as TSV. */
export function pasteAt(store: WorkbookStore, data: DataTransfer): void {
  const at = store.getSnapshot().selection.anchor;
  const text = data.getData("text/plain");
  const own = data.getData(CELLS_MIME);
  if (own) {
    try {
      const copied = JSON.parse(own) as CopiedCells;
      if (copied.tsv === text) {
        const rows = at.row - copied.range.start.row;
        const cols = at.col - copied.range.start.col;
        store.pasteContents(
          at,
          copied.contents.map((row) => row.map((content) => moved(content, rows, cols))),
        );
        return;
      }
    } catch {
      // Not ours after all: read the text.
    }
  }
  if (text === "") return;
  store.pasteBlock(at, parseTsv(text));
}
