import { HyperFormula, type ConfigParams, type Sheets } from "hyperformula";
import { ensureLanguageKnowsPeFunctions, registerPeFunctions } from "./pe-plugin";
import { registerBuiltins } from "./builtins-plugin";
import { registerRankFunctions } from "./rank-plugin";

/**
 * How every engine of ours is configured:
 * - `gpl-v3`: HyperFormula's licence for GPL projects (ours is GPL-3.0-or-later);
 * - `smartRounding: false`: otherwise exported numbers are rounded to 9 decimals, unlike Excel;
 * - `useArrayArithmetic: true`: Excel 365 semantics, so `SUMPRODUCT((A1:A9>B1)*(A1:A9-B1))` and
 *   `=A1:A9*2` work element by element (without it HyperFormula reduces the ranges to one value);
 * - Excel's sheet size, 1,048,576 rows × 16,384 columns (HyperFormula's default stops at 40,000
 *   rows); the file reader hands over sparse rows, so memory follows the cells that exist.
 */
export const ENGINE_DEFAULTS: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  smartRounding: false,
  useArrayArithmetic: true,
  maxRows: 1_048_576,
  maxColumns: 16_384,
};

export function engineConfig(overrides: Partial<ConfigParams> = {}): Partial<ConfigParams> {
  return { ...ENGINE_DEFAULTS, ...overrides };
}

/** A HyperFormula instance with every PE function registered; `sheets` optionally fills it at once. */
export function createEngine(config: Partial<ConfigParams> = {}, sheets?: Sheets): HyperFormula {
  registerPeFunctions();
  registerRankFunctions();
  registerBuiltins();
  const resolved = engineConfig(config);
  ensureLanguageKnowsPeFunctions(resolved.language ?? "enGB");
  return sheets ? HyperFormula.buildFromSheets(sheets, resolved) : HyperFormula.buildEmpty(resolved);
}
