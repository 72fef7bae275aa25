/**
 * The pane's one seam to a workbook. Wizards talk to a `WorkbookHost` and nothing else, so the same
 * wizard code writes into Excel (office-host.ts) and into the workbench's engine (engine-host.ts).
 * Every method is asynchronous because Office's are; the engine host answers at once.
 */
import type { ApplySummary, WorkbookInventory } from "../../workbook/appliers/common";
import type { PlanSource } from "../../workbook/appliers/contract";
import type { ColorScheme } from "../theme";

export type WorkbookHostKind = "excel" | "engine";

/** Where a write has got to, for the pane's progress indicator. */
export interface WriteProgress {
  stage: "checking" | "writing" | "formatting" | "recalculating" | "done";
  /** One line for the user, e.g. "Writing 1,000 partners". */
  message: string;
  /** 0..1 when the host can tell; undefined for an indeterminate stage. */
  fraction?: number;
  /** A write sent in several syncs: how many are done (the message already says it). */
  step?: { done: number; total: number };
  /** The write can still be stopped (a large write between two of its syncs): ApplyRequest.signal. */
  cancellable?: boolean;
}

export interface ApplyRequest {
  /** The user agreed to replace the non-empty cells a PlanConflictError reported. */
  overwrite?: boolean;
  onProgress?: (progress: WriteProgress) => void;
  /** Aborting it cancels a large write before its next sync; the host then puts the workbook back as it was. */
  signal?: AbortSignal;
}

export interface WorkbookHost {
  kind: WorkbookHostKind;
  /** The colour scheme the pane should follow (Office's theme when hosted). */
  colorScheme: ColorScheme;
  /** Something the user should know about where the pane writes, shown above the tools. */
  note?: { text: string; link?: { href: string; label: string } };
  /** The selected cells' non-blank contents as text, row by row (a partner list, for instance). */
  selectedCells(): Promise<string[][]>;
  /** Sheet, defined-name and table names the workbook already has, so plans can avoid them. */
  inventory(): Promise<WorkbookInventory>;
  /**
   * Writes the plan, or the plan built from the workbook's names as the host reads them (the one
   * read of a write). Rejects with PlanConflictError (its `conflicts` listed) when the plan would
   * write over non-empty cells and `overwrite` is not set, and with the reason when it cannot
   * write; by then the host has removed whatever the failed write had added.
   */
  apply(plan: PlanSource, request?: ApplyRequest): Promise<ApplySummary>;
  /** A document setting (JSON text) saved with the workbook, or undefined. */
  loadSetting(key: string): Promise<string | undefined>;
  saveSetting(key: string, json: string): Promise<void>;
  /** Selects the sheet, as the summary's "Go to sheet" action does. */
  activateSheet(name: string): Promise<void>;
}

/** A message for the user from anything a host threw. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return "the workbook reported an unknown error";
}

/** Lets the browser paint (a progress bar) before a long synchronous step. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}
