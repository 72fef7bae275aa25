/**
 * The printable statement of one partner, chosen from a drop-down of the summary's partners: per
 * period what it earned, was paid and carries (read from the summary with INDEX/MATCH), then its
 * transactions. Line k finds the ledger row where the statement count (ledger.ts) first reaches k:
 * MATCH(k − 1, counts, 1) + 1, an approximate match on a non-decreasing column, so each line is a
 * binary search rather than a scan. Lines beyond the partner's count stay blank; a partner with
 * more transactions than lines gets a note above them saying how many are listed.
 */
import { columnLetters } from "../../a1";
import { formula, num, text, type CellContent } from "../../plan";
import { cellAt, rangeAt, type SheetBuilder } from "../shared/sheet-builder";
import { FORMATS, STYLES } from "../shared/theme";
import type { PayoutsInput } from "./input";
import type { SummaryBlock } from "./layout";
import { moneyFormat } from "./money";
import type { PayoutNames } from "./names";

const LINE_HEADERS = ["Line", "Date", "Customer", "Description", "Amount", "Period", "Payout", "Ledger row"];

export function writeStatement(
  b: SheetBuilder,
  input: PayoutsInput,
  names: PayoutNames,
  summary: { earned: SummaryBlock; paid: SummaryBlock; balance: SummaryBlock; partnerList: string },
  partners: string[],
  periods: string[],
  lines: number,
): { partnerCell: string; firstPeriodRow: number; totalRow: number; firstLineRow: number; top: number } {
  const money = moneyFormat(input.currency);
  const top = b.row;
  b.put([[text("Partner statement")]]);
  b.style(cellAt(top, 0), { bold: true, fontSize: 12, fontColor: "#1F4E79" });
  const partnerRow = b.put([[text("Partner"), text(partners[0] ?? "")]]);
  const partnerCell = cellAt(partnerRow, 1);
  b.input(partnerCell, { bold: true });
  b.validate(partnerCell, { kind: "listFrom", source: `=${names.partnerList}` }, "Choose a partner of the summary.", {
    title: "Statement partner",
    message: "Choose the partner whose statement to show.",
  });
  b.name(names.statementPartner, partnerCell, "The partner the statement shows");
  b.skip();

  b.header(["Period", "Earned", "Paid", "Balance carried"]);
  const firstPeriodRow = b.row;
  const partnerIndex = `MATCH(${names.statementPartner},${names.partnerList},0)`;
  const block = (s: SummaryBlock, k: number): string =>
    `IFERROR(INDEX(${rangeAt(s.firstRow, 1, Math.max(partners.length, 1), Math.max(periods.length, 1))},${partnerIndex},${k + 1}),0)`;
  b.put(
    periods.map((period, k): CellContent[] => [
      text(period),
      formula(`=${block(summary.earned, k)}`),
      formula(`=${block(summary.paid, k)}`),
      formula(`=${block(summary.balance, k)}`),
    ]),
  );
  const last = b.row;
  const totalRow = b.put([
    [
      text("Total"),
      formula(periods.length > 0 ? `=SUM(B${firstPeriodRow + 1}:B${last})` : "=0"),
      formula(periods.length > 0 ? `=SUM(C${firstPeriodRow + 1}:C${last})` : "=0"),
      formula(periods.length > 0 ? `=D${last}` : "=0"),
    ],
  ]);
  b.style(rangeAt(totalRow, 0, 1, 4), { bold: true, borderTop: true });
  b.format(rangeAt(firstPeriodRow, 1, periods.length + 1, 3), money);
  b.skip();

  const total = `INDEX(${names.statementCount},ROWS(${names.statementCount}))`;
  // A partner can outgrow the lines written (transactions added since, or more than the cap):
  // say so rather than print a statement that silently stops.
  const more = `"Lists the first ${lines} of "&${total}&" transactions: filter the ledger table by partner for the rest."`;
  const transactionsRow = b.put([[text("Transactions"), formula(`=IF(${total}>${lines},${more},"")`)]]);
  b.style(cellAt(transactionsRow, 0), { bold: true });
  b.note(cellAt(transactionsRow, 1));
  b.header(LINE_HEADERS);
  const firstLineRow = b.row;
  const rowCol = columnLetters(LINE_HEADERS.length - 1);
  const rows: CellContent[][] = [];
  for (let k = 1; k <= lines; k++) {
    const r = firstLineRow + k;
    const at = `$${rowCol}${r}`;
    // A blank text cell reads back as 0 through INDEX; &"" keeps it blank.
    const pick = (name: string, asText = false): CellContent =>
      formula(`=IF(${at}="","",INDEX(${name},${at})${asText ? '&""' : ""})`);
    rows.push([
      num(k),
      pick(names.dates),
      pick(names.customers, true),
      pick(names.descriptions, true),
      pick(names.amounts),
      pick(names.periods),
      pick(names.payouts),
      formula(`=IF(A${r}>${total},"",IFERROR(MATCH(A${r}-1,${names.statementCount},1),0)+1)`),
    ]);
  }
  b.put(rows);
  b.format(rangeAt(firstLineRow, 1, lines, 1), FORMATS.date);
  b.format(rangeAt(firstLineRow, 4, lines, 1), money);
  b.format(rangeAt(firstLineRow, 6, lines, 1), money);
  b.style(rangeAt(firstLineRow, 7, lines, 1), STYLES.note);
  return { partnerCell, firstPeriodRow, totalRow, firstLineRow, top };
}
