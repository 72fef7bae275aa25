/**
 * Writing a wizard's plan, as a small state machine the runner renders:
 * idle → (confirm: the plan would write over non-empty cells) → writing → done | failed.
 * The host removes whatever a failed write added, so "failed" means "the workbook is as it was".
 */
import { useCallback, useRef, useState } from "react";
import type { ApplySummary, CellConflict } from "../../workbook/appliers/common";
import type { WorkbookPlan } from "../../workbook/plan";
import { reasonOf, type WorkbookHost, type WriteProgress } from "../hosts/workbook-host";

export type WritePhase =
  | { kind: "idle" }
  | { kind: "preparing" }
  | { kind: "confirm"; conflicts: CellConflict[]; plan: WorkbookPlan; progressLabel?: string }
  | { kind: "writing"; progress: WriteProgress }
  | { kind: "done"; summary: ApplySummary; seconds: number }
  | { kind: "failed"; reason: string };

export interface PreparedPlan {
  plan: WorkbookPlan;
  progressLabel?: string;
}

export interface WriteControl {
  phase: WritePhase;
  /** Builds the plan (may throw: shown as a failure), asks about conflicts, then writes. */
  start(prepare: () => Promise<PreparedPlan>): Promise<void>;
  /** The user agreed to replace the cells listed in the confirm phase. */
  confirmOverwrite(): Promise<void>;
  /** Back to the inputs, writing nothing (from confirm, failed or done). */
  reset(): void;
}

export function useWrite(host: WorkbookHost): WriteControl {
  const [phase, setPhase] = useState<WritePhase>({ kind: "idle" });
  const busy = useRef(false);

  const write = useCallback(
    async (prepared: PreparedPlan, overwrite: boolean) => {
      const started = performance.now();
      const initial: WriteProgress = { stage: "writing", message: prepared.progressLabel ?? "Writing", fraction: undefined };
      setPhase({ kind: "writing", progress: initial });
      try {
        const summary = await host.apply(prepared.plan, {
          overwrite,
          onProgress: (progress) => {
            const message = progress.stage === "writing" && prepared.progressLabel ? prepared.progressLabel : progress.message;
            setPhase({ kind: "writing", progress: { ...progress, message } });
          },
        });
        setPhase({ kind: "done", summary, seconds: (performance.now() - started) / 1000 });
      } catch (error) {
        setPhase({ kind: "failed", reason: reasonOf(error) });
      }
    },
    [host],
  );

  const start = useCallback(
    async (prepare: () => Promise<PreparedPlan>) => {
      if (busy.current) return;
      busy.current = true;
      setPhase({ kind: "preparing" });
      try {
        const prepared = await prepare();
        const conflicts = await host.findConflicts(prepared.plan);
        if (conflicts.length > 0) {
          setPhase({ kind: "confirm", conflicts, plan: prepared.plan, progressLabel: prepared.progressLabel });
          return;
        }
        await write(prepared, false);
      } catch (error) {
        setPhase({ kind: "failed", reason: reasonOf(error) });
      } finally {
        busy.current = false;
      }
    },
    [host, write],
  );

  const confirmOverwrite = useCallback(async () => {
    if (phase.kind !== "confirm" || busy.current) return;
    busy.current = true;
    try {
      await write({ plan: phase.plan, progressLabel: phase.progressLabel }, true);
    } finally {
      busy.current = false;
    }
  }, [phase, write]);

  const reset = useCallback(() => setPhase({ kind: "idle" }), []);

  return { phase, start, confirmOverwrite, reset };
}
