/**
 * Per option, one column each: our NPV and the partner's, both paybacks, both ROIs, and the
 * verdict in words. NPV is Excel's own: NPV discounts its first value by one period, so the year 0
 * investment is added outside it. Payback is PE.PAYBACK over year 0 to the last year (not
 * discounted); "not within the term" when it never pays back (#N/A).
 * ROI = total net over the term ÷ total outlay (investment, costs and, for us, what we pay).
 * Verdict: our position (ideal ≥ acceptable ≥ walk-away), whether the partner's NPV beats its
 * BATNA, and "Balanced" only when ours is at least walk-away and the partner's beats its BATNA.
 */
import { formula, text, type CellContent } from "../../plan";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import { FORMATS, STATUS } from "../shared/theme";
import type { ComparisonLayout, SummaryLayout } from "./layout";
import type { OptionsSheet } from "./options-sheet";

const LABELS = [
  "Our NPV",
  "Partner's NPV",
  "Our payback (years)",
  "Partner's payback (years)",
  "Our ROI",
  "Partner's ROI",
  "Our position",
  "Partner vs its BATNA",
  "Verdict",
];

export function writeSummary(s: OptionsSheet, comparison: ComparisonLayout): SummaryLayout {
  const { b, input, names, money } = s;
  b.header(["Per option", ...input.options.map((_, i) => s.optionTitle(i))]);
  const first = b.row;
  const column = (i: number, row: number): string => cellAt(first + row, i + 1);
  const cells: CellContent[][] = LABELS.map((label) => [text(label)]);
  const { yearZeroRow: y0, lastRow } = comparison;
  comparison.columns.forEach((c, i) => {
    const range = (col: number, from: number): string => `${cellAt(from, col)}:${cellAt(lastRow, col)}`;
    const npv = (col: number): string => `=${cellAt(y0, col)}+NPV(${names.discountRate},${range(col, y0 + 1)})`;
    const payback = (col: number): string => `=IFNA(PE.PAYBACK(${range(col, y0)}),"not within the term")`;
    const ourOutlay = `${names.ourInvestment}+SUM(${range(c.revenue, y0 + 1)})-SUM(${range(c.ourNet, y0 + 1)})`;
    const partnerOutlay = `${names.partnerInvestment}+SUM(${range(c.pay, y0 + 1)})+SUM(${names.partnerRevenue})-SUM(${range(c.partnerNet, y0 + 1)})`;
    const roi = (col: number, outlay: string): string => `=IF((${outlay})=0,"no outlay",SUM(${range(col, y0)})/(${outlay}))`;
    const ourNpv = column(i, 0);
    const partnerNpv = column(i, 1);
    const position = column(i, 6);
    const batna = column(i, 7);
    const values = [
      npv(c.ourNet),
      npv(c.partnerNet),
      payback(c.ourNet),
      payback(c.partnerNet),
      roi(c.ourNet, ourOutlay),
      roi(c.partnerNet, partnerOutlay),
      `=IF(${ourNpv}>=${names.idealNpv},"ideal",IF(${ourNpv}>=${names.acceptableNpv},"acceptable",IF(${ourNpv}>=${names.walkAwayNpv},"above walk-away, below acceptable","below walk-away")))`,
      `=IF(${partnerNpv}>${names.partnerBatnaNpv},"beats its BATNA","does not beat its BATNA")`,
      `=IF(AND(${ourNpv}>=${names.walkAwayNpv},${partnerNpv}>${names.partnerBatnaNpv}),"Balanced","Not balanced")&": "&${position}&" for us; the partner's NPV "&${batna}`,
    ];
    values.forEach((v, row) => cells[row].push(formula(v)));
  });
  b.put(cells);
  const count = input.options.length;
  b.format(rangeAt(first, 1, 2, count), money);
  b.format(rangeAt(first + 2, 1, 2, count), FORMATS.upToTwoDecimals);
  b.format(rangeAt(first + 4, 1, 2, count), FORMATS.rate);
  b.style(rangeAt(first, 0, LABELS.length, 1), { bold: true });
  const verdicts = rangeAt(first + 8, 1, 1, count);
  b.style(verdicts, { wrap: true });
  const topLeft = cellAt(first + 8, 1);
  b.conditionalFormat({
    range: verdicts,
    rule: { kind: "formula", formula: `=LEFT(${topLeft},8)="Balanced"` },
    format: STATUS.good,
  });
  b.conditionalFormat({
    range: verdicts,
    rule: { kind: "formula", formula: `=LEFT(${topLeft},12)="Not balanced"` },
    format: STATUS.bad,
  });
  b.skip(1);
  const at = (row: number) => input.options.map((_, i) => column(i, row));
  return {
    ourNpv: at(0),
    partnerNpv: at(1),
    ourPayback: at(2),
    partnerPayback: at(3),
    ourRoi: at(4),
    partnerRoi: at(5),
    position: at(6),
    batna: at(7),
    verdict: at(8),
  };
}
