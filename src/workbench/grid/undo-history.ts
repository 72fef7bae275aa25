/**
 * Undo and redo for the workbench: the engine (HyperFormula) keeps the cells' history itself —
 * one entry per operation, a whole `batch` (how the engine applier writes a plan) being one
 * entry — and this keeps, step for step beside it, what the engine does not know: the plans that
 * dress the sheets and the formats typing gave cells. Undo asks the engine to undo, then puts
 * the side state back as it was before the step; redo the other way round.
 */
import type { HyperFormula } from "hyperformula";

export interface HistoryStep<S> {
  /** What the user would call the step: "Typing in B3", "Write the qualification matrix". */
  label: string;
  before: S;
  after: S;
}

export class UndoHistory<S> {
  private done: HistoryStep<S>[] = [];
  private undone: HistoryStep<S>[] = [];

  constructor(
    private readonly hf: HyperFormula,
    /** The engine's own limit (its `undoLimit`): older steps are forgotten on both sides. */
    private readonly limit: number,
  ) {}

  /** Call right after the engine operation (one engine undo entry) that the step made. */
  recorded(step: HistoryStep<S>): void {
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  canUndo(): boolean {
    return this.done.length > 0 && this.hf.isThereSomethingToUndo();
  }

  canRedo(): boolean {
    return this.undone.length > 0 && this.hf.isThereSomethingToRedo();
  }

  /** Undoes the last step in the engine; returns it so the caller restores `before`. */
  undo(): HistoryStep<S> | undefined {
    return this.canUndo() ? this.move(this.done, this.undone, () => this.hf.undo()) : undefined;
  }

  redo(): HistoryStep<S> | undefined {
    return this.canRedo() ? this.move(this.undone, this.done, () => this.hf.redo()) : undefined;
  }

  /** Moves the newest step from one stack to the other while the engine takes its own step. */
  private move(from: HistoryStep<S>[], to: HistoryStep<S>[], engineStep: () => void): HistoryStep<S> {
    const step = from.pop()!;
    engineStep();
    to.push(step);
    return step;
  }

  /** Forgets every step, in the engine too: used when the engine changed outside any step. */
  clear(): void {
    this.done = [];
    this.undone = [];
    this.hf.clearUndoStack();
    this.hf.clearRedoStack();
  }

  nextUndoLabel(): string | undefined {
    return this.canUndo() ? this.done[this.done.length - 1].label : undefined;
  }

  nextRedoLabel(): string | undefined {
    return this.canRedo() ? this.undone[this.undone.length - 1].label : undefined;
  }
}
