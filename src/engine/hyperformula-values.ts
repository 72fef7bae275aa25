/**
 * HyperFormula's value classes as plain bindings, read once. In the pe-calc bundle every use of a
 * CommonJS package's export goes through a getter (esbuild's interop), and these are tested for
 * every argument of every PE call and built-in of ours: up to 3% of a 1,000-partner `pe-calc new`
 * in the profile, before the JIT inlines them. Modules on that path import them from here.
 */
import * as HyperFormulaExports from "hyperformula";

export const CellError = HyperFormulaExports.CellError;
export type CellError = HyperFormulaExports.CellError;
export const SimpleRangeValue = HyperFormulaExports.SimpleRangeValue;
export type SimpleRangeValue = HyperFormulaExports.SimpleRangeValue;
export const EmptyValue = HyperFormulaExports.EmptyValue;
