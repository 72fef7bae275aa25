/**
 * The plan as named inputs: method, period, fiscal-year start, floor (and whether it is a
 * recoverable draw), cap (blank for none, and whether what it holds back is carried), currency,
 * and the tiers beside them. Every formula of the book reads these names.
 */
import { bool, num, text, userValue, type CellContent } from "../../plan";
import { cellAt, rangeAt, type SheetBuilder } from "../shared/sheet-builder";
import { currencyFormat, FORMATS } from "../shared/theme";
import type { PayoutsInput } from "./input";
import type { PayoutNameKey, PayoutNames } from "./names";

export const PLAN_TOP = 3;

type PlanKey = "method" | "frequency" | "fiscalYearStart" | "floor" | "recover" | "cap" | "carry" | "currency";

/** Each plan input's label and note, in the sheet's words. */
const PLAN_TEXTS: Record<PlanKey, [label: string, note: string]> = {
  method: ["Tier method (marginal or retroactive)", "How a rate applies once revenue to date crosses a tier"],
  frequency: ["Period (month, quarter or year)", "Running totals restart each period"],
  fiscalYearStart: ["Fiscal year starts (month 1–12)", "1 is January"],
  floor: ["Floor per period", "Minimum payout per period (0 for none)"],
  recover: ["Floor is a recoverable draw", "TRUE: advanced draws are recovered later; FALSE: a guarantee"],
  cap: ["Cap per period", "Maximum payout per period; leave empty for none"],
  carry: ["Capped amounts carried forward", "TRUE: paid in later periods; FALSE: forfeited"],
  currency: ["Currency", "Shown in the amount formats"],
};
const TIER_COL = 3;

/** Writes the plan block; returns the ranges of the inputs and the first row below it. */
export function writePlanInputs(
  b: SheetBuilder,
  input: PayoutsInput,
  names: PayoutNames,
): { ranges: Partial<Record<PayoutNameKey, string>>; nextRow: number } {
  const money = currencyFormat(input.currency);
  const values: [PlanKey, CellContent][] = [
    ["method", text(input.method)],
    ["frequency", text(input.frequency)],
    ["fiscalYearStart", num(input.fiscalYearStart)],
    ["floor", num(input.floor)],
    ["recover", bool(input.recover)],
    ["cap", userValue(input.cap)],
    ["carry", bool(input.carry)],
    ["currency", text(input.currency)],
  ];
  const rows = values.map(([key, value]) => [key, PLAN_TEXTS[key][0], value, PLAN_TEXTS[key][1]] as const);
  const ranges: Partial<Record<PayoutNameKey, string>> = {};
  b.block(PLAN_TOP, 0, [
    [text("Plan"), text("Value"), text("")],
    ...rows.map(([, label, value, note]) => [text(label), value, text(note)]),
  ]);
  b.style(rangeAt(PLAN_TOP, 0, 1, 2), { bold: true, borderBottom: true });
  rows.forEach(([key], i) => {
    const cell = cellAt(PLAN_TOP + 1 + i, 1);
    ranges[key] = cell;
    b.input(cell);
  });
  b.note(rangeAt(PLAN_TOP + 1, 2, rows.length, 1));
  b.format(ranges.floor!, money);
  b.format(ranges.cap!, money);
  b.validate(ranges.method!, { kind: "list", items: ["marginal", "retroactive"] }, "Choose marginal or retroactive.");
  b.validate(ranges.frequency!, { kind: "list", items: ["month", "quarter", "year"] }, "Choose month, quarter or year.");
  b.validate(
    ranges.fiscalYearStart!,
    { kind: "wholeNumber", min: 1, max: 12 },
    "Enter the month the fiscal year starts, 1 to 12.",
  );
  b.validate(ranges.floor!, { kind: "decimal", min: 0, max: 1e15 }, "The floor is an amount of 0 or more.");
  b.validate(ranges.cap!, { kind: "decimal", min: 0, max: 1e15 }, "The cap is an amount of 0 or more; leave it empty for none.");

  const tierCol = TIER_COL + 1;
  b.block(PLAN_TOP, tierCol, [[text("Tier from"), text("Rate")], ...input.tiers.map((t) => [num(t.from), num(t.rate)])]);
  b.style(rangeAt(PLAN_TOP, tierCol, 1, 2), { bold: true, borderBottom: true });
  ranges.tierStarts = rangeAt(PLAN_TOP + 1, tierCol, input.tiers.length, 1);
  ranges.rates = rangeAt(PLAN_TOP + 1, tierCol + 1, input.tiers.length, 1);
  b.input(ranges.tierStarts);
  b.input(ranges.rates);
  b.format(ranges.tierStarts, money);
  b.format(ranges.rates, FORMATS.rate);
  b.validate(ranges.rates, { kind: "decimal", min: 0, max: 1 }, "A rate is a fraction from 0 to 1 (30% is 0.3).");
  b.validate(
    ranges.tierStarts,
    { kind: "decimal", min: 0, max: 1e15 },
    "A tier starts at an amount of 0 or more, above the tier before.",
  );

  rows.forEach(([key, label]) => b.name(names[key], ranges[key]!, `Payout plan: ${label}`));
  b.name(names.tierStarts, ranges.tierStarts, "Payout plan: revenue to date from which each tier's rate applies");
  b.name(names.rates, ranges.rates, "Payout plan: each tier's rate");
  return { ranges, nextRow: PLAN_TOP + 1 + Math.max(rows.length, input.tiers.length) + 1 };
}
