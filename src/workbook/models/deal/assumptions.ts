/**
 * The assumptions block: one row per input (label, value, note), each value a named, validated
 * input cell, then the revenue-share rates. The schedule's formulas read these names only.
 */
import { num, text, userValue, type CellContent, type ValidationRule } from "../../plan";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import { FORMATS } from "../shared/theme";
import type { DealSheet } from "./deal-sheet";
import type { DealInput } from "./input";
import type { DealNameKey } from "./names";
import { amountRule, rateRule, shareMethodCell } from "./rules";

interface AssumptionRow {
  key?: DealNameKey;
  label: string;
  value: CellContent;
  note: string;
  format?: string;
  rule?: ValidationRule;
  ruleError?: string;
}

function assumptionRows(input: DealInput, money: string): AssumptionRow[] {
  const share = input.revenueShare;
  const byYear = share.basis === "byYear";
  const { referral, reseller, coMarketing, terms } = input;
  const rows: AssumptionRow[] = [
    {
      label: "Revenue share",
      value: text(byYear ? "By contract year" : "By revenue tier"),
      note: "To change the basis, run the deal wizard again.",
    },
    {
      key: "shareMethod",
      label: "Revenue share method",
      ...shareMethodCell(share),
      note: byYear
        ? "by_year: each contract year's revenue at the rate in force that year (rates below)."
        : "marginal: each slice of a year's revenue at its tier's rate; retroactive: the whole year at the highest tier reached.",
    },
    {
      key: "referralRate",
      label: "Referral fee (share of year 1 revenue)",
      value: num(referral.rate),
      note: "One-time fee on the first year's revenue; typically 10% to 30%.",
      format: FORMATS.rate,
      rule: rateRule,
      ruleError: "A rate is a percentage from 0% to 100%.",
    },
    {
      key: "referralMin",
      label: "Referral fee minimum",
      value: userValue(referral.minimum),
      note: "Leave blank for no minimum.",
      format: money,
      rule: amountRule,
      ruleError: "An amount of 0 or more; leave blank for none.",
    },
    {
      key: "referralMax",
      label: "Referral fee maximum",
      value: userValue(referral.maximum),
      note: "Leave blank for no maximum.",
      format: money,
      rule: amountRule,
      ruleError: "An amount of 0 or more; leave blank for none.",
    },
  ];
  if (reseller) {
    rows.push(
      {
        key: "resellerDiscount",
        label: "Reseller discount off list",
        value: num(reseller.discount),
        note: "The reseller buys at this discount and sells at list, keeping the difference; typically 20% to 40%.",
        format: FORMATS.rate,
        rule: { kind: "decimal", min: 0, max: 0.9999 },
        ruleError: "A discount from 0% up to (not including) 100%.",
      },
      {
        key: "listPrice",
        label: "List price per unit",
        value: num(reseller.listPrice),
        note: "Units sold by the reseller each year are in the schedule.",
        format: money,
        rule: amountRule,
        ruleError: "An amount of 0 or more.",
      },
    );
  }
  rows.push(
    {
      key: "coMarketingBudget",
      label: "Co-marketing budget per year",
      value: num(coMarketing.budget),
      note: "The joint budget, both sides together.",
      format: money,
      rule: amountRule,
      ruleError: "An amount of 0 or more.",
    },
    {
      key: "coMarketingShare",
      label: "Our share of co-marketing",
      value: num(coMarketing.ourShare),
      note: "50% for a 50/50 split; 60% for 60/40 and 70% for 70/30 when we gain more.",
      format: FORMATS.rate,
      rule: rateRule,
      ruleError: "A share from 0% to 100%.",
    },
    {
      key: "liabilityFloor",
      label: "Liability floor",
      value: num(terms.liabilityFloor),
      note: "The liability cap is never below this amount.",
      format: money,
      rule: amountRule,
      ruleError: "An amount of 0 or more.",
    },
    {
      key: "liabilityMultiple",
      label: "Liability: multiple of 12 months' fees",
      value: num(terms.liabilityMultiple),
      note: "1 caps liability at 12 months of fees paid (or the floor, whichever is greater).",
      format: FORMATS.multiple,
      rule: { kind: "decimal", min: 0, max: 1000 },
      ruleError: "A multiple of 0 or more.",
    },
    {
      key: "indemnityMultiple",
      label: "Indemnity: multiple of annual value",
      value: num(terms.indemnityMultiple),
      note: "Typically 1 to 2 times the annual partnership value.",
      format: FORMATS.multiple,
      rule: { kind: "decimal", min: 0, max: 1000 },
      ruleError: "A multiple of 0 or more.",
    },
    {
      key: "initialTerm",
      label: "Initial term (years)",
      value: num(terms.initialTermYears),
      note: "Typically 1 to 3 years, then automatic renewal.",
      format: FORMATS.whole,
      rule: { kind: "wholeNumber", min: 1, max: 50 },
      ruleError: "A whole number of years from 1.",
    },
    {
      key: "renewalNotice",
      label: "Renewal notice (days)",
      value: num(terms.renewalNoticeDays),
      note: "Notice needed to end the agreement at renewal; typically 30 to 90 days.",
      format: FORMATS.whole,
      rule: { kind: "wholeNumber", min: 0, max: 3650 },
      ruleError: "A whole number of days, 0 or more.",
    },
  );
  return rows;
}

/** Writes the assumptions at the cursor; returns the row left for the term line after them. */
export function writeAssumptions(deal: DealSheet): number {
  const { b } = deal;
  b.header(["Assumptions", "Value", "Notes"]);
  const assumptions = assumptionRows(deal.input, deal.money);
  const first = b.put(assumptions.map((a) => [text(a.label), a.value, text(a.note)]));
  assumptions.forEach((a, i) => {
    const address = cellAt(first + i, 1);
    if (a.format) b.format(address, a.format);
    if (a.key) deal.namedInput(a.key, address, a.label);
    if (a.key && a.rule) b.validate(address, a.rule, a.ruleError ?? "Not a valid value.");
  });
  const termRow = b.row;
  b.skip(2);
  return termRow;
}

/** The revenue-share rates below the assumptions: starts and rates, both named. */
export function writeShareRates(deal: DealSheet): void {
  const { b, input, money } = deal;
  const share = input.revenueShare;
  const byYear = share.basis === "byYear";
  const starts = share.basis === "byYear" ? share.rates.map((_, i) => i + 1) : share.tiers.map((t) => t.from);
  const rates = share.basis === "byYear" ? share.rates : share.tiers.map((t) => t.rate);
  b.header([byYear ? "Rate from contract year" : "Rate from yearly revenue", "Rate", "Notes"]);
  const first = b.put(
    starts.map((start, i) => [
      num(start),
      num(rates[i]),
      text(
        i > 0
          ? ""
          : byYear
            ? "The partner's share of each contract year's revenue; the last rate continues for every later year."
            : "Tiers apply to each contract year's revenue on its own.",
      ),
    ]),
  );
  const startsRange = rangeAt(first, 0, starts.length, 1);
  const ratesRange = rangeAt(first, 1, starts.length, 1);
  deal.namedInput("shareStarts", startsRange, byYear ? "Contract year each rate starts" : "Yearly revenue each tier starts");
  deal.namedInput("shareRates", ratesRange, "Partner's revenue share rates");
  b.style(startsRange, { horizontal: "left" });
  b.format(startsRange, byYear ? FORMATS.contractYear : money);
  b.format(ratesRange, FORMATS.rate);
  if (byYear)
    b.validate(
      startsRange,
      { kind: "wholeNumber", min: 1, max: 50 },
      "A contract year is a whole number from 1, in ascending order.",
    );
  else b.validate(startsRange, amountRule, "A tier starts at a yearly revenue of 0 or more, in ascending order.");
  b.validate(ratesRange, rateRule, "A rate is a percentage from 0% to 100%.");
  b.skip(1);
}
