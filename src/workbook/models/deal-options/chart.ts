/** Cumulative net for both sides per option, by year, right of the sheet, and a line chart over it. */
import { formula, text, type ChartPlan, type CellContent } from "../../plan";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import { STYLES } from "../shared/theme";
import type { ComparisonLayout } from "./layout";
import type { OptionsSheet } from "./options-sheet";

export function writeCumulativeChart(
  s: OptionsSheet,
  comparison: ComparisonLayout,
  chartCol: number,
): { source: string; chart: ChartPlan } {
  const { b, input, money } = s;
  const n = input.termYears;
  const { yearZeroRow: y0 } = comparison;
  const header: CellContent[] = [text("Year")];
  input.options.forEach((_, i) => {
    const letter = String.fromCharCode(65 + i);
    header.push(text(`${letter}: our cumulative net`), text(`${letter}: partner's cumulative net`));
  });
  const rows: CellContent[][] = [header];
  for (let year = 0; year <= n; year++) {
    const row: CellContent[] = [text(`Year ${year}`)];
    comparison.columns.forEach((c) => {
      row.push(formula(`=SUM(${cellAt(y0, c.ourNet)}:${cellAt(y0 + year, c.ourNet)})`));
      row.push(formula(`=SUM(${cellAt(y0, c.partnerNet)}:${cellAt(y0 + year, c.partnerNet)})`));
    });
    rows.push(row);
  }
  const top = 3;
  b.block(top, chartCol, rows);
  const width = 1 + input.options.length * 2;
  const source = rangeAt(top, chartCol, n + 2, width);
  b.format(rangeAt(top + 1, chartCol + 1, n + 1, width - 1), money);
  b.style(source, STYLES.note);
  const chart: ChartPlan = {
    type: "line",
    source,
    title: "Cumulative net by year: us and the partner, per option",
    from: cellAt(top + n + 4, chartCol),
    to: cellAt(top + n + 22, chartCol + 8),
  };
  return { source, chart };
}
