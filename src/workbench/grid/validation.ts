/**
 * The plans' data validation, enforced on typing as Excel enforces a "Stop" alert: a value that
 * breaks the cell's rule is refused with the rule's own message, and the cell keeps what it had.
 * As in Excel, blanks pass ("Ignore blank"), a typed formula is checked by its result, list items
 * match without regard to case, and pasting is not checked (Excel's paste replaces validation
 * rather than obeying it).
 */
import type { HyperFormula } from "hyperformula";
import { parseRange, type CellRef } from "../../workbook/a1";
import type { ValidationBound, ValidationPlan, WorkbookPlan } from "../../workbook/plan";
import { formatGeneral } from "./number-format";

/** A Stop alert: the rule's message, under the title of the kind of check that refused it. */
export interface ValidationRefusal {
  title: string;
  message: string;
}

function inside(address: string, cell: CellRef): boolean {
  try {
    const { start, end } = parseRange(address);
    return cell.row >= start.row && cell.row <= end.row && cell.col >= start.col && cell.col <= end.col;
  } catch {
    return false;
  }
}

/** The rule on `cell` of `sheet`: the latest plan's wins, as a later validation replaces an earlier one in Excel. */
export function validationAt(plans: readonly WorkbookPlan[], sheet: string, cell: CellRef): ValidationPlan | undefined {
  for (let p = plans.length - 1; p >= 0; p--)
    for (const planned of plans[p].sheets) {
      if (planned.name !== sheet) continue;
      const rules = planned.validations ?? [];
      for (let v = rules.length - 1; v >= 0; v--) if (inside(rules[v].range, cell)) return rules[v];
    }
  return undefined;
}

function boundValue(bound: ValidationBound, hf: HyperFormula, sheetId: number): number | undefined {
  if (typeof bound === "number") return bound;
  try {
    const value = hf.calculateFormula(bound.formula, sheetId);
    return typeof value === "number" ? value : undefined;
  } catch {
    return undefined;
  }
}

function asText(value: unknown): string {
  if (typeof value === "number") return formatGeneral(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** Whether `value` (what the cell would hold: a number, text, boolean, error object or blank) passes `rule`. */
export function passes(rule: ValidationPlan, value: unknown, hf: HyperFormula, sheetId: number): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (rule.rule.kind === "list") {
    const typed = asText(value).toUpperCase();
    return rule.rule.items.some((item) => item.toUpperCase() === typed);
  }
  if (rule.rule.kind === "listFrom") return inListFrom(rule.rule.source, value, hf, sheetId);
  if (typeof value !== "number") return false;
  if (rule.rule.kind === "wholeNumber" && !Number.isInteger(value)) return false;
  const min = boundValue(rule.rule.min, hf, sheetId);
  const max = boundValue(rule.rule.max, hf, sheetId);
  // A bound the engine cannot compute (a deleted name) does not lock the cell.
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** A drop-down over cells ("=Score_Partners"): the value must be one of theirs; a source the engine cannot compute does not lock the cell. */
function inListFrom(source: string, value: unknown, hf: HyperFormula, sheetId: number): boolean {
  let cells: unknown;
  try {
    cells = hf.calculateFormula(source, sheetId);
  } catch {
    return true;
  }
  if (!Array.isArray(cells)) return true;
  const typed = asText(value).toUpperCase();
  return cells.flat().some((cell) => cell !== null && asText(cell).toUpperCase() === typed);
}

export function refusal(rule: ValidationPlan): ValidationRefusal {
  return { title: "This value is not allowed here", message: rule.error };
}
