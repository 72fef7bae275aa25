/**
 * The workbench's workbook: a HyperFormula instance (the engine), its document settings, the
 * plans written into it (their formats and validation are what the grid enforces and shows, and
 * what the .xlsx download keeps), the formats typing gave cells, which sheet is on screen and
 * which cells are selected. React reads it through useSyncExternalStore; every engine change
 * bumps `version`, so the grid re-renders with recalculated values.
 *
 * Every change goes through here as one step of the undo history: a typed cell, a paste, a
 * Delete, a sheet renamed or deleted, and a wizard's write (the engine applier writes a plan in
 * one engine batch, which the engine undoes as one operation).
 */
import type { OpenedSource } from "../xlsx/lossless-download";
import type { HyperFormula, RawCellContent } from "hyperformula";
import type { EngineWorkbook } from "../../taskpane/hosts/engine-host";
import { cellAddress, parseRange, type CellRef, type RangeRef } from "../../workbook/a1";
import type { WorkbookPlan } from "../../workbook/plan";
import { sameSheetName, sheetNameProblem } from "../../workbook/sheet-names";
import { asEnteredText } from "../../workbook/text-safety";
import { formulaProblem } from "../formula-problem";
import { namedRange } from "../named-ranges";
import { dropSheetFromPlans, renameSheetInPlans } from "./plan-sheets";
import { SheetFormats } from "./sheet-formats";
import { tableExtensionAt, typedFormulaForEngine } from "./table-extension";
import { parseTyped, type TypedValue } from "./typed-input";
import { UndoHistory } from "./undo-history";
import { passes, refusal, validationAt, type ValidationRefusal } from "./validation";

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

/** Number formats typing gave cells, per sheet: "row:col" → format code. */
export type TypedFormats = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** What the engine does not keep but undo must: how sheets are dressed. */
interface SideState {
  plans: readonly WorkbookPlan[];
  typedFormats: TypedFormats;
}

export type EntryOutcome =
  { ok: true } | { ok: false; kind: "validation"; refusal: ValidationRefusal } | { ok: false; kind: "formula"; message: string };

/** As many steps as the engine is configured to undo (createEngine's `undoLimit` for the workbench). */
export const UNDO_STEPS = 100;

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

export const formatKey = (cell: CellRef): string => `${cell.row}:${cell.col}`;

/** The document settings, telling the store when the pane saves one (so autosave keeps the wizards' inputs too). */
class WatchedSettings extends Map<string, string> {
  onChange?: () => void;

  override set(key: string, value: string): this {
    super.set(key, value);
    this.onChange?.();
    return this;
  }

  override delete(key: string): boolean {
    const deleted = super.delete(key);
    if (deleted) this.onChange?.();
    return deleted;
  }
}

const ORIGIN: GridSelection = { anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } };

function toEngine(value: TypedValue): RawCellContent {
  switch (value.kind) {
    case "blank":
      return null;
    case "text":
      return asEnteredText(value.text);
    case "formula":
      return value.formula;
    default:
      return value.value;
  }
}

export class WorkbookStore {
  readonly settings: Map<string, string>;
  private side: SideState;
  private readonly history: UndoHistory<SideState>;
  private listeners = new Set<() => void>();
  private snapshot: StoreSnapshot;
  private selections = new Map<string, GridSelection>();
  /** True while the store itself changes the engine (a step, an undo, a redo). */
  private ownChange = false;
  /**
   * The engine changed outside any step (a wizard's write that failed and was rolled back, which
   * the applier undoes operation by operation): its undo history no longer matches ours, so both
   * are forgotten before the next step rather than undo the wrong thing.
   */
  private unrecorded = false;
  /** An unrecorded change that no write claimed in the same turn: certainly not a step of ours. */
  private stale = false;
  /** The .xlsx file the workbook was opened from: the download writes the changes back into it. */
  readonly source?: OpenedSource;
  /** Counts changes of the workbook itself (not of the selection or the sheet on screen): autosave watches it. */
  contentVersion = 0;

  constructor(
    readonly hf: HyperFormula,
    restored: {
      plans?: readonly WorkbookPlan[];
      typedFormats?: TypedFormats;
      settings?: Map<string, string>;
      activeSheet?: string;
      source?: OpenedSource;
    } = {},
  ) {
    this.source = restored.source;
    if (hf.getSheetNames().length === 0) hf.addSheet("Sheet1");
    hf.clearUndoStack();
    const settings = new WatchedSettings(restored.settings ?? []);
    settings.onChange = () => {
      this.contentVersion++;
      this.publish({});
    };
    this.settings = settings;
    this.side = { plans: restored.plans ?? [], typedFormats: restored.typedFormats ?? new Map() };
    this.history = new UndoHistory(hf, UNDO_STEPS);
    const names = hf.getSheetNames();
    const active = restored.activeSheet && names.includes(restored.activeSheet) ? restored.activeSheet : names[0];
    this.snapshot = { version: 0, sheetNames: names, activeSheet: active, selection: ORIGIN };
    for (const event of ENGINE_EVENTS) hf.on(event, () => this.engineChanged());
  }

  /** Plans as written (sheet names as in the engine), oldest first. */
  get plans(): readonly WorkbookPlan[] {
    return this.side.plans;
  }

  get typedFormats(): TypedFormats {
    return this.side.typedFormats;
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

  private engineChanged(): void {
    if (!this.ownChange) {
      this.unrecorded = true;
      // A wizard's write claims its batch before the next task (planApplied, after the applier's
      // promise settles: appliers are async under the PlanApplier contract); anything else is stale.
      setTimeout(() => {
        if (this.unrecorded) this.stale = true;
      }, 0);
    }
    this.changed();
  }

  private changed(): void {
    this.contentVersion++;
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

  /** How the sheet is dressed now: the plans' formats with the typed ones on top. */
  formatsOf(sheet = this.snapshot.activeSheet): SheetFormats {
    return SheetFormats.forSheet(this.side.plans, sheet, this.side.typedFormats.get(sheet));
  }

  /** One step: the engine operation, then the side state it leads to, recorded for undo. */
  private own(operation: () => void): void {
    if (this.unrecorded || this.stale) {
      this.history.clear();
      this.unrecorded = false;
      this.stale = false;
    }
    this.ownChange = true;
    try {
      operation();
    } finally {
      this.ownChange = false;
    }
  }

  private step(label: string, operation: () => void, after: SideState = this.side): void {
    const before = this.side;
    this.own(operation);
    this.side = after;
    this.history.recorded({ label, before, after });
    if (after !== before) {
      this.contentVersion++;
      this.publish({});
    }
  }

  /** What autosave stores besides the engine's cells. */
  sideState() {
    return {
      plans: this.side.plans,
      typedFormats: this.side.typedFormats,
      settings: this.settings,
      activeSheet: this.snapshot.activeSheet,
      source: this.source,
    };
  }

  private withTypedFormats(sheet: string, formats: Map<string, string | undefined>): SideState {
    if (formats.size === 0) return this.side;
    const current = new Map(this.side.typedFormats.get(sheet) ?? []);
    for (const [key, code] of formats) {
      if (code === undefined) current.delete(key);
      else current.set(key, code);
    }
    const all = new Map(this.side.typedFormats);
    all.set(sheet, current);
    return { ...this.side, typedFormats: all };
  }

  /**
   * What the user typed into a cell (the grid's editor or the formula bar), read as Excel reads
   * typing for the cell's format, checked against the cell's validation and, for a formula, its
   * syntax. Refused entries change nothing.
   */
  setCell(cell: CellRef, typed: string, sheet = this.snapshot.activeSheet): EntryOutcome {
    const sheetId = this.sheetId(sheet);
    // Typing just below a table extends it first (table-extension.ts): the new row then has the
    // table's validation, formats and calculated columns, as in Excel.
    const extension = typed.trim() !== "" ? tableExtensionAt(this.side.plans, sheet, cell) : undefined;
    const plans = extension?.plans ?? this.side.plans;
    const formats = extension ? SheetFormats.forSheet(plans, sheet, this.side.typedFormats.get(sheet)) : this.formatsOf(sheet);
    let value = parseTyped(typed, formats.look(cell).numberFormat);
    if (value.kind === "formula") {
      value = { ...value, formula: typedFormulaForEngine(value.formula, plans, sheet, cell) };
      const problem = formulaProblem(this.hf, value.formula);
      if (problem) return { ok: false, kind: "formula", message: problem };
    }
    const rule = validationAt(plans, sheet, cell);
    if (rule && !passes(rule, this.resultOf(value, sheetId), this.hf, sheetId))
      return { ok: false, kind: "validation", refusal: refusal(rule) };
    const implied = value.kind === "number" && value.format ? new Map([[formatKey(cell), value.format]]) : new Map();
    const entry = toEngine(value);
    const write = () => this.hf.setCellContents({ sheet: sheetId, ...cell }, [[entry]]);
    this.step(
      extension ? `Typing in ${cellAddress(cell)} (the table grows)` : `Typing in ${cellAddress(cell)}`,
      extension ? () => extension.grow(this.hf, write) : write,
      { ...this.withTypedFormats(sheet, implied), plans },
    );
    return { ok: true };
  }

  private resultOf(value: TypedValue, sheetId: number): unknown {
    if (value.kind === "blank") return null;
    if (value.kind === "formula") {
      try {
        const result = this.hf.calculateFormula(value.formula, sheetId);
        return Array.isArray(result) ? result[0]?.[0] : result;
      } catch {
        // Not computable: no value any rule accepts, as an error value is none in Excel.
        return { error: "the formula cannot be computed" };
      }
    }
    return value.kind === "text" ? value.text : value.value;
  }

  /** Cells pasted as a block (from TSV): each read as typed, not validated (as Excel's paste), one undo step. */
  pasteBlock(at: CellRef, rows: string[][]): void {
    if (rows.length === 0) return;
    const sheet = this.snapshot.activeSheet;
    const formats = this.formatsOf(sheet);
    const implied = new Map<string, string | undefined>();
    const width = Math.max(...rows.map((r) => r.length));
    const content = rows.map((row, r) =>
      Array.from({ length: width }, (_, c) => {
        const cell = { row: at.row + r, col: at.col + c };
        const value = parseTyped(row[c] ?? "", formats.look(cell).numberFormat);
        if (value.kind === "number" && value.format) implied.set(formatKey(cell), value.format);
        return toEngine(value);
      }),
    );
    this.step(
      `Paste at ${cellAddress(at)}`,
      () => this.hf.setCellContents({ sheet: this.sheetId(sheet), ...at }, content),
      this.withTypedFormats(sheet, implied),
    );
  }

  /** Cells copied in the workbench itself, contents as the engine holds them (formulas already moved). */
  pasteContents(at: CellRef, contents: RawCellContent[][]): void {
    if (contents.length === 0) return;
    this.step(`Paste at ${cellAddress(at)}`, () => this.hf.setCellContents({ sheet: this.sheetId(), ...at }, contents));
  }

  /** Delete: clears the contents and keeps the formats, as Excel's Delete key does. */
  clearRange(range: RangeRef): void {
    const rows = range.end.row - range.start.row + 1;
    const cols = range.end.col - range.start.col + 1;
    this.step(`Clear ${cellAddress(range.start)}`, () =>
      this.hf.setCellContents(
        { sheet: this.sheetId(), ...range.start },
        Array.from({ length: rows }, () => new Array<RawCellContent>(cols).fill(null)),
      ),
    );
  }

  /** Renames a sheet (formulas that refer to it follow, as in Excel); returns why not, or null. */
  renameSheet(from: string, to: string): string | null {
    const name = to.trim();
    if (name === from) return null;
    const problem = sheetNameProblem(name);
    if (problem) return problem;
    if (this.hf.getSheetNames().some((other) => other !== from && sameSheetName(other, name)))
      return `there is already a sheet named "${name}": pick another name`;
    const typedFormats = new Map(this.side.typedFormats);
    const moved = typedFormats.get(from);
    typedFormats.delete(from);
    if (moved) typedFormats.set(name, moved);
    const wasActive = this.snapshot.activeSheet === from;
    this.step(`Rename sheet ${from}`, () => this.hf.renameSheet(this.sheetId(from), name), {
      plans: renameSheetInPlans(this.side.plans, from, name),
      typedFormats,
    });
    if (wasActive) this.activateSheet(name, this.snapshot.selection);
    return null;
  }

  /** Deletes a sheet (formulas that referred to it show #REF!, as in Excel); the last sheet stays. */
  deleteSheet(name: string): string | null {
    if (this.hf.getSheetNames().length <= 1) return "a workbook must keep at least one sheet";
    const typedFormats = new Map(this.side.typedFormats);
    typedFormats.delete(name);
    this.step(`Delete sheet ${name}`, () => this.hf.removeSheet(this.sheetId(name)), {
      plans: dropSheetFromPlans(this.side.plans, name),
      typedFormats,
    });
    return null;
  }

  canUndo = (): boolean => this.history.canUndo();
  canRedo = (): boolean => this.history.canRedo();

  undo(): void {
    let step: ReturnType<UndoHistory<SideState>["undo"]>;
    this.own(() => (step = this.history.undo()));
    if (!step) return;
    this.side = step.before;
    this.changed();
  }

  redo(): void {
    let step: ReturnType<UndoHistory<SideState>["redo"]>;
    this.own(() => (step = this.history.redo()));
    if (!step) return;
    this.side = step.after;
    this.changed();
  }

  /** A defined name's or a plan table's sheet and range, for the Name Box (names ignore case, as in Excel). */
  locateName(typed: string): { sheet: string; range: RangeRef } | undefined {
    const wanted = typed.trim().toUpperCase();
    const defined = this.hf.listNamedExpressions().find((name) => name.toUpperCase() === wanted);
    if (defined) {
      const target = namedRange(this.hf.getNamedExpressionFormula(defined));
      if (!target || this.hf.getSheetId(target.sheet) === undefined) return undefined;
      return { sheet: target.sheet, range: target.range };
    }
    for (const plan of [...this.side.plans].reverse())
      for (const sheet of plan.sheets)
        for (const table of sheet.tables ?? [])
          if (table.name.toUpperCase() === wanted && this.hf.getSheetId(sheet.name) !== undefined)
            return { sheet: sheet.name, range: parseRange(table.range) };
    return undefined;
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
        // The applier has just written the plan in one engine batch: that batch is this step,
        // unless the history was already out of step with the engine (then both start afresh).
        const before = this.side;
        this.side = { ...before, plans: [...before.plans, written] };
        if (this.stale) this.history.clear();
        else this.history.recorded({ label: `Write the ${written.description}`, before, after: this.side });
        this.unrecorded = false;
        this.stale = false;
        this.contentVersion++;
        const shown = written.sheets.find((s) => s.activate) ?? written.sheets[0];
        if (shown) this.activateSheet(shown.name, ORIGIN);
        else this.publish({});
      },
    };
  }
}
