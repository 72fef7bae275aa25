/** The .xlsx writer under the one applier contract (appliers/contract.ts): a new package from a plan. */
import type { ApplyOptions } from "./common";
import { EMPTY_INVENTORY, planOf, type PlanApplier, type PlanSource } from "./contract";
import { writePlanToXlsx, type CachedValues } from "./xlsx";

/** A new .xlsx package; `cachedValues` gives each formula cell the value a reader shows before recalculating. */
export interface XlsxTarget {
  cachedValues?: CachedValues;
}

export interface XlsxWritten {
  bytes: Buffer;
}

export const xlsxApplier: PlanApplier<XlsxTarget, XlsxWritten> = {
  async apply(target: XlsxTarget, source: PlanSource, options: ApplyOptions = {}) {
    const progress = options.onProgress ?? (() => undefined);
    progress("checking");
    const plan = planOf(source, EMPTY_INVENTORY);
    progress("writing");
    const bytes = await writePlanToXlsx(plan, target.cachedValues);
    progress("done");
    return { bytes };
  },
};
