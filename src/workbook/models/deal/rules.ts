/** Validation rules the deal's input cells share. */
import type { ValidationRule } from "../../plan";

/** Amounts are capped well inside Excel's 15 significant digits. */
const AMOUNT_LIMIT = 1e15;

export const amountRule: ValidationRule = { kind: "decimal", min: 0, max: AMOUNT_LIMIT };
export const rateRule: ValidationRule = { kind: "decimal", min: 0, max: 1 };
