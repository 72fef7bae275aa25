/**
 * Writing a wizard's plan, as a small state machine the runner renders:
 * idle → (confirm: the plan would write over non-empty cells) → writing → done | failed.
 * The host removes whatever a failed write added, so "failed" means "the workbook is as it was".
 */
import { useCallback, useRef, useState } from "react";
import { PlanConflictError, type ApplySummary, type CellConflict, type WorkbookInventory } from "../../workbook/appliers/common";
import type { WorkbookPlan } from "../../workbook/plan";
import { reasonOf, type WorkbookHost, type WriteProgress } from "../hosts/workbook-host";

/** How the wizard builds its plan from the workbook's names (read once, by the host's write). */
export type PlanBuilder = (inventory: WorkbookInventory) => PreparedPlan;

export type WritePhase =
  | { kind: "idle" }
  | { kind: "preparing" }
  | { kind: "confirm"; conflicts: CellConflict[]; build: PlanBuilder }
  /** `cancel` is there while a large write can still be stopped (LargeWriteProgress.tsx). */
  | { kind: "writing"; progress: WriteProgress; cancel?: () => void }
  | { kind: "done"; summary: ApplySummary; seconds: number }
  | { kind: "failed"; reason: string };

export interface PreparedPlan {
  plan: WorkbookPlan;
  progressLabel?: string;
}

export interface WriteControl {
  phase: WritePhase;
  /**
   * Writes the plan `build` makes from what the host read of the workbook (one read, one write:
   * 2 syncs in Excel); when it would write over non-empty cells, asks first (the confirm phase).
   */
  start(build: PlanBuilder): Promise<void>;
  /** The user agreed to replace the cells listed in the confirm phase. */
  confirmOverwrite(): Promise<void>;
  /** Back to the inputs, writing nothing (from confirm, failed or done). */
  reset(): void;
}

/**
 * One write through the host, everything the pane does for it: the host reads the workbook once,
 * the plan is built from what it read, conflicts come back as the confirm phase. Returns the
 * phase the write ended in; `onPhase` sees every phase on the way.
 */
export async function writeThroughHost(
  host: WorkbookHost,
  build: PlanBuilder,
  overwrite: boolean,
  onPhase: (phase: WritePhase) => void = () => undefined,
): Promise<WritePhase> {
  const started = performance.now();
  let label: string | undefined;
  const source = (inventory: WorkbookInventory): WorkbookPlan => {
    const prepared = build(inventory);
    label = prepared.progressLabel;
    return prepared.plan;
  };
  let ended: WritePhase;
  const cancelling = new AbortController();
  try {
    const summary = await host.apply(source, {
      overwrite,
      signal: cancelling.signal,
      onProgress: (progress) => {
        const message = progress.stage === "writing" && label && !progress.step ? label : progress.message;
        const cancel = progress.cancellable && !cancelling.signal.aborted ? () => cancelling.abort() : undefined;
        onPhase({ kind: "writing", progress: { ...progress, message }, cancel });
      },
    });
    ended = { kind: "done", summary, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    ended =
      error instanceof PlanConflictError && error.conflicts.length > 0 && !overwrite
        ? { kind: "confirm", conflicts: error.conflicts, build }
        : { kind: "failed", reason: reasonOf(error) };
  }
  onPhase(ended);
  return ended;
}

export function useWrite(host: WorkbookHost): WriteControl {
  const [phase, setPhase] = useState<WritePhase>({ kind: "idle" });
  const busy = useRef(false);

  const write = useCallback(
    async (build: PlanBuilder, overwrite: boolean) => {
      await writeThroughHost(host, build, overwrite, setPhase);
    },
    [host],
  );

  const start = useCallback(
    async (build: PlanBuilder) => {
      if (busy.current) return;
      busy.current = true;
      setPhase({ kind: "preparing" });
      try {
        await write(build, false);
      } finally {
        busy.current = false;
      }
    },
    [write],
  );

  const confirmOverwrite = useCallback(async () => {
    if (phase.kind !== "confirm" || busy.current) return;
    busy.current = true;
    try {
      await write(phase.build, true);
    } finally {
      busy.current = false;
    }
  }, [phase, write]);

  const reset = useCallback(() => setPhase({ kind: "idle" }), []);

  return { phase, start, confirmOverwrite, reset };
}
