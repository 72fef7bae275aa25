/**
 * The shared assumptions: a block of named single values (discount rate, both investments, our
 * positions and the partner's BATNA) and a by-year table of named ranges (revenue forecast, our
 * costs, the partner's costs and own revenue). Every option's formulas read these names.
 */
import { num, text, type CellContent, type ValidationRule } from "../../plan";
import { amountRule } from "../deal/rules";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import { FORMATS } from "../shared/theme";
import type { SharedNameKey } from "./names";
import type { OptionsSheet } from "./options-sheet";

interface Row {
  key: SharedNameKey;
  label: string;
  value: number;
  note: string;
  format: string;
  rule: ValidationRule;
  ruleError: string;
}

const ANY_AMOUNT: ValidationRule = { kind: "decimal", min: -1e15, max: 1e15 };

export function writeSharedAssumptions(s: OptionsSheet): void {
  const { b, input, money } = s;
  const { positions } = input;
  const rows: Row[] = [
    {
      key: "discountRate",
      label: "Discount rate per year",
      value: input.discountRate,
      note: "Both sides' NPVs discount each year's net at this rate (Excel's NPV).",
      format: FORMATS.rate,
      rule: { kind: "decimal", min: -0.9999, max: 1 },
      ruleError: "A rate like 10%.",
    },
    {
      key: "ourInvestment",
      label: "Our investment (year 0)",
      value: input.ourInvestment,
      note: "What we put in before year 1.",
      format: money,
      rule: amountRule,
      ruleError: "An amount of 0 or more.",
    },
    {
      key: "partnerInvestment",
      label: "Partner's investment (year 0)",
      value: input.partner.investment,
      note: "What the partner puts in before year 1.",
      format: money,
      rule: amountRule,
      ruleError: "An amount of 0 or more.",
    },
    {
      key: "idealNpv",
      label: "Our ideal NPV",
      value: positions.idealNpv,
      note: "Our opening position.",
      format: money,
      rule: ANY_AMOUNT,
      ruleError: "An amount.",
    },
    {
      key: "acceptableNpv",
      label: "Our acceptable NPV",
      value: positions.acceptableNpv,
      note: "Where we expect to land.",
      format: money,
      rule: ANY_AMOUNT,
      ruleError: "An amount.",
    },
    {
      key: "walkAwayNpv",
      label: "Our walk-away NPV",
      value: positions.walkAwayNpv,
      note: "Below this we walk away (our BATNA).",
      format: money,
      rule: ANY_AMOUNT,
      ruleError: "An amount.",
    },
    {
      key: "partnerBatnaNpv",
      label: "Partner's BATNA (NPV to beat)",
      value: positions.partnerBatnaNpv,
      note: "What the partner gets from its best alternative; an option must beat it.",
      format: money,
      rule: ANY_AMOUNT,
      ruleError: "An amount.",
    },
  ];
  b.header(["Shared assumptions", "Value", "Notes"]);
  const first = b.put(rows.map((r) => [text(r.label), num(r.value), text(r.note)]));
  rows.forEach((r, i) => {
    const address = cellAt(first + i, 1);
    b.format(address, r.format);
    s.namedInput(r.key, address, r.label);
    b.validate(address, r.rule, r.ruleError);
  });
  b.put([
    [text("Term modelled (years)"), num(input.termYears), text("One row per contract year; run the wizard again to change it.")],
  ]);
  b.skip(1);
}

type YearKey = "revenue" | "engineering" | "support" | "coMarketing" | "partnerCosts" | "partnerRevenue";

const YEAR_COLUMNS: { key: YearKey; label: string }[] = [
  { key: "revenue", label: "Revenue forecast" },
  { key: "engineering", label: "Our engineering" },
  { key: "support", label: "Our support" },
  { key: "coMarketing", label: "Our co-marketing" },
  { key: "partnerCosts", label: "Partner's yearly costs" },
  { key: "partnerRevenue", label: "Partner's own revenue" },
];

/** The by-year table; returns the 0-based row of year 1. */
export function writeYearTable(s: OptionsSheet): number {
  const { b, input, money } = s;
  const n = input.termYears;
  const values: Record<YearKey, (year: number) => number> = {
    revenue: (y) => input.revenue[y - 1],
    engineering: () => input.ourCosts.engineering,
    support: () => input.ourCosts.support,
    coMarketing: () => input.ourCosts.coMarketing,
    partnerCosts: () => input.partner.yearlyCosts,
    partnerRevenue: () => input.partner.ownRevenue,
  };
  b.header(["By contract year", ...YEAR_COLUMNS.map((c) => c.label)]);
  const rows: CellContent[][] = Array.from({ length: n }, (_, i) => [
    num(i + 1),
    ...YEAR_COLUMNS.map((c) => num(values[c.key](i + 1))),
  ]);
  const first = b.put(rows);
  b.format(rangeAt(first, 0, n, 1), FORMATS.contractYear);
  YEAR_COLUMNS.forEach((c, j) => {
    const range = rangeAt(first, j + 1, n, 1);
    s.namedInput(c.key, range, c.label);
    b.format(range, money);
    b.validate(range, amountRule, "An amount of 0 or more.");
  });
  const note = b.put([
    [
      text(
        "Our net = revenue − what we pay − our costs; the partner's net = what we pay + its own revenue − its costs. Co-marketing splits add each side's share of the joint budget to its costs.",
      ),
    ],
  ]);
  b.note(cellAt(note, 0));
  b.skip(1);
  return first;
}
