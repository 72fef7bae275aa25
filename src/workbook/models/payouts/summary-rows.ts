/**
 * The partner × period summary of a computed book as rows, one per partner and period (Partner,
 * Period, Earned, Paid, Balance), read from its cells: what `pe-calc new payouts --csv` prints.
 * The labels are read from the summary's label spills, so only its real partners and periods are
 * listed, never the spare slots ("").
 */
import type { CellRef } from "../../a1";
import type { PayoutsLayout } from "./layout";

export function summaryRows(layout: PayoutsLayout, valueAt: (sheet: string, cell: CellRef) => unknown): unknown[][] {
  const rows: unknown[][] = [["Partner", "Period", "Earned", "Paid", "Balance"]];
  const { earned, paid, balance, partnerSlots, periodSlots } = layout.summary;
  const labelled = (count: number, labelAt: (index: number) => CellRef) =>
    Array.from({ length: count }, (_, index) => ({ index, label: valueAt(layout.sheet, labelAt(index)) })).filter(
      ({ label }) => label !== "" && label !== null && label !== undefined,
    );
  const partners = labelled(partnerSlots, (i) => ({ row: earned.firstRow + i, col: 0 }));
  const periods = labelled(periodSlots, (k) => ({ row: earned.headerRow, col: 1 + k }));
  for (const partner of partners) {
    for (const period of periods) {
      const at = (firstRow: number): unknown => valueAt(layout.sheet, { row: firstRow + partner.index, col: 1 + period.index });
      rows.push([partner.label, period.label, at(earned.firstRow), at(paid.firstRow), at(balance.firstRow)]);
    }
  }
  return rows;
}
