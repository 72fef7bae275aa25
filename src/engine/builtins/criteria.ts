/**
 * Excel's criteria, as SUMIF, COUNTIFS, AVERAGEIFS … read them: "<>0", ">=5", "ab*", "=", "",
 * a number, TRUE, a blank cell. Text compares without regard to case and with wildcards for =
 * and <>; a criterion that reads as a number compares numbers. A reference to an empty cell is
 * the criterion 0 (Microsoft's COUNTIFS reference: "If the criteria argument is a reference to an
 * empty cell, the COUNTIFS function treats the empty cell as a 0 value"). An error value as the
 * criterion matches the cells that hold the same error.
 */
import { CellError } from "hyperformula";
import { wildcardPattern } from "./match";
import { NULL_ERROR_MESSAGE } from "../error-codes";
import type { Scalar } from "./values";

export type Criterion = (cell: Scalar) => boolean;

function numeric(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const n = Number(trimmed);
  if (Number.isFinite(n)) return n;
  if (/%$/.test(trimmed) && Number.isFinite(Number(trimmed.slice(0, -1)))) return Number(trimmed.slice(0, -1)) / 100;
  return undefined;
}

function compare(op: string, difference: number): boolean {
  switch (op) {
    case "<":
      return difference < 0;
    case "<=":
      return difference <= 0;
    case ">":
      return difference > 0;
    case ">=":
      return difference >= 0;
    case "<>":
      return difference !== 0;
    default:
      return difference === 0;
  }
}

/** An error's identity as Excel shows it (our stand-in for #NULL! is not the engine's #ERROR!). */
const errorKey = (error: CellError): string => (error.message === NULL_ERROR_MESSAGE ? NULL_ERROR_MESSAGE : error.type);

export function parseCriterion(criterion: Scalar): Criterion {
  if (criterion instanceof CellError) {
    // An error as the criterion counts the cells holding that same error (COUNTIF(A:A,#N/A)).
    const target = errorKey(criterion);
    return (cell) => cell instanceof CellError && errorKey(cell) === target;
  }
  if (criterion === null) criterion = 0;
  if (typeof criterion === "number") {
    const target = criterion;
    return (cell) => (typeof cell === "number" ? cell === target : typeof cell === "string" && numeric(cell) === target);
  }
  if (typeof criterion === "boolean") {
    const target = criterion;
    return (cell) => cell === target;
  }
  const match = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(criterion)!;
  const op = match[1] ?? "=";
  const operand = match[2];
  const number = numeric(operand);
  if (number !== undefined) {
    return (cell) => {
      if (typeof cell === "number") return compare(op, cell - number);
      return op === "<>";
    };
  }
  if (/^(TRUE|FALSE)$/i.test(operand)) {
    const target = /^TRUE$/i.test(operand);
    return (cell) => (typeof cell === "boolean" ? compare(op, Number(cell) - Number(target)) : op === "<>");
  }
  if (operand === "") {
    if (op === "=") return (cell) => cell === null || cell === "";
    if (op === "<>") return (cell) => cell !== null && cell !== "";
    return () => false;
  }
  if (op === "=" || op === "<>") {
    const pattern = wildcardPattern(operand);
    return (cell) => {
      const hit = typeof cell === "string" && pattern.test(cell);
      return op === "=" ? hit : !hit;
    };
  }
  const lower = operand.toLowerCase();
  return (cell) => {
    if (typeof cell !== "string") return false;
    const text = cell.toLowerCase();
    return compare(op, text < lower ? -1 : text > lower ? 1 : 0);
  };
}
