/**
 * A virtualised spreadsheet grid of DOM cells over the engine: only the rows and columns in view
 * are rendered (@tanstack/react-virtual), so a 1,000-partner matrix scrolls smoothly. Keyboard as
 * in Excel: arrows move (Shift extends the selection), Tab/Shift+Tab and Enter/Shift+Enter move
 * (Enter after a run of Tabs returns to the run's first column: navigation.ts), F2 or typing
 * edits, Escape cancels, Delete clears, Backspace clears and edits; copy, cut and paste go
 * through the clipboard as TSV (clipboard.ts). A typed entry the cell's validation refuses, or a
 * formula that cannot be read, is refused with Excel's Stop alert. Merged areas are drawn as one
 * cell. Errors show their code, and their message as a tooltip.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import {
  cellAddress,
  columnLetters,
  MAX_COLUMNS,
  MAX_ROWS,
  parseCell,
  parseRange,
  type CellRef,
  type RangeRef,
} from "../../workbook/a1";
import { displayOf } from "./cell-display";
import { CellEditor, type CommitMove } from "./CellEditor";
import { copyRange, pasteAt } from "./clipboard";
import { EntryRefusedDialog } from "./EntryRefusedDialog";
import { PlanChart } from "./PlanChart";
import { clampCell, moveAfter } from "./navigation";
import type { SheetFormats } from "./sheet-formats";
import { selectionRange, type GridSelection, type StoreSnapshot, type WorkbookStore } from "./workbook-store";

export const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 52;
const DEFAULT_COLUMN_WIDTH = 80;
const PAGE_ROWS = 20;

/** What the row and column headers share: Excel's grey band, content centred across, not selectable as text. */
const HEADER_LOOK = {
  display: "flex",
  alignItems: "center",
  boxSizing: "border-box",
  backgroundColor: tokens.colorNeutralBackground3,
  color: tokens.colorNeutralForeground2,
  userSelect: "none",
} as const;

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
    ...HEADER_LOOK,
    position: "absolute",
    top: 0,
    height: `${HEADER_HEIGHT}px`,
    justifyContent: "center",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  row: { position: "absolute", left: 0 },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    width: `${ROW_HEADER_WIDTH}px`,
    height: "100%",
    ...HEADER_LOOK,
    justifyContent: "flex-end",
    paddingRight: tokens.spacingHorizontalXS,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
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
  error: { justifyContent: "center", color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  // On a plan's own fill (light colours, as in Excel) the text stays dark in the dark theme too.
  errorOnFill: { color: "#9C0006" },
  merged: { justifyContent: "center", backgroundColor: tokens.colorNeutralBackground1, whiteSpace: "normal" },
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

const clamp = clampCell;

interface Editing {
  cell: CellRef;
  initial: string;
  mode: "enter" | "edit";
  /** Remounts the editor when editing starts again at the same cell (Retry after a refusal). */
  token: number;
}

interface Refused {
  cell: CellRef;
  typed: string;
  title: string;
  message: string;
}

function overlaps(area: RangeRef, top: number, bottom: number, left: number, right: number): boolean {
  return area.start.row <= bottom && area.end.row >= top && area.start.col <= right && area.end.col >= left;
}

function insideArea(area: RangeRef, cell: CellRef): boolean {
  return cell.row >= area.start.row && cell.row <= area.end.row && cell.col >= area.start.col && cell.col <= area.end.col;
}

export function cellDomId(sheet: number, cell: CellRef): string {
  return `cell-${sheet}-${cell.row}-${cell.col}`;
}

export function SheetGrid({ store, snapshot, formats, revealRequest }: SheetGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const tabRunStart = useRef<number | null>(null);
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

  const chartValues = useMemo(
    () =>
      formats.charts.map((chart) => {
        try {
          const source = parseRange(chart.source);
          return hf.getRangeValues({ start: { sheet: sheetId, ...source.start }, end: { sheet: sheetId, ...source.end } });
        } catch {
          return [];
        }
      }),
    // snapshot.version: the charts follow every recalculation (the engine recalculates in place).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the version is the engine's change counter
    [hf, sheetId, formats, snapshot.version],
  );

  const valueAt = (row: number, col: number): unknown => {
    if (Array.isArray(values)) return undefined;
    return values.grid[row - values.top]?.[col - values.left];
  };

  const select = (next: GridSelection) => {
    store.select({ anchor: clamp(next.anchor), focus: clamp(next.focus) });
    reveal(clamp(next.focus));
  };
  const selectCell = (cell: CellRef) => select({ anchor: cell, focus: cell });
  const move = (rowsBy: number, colsBy: number, extend: boolean) => {
    tabRunStart.current = null;
    const from = extend ? selection.focus : selection.anchor;
    const to = clamp({ row: from.row + rowsBy, col: from.col + colsBy });
    select(extend ? { anchor: selection.anchor, focus: to } : { anchor: to, focus: to });
  };
  const moveFrom = (cell: CellRef, then: CommitMove) => {
    if (then.key === "Arrow") {
      tabRunStart.current = null;
      selectCell(clamp({ row: cell.row + then.rows, col: cell.col + then.cols }));
      return;
    }
    const moved = moveAfter(cell, then.key, then.shift, tabRunStart.current);
    tabRunStart.current = moved.tabRunStart;
    selectCell(moved.to);
  };
  const startEditing = (initial?: string) => {
    const serialized = hf.getCellSerialized({ sheet: sheetId, ...active });
    setEditing((previous) => ({
      cell: active,
      initial: initial ?? (serialized === null || serialized === undefined ? "" : String(serialized)),
      mode: initial === undefined ? "edit" : "enter",
      token: (previous?.token ?? 0) + 1,
    }));
  };
  const finishEditing = (typed: string | null, then?: CommitMove) => {
    const cell = editing?.cell;
    setEditing(null);
    if (cell && typed !== null) {
      const outcome = store.setCell(cell, typed);
      if (!outcome.ok) {
        const { title, message } =
          outcome.kind === "validation" ? outcome.refusal : { title: "This formula cannot be entered", message: outcome.message };
        setRefused({ cell, typed, title, message });
        return;
      }
    }
    if (cell && then) moveFrom(cell, then);
    scroller.current?.focus();
  };
  const retry = () => {
    if (!refused) return;
    setRefused(null);
    selectCell(refused.cell);
    setEditing((previous) => ({ cell: refused.cell, initial: refused.typed, mode: "edit", token: (previous?.token ?? 0) + 1 }));
  };
  const cancelRefused = () => {
    setRefused(null);
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
    if (key === "Home" && event.ctrlKey) return (handled(), move(-active.row, -active.col, false));
    if (key === "Home") return (handled(), move(0, -active.col, false));
    if (key === "Enter" || key === "Tab") return (handled(), moveFrom(active, { key, shift }));
    if (key === "F2") return (handled(), startEditing());
    if (key === "Delete") return (handled(), store.clearRange(range));
    if (key === "Backspace") return (handled(), store.clearRange({ start: active, end: active }), startEditing(""));
    if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) return (handled(), startEditing(key));
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    event.preventDefault();
    copyRange(store, formats, range, event.clipboardData);
  };
  const onCut = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    onCopy(event);
    store.clearRange(range);
  };
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    event.preventDefault();
    pasteAt(store, event.clipboardData);
  };

  const onMouseDown = (event: MouseEvent, cell: CellRef) => {
    if (editing) finishEditing(null);
    event.preventDefault();
    tabRunStart.current = null;
    scroller.current?.focus();
    store.select(event.shiftKey ? { anchor: selection.anchor, focus: cell } : { anchor: cell, focus: cell });
  };

  const totalWidth = columns.getTotalSize();
  const totalHeight = rows.getTotalSize();
  const activeRendered = virtualRows.some((r) => r.index === active.row) && virtualColumns.some((c) => c.index === active.col);
  const firstRow = virtualRows[0]?.index ?? 0;
  const lastRow = virtualRows[virtualRows.length - 1]?.index ?? -1;
  const firstCol = virtualColumns[0]?.index ?? 0;
  const lastCol = virtualColumns[virtualColumns.length - 1]?.index ?? -1;
  const mergesInView = formats.merges.filter((area) => overlaps(area, firstRow, lastRow, firstCol, lastCol));
  const merged = (cell: CellRef) => mergesInView.some((area) => insideArea(area, cell));
  const spanOf = (area: RangeRef) => {
    const top = rows.measurementsCache[area.start.row]?.start ?? 0;
    const left = columns.measurementsCache[area.start.col]?.start ?? ROW_HEADER_WIDTH;
    const bottom = rows.measurementsCache[area.end.row]?.end ?? top + ROW_HEIGHT;
    const right = columns.measurementsCache[area.end.col]?.end ?? left + DEFAULT_COLUMN_WIDTH;
    return { top, left, width: right - left, height: bottom - top };
  };

  const renderMerge = (area: RangeRef, rowStart: number) => {
    const cell = area.start;
    const value = hf.getCellValue({ sheet: sheetId, ...cell });
    const look = formats.look(cell);
    const display = displayOf(value, look.numberFormat);
    const isActive = insideArea(area, active);
    const box = spanOf(area);
    return (
      <div
        key={`${cell.row}-${cell.col}`}
        id={cellDomId(sheetId, cell)}
        role="gridcell"
        aria-colindex={cell.col + 2}
        aria-selected={isActive}
        data-address={cellAddress(cell)}
        data-merged={`${cellAddress(area.start)}:${cellAddress(area.end)}`}
        data-kind={display.kind}
        title={display.title}
        className={mergeClasses(
          styles.cell,
          styles.merged,
          look.bold && styles.headerCell,
          display.kind === "error" && styles.error,
          isActive && styles.active,
        )}
        style={{
          top: box.top - rowStart,
          left: box.left,
          width: box.width,
          height: box.height,
          backgroundColor: look.fill,
          color: look.fontColor ?? (look.fill ? "#000000" : undefined),
          fontStyle: look.italic ? "italic" : undefined,
        }}
        onMouseDown={(event) => onMouseDown(event, cell)}
        onDoubleClick={() => startEditing()}
      >
        {display.text}
      </div>
    );
  };

  const chartBox = (from: string, to: string) => {
    try {
      return spanOf({ start: parseCell(from), end: parseCell(to) });
    } catch {
      return undefined;
    }
  };

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
      onCopy={onCopy}
      onCut={onCut}
      onPaste={onPaste}
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
              if (merged(cell)) return null;
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
              const color = conditional?.fontColor ?? look.fontColor ?? (fill ? "#000000" : undefined);
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
                    display.kind === "error" && fill !== undefined && styles.errorOnFill,
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
            {mergesInView
              .filter((area) => Math.max(area.start.row, firstRow) === r.index)
              .map((area) => renderMerge(area, r.start))}
          </div>
        ))}
        {formats.charts.map((chart, index) => {
          const box = chartBox(chart.from, chart.to);
          return box ? (
            <PlanChart key={`${chart.title}-${index}`} chart={chart} values={chartValues[index] ?? []} box={box} />
          ) : null;
        })}
        {editing && editorBox && editorBox.top !== undefined ? (
          <CellEditor
            key={editing.token}
            mode={editing.mode}
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
      {refused ? (
        <EntryRefusedDialog title={refused.title} message={refused.message} onRetry={retry} onCancel={cancelRefused} />
      ) : null}
    </div>
  );
}
