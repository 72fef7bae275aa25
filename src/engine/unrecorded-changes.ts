/**
 * Loading a workbook or a plan without HyperFormula's record of every changed cell. A batch keeps
 * one record per cell it writes or computes, to return them and to send them to `valuesUpdated`
 * listeners: at 10,000 partners 120,000 records held until the batch ends, about 5% of `pe-calc
 * new` and a share of its garbage collection. Our loads ignore the batch's return value, so when
 * nothing listens for `valuesUpdated` (the command line; the workbench's grid does listen) the
 * records are not kept. HyperFormula reads them for nothing else but its column index
 * (`useColumnIndex`), which then keeps them.
 *
 * This reaches into HyperFormula's private structure (its change recorder and its event emitter);
 * when that is not as expected, the build runs with the records as before.
 */
import type { HyperFormula } from "hyperformula";
import { whileReplaced } from "./replaced-property";

interface ChangeRecorder {
  add(...args: unknown[]): void;
}

interface Internals {
  _crudOperations?: { operations?: { changes?: { constructor?: { prototype?: ChangeRecorder } } } };
  _emitter?: { e?: Record<string, unknown[] | undefined> };
}

/** The prototype of HyperFormula's change records when nothing would read them, else undefined. */
function unreadRecorder(hf: HyperFormula): ChangeRecorder | undefined {
  const internals = hf as unknown as Internals;
  const recorder = internals._crudOperations?.operations?.changes?.constructor?.prototype;
  if (typeof recorder?.add !== "function" || hf.getConfig().useColumnIndex) return undefined;
  const emitter = internals._emitter;
  if (emitter === undefined) return undefined;
  // The emitter keeps its listeners by event name in `e`; a probe proves the layout before trusting it.
  const probe = () => {};
  hf.on("valuesUpdated", probe);
  const layoutKnown = emitter.e?.valuesUpdated?.some((entry) => (entry as { fn?: unknown }).fn === probe) === true;
  hf.off("valuesUpdated", probe);
  if (!layoutKnown || (emitter.e?.valuesUpdated?.length ?? 0) > 0) return undefined;
  return recorder;
}

/** Whether `withoutChangeRecords` would skip the records for this engine now. */
export function skipsChangeRecords(hf: HyperFormula): boolean {
  return unreadRecorder(hf) !== undefined;
}

/**
 * Runs `build` (one HyperFormula batch, whose return value the caller ignores) without the
 * per-cell change records when nothing would read them.
 */
export function withoutChangeRecords<T>(hf: HyperFormula, build: () => T): T {
  const recorder = unreadRecorder(hf);
  return recorder === undefined ? build() : whileReplaced(recorder, "add", () => {}, build);
}
