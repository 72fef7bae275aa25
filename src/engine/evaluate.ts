import { HyperFormula, NotAFormulaError, type CellValue } from "hyperformula";
import { createEngine } from "./create-engine";
import { toEngineFormula } from "../core/excel-formula";
import { toFormulaResult, type FormulaResult } from "./formula-result";
import { explainSyntaxError } from "./formula-syntax";

/** A formula that does not parse: not a result (an Excel error is one), a mistake in the input. */
export class FormulaSyntaxError extends Error {
  constructor(
    readonly formula: string,
    readonly reason: string,
  ) {
    super(`cannot parse ${formula}: ${reason}`);
    this.name = "FormulaSyntaxError";
  }
}

export type FormulaOutcome = { formula: string; result: FormulaResult } | { formula: string; syntaxError: FormulaSyntaxError };

/**
 * A formula as a user may type it on a command line (the leading "=" is optional), in the syntax
 * the engine reads (TRUE/FALSE literals, file prefixes: see excel-formula.ts).
 */
export function normalizeFormula(formula: string): string {
  const text = formula.trim();
  return toEngineFormula(text.startsWith("=") ? text : `=${text}`);
}

const SCRATCH_SHEET = "Scratch";

/**
 * Evaluates stand-alone formulas in one engine, against an empty scratch sheet (a formula may still
 * refer to cells: they are blank). HyperFormula's `calculateFormula` evaluates without writing a
 * cell, so nothing accumulates between formulas.
 */
export class FormulaEvaluator {
  readonly engine: HyperFormula;
  private readonly sheetId: number;

  constructor(engine: HyperFormula = createEngine()) {
    this.engine = engine;
    const existing = engine.getSheetId(SCRATCH_SHEET);
    this.sheetId = existing ?? (engine.getSheetId(engine.addSheet(SCRATCH_SHEET)) as number);
  }

  /** The result of one formula; throws FormulaSyntaxError when it does not parse. */
  evaluate(formula: string): FormulaResult {
    const text = normalizeFormula(formula);
    let value: CellValue | CellValue[][];
    try {
      value = this.engine.calculateFormula(text, this.sheetId);
    } catch (caught) {
      if (caught instanceof NotAFormulaError)
        throw new FormulaSyntaxError(formula.trim(), explainSyntaxError(text, this.parserDetail(text)));
      throw caught;
    }
    return toFormulaResult(value);
  }

  evaluateAll(formulas: readonly string[]): FormulaOutcome[] {
    return formulas.map((formula) => {
      try {
        return { formula, result: this.evaluate(formula) };
      } catch (caught) {
        if (caught instanceof FormulaSyntaxError) return { formula, syntaxError: caught };
        throw caught;
      }
    });
  }

  /** The parser's message, which HyperFormula only gives for a formula written into a cell. */
  private parserDetail(text: string): string | undefined {
    const address = { sheet: this.sheetId, row: 0, col: 0 };
    try {
      this.engine.setCellContents(address, text);
      const value = this.engine.getCellValue(address);
      return typeof value === "object" && value !== null && "message" in value ? String(value.message) : undefined;
    } catch {
      return undefined;
    } finally {
      this.engine.setCellContents(address, null);
    }
  }
}

let shared: FormulaEvaluator | undefined;

function sharedEvaluator(): FormulaEvaluator {
  shared ??= new FormulaEvaluator();
  return shared;
}

/** One formula's result in a shared engine; throws FormulaSyntaxError when it does not parse. */
export function evaluateFormula(formula: string): FormulaResult {
  return sharedEvaluator().evaluate(formula);
}

/** Many formulas in one engine, in order; an unparsable one gives its syntaxError instead of a result. */
export function evaluateFormulas(formulas: readonly string[]): FormulaOutcome[] {
  return sharedEvaluator().evaluateAll(formulas);
}
