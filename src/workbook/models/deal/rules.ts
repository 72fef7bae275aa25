/** Validation rules the deal's input cells share. */
import { text, type CellContent, type ValidationRule } from "../../plan";
import type { RevenueShare } from "./input";

/** Amounts are capped well inside Excel's 15 significant digits. */
const AMOUNT_LIMIT = 1e15;

export const amountRule: ValidationRule = { kind: "decimal", min: 0, max: AMOUNT_LIMIT };
export const rateRule: ValidationRule = { kind: "decimal", min: 0, max: 1 };

/**
 * The revenue-share method cell: by_year for rates by contract year, marginal or retroactive for
 * tiers; its list lets a user switch between the tier methods but not change the basis.
 */
export function shareMethodCell(share: RevenueShare): { value: CellContent; rule: ValidationRule; ruleError: string } {
  return share.basis === "byYear"
    ? { value: text("by_year"), rule: { kind: "list", items: ["by_year"] }, ruleError: "By contract year the method is by_year." }
    : {
        value: text(share.method),
        rule: { kind: "list", items: ["marginal", "retroactive"] },
        ruleError: "Choose marginal or retroactive.",
      };
}
