/**
 * The workbench's workbook: a HyperFormula instance (the engine), its document settings, the
 * plans written into it (their formats are what the grid and the .xlsx download show), which
 * sheet is on screen and which cells are selected. React reads it through useSyncExternalStore;
 * every engine change bumps `version`, so the grid re-renders with recalculated values.
 */
import type { HyperFormula, RawCellContent } from "hyperformula";
import type { EngineWorkbook } from "../../taskpane/hosts/engine-host";
import type { CellRef, RangeRef } from "../../workbook/a1";
import type { WorkbookPlan } from "../../workbook/plan";

export interface GridSelection {
  /** Where the selection started (the active cell). */
  anchor: CellRef;
  /** The opposite corner (Shift+arrows and Shift+click move it). */
  focus: CellRef;
}

export interface StoreSnapshot {
  version: number;
  sheetNames: string[];
  activeSheet: string;
  selection: GridSelection;
}

const ENGINE_EVENTS = [
  "valuesUpdated",
  "sheetAdded",
  "sheetRemoved",
  "sheetRenamed",
  "namedExpressionAdded",
  "namedExpressionRemoved",
] as const;

export function selectionRange(selection: GridSelection): RangeRef {
  const { anchor, focus } = selection;
  return {
    start: { row: Math.min(anchor.row, focus.row), col: Math.min(anchor.col, focus.col) },
    end: { row: Math.max(anchor.row, focus.row), col: Math.max(anchor.col, focus.col) },
  };
}

const ORIGIN: GridSelection = { anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } };

export class WorkbookStore {
  readonly settings = new Map<string, string>();
  /** Plans as written (sheet names as in the engine), oldest first. */
  readonly plans: WorkbookPlan[] = [];
  private listeners = new Set<() => void>();
  private snapshot: StoreSnapshot;
  private selections = new Map<string, GridSelection>();

  constructor(readonly hf: HyperFormula) {
    if (hf.getSheetNames().length === 0) hf.addSheet("Sheet1");
    const names = hf.getSheetNames();
    this.snapshot = { version: 0, sheetNames: names, activeSheet: names[0], selection: ORIGIN };
    for (const event of ENGINE_EVENTS) hf.on(event, () => this.changed());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): StoreSnapshot => this.snapshot;

  private publish(change: Partial<StoreSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }

  private changed(): void {
    const sheetNames = this.hf.getSheetNames();
    const activeSheet = sheetNames.includes(this.snapshot.activeSheet) ? this.snapshot.activeSheet : sheetNames[0];
    this.publish({
      sheetNames,
      activeSheet,
      selection: activeSheet === this.snapshot.activeSheet ? this.snapshot.selection : this.selectionOf(activeSheet),
    });
  }

  private selectionOf(sheet: string): GridSelection {
    return this.selections.get(sheet) ?? ORIGIN;
  }

  sheetId(name = this.snapshot.activeSheet): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`sheet "${name}" is not in the workbook`);
    return id;
  }

  activateSheet(name: string, selection?: GridSelection): void {
    if (this.hf.getSheetId(name) === undefined) return;
    this.selections.set(this.snapshot.activeSheet, this.snapshot.selection);
    const next = selection ?? this.selectionOf(name);
    this.selections.set(name, next);
    this.publish({ activeSheet: name, selection: next });
  }

  select(selection: GridSelection): void {
    this.selections.set(this.snapshot.activeSheet, selection);
    this.publish({ selection });
  }

  /** What the user typed into a cell, parsed the way Excel parses typing ("=…" formula, "'…" text, "5%" number). */
  setCell(cell: CellRef, typed: string): void {
    const content: RawCellContent = typed === "" ? null : typed;
    this.hf.setCellContents({ sheet: this.sheetId(), ...cell }, [[content]]);
  }

  clearRange(range: RangeRef): void {
    const rows = range.end.row - range.start.row + 1;
    const cols = range.end.col - range.start.col + 1;
    this.hf.setCellContents(
      { sheet: this.sheetId(), ...range.start },
      Array.from({ length: rows }, () => new Array<RawCellContent>(cols).fill(null)),
    );
  }

  /** The engine host's view of this workbook. */
  engineWorkbook(): EngineWorkbook {
    return {
      hf: this.hf,
      settings: this.settings,
      keepsFormats: true,
      selection: () => ({ sheet: this.snapshot.activeSheet, range: selectionRange(this.snapshot.selection) }),
      activateSheet: (name) => this.activateSheet(name, ORIGIN),
      planApplied: (written) => {
        this.plans.push(written);
        const shown = written.sheets.find((s) => s.activate) ?? written.sheets[0];
        if (shown) this.activateSheet(shown.name, ORIGIN);
      },
    };
  }
}
