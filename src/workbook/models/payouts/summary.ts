/**
 * The partner × period summary: three blocks with one row per partner and one column per period,
 * each with a totals row.
 *   Earned:  SUMIFS of the ledger's payouts by partner and period (the ledger's payout column).
 *   Paid:    PE.PAYOUT_SCHEDULE over the partner's earned row with the plan's floor and cap, the
 *            period's value taken with INDEX (a 30-period schedule is recomputed per cell, which
 *            costs less than one spill per partner would in a file: no array formula to mark).
 *   Balance: the same with output "balance": what is carried after each period (negative: owed
 *            by the partner, e.g. draws not yet recovered).
 * A blank cap is passed as "" (no cap): Excel desktop hands a custom function a blank cell as 0,
 * which would cap every payout at 0.
 */
import { columnLetters } from "../../a1";
import { formula, text, type CellContent } from "../../plan";
import { rangeAt, type SheetBuilder } from "../shared/sheet-builder";
import { STYLES } from "../shared/theme";
import { moneyFormat } from "./money";
import type { PayoutsInput } from "./input";
import type { SummaryBlock } from "./layout";
import type { PayoutNames } from "./names";

type Kind = "earned" | "paid" | "balance";
const LABELS: Record<Kind, [string, string]> = {
  earned: ["Earned", "Total"],
  paid: ["Paid", "Total"],
  balance: ["Balance carried", "End balance"],
};

export function writeSummary(
  b: SheetBuilder,
  input: PayoutsInput,
  names: PayoutNames,
  partners: string[],
  periods: string[],
): { earned: SummaryBlock; paid: SummaryBlock; balance: SummaryBlock; partnerList: string } {
  b.put([[text("Summary by partner and period")]]);
  b.style(rangeAt(b.row - 1, 0, 1, 1), { bold: true, fontSize: 12, fontColor: "#1F4E79" });
  const p = Math.max(periods.length, 1);
  const firstPeriodCol = 1;
  const lastPeriod = columnLetters(firstPeriodCol + p - 1);
  const totalCol = firstPeriodCol + p;
  const blocks = {} as Record<Kind, SummaryBlock>;
  const money = moneyFormat(input.currency);
  const cap = `IF(ISBLANK(${names.cap}),"",${names.cap})`;
  for (const kind of ["earned", "paid", "balance"] as Kind[]) {
    const [label, totalLabel] = LABELS[kind];
    const headerRow = b.header([label, ...(periods.length > 0 ? periods : [""]), totalLabel]);
    const firstRow = b.row;
    const rows = partners.map((partner, i): CellContent[] => {
      const r = firstRow + i + 1;
      const cells: CellContent[] = [text(partner)];
      for (let k = 0; k < p; k++) {
        const col = columnLetters(firstPeriodCol + k);
        if (kind === "earned")
          cells.push(formula(`=SUMIFS(${names.payouts},${names.partners},$A${r},${names.periods},${col}$${headerRow + 1})`));
        else {
          const source = blocks.earned.firstRow + i + 1;
          const earned = `$B$${source}:$${lastPeriod}$${source}`;
          cells.push(
            formula(
              `=INDEX(PE.PAYOUT_SCHEDULE(${earned},${names.floor},${cap},${names.recover},${names.carry},"${kind}"),1,${k + 1})`,
            ),
          );
        }
      }
      cells.push(formula(kind === "balance" ? `=${lastPeriod}${r}` : `=SUM(B${r}:${lastPeriod}${r})`));
      return cells;
    });
    b.put(rows);
    const totalsRow = b.put([
      [
        text("All partners"),
        ...Array.from({ length: p + 1 }, (_, k) => {
          const col = columnLetters(firstPeriodCol + k);
          return formula(partners.length > 0 ? `=SUM(${col}${firstRow + 1}:${col}${firstRow + partners.length})` : "=0");
        }),
      ],
    ]);
    b.style(rangeAt(totalsRow, 0, 1, totalCol + 1), { bold: true, borderTop: true });
    b.format(rangeAt(firstRow, 1, partners.length + 1, p + 1), money);
    blocks[kind] = { headerRow, firstRow, totalsRow };
    b.skip();
  }
  const partnerList = rangeAt(blocks.earned.firstRow, 0, Math.max(partners.length, 1), 1);
  b.name(names.partnerList, partnerList, "Partners of the summary: the statement's choices");
  b.style(rangeAt(blocks.earned.headerRow, 0, 1, 1), STYLES.header);
  return { ...blocks, partnerList };
}
