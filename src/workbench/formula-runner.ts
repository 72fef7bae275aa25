import { ErrorResult, evaluateFormula, formatResult, FormulaSyntaxError, normalizeFormula, type FormulaResult } from "../engine";

/** What the formula page shows for one formula: the engine's result as `pe-calc eval` prints it. */
export interface EvaluatedFormula {
  formula: string;
  output: string;
  /** "excel-error" when the result, or any cell of it, is an Excel error. */
  kind: "value" | "excel-error" | "invalid-formula";
}

function containsError(result: FormulaResult): boolean {
  if (Array.isArray(result)) return result.some((row) => row.some((cell) => cell instanceof ErrorResult));
  return result instanceof ErrorResult;
}

export function runFormula(typed: string): EvaluatedFormula {
  const formula = normalizeFormula(typed);
  try {
    const result = evaluateFormula(formula);
    return { formula, output: formatResult(result), kind: containsError(result) ? "excel-error" : "value" };
  } catch (caught) {
    if (caught instanceof FormulaSyntaxError) return { formula, output: caught.reason, kind: "invalid-formula" };
    return {
      formula,
      output: `the engine failed: ${caught instanceof Error ? caught.message : String(caught)}`,
      kind: "invalid-formula",
    };
  }
}
