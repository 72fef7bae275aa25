/**
 * The partner × period summary: three blocks with one row per partner and one column per period,
 * each with a totals row.
 *   Earned:  one PE.PAYOUT_TOTALS over the ledger's payout, partner and period columns, spilled
 *            over the block (an array formula in a file, like the ledger's columns). One pass over
 *            the ledger for the whole block: a SUMIFS per cell re-reads the whole ledger for each
 *            of the partners × periods cells, which made a 100,000-row book take minutes in the
 *            engine (issue 12). Keys match like Excel's `=`, so a partner named "A*" or ">0" is
 *            that partner, where a SUMIFS criterion would read it as a wildcard or a comparison.
 *   Paid:    PE.PAYOUT_SCHEDULE over the partner's earned row with the plan's floor and cap, the
 *            period's value taken with INDEX (a 30-period schedule is recomputed per cell, which
 *            costs less than one spill per partner would in a file: no array formula to mark).
 *   Balance: the same with output "balance": what is carried after each period (negative: owed
 *            by the partner, e.g. draws not yet recovered).
 * A blank cap is passed as "" (no cap): Excel desktop hands a custom function a blank cell as 0,
 * which would cap every payout at 0.
 */
import { absoluteAddress, columnLetters } from "../../a1";
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
): { earned: SummaryBlock; paid: SummaryBlock; balance: SummaryBlock; partnerList: string; earnedSpill?: string } {
  b.put([[text("Summary by partner and period")]]);
  b.style(rangeAt(b.row - 1, 0, 1, 1), { bold: true, fontSize: 12, fontColor: "#1F4E79" });
  const p = Math.max(periods.length, 1);
  const firstPeriodCol = 1;
  const lastPeriod = columnLetters(firstPeriodCol + p - 1);
  const totalCol = firstPeriodCol + p;
  const blocks = {} as Record<Kind, SummaryBlock>;
  let earnedSpill: string | undefined;
  const money = moneyFormat(input.currency);
  const cap = `IF(ISBLANK(${names.cap}),"",${names.cap})`;
  for (const kind of ["earned", "paid", "balance"] as Kind[]) {
    const [label, totalLabel] = LABELS[kind];
    const headerRow = b.header([label, ...(periods.length > 0 ? periods : [""]), totalLabel]);
    const firstRow = b.row;
    const periodCells = rangeAt(headerRow, firstPeriodCol, 1, p);
    const partnerCells = rangeAt(firstRow, 0, Math.max(partners.length, 1), 1);
    // Earned cells are left to the spill below; paid and balance run each partner's schedule.
    const schedule = (i: number): CellContent[] => {
      const source = blocks.earned.firstRow + i + 1;
      const earned = `$B$${source}:$${lastPeriod}$${source}`;
      const call = `PE.PAYOUT_SCHEDULE(${earned},${names.floor},${cap},${names.recover},${names.carry},"${kind}")`;
      return Array.from({ length: p }, (_, k) => formula(`=INDEX(${call},1,${k + 1})`));
    };
    b.put(partners.map((partner, i) => [text(partner), ...(kind === "earned" ? [] : schedule(i))]));
    if (kind === "earned" && partners.length > 0) {
      earnedSpill = rangeAt(firstRow, firstPeriodCol, partners.length, p);
      b.block(firstRow, firstPeriodCol, [
        [
          formula(
            `=PE.PAYOUT_TOTALS(${names.payouts},${names.partners},${names.periods},${absoluteAddress(partnerCells)},${absoluteAddress(periodCells)})`,
          ),
        ],
      ]);
    }
    b.block(
      firstRow,
      totalCol,
      partners.map((_, i) => {
        const r = firstRow + i + 1;
        return [formula(kind === "balance" ? `=${lastPeriod}${r}` : `=SUM(B${r}:${lastPeriod}${r})`)];
      }),
    );
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
  return { ...blocks, partnerList, earnedSpill };
}
