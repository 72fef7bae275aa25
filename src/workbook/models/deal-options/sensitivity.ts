/**
 * The two-way sensitivity grid: our NPV for the chosen option with revenue changed −30% … +30%
 * (columns) against its main rate or fee times 50% … 150% (rows). Excel's Data Table would do
 * this, but the engine cannot compute one, so each grid cell is a live formula over a workings
 * row below the grid: our net per year with the revenue and the rate or fee changed, computed by
 * the same expressions as the comparison (formulas.ts). The changes and multiples are inputs.
 */
import { formula, num, text, type CellContent } from "../../plan";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import { COLORS, FORMATS } from "../shared/theme";
import { LEVER_MULTIPLES, REVENUE_CHANGES } from "./defaults";
import { ourCoMarketingExpression, paymentExpression } from "./formulas";
import { LEVER_KEY, LEVER_LABELS, mainLever } from "./lever";
import type { SensitivityLayout } from "./layout";
import type { OptionsSheet } from "./options-sheet";

export function writeSensitivity(s: OptionsSheet): SensitivityLayout {
  const { b, input, names, money } = s;
  const index = input.sensitivityOption - 1;
  const option = input.options[index];
  const on = s.optionNames[index];
  const lever = mainLever(option);
  const n = input.termYears;
  const titleRow = b.put([[text(`Sensitivity: our NPV for ${s.optionTitle(index)}`)]]);
  b.style(cellAt(titleRow, 0), { bold: true, fontSize: 12, fontColor: COLORS.heading });
  const note = b.put([
    [
      text(
        `Rows: ${LEVER_LABELS[lever].toLowerCase()} as a multiple of its value; columns: revenue change. Yellow cells can be changed.`,
      ),
    ],
  ]);
  b.note(cellAt(note, 0));
  const headerRow = b.put([
    [text("Multiple of the main rate or fee"), text(LEVER_LABELS[lever]), ...REVENUE_CHANGES.map((c) => num(c))],
  ]);
  b.style(rangeAt(headerRow, 0, 1, 2), { bold: true, fill: COLORS.headerFill, wrap: true });
  const changeCells = REVENUE_CHANGES.map((_, j) => cellAt(headerRow, 2 + j));
  b.input(rangeAt(headerRow, 2, 1, REVENUE_CHANGES.length), { bold: true });
  b.format(rangeAt(headerRow, 2, 1, REVENUE_CHANGES.length), "+0%;-0%;0%");
  const gridTop = headerRow + 1;
  const multipleCells = LEVER_MULTIPLES.map((_, i) => cellAt(gridTop + i, 0));
  const workingsTitle = gridTop + LEVER_MULTIPLES.length + 1;
  const workingsHeader = workingsTitle + 1;
  const workingRow = (i: number, j: number): number => workingsHeader + 1 + i * REVENUE_CHANGES.length + j;
  const leverName = on[LEVER_KEY[lever]]!;
  const leverValue = lever === "shareRates" ? `INDEX(${leverName},1)` : leverName;
  const grid: string[][] = [];
  const gridRows: CellContent[][] = LEVER_MULTIPLES.map((multiple, i) => {
    grid.push(REVENUE_CHANGES.map((_, j) => cellAt(gridTop + i, 2 + j)));
    return [
      num(multiple),
      formula(`=${leverValue}*${multipleCells[i]}`),
      ...REVENUE_CHANGES.map((_, j) => {
        const w = workingRow(i, j);
        return formula(`=${cellAt(w, 2)}+NPV(${names.discountRate},${rangeAt(w, 3, 1, n)})`);
      }),
    ];
  });
  b.put(gridRows);
  b.input(rangeAt(gridTop, 0, LEVER_MULTIPLES.length, 1));
  b.format(rangeAt(gridTop, 0, LEVER_MULTIPLES.length, 1), FORMATS.wholePercent);
  b.format(rangeAt(gridTop, 1, LEVER_MULTIPLES.length, 1), lever === "flatFee" ? money : FORMATS.rate);
  b.format(rangeAt(gridTop, 2, LEVER_MULTIPLES.length, REVENUE_CHANGES.length), money);
  b.style(cellAt(gridTop + LEVER_MULTIPLES.indexOf(1), 2 + REVENUE_CHANGES.indexOf(0)), { bold: true });
  b.skip(1);
  b.put([[text("Sensitivity workings: our net by year for each grid cell")]]);
  b.note(cellAt(workingsTitle, 0));
  b.header(["Multiple", "Revenue change", "Year 0", ...Array.from({ length: n }, (_, t) => `Year ${t + 1}`)]);
  const rows: CellContent[][] = [];
  LEVER_MULTIPLES.forEach((_, i) =>
    REVENUE_CHANGES.forEach((__, j) => {
      const change = `(1+${changeCells[j]})`;
      const years = Array.from({ length: n }, (___, t) => {
        const year = t + 1;
        const revenue = `INDEX(${names.revenue},${year})*${change}`;
        const terms = {
          year,
          revenue,
          units: option.reseller ? `INDEX(${on.units},${year})*${change}` : undefined,
          lever: { lever, multiple: multipleCells[i] },
        };
        const ourCo = ourCoMarketingExpression(option, on, terms);
        return formula(
          `=${revenue}-(${paymentExpression(option, on, terms)})-INDEX(${names.engineering},${year})-INDEX(${names.support},${year})-INDEX(${names.coMarketing},${year})${ourCo ? `-${ourCo}` : ""}`,
        );
      });
      rows.push([formula(`=${multipleCells[i]}`), formula(`=${changeCells[j]}`), formula(`=-${names.ourInvestment}`), ...years]);
    }),
  );
  const first = b.put(rows);
  b.format(rangeAt(first, 0, rows.length, 1), FORMATS.wholePercent);
  b.format(rangeAt(first, 1, rows.length, 1), "+0%;-0%;0%");
  b.format(rangeAt(first, 2, rows.length, n + 1), money);
  return { option: index, revenueChanges: changeCells, leverMultiples: multipleCells, grid };
}
