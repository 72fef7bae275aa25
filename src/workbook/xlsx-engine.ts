/**
 * An .xlsx workbook in the engine and back: values, formulas and defined names go into a
 * HyperFormula instance (which recalculates everything, PE functions included); src/cli/recalc-write.ts
 * patches the computed results back into the file as cached values.
 *
 * Formulas as files store them are translated for the engine (src/core/excel-formula.ts): Excel saves
 * add-in functions as `_xldudf_PE_PARTNER_SCORE(…)` and newer built-ins as `_xlfn.IFS(…)`. Text cells enter with the quote prefix where the engine
 * would parse them (text-safety.ts), so "12" or "=x" stored as text stay text.
 */
import { toEngineFormula } from "../core/excel-formula";

/** A formula as a file stores it (no "="), as the engine reads it (with "="), outside any workbook. */
export function engineFormula(stored: string): string {
  return `=${toEngineFormula(stored)}`;
}
