/**
 * A virtualised spreadsheet grid of DOM cells over the engine: only the rows and columns in view
 * are rendered (@tanstack/react-virtual), so a 1,000-partner matrix scrolls smoothly. Keyboard:
 * arrows move (Shift extends the selection), F2 or typing edits, Enter commits and moves down,
 * Escape cancels, Delete clears. Errors show their code, and their message as a tooltip.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { cellAddress, columnLetters, MAX_COLUMNS, MAX_ROWS, type CellRef } from "../../workbook/a1";
import { displayOf } from "./cell-display";
import { CellEditor } from "./CellEditor";
import type { SheetFormats } from "./sheet-formats";
import { selectionRange, type GridSelection, type StoreSnapshot, type WorkbookStore } from "./workbook-store";

export const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 52;
const DEFAULT_COLUMN_WIDTH = 80;
const PAGE_ROWS = 20;

const useStyles = makeStyles({
  scroller: {
    position: "relative",
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    outlineStyle: "none",
    ":focus-visible": { boxShadow: `inset 0 0 0 2px ${tokens.colorStrokeFocus2}` },
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    scrollbarColor: `${tokens.colorNeutralStroke1} ${tokens.colorNeutralBackground2}`,
  },
  headerRow: { position: "sticky", top: 0, zIndex: 3, height: `${HEADER_HEIGHT}px` },
  corner: {
    position: "sticky",
    left: 0,
    zIndex: 4,
    width: `${ROW_HEADER_WIDTH}px`,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    boxSizing: "border-box",
  },
  columnHeader: {
    position: "absolute",
    top: 0,
    height: `${HEADER_HEIGHT}px`,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    userSelect: "none",
  },
  row: { position: "absolute", left: 0 },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    width: `${ROW_HEADER_WIDTH}px`,
    height: "100%",
    display: "flex",
    alignItems: "center",
    justifyContent: "flex-end",
    paddingRight: tokens.spacingHorizontalXS,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    userSelect: "none",
  },
  headerActive: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    position: "absolute",
    top: 0,
    height: "100%",
    boxSizing: "border-box",
    paddingLeft: "4px",
    paddingRight: "4px",
    display: "flex",
    alignItems: "center",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    color: tokens.colorNeutralForeground1,
    cursor: "cell",
  },
  number: { justifyContent: "flex-end" },
  boolean: { justifyContent: "center" },
  // Excel's dark red: readable on every fill the plans use (banded rows, tier colours).
  error: { justifyContent: "center", color: "#9C0006", fontWeight: tokens.fontWeightSemibold },
  selected: { boxShadow: `inset 0 0 0 9999px ${tokens.colorBrandBackground2}` },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", zIndex: 1 },
  headerCell: { fontWeight: tokens.fontWeightSemibold },
});

export interface SheetGridProps {
  store: WorkbookStore;
  snapshot: StoreSnapshot;
  formats: SheetFormats;
  /** Raised to scroll a cell into view (from the name box). */
  revealRequest?: { cell: CellRef; token: number };
}

function clamp(cell: CellRef): CellRef {
  return { row: Math.max(0, Math.min(MAX_ROWS - 1, cell.row)), col: Math.max(0, Math.min(MAX_COLUMNS - 1, cell.col)) };
}

export function cellDomId(sheet: number, cell: CellRef): string {
  return `cell-${sheet}-${cell.row}-${cell.col}`;
}

export function SheetGrid({ store, snapshot, formats, revealRequest }: SheetGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<{ cell: CellRef; initial: string } | null>(null);
  const { hf } = store;
  const sheetId = store.sheetId(snapshot.activeSheet);
  const { selection } = snapshot;
  const active = selection.anchor;
  const range = selectionRange(selection);

  const dimensions = hf.getSheetDimensions(sheetId);
  const rowCount = Math.min(MAX_ROWS, Math.max(dimensions.height + 40, 60, range.end.row + 20));
  const colCount = Math.min(MAX_COLUMNS, Math.max(dimensions.width + 6, 20, range.end.col + 6));

  const widthOf = useCallback((col: number) => formats.columnWidthPx(col) ?? DEFAULT_COLUMN_WIDTH, [formats]);

  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: colCount,
    getScrollElement: () => scroller.current,
    estimateSize: widthOf,
    overscan: 3,
    paddingStart: ROW_HEADER_WIDTH,
    scrollPaddingStart: ROW_HEADER_WIDTH,
  });
  useEffect(() => columns.measure(), [columns, formats]);

  const reveal = useCallback(
    (cell: CellRef) => {
      rows.scrollToIndex(cell.row, { align: "auto" });
      columns.scrollToIndex(cell.col, { align: "auto" });
    },
    [rows, columns],
  );
  useEffect(() => {
    if (revealRequest) reveal(revealRequest.cell);
  }, [revealRequest, reveal]);
  useEffect(() => {
    setEditing(null);
    scroller.current?.scrollTo({ top: 0, left: 0 });
  }, [snapshot.activeSheet]);

  const virtualRows = rows.getVirtualItems();
  const virtualColumns = columns.getVirtualItems();
  const top = virtualRows[0]?.index;
  const left = virtualColumns[0]?.index;
  const bottom = virtualRows.at(-1)?.index;
  const right = virtualColumns.at(-1)?.index;
  const version = snapshot.version;
  const values = useMemo(() => {
    if (top === undefined || left === undefined || bottom === undefined || right === undefined) return [];
    return {
      // The engine recalculates in place: the snapshot version says which values these are.
      version,
      top,
      left,
      grid: hf.getRangeValues({
        start: { sheet: sheetId, row: top, col: left },
        end: { sheet: sheetId, row: bottom, col: right },
      }),
    };
  }, [hf, sheetId, version, top, left, bottom, right]);

  const valueAt = (row: number, col: number): unknown => {
    if (Array.isArray(values)) return undefined;
    return values.grid[row - values.top]?.[col - values.left];
  };

  const select = (next: GridSelection) => {
    store.select({ anchor: clamp(next.anchor), focus: clamp(next.focus) });
    reveal(clamp(next.focus));
  };
  const move = (rowsBy: number, colsBy: number, extend: boolean) => {
    const from = extend ? selection.focus : selection.anchor;
    const to = clamp({ row: from.row + rowsBy, col: from.col + colsBy });
    select(extend ? { anchor: selection.anchor, focus: to } : { anchor: to, focus: to });
  };
  const startEditing = (initial?: string) => {
    const serialized = hf.getCellSerialized({ sheet: sheetId, ...active });
    setEditing({ cell: active, initial: initial ?? (serialized === null || serialized === undefined ? "" : String(serialized)) });
  };
  const finishEditing = (typed: string | null, then?: { rows: number; cols: number }) => {
    const cell = editing?.cell;
    setEditing(null);
    if (cell && typed !== null) store.setCell(cell, typed);
    if (cell && then) {
      const to = clamp({ row: cell.row + then.rows, col: cell.col + then.cols });
      select({ anchor: to, focus: to });
    }
    scroller.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || event.target !== scroller.current) return;
    const shift = event.shiftKey;
    const key = event.key;
    const handled = () => event.preventDefault();
    if (key === "ArrowDown") return (handled(), move(1, 0, shift));
    if (key === "ArrowUp") return (handled(), move(-1, 0, shift));
    if (key === "ArrowRight") return (handled(), move(0, 1, shift));
    if (key === "ArrowLeft") return (handled(), move(0, -1, shift));
    if (key === "PageDown") return (handled(), move(PAGE_ROWS, 0, shift));
    if (key === "PageUp") return (handled(), move(-PAGE_ROWS, 0, shift));
    if (key === "Home" && event.ctrlKey) return (handled(), select({ anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } }));
    if (key === "Home") return (handled(), select({ anchor: { row: active.row, col: 0 }, focus: { row: active.row, col: 0 } }));
    if (key === "Enter") return (handled(), move(shift ? -1 : 1, 0, false));
    if (key === "F2") return (handled(), startEditing());
    if (key === "Delete" || key === "Backspace") return (handled(), store.clearRange(range));
    if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) return (handled(), startEditing(key));
  };

  const onMouseDown = (event: MouseEvent, cell: CellRef) => {
    if (editing) finishEditing(null);
    event.preventDefault();
    scroller.current?.focus();
    store.select(event.shiftKey ? { anchor: selection.anchor, focus: cell } : { anchor: cell, focus: cell });
  };

  const totalWidth = columns.getTotalSize();
  const totalHeight = rows.getTotalSize();
  const activeRendered = virtualRows.some((r) => r.index === active.row) && virtualColumns.some((c) => c.index === active.col);
  const editorBox = editing
    ? {
        top: rows.measurementsCache[editing.cell.row]?.start,
        left: columns.measurementsCache[editing.cell.col]?.start ?? ROW_HEADER_WIDTH,
      }
    : null;

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label={`Sheet ${snapshot.activeSheet}`}
      aria-rowcount={rowCount + 1}
      aria-colcount={colCount + 1}
      aria-multiselectable="true"
      aria-activedescendant={activeRendered ? cellDomId(sheetId, active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="sheet-grid"
      data-sheet={snapshot.activeSheet}
    >
      <div style={{ width: totalWidth, height: totalHeight, position: "relative" }}>
        <div className={styles.headerRow} role="row" aria-rowindex={1} style={{ width: totalWidth }}>
          <div className={styles.corner} role="columnheader" aria-colindex={1} aria-label="Row numbers" />
          {virtualColumns.map((c) => (
            <div
              key={c.index}
              role="columnheader"
              aria-colindex={c.index + 2}
              className={mergeClasses(
                styles.columnHeader,
                c.index >= range.start.col && c.index <= range.end.col && styles.headerActive,
              )}
              style={{ left: c.start, width: c.size }}
            >
              {columnLetters(c.index)}
            </div>
          ))}
        </div>
        {virtualRows.map((r) => (
          <div
            key={r.index}
            role="row"
            aria-rowindex={r.index + 2}
            className={styles.row}
            style={{ top: r.start, height: r.size, width: totalWidth }}
          >
            <div
              role="rowheader"
              aria-colindex={1}
              className={mergeClasses(
                styles.rowHeader,
                r.index >= range.start.row && r.index <= range.end.row && styles.headerActive,
              )}
            >
              {r.index + 1}
            </div>
            {virtualColumns.map((c) => {
              const cell = { row: r.index, col: c.index };
              const value = valueAt(r.index, c.index);
              const look = formats.look(cell);
              const conditional =
                value === undefined || value === null ? undefined : formats.conditionalLook(cell, value, hf, sheetId);
              const display = displayOf(value, look.numberFormat);
              const isActive = cell.row === active.row && cell.col === active.col;
              const inRange =
                cell.row >= range.start.row &&
                cell.row <= range.end.row &&
                cell.col >= range.start.col &&
                cell.col <= range.end.col;
              const fill = conditional?.fill ?? look.fill;
              const color = conditional?.fontColor ?? look.fontColor;
              return (
                <div
                  key={c.index}
                  id={cellDomId(sheetId, cell)}
                  role="gridcell"
                  aria-colindex={c.index + 2}
                  aria-selected={inRange}
                  data-address={cellAddress(cell)}
                  data-kind={display.kind}
                  title={display.title}
                  className={mergeClasses(
                    styles.cell,
                    display.kind === "number" && styles.number,
                    display.kind === "boolean" && styles.boolean,
                    display.kind === "error" && styles.error,
                    (look.bold || conditional?.bold) && styles.headerCell,
                    inRange && !isActive && styles.selected,
                    isActive && styles.active,
                  )}
                  style={{
                    left: c.start,
                    width: c.size,
                    backgroundColor: fill,
                    color: display.kind === "error" ? undefined : color,
                    fontStyle: look.italic ? "italic" : undefined,
                    borderBottom: look.borderBottom ? `1px solid ${tokens.colorNeutralForeground1}` : undefined,
                  }}
                  onMouseDown={(event) => onMouseDown(event, cell)}
                  onDoubleClick={() => startEditing()}
                >
                  {display.text}
                </div>
              );
            })}
          </div>
        ))}
        {editing && editorBox && editorBox.top !== undefined ? (
          <CellEditor
            address={cellAddress(editing.cell)}
            initial={editing.initial}
            top={editorBox.top}
            left={editorBox.left}
            width={Math.max(widthOf(editing.cell.col), 160)}
            height={ROW_HEIGHT}
            onCommit={(typed, then) => finishEditing(typed, then)}
            onCancel={() => finishEditing(null)}
          />
        ) : null}
      </div>
    </div>
  );
}
