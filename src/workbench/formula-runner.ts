import { NotAFormulaError, type HyperFormula } from "hyperformula";
import { ErrorResult, formatResult, normalizeFormula, toFormulaResult, type FormulaResult } from "../engine";
import { describeUnreadableFormula } from "./formula-problem";

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

/**
 * Evaluates a formula against the workbook as it is now, as if typed into a cell of `sheetId`
 * (the sheet on screen): its names (`=AVERAGE(Qual_Scores)`), sheets and cells are all there.
 * HyperFormula's calculateFormula writes no cell, so the workbook is left as it was.
 */
export function runFormula(hf: HyperFormula, sheetId: number, typed: string): EvaluatedFormula {
  const formula = normalizeFormula(typed);
  try {
    const result = toFormulaResult(hf.calculateFormula(formula, sheetId));
    return { formula, output: formatResult(result), kind: containsError(result) ? "excel-error" : "value" };
  } catch (caught) {
    if (caught instanceof NotAFormulaError)
      return { formula, output: describeUnreadableFormula(formula), kind: "invalid-formula" };
    return {
      formula,
      output: `The formula could not be computed: ${caught instanceof Error ? caught.message : String(caught)}`,
      kind: "invalid-formula",
    };
  }
}
