/**
 * The partner × period summary of a computed book as rows, one per partner and period (Partner,
 * Period, Earned, Paid, Balance), read from its cells: what `pe-calc new payouts --csv` prints.
 */
import type { CellRef } from "../../a1";
import type { PayoutsLayout } from "./layout";

export function summaryRows(layout: PayoutsLayout, valueAt: (sheet: string, cell: CellRef) => unknown): unknown[][] {
  const rows: unknown[][] = [["Partner", "Period", "Earned", "Paid", "Balance"]];
  const { earned, paid, balance } = layout.summary;
  layout.partners.forEach((partner, i) =>
    layout.periods.forEach((period, k) => {
      const at = (firstRow: number): unknown => valueAt(layout.sheet, { row: firstRow + i, col: 1 + k });
      rows.push([partner, period, at(earned.firstRow), at(paid.firstRow), at(balance.firstRow)]);
    }),
  );
  return rows;
}
