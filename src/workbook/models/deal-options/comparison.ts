/**
 * The options side by side by contract year: a Year column (year 0 for the investments, then one
 * row per year), and per option four columns — revenue, what we pay, our net, the partner's net —
 * then totals. Every cell is a formula over the named assumptions and the option's named terms.
 */
import { blank, formula, num, text, type CellContent } from "../../plan";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import { COLORS, FORMATS } from "../shared/theme";
import { ourCoMarketingExpression, partnerCoMarketingExpression, paymentExpression } from "./formulas";
import type { ComparisonLayout, OptionColumns } from "./layout";
import type { OptionsSheet } from "./options-sheet";

export const COLUMNS_PER_OPTION = 4;

export function optionColumns(index: number): OptionColumns {
  const first = 1 + index * COLUMNS_PER_OPTION;
  return { revenue: first, pay: first + 1, ourNet: first + 2, partnerNet: first + 3 };
}

export function writeComparison(s: OptionsSheet): ComparisonLayout {
  const { b, input, names, money } = s;
  const n = input.termYears;
  const width = 1 + input.options.length * COLUMNS_PER_OPTION;
  const titleRow = b.put([[text("Options side by side, by contract year")]]);
  b.style(cellAt(titleRow, 0), { bold: true, fontSize: 12, fontColor: COLORS.heading });
  const nameRow = b.row;
  const nameCells: CellContent[] = Array.from({ length: width }, blank);
  input.options.forEach((_, i) => (nameCells[optionColumns(i).revenue] = text(s.optionTitle(i))));
  b.put([nameCells]);
  input.options.forEach((_, i) => b.merge(rangeAt(nameRow, optionColumns(i).revenue, 1, COLUMNS_PER_OPTION)));
  const labels = ["Year", ...input.options.flatMap(() => ["Revenue", "We pay", "Our net", "Partner's net"])];
  const headerRow = b.put([labels.map(text)]);
  b.style(rangeAt(nameRow, 0, 2, width), {
    bold: true,
    fill: COLORS.headerFill,
    borderBottom: true,
    wrap: true,
    horizontal: "center",
  });
  const yearZeroRow = b.row;
  const rows: CellContent[][] = [];
  const zero: CellContent[] = Array.from({ length: width }, blank);
  zero[0] = num(0);
  input.options.forEach((_, i) => {
    const c = optionColumns(i);
    zero[c.ourNet] = formula(`=-${names.ourInvestment}`);
    zero[c.partnerNet] = formula(`=-${names.partnerInvestment}`);
  });
  rows.push(zero);
  for (let year = 1; year <= n; year++) {
    const r = yearZeroRow + year;
    const cells: CellContent[] = Array.from({ length: width }, blank);
    cells[0] = num(year);
    input.options.forEach((option, i) => {
      const c = optionColumns(i);
      const on = s.optionNames[i];
      const revenue = cellAt(r, c.revenue);
      const pay = cellAt(r, c.pay);
      const terms = { year, revenue, units: option.reseller ? `INDEX(${on.units},${year})` : undefined };
      cells[c.revenue] = formula(`=INDEX(${names.revenue},${year})`);
      cells[c.pay] = formula(`=${paymentExpression(option, on, terms)}`);
      const ourCo = ourCoMarketingExpression(option, on, terms);
      const partnerCo = partnerCoMarketingExpression(option, on, terms);
      cells[c.ourNet] = formula(
        `=${revenue}-${pay}-INDEX(${names.engineering},${year})-INDEX(${names.support},${year})-INDEX(${names.coMarketing},${year})${ourCo ? `-${ourCo}` : ""}`,
      );
      cells[c.partnerNet] = formula(
        `=${pay}+INDEX(${names.partnerRevenue},${year})-INDEX(${names.partnerCosts},${year})${partnerCo ? `-${partnerCo}` : ""}`,
      );
    });
    rows.push(cells);
  }
  const lastRow = yearZeroRow + n;
  const totals: CellContent[] = Array.from({ length: width }, blank);
  totals[0] = text("Total");
  for (let col = 1; col < width; col++) totals[col] = formula(`=SUM(${rangeAt(yearZeroRow, col, n + 1, 1)})`);
  rows.push(totals);
  b.put(rows);
  const totalsRow = lastRow + 1;
  b.format(rangeAt(yearZeroRow, 1, n + 2, width - 1), money);
  b.format(rangeAt(yearZeroRow, 0, n + 1, 1), FORMATS.whole);
  b.style(rangeAt(yearZeroRow, 0, n + 1, 1), { horizontal: "center" });
  b.style(rangeAt(totalsRow, 0, 1, width), { bold: true, borderTop: true });
  const note = b.put([
    [text("Year 0 holds each side's investment. We pay = revenue share + flat fee + referral fee + reseller margin.")],
  ]);
  b.note(cellAt(note, 0));
  b.skip(1);
  return { headerRow, yearZeroRow, lastRow, totalsRow, columns: input.options.map((_, i) => optionColumns(i)) };
}
