/**
 * Excel's limits on one formula, checked without recursion before a formula reaches HyperFormula
 * (whose parser and evaluator recurse once per nesting level, so a formula nested a few hundred
 * levels deep would overflow the stack instead of failing cleanly):
 * - 8,192 characters ("Excel specifications and limits": length of formula contents);
 * - 64 nested levels (same page: "Nested levels of functions"). We count every open parenthesis
 *   or array brace outside text and quoted sheet names, which is Excel's function nesting plus
 *   grouping parentheses, and runs of prefix operators (`----1`), which nest the same way.
 */
export const MAX_FORMULA_LENGTH = 8192;
export const MAX_NESTING = 64;
/**
 * Infix operators one formula may chain. Not an Excel limit: HyperFormula evaluates `1+1+…+1` by
 * recursion, one level an operator, and overflows the stack somewhere past 1,000 (measured: 1,000
 * pass, 1,500 fail); Excel's 8,192 characters allow about 4,000.
 */
export const MAX_OPERATORS = 1000;

export interface FormulaShape {
  /** Deepest nesting: parentheses, braces, runs of prefix + and -. */
  depth: number;
  /** Infix operators outside text (+ - * / ^ & = < >; a two-character comparison counts once). */
  operators: number;
}

/** How deep the formula nests and how many operators it chains, without recursion. */
export function formulaShape(formula: string): FormulaShape {
  let operators = 0;
  let depth = 0;
  let deepest = 0;
  let prefixRun = 0;
  let previous = "(";
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // skip "text" or 'Sheet name' (a doubled quote stays inside)
      for (i++; i < formula.length; i++) {
        if (formula[i] === ch) {
          if (formula[i + 1] === ch) i++;
          else break;
        }
      }
      previous = ch;
      prefixRun = 0;
      continue;
    }
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") continue;
    if ((ch === "-" || ch === "+") && /[(,;{=+\-*/^&<>]/.test(previous)) {
      prefixRun++;
      deepest = Math.max(deepest, depth + prefixRun);
    } else if (/[+\-*/^&=<>]/.test(ch)) {
      if (i > 0 && !/[=<>]/.test(previous)) operators++;
      prefixRun = 0;
    } else {
      prefixRun = 0;
      if (ch === "(" || ch === "{") deepest = Math.max(deepest, ++depth);
      else if (ch === ")" || ch === "}") depth = Math.max(0, depth - 1);
    }
    previous = ch;
  }
  return { depth: deepest, operators };
}

export function nestingDepth(formula: string): number {
  return formulaShape(formula).depth;
}

/** Why Excel would not accept this formula (one short sentence), or undefined when it is within the limits. */
export function formulaLimitProblem(formula: string): string | undefined {
  if (formula.length > MAX_FORMULA_LENGTH)
    return `the formula is ${formula.length.toLocaleString("en-US")} characters long; Excel allows ${MAX_FORMULA_LENGTH.toLocaleString("en-US")}`;
  const { depth, operators } = formulaShape(formula);
  if (depth > MAX_NESTING) return `the formula nests ${depth} levels deep; Excel allows ${MAX_NESTING}`;
  if (operators > MAX_OPERATORS)
    return `the formula chains ${operators.toLocaleString("en-US")} operators; pe-calc evaluates up to ${MAX_OPERATORS.toLocaleString("en-US")} in one formula (sum a range instead)`;
  return undefined;
}
