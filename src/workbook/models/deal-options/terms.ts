/**
 * Each option's terms, one block per option below the shared assumptions: every rate, fee and
 * amount a named input cell (Options_A_FlatFee…), revenue-share starts and rates as named ranges
 * as in the deal model, so the comparison and the sensitivity grid follow them live.
 */
import { num, text, userValue, type CellContent, type ValidationRule } from "../../plan";
import { amountRule, rateRule, shareMethodCell } from "../deal/rules";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import { FORMATS } from "../shared/theme";
import { structureText } from "./lever";
import type { OptionNameKey } from "./names";
import type { OptionsSheet } from "./options-sheet";

interface TermRow {
  key?: OptionNameKey;
  label: string;
  value: CellContent;
  note?: string;
  format?: string;
  rule?: ValidationRule;
  ruleError?: string;
}

function termRows(s: OptionsSheet, index: number): TermRow[] {
  const option = s.input.options[index];
  const { money } = s;
  const rows: TermRow[] = [
    { label: "Structure", value: text(structureText(option)), note: "To change the structure, run the wizard again." },
  ];
  const share = option.revenueShare;
  if (share) {
    const byYear = share.basis === "byYear";
    rows.push({
      key: "shareMethod",
      label: "Revenue share method",
      ...shareMethodCell(share),
      note: byYear
        ? "The rate in force each contract year (rates below; the last continues)."
        : "marginal or retroactive, over each year's revenue.",
    });
  }
  if (option.flatFee !== null)
    rows.push({
      key: "flatFee",
      label: "Flat fee per year",
      value: num(option.flatFee),
      note: "Paid to the partner every contract year.",
      format: money,
      rule: amountRule,
      ruleError: "An amount of 0 or more.",
    });
  if (option.referral) {
    const r = option.referral;
    rows.push(
      {
        key: "referralRate",
        label: "Referral fee (share of year 1 revenue)",
        value: num(r.rate),
        note: "Paid once, on year 1 revenue.",
        format: FORMATS.rate,
        rule: rateRule,
        ruleError: "A rate from 0% to 100%.",
      },
      {
        key: "referralMin",
        label: "Referral fee minimum",
        value: userValue(r.minimum),
        note: "Blank: no minimum.",
        format: money,
        rule: amountRule,
        ruleError: "An amount of 0 or more; blank for none.",
      },
      {
        key: "referralMax",
        label: "Referral fee maximum",
        value: userValue(r.maximum),
        note: "Blank: no maximum.",
        format: money,
        rule: amountRule,
        ruleError: "An amount of 0 or more; blank for none.",
      },
    );
  }
  if (option.reseller)
    rows.push(
      {
        key: "resellerDiscount",
        label: "Reseller discount off list",
        value: num(option.reseller.discount),
        note: "The reseller keeps it: counted as what we pay.",
        format: FORMATS.rate,
        rule: { kind: "decimal", min: 0, max: 0.9999 },
        ruleError: "A discount from 0% up to (not including) 100%.",
      },
      {
        key: "listPrice",
        label: "List price per unit",
        value: num(option.reseller.listPrice),
        format: money,
        rule: amountRule,
        ruleError: "An amount of 0 or more.",
      },
    );
  if (option.coMarketing)
    rows.push(
      {
        key: "coMarketingBudget",
        label: "Joint co-marketing budget per year",
        value: num(option.coMarketing.budget),
        format: money,
        rule: amountRule,
        ruleError: "An amount of 0 or more.",
      },
      {
        key: "coMarketingShare",
        label: "Our share of co-marketing",
        value: num(option.coMarketing.ourShare),
        note: "The partner pays the rest.",
        format: FORMATS.rate,
        rule: rateRule,
        ruleError: "A share from 0% to 100%.",
      },
    );
  return rows;
}

/** Writes every option's terms block at the cursor. */
export function writeOptionTerms(s: OptionsSheet): void {
  const { b, input, money } = s;
  input.options.forEach((option, index) => {
    b.header([s.optionTitle(index), "Value", "Notes"]);
    const rows = termRows(s, index);
    const first = b.put(rows.map((r) => [text(r.label), r.value, text(r.note ?? "")]));
    rows.forEach((r, i) => {
      const address = cellAt(first + i, 1);
      if (r.format) b.format(address, r.format);
      if (r.key) s.optionInput(index, r.key, address, `${s.optionTitle(index)}: ${r.label}`);
      if (r.key && r.rule) b.validate(address, r.rule, r.ruleError ?? "Not a valid value.");
    });
    const share = option.revenueShare;
    if (share) {
      const byYear = share.basis === "byYear";
      const starts = byYear ? share.rates.map((_, i) => i + 1) : share.tiers.map((t) => t.from);
      const rates = byYear ? share.rates : share.tiers.map((t) => t.rate);
      b.header([byYear ? "Rate from contract year" : "Rate from yearly revenue", "Rate"]);
      const top = b.put(starts.map((start, i) => [num(start), num(rates[i])]));
      const startsRange = rangeAt(top, 0, starts.length, 1);
      const ratesRange = rangeAt(top, 1, starts.length, 1);
      s.optionInput(index, "shareStarts", startsRange, `${s.optionTitle(index)}: where each rate starts`);
      s.optionInput(index, "shareRates", ratesRange, `${s.optionTitle(index)}: revenue share rates`);
      b.style(startsRange, { horizontal: "left" });
      b.format(startsRange, byYear ? FORMATS.contractYear : money);
      b.format(ratesRange, FORMATS.rate);
      b.validate(ratesRange, rateRule, "A rate from 0% to 100%.");
    }
    if (option.reseller) {
      b.header(["Reseller units by contract year", "Units"]);
      const top = b.put(option.reseller.units.map((u, i) => [text(`Year ${i + 1}`), num(u)]));
      const range = rangeAt(top, 1, option.reseller.units.length, 1);
      s.optionInput(index, "units", range, `${s.optionTitle(index)}: reseller units per year`);
      b.format(range, FORMATS.count);
      b.validate(range, amountRule, "Units are a number of 0 or more.");
    }
    b.skip(1);
  });
}
