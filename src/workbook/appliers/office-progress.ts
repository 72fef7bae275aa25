/**
 * Progress and Cancel for large pane writes. A write of more than LARGE_WRITE_ROWS rows is sent
 * in about PROGRESS_SYNCS syncs instead of one (each still within the request budget), so that
 * the pane can show how far it has got after each `context.sync()` and the user can stop it
 * between two syncs. Nothing can stop a sync Excel is running, so Cancel takes effect before the
 * next one; the applier then rolls back as after a failure (two more syncs), which leaves the
 * workbook as it was.
 *
 * The number of syncs is known before the first one: the writes' sizes are counted with the same
 * budget rule the write follows (SyncBudget), so the bar is determinate and ends at 100%.
 */
import { PlanApplyError } from "./common";
import { SyncBudget } from "./office-ranges";

/** From this many planned rows on, a pane write reports progress per sync and can be cancelled. */
export const LARGE_WRITE_ROWS = 2_000;
/** About how many write syncs a large write is split into. */
export const PROGRESS_SYNCS = 10;
/** No split smaller than this: each sync costs a round trip to Excel. */
export const MIN_PROGRESS_SYNC_BYTES = 16_000;

/** The user cancelled the write; the workbook was put back as it was (or, if that failed, say so). */
export class WriteCancelledError extends PlanApplyError {
  constructor(description: string, rolledBack: boolean) {
    super(
      rolledBack
        ? `the ${description} was not written: you cancelled it, and the workbook is as it was`
        : `the ${description} was cancelled, but undoing what it had written failed: check for a partly written sheet`,
      rolledBack,
    );
    this.name = "WriteCancelledError";
  }
}

/** Thrown inside the write when the user has cancelled; the applier turns it into WriteCancelledError after rolling back. */
export class CancelRequested extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelRequested";
  }
}

/** The number of syncs writes of these sizes take under `limit` (the budget's early syncs plus the final one). */
export async function countWriteSyncs(sizes: readonly number[], limit: number): Promise<number> {
  const budget = new SyncBudget(async () => undefined, limit);
  for (const bytes of sizes) if (bytes > 0) await budget.spend(bytes);
  return budget.extraSyncs + 1;
}

/** The per-sync budget for a write: the host's, or smaller for a large write so it goes out in steps. */
export function progressBudget(sizes: readonly number[], rows: number, hostLimit: number, split: boolean): number {
  if (!split || rows <= LARGE_WRITE_ROWS) return hostLimit;
  const total = sizes.reduce((sum, bytes) => sum + bytes, 0);
  return Math.min(hostLimit, Math.max(MIN_PROGRESS_SYNC_BYTES, Math.ceil(total / PROGRESS_SYNCS)));
}

/** Every write sync goes through here: cancel is checked before it, progress reported after it. */
export class SyncProgress {
  private done = 0;

  constructor(
    readonly total: number,
    private readonly report: (done: number, total: number) => void = () => undefined,
    private readonly signal?: AbortSignal,
  ) {}

  async sync(context: Excel.RequestContext): Promise<void> {
    if (this.signal?.aborted) throw new CancelRequested();
    await context.sync();
    this.done++;
    this.report(this.done, Math.max(this.total, this.done));
  }
}
