/**
 * A formula the engine cannot read, said the way Excel says it when it refuses a typed formula
 * ("There's a problem with this formula"), with the likely slip named in plain words instead of
 * the engine's parser tokens (`Expecting token of type --> RParen <--`).
 */
import type { HyperFormula } from "hyperformula";

const PREFIX = "There's a problem with this formula";

function slipIn(formula: string): string {
  let open = 0;
  let braces = 0;
  let quoted = false;
  let apostrophe = false;
  for (const char of formula) {
    if (char === '"' && !apostrophe) quoted = !quoted;
    else if (char === "'" && !quoted) apostrophe = !apostrophe;
    if (quoted || apostrophe) continue;
    if (char === "(") open++;
    if (char === ")" && --open < 0) return "a ')' has no '(' before it";
    if (char === "{") braces++;
    if (char === "}" && --braces < 0) return "a '}' has no '{' before it";
  }
  if (quoted) return 'a text in double quotes (") is not closed';
  if (apostrophe) return "a sheet name in apostrophes (') is not closed";
  if (open === 1) return "a '(' is not closed";
  if (open > 1) return `${open} '(' are not closed`;
  if (braces > 0) return "an array constant '{' is not closed";
  if (/[+\-*/^&=<>,]\s*\)?\s*$/.test(formula.slice(1))) return "it ends with an operator or a comma: a value is missing";
  return "a value is missing or an operator is out of place";
}

/** Why `formula` (starting with "=") is not one the engine can read, in Excel's words; null when it is. */
export function formulaProblem(hf: HyperFormula, formula: string): string | null {
  if (hf.validateFormula(formula)) return null;
  return `${PREFIX}: ${slipIn(formula)}.`;
}

/** The same message for a formula already known to be unreadable (the formula box's outcome). */
export function describeUnreadableFormula(formula: string): string {
  return `${PREFIX}: ${slipIn(formula)}.`;
}
