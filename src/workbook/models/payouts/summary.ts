/**
 * The partner × period summary: three blocks with one row per partner slot and one column per
 * period slot, each with a totals row.
 *   Labels:  the partners are one PE.DISTINCT_KEYS spill over the ledger's partner column and the
 *            periods one TRANSPOSE(PE.DISTINCT_KEYS(…)) over its period column, each with spare
 *            slots (padded with ""), so a transaction for a new partner or a new period appended
 *            to the ledger table gets its row or column with no formula typed by hand (issue 12).
 *            The spill's size is fixed, as a spill that grew would move or block what is below.
 *            Keys beyond the slots are left out; "Not in the summary" reports their payouts.
 *   Earned:  one PE.PAYOUT_TOTALS over the ledger's payout, partner and period columns, spilled
 *            over the block (an array formula in a file, like the ledger's columns). One pass over
 *            the ledger for the whole block: a SUMIFS per cell re-reads the whole ledger for each
 *            of the partners × periods cells, which made a 100,000-row book take minutes in the
 *            engine (issue 12). Keys match like Excel's `=`, so a partner named "A*" or ">0" is
 *            that partner, where a SUMIFS criterion would read it as a wildcard or a comparison.
 *            A blank label (a spare slot) gives "" across its row or column.
 *   Paid:    PE.PAYOUT_SCHEDULE over the partner's earned row with the plan's floor and cap, the
 *            period's value taken with INDEX (a 30-period schedule is recomputed per cell, which
 *            costs less than one spill per partner would in a file: no array formula to mark).
 *            Spare slots stay "" (a floor would otherwise pay a draw in a period that is not there).
 *   Balance: the same with output "balance": what is carried after each period (negative: owed
 *            by the partner, e.g. draws not yet recovered).
 * A blank cap is passed as "" (no cap): Excel desktop hands a custom function a blank cell as 0,
 * which would cap every payout at 0. For the same reason the partner column reaches
 * PE.DISTINCT_KEYS through IF(…="","",…): an empty ledger row would otherwise be a partner 0.
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

export interface SummaryPlacement {
  earned: SummaryBlock;
  paid: SummaryBlock;
  balance: SummaryBlock;
  /** The partner label slots (the earned block's column A): the statement's choices. */
  partnerList: string;
  /** The period label slots (the earned block's header row). */
  periodList: string;
  /** How many real (non-blank) period labels the summary shows: the last one's index. */
  periodCount: string;
  /** The ranges written as one array formula each (labels and the earned block). */
  spills: string[];
}

export function writeSummary(
  b: SheetBuilder,
  input: PayoutsInput,
  names: PayoutNames,
  partnerSlots: number,
  periodSlots: number,
): SummaryPlacement {
  b.put([[text("Summary by partner and period")]]);
  b.style(rangeAt(b.row - 1, 0, 1, 1), { bold: true, fontSize: 12, fontColor: "#1F4E79" });
  const q = periodSlots;
  const firstPeriodCol = 1;
  const lastPeriod = columnLetters(firstPeriodCol + q - 1);
  const totalCol = firstPeriodCol + q;
  const blocks = {} as Record<Kind, SummaryBlock>;
  const spills: string[] = [];
  const money = moneyFormat(input.currency);
  const cap = `IF(ISBLANK(${names.cap}),"",${names.cap})`;
  let periodList = "";
  let periodCount = "";
  // The earned block's labels: every block's rows and columns read them.
  let labelRow = 0;
  let labelFirstRow = 0;
  for (const kind of ["earned", "paid", "balance"] as Kind[]) {
    const [label, totalLabel] = LABELS[kind];
    // The header's period cells are formulas (the label spill, or references to it), written below.
    const headerRow = b.header([label]);
    b.block(headerRow, totalCol, [[text(totalLabel)]]);
    b.style(rangeAt(headerRow, 0, 1, totalCol + 1), STYLES.header);
    const firstRow = b.row;
    if (kind === "earned") [labelRow, labelFirstRow] = [headerRow, firstRow];
    const periodLabel = (k: number): string => `${columnLetters(firstPeriodCol + k)}$${labelRow + 1}`;
    const partnerLabel = (i: number): string => `$A${labelFirstRow + i + 1}`;
    if (kind === "earned") {
      periodList = rangeAt(headerRow, firstPeriodCol, 1, q);
      spills.push(periodList);
      b.block(headerRow, firstPeriodCol, [[formula(`=TRANSPOSE(PE.DISTINCT_KEYS(${names.periods},${q}))`)]]);
      const partnerList = rangeAt(firstRow, 0, partnerSlots, 1);
      spills.push(partnerList);
      b.block(firstRow, 0, [[formula(`=PE.DISTINCT_KEYS(IF(${names.partners}="","",${names.partners}),${partnerSlots})`)]]);
      const earnedSpill = rangeAt(firstRow, firstPeriodCol, partnerSlots, q);
      spills.push(earnedSpill);
      b.block(firstRow, firstPeriodCol, [
        [
          formula(
            `=PE.PAYOUT_TOTALS(${names.payouts},${names.partners},${names.periods},${absoluteAddress(partnerList)},${absoluteAddress(periodList)})`,
          ),
        ],
      ]);
      periodCount = `SUMPRODUCT(--(${absoluteAddress(periodList)}<>""))`;
    } else {
      b.block(headerRow, firstPeriodCol, [Array.from({ length: q }, (_, k) => formula(`=${periodLabel(k)}`))]);
      // Paid and balance run each partner's schedule over its earned row.
      const schedule = (i: number): CellContent[] => {
        const source = blocks.earned.firstRow + i + 1;
        const earned = `$B$${source}:$${lastPeriod}$${source}`;
        const call = `PE.PAYOUT_SCHEDULE(${earned},${names.floor},${cap},${names.recover},${names.carry},"${kind}")`;
        return Array.from({ length: q }, (_, k) =>
          formula(`=IF(OR(${partnerLabel(i)}="",${periodLabel(k)}=""),"",INDEX(${call},1,${k + 1}))`),
        );
      };
      b.block(
        firstRow,
        0,
        Array.from({ length: partnerSlots }, (_, i) => [formula(`=${partnerLabel(i)}`), ...schedule(i)]),
      );
    }
    b.block(
      firstRow,
      totalCol,
      Array.from({ length: partnerSlots }, (_, i) => {
        const r = firstRow + i + 1;
        const row = `B${r}:${lastPeriod}${r}`;
        // The end balance is the last real period's: the slots after it are "".
        const total = kind === "balance" ? `IF(${periodCount}=0,0,INDEX(${row},1,${periodCount}))` : `SUM(${row})`;
        return [formula(`=IF(${partnerLabel(i)}="","",${total})`)];
      }),
    );
    b.row = firstRow + partnerSlots;
    const totalsRow = b.put([
      [
        text("All partners"),
        ...Array.from({ length: q + 1 }, (_, k) => {
          const col = columnLetters(firstPeriodCol + k);
          const sum = `SUM(${col}${firstRow + 1}:${col}${firstRow + partnerSlots})`;
          return formula(k < q ? `=IF(${periodLabel(k)}="","",${sum})` : `=${sum}`);
        }),
      ],
    ]);
    b.style(rangeAt(totalsRow, 0, 1, totalCol + 1), { bold: true, borderTop: true });
    b.format(rangeAt(firstRow, 1, partnerSlots + 1, q + 1), money);
    blocks[kind] = { headerRow, firstRow, totalsRow };
    b.skip();
  }
  const partnerList = rangeAt(blocks.earned.firstRow, 0, partnerSlots, 1);
  b.name(names.partnerList, partnerList, "Partners of the summary (PE.DISTINCT_KEYS of the ledger): the statement's choices");
  b.style(rangeAt(blocks.earned.headerRow, 0, 1, 1), STYLES.header);
  return { ...blocks, partnerList, periodList, periodCount, spills };
}
