/**
 * The one contract every applier implements: `apply(target, plan, options)`, the target first
 * (Excel's `run`, an engine, an .xlsx package), the same options everywhere. A plan may be given
 * built, or as a function of what the applier read of the workbook, so that a host reads the
 * workbook once: its preflight reads the names in use, builds the plan from them, checks it for
 * conflicts and reports them as a PlanConflictError (the pane turns it into the overwrite question).
 */
import type { WorkbookPlan } from "../plan";
import { assertValidPlan } from "../validate-plan";
import type { ApplyOptions, ApplySummary, WorkbookInventory } from "./common";

export type { ApplyOptions, ApplyPhase } from "./common";

/** A built plan, or how to build one from the workbook's sheet, defined-name and table names. */
export type PlanSource = WorkbookPlan | ((inventory: WorkbookInventory) => WorkbookPlan);

export interface PlanApplier<Target, Result = ApplySummary> {
  /** Writes the plan into the target; rejects with PlanConflictError or PlanApplyError, the target as it was. */
  apply(target: Target, plan: PlanSource, options?: ApplyOptions): Promise<Result>;
}

/** The plan of a source, built from `inventory` when it is a builder, and checked. */
export function planOf(source: PlanSource, inventory: WorkbookInventory): WorkbookPlan {
  const plan = typeof source === "function" ? source(inventory) : source;
  assertValidPlan(plan);
  return plan;
}

/** A workbook with no sheets, names or tables: what a new file starts from. */
export const EMPTY_INVENTORY: WorkbookInventory = { sheetNames: [], definedNames: [], tableNames: [] };
