/**
 * Keeps the workbench's workbook in the browser's storage: a moment after each change (so a
 * burst of typing is one write), and restores it when the page opens again. While a change is
 * not yet stored — or the browser refused to store it — leaving the page asks first
 * (beforeunload), so a reload or a closed tab never silently loses work.
 */
import type { WorkbookStore } from "../grid/workbook-store";
import { readStoredWorkbook, storageAvailable, writeStoredWorkbook } from "./browser-storage";
import { savedWorkbookOf } from "./saved-workbook";

export type SaveState = "saved" | "pending" | "failed" | "unavailable";

export const AUTOSAVE_DELAY_MS = 500;

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seen: number;
  private state: SaveState;
  private listeners = new Set<(state: SaveState) => void>();

  constructor(
    private readonly store: WorkbookStore,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {
    this.seen = store.contentVersion;
    this.state = storageAvailable() ? "saved" : "unavailable";
  }

  get saveState(): SaveState {
    return this.state;
  }

  /** True while leaving the page would lose a change. */
  get unsaved(): boolean {
    return this.state === "pending" || this.state === "failed" || (this.state === "unavailable" && this.store.contentVersion > 0);
  }

  onState(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: SaveState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  /** Watches the store; returns the function that stops watching (and drops a pending write). */
  start(): () => void {
    const unsubscribe = this.store.subscribe(() => {
      if (this.store.contentVersion === this.seen) return;
      this.seen = this.store.contentVersion;
      this.schedule();
    });
    return () => {
      unsubscribe();
      clearTimeout(this.timer);
    };
  }

  /** Stores the workbook as it is now (after opening a file, at once rather than after the delay). */
  schedule(delayMs = this.delayMs): void {
    if (this.state === "unavailable") return;
    this.set("pending");
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.write(), delayMs);
  }

  private async write(): Promise<void> {
    const version = this.store.contentVersion;
    try {
      await writeStoredWorkbook(savedWorkbookOf(this.store.hf, this.store.sideState()));
      // A change made while writing is written by its own scheduled save.
      if (version === this.store.contentVersion) this.set("saved");
    } catch {
      this.set("failed");
    }
  }
}

/** What was stored last time, if the browser has it and lets us read it. */
export async function storedWorkbook(): Promise<unknown> {
  if (!storageAvailable()) return undefined;
  try {
    return await readStoredWorkbook();
  } catch {
    return undefined;
  }
}
