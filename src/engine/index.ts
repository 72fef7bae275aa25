/** The headless engine: HyperFormula with the PE functions, and stand-alone formula evaluation. */
export { createEngine, engineConfig, ENGINE_DEFAULTS } from "./create-engine";
export { registerPeFunctions } from "./pe-plugin";
export {
  evaluateFormula,
  evaluateFormulas,
  FormulaEvaluator,
  FormulaSyntaxError,
  normalizeFormula,
  type FormulaOutcome,
} from "./evaluate";
export { ErrorResult, toFormulaResult, type FormulaResult, type ResultCell } from "./formula-result";
export { formatResult } from "./format-result";
export {
  peFunctions,
  qualifiedName,
  signatureOf,
  FUNCTION_NAMESPACE,
  type FunctionMetadata,
  type ParameterMetadata,
} from "./function-metadata";
