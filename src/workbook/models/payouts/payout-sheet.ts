/** Lays the payout book out on its sheet: plan, summary, statement, ledger (see index.ts). */
import { cellAddress, columnLetters } from "../../a1";
import { formula, text, type SheetPlan } from "../../plan";
import { cellAt, rangeAt, type SheetBuilder } from "../shared/sheet-builder";
import { STATUS } from "../shared/theme";
import { distinctKeys } from "../../../core/distinct-keys";
import { periodKey } from "../../../core/period";
import { MAX_STATEMENT_LINES, MIN_SPARE_PARTNERS, MIN_SPARE_PERIODS, STATEMENT_HEADROOM, slotsFor } from "./defaults";
import type { PayoutsInput } from "./input";
import { LEDGER_COLUMNS, TABLE_HEADERS, type PayoutsLayout } from "./layout";
import { ledgerTableRange, writeLedger } from "./ledger";
import { moneyFormat } from "./money";
import type { PayoutNameKey, PayoutNames } from "./names";
import { PLAN_TOP, writePlanInputs } from "./plan-inputs";
import { writeStatement } from "./statement";
import { writeSummary } from "./summary";

/**
 * The partners and periods the summary shows at build time: what its PE.DISTINCT_KEYS spills give
 * for the ledger written, by the same core rule (sorted, matched like Excel's =, first spelling
 * kept), and how many transactions the busiest partner has (the statement's lines).
 */
export function summaryLabels(input: PayoutsInput): { partners: string[]; periods: string[]; busiest: number } {
  const counts = new Map<string, number>();
  for (const t of input.ledger) counts.set(t.partner.toLowerCase(), (counts.get(t.partner.toLowerCase()) ?? 0) + 1);
  return {
    partners: distinctKeys(input.ledger.map((t) => t.partner)) as string[],
    periods: distinctKeys(input.ledger.map((t) => periodKey(t.date, input.frequency, input.fiscalYearStart))) as string[],
    busiest: Math.max(0, ...counts.values()),
  };
}

export function writePayoutSheet(
  b: SheetBuilder,
  input: PayoutsInput,
  names: PayoutNames,
  tableName: string,
): { sheet: SheetPlan; layout: PayoutsLayout } {
  const { partners, periods, busiest } = summaryLabels(input);
  const partnerSlots = slotsFor(partners.length, MIN_SPARE_PARTNERS);
  const periodSlots = slotsFor(periods.length, MIN_SPARE_PERIODS);
  b.title(
    "Partner payouts",
    "Yellow cells are the plan. Add transactions in the first empty row under the ledger: payouts, summary and statement follow.",
  );
  const plan = writePlanInputs(b, input, names);
  b.row = plan.nextRow;
  const summary = writeSummary(b, input, names, partnerSlots, periodSlots);
  const lines = Math.min(MAX_STATEMENT_LINES, busiest + STATEMENT_HEADROOM);
  const statement = writeStatement(b, input, names, summary, partners[0] ?? "", partnerSlots, periodSlots, lines);
  const statementEnd = b.row;
  b.skip();
  b.put([[text("Ledger")]]);
  b.style(cellAt(b.row - 1, 0), { bold: true, fontSize: 12, fontColor: "#1F4E79" });
  const headerRow = b.row;
  const ledger = writeLedger(b, input, names, headerRow);

  // The chart's data and the completeness check sit right of everything above the ledger.
  const sideCol = Math.max(periodSlots + 3, 10);
  const money = moneyFormat(input.currency);
  const grandEarned = cellAt(summary.earned.totalsRow, periodSlots + 1);
  b.block(PLAN_TOP, sideCol, [
    [text("Not in the summary"), formula(`=SUM(${names.payouts})-${grandEarned}`)],
    [
      text(
        `(payouts of partners or periods beyond the summary's ${partnerSlots} partner rows and ${periodSlots} period columns, or with no partner or date: build the book again)`,
      ),
      text(""),
    ],
  ]);
  const check = cellAt(PLAN_TOP, sideCol + 1);
  b.format(check, money);
  b.note(cellAt(PLAN_TOP + 1, sideCol));
  b.conditionalFormat({ range: check, rule: { kind: "formula", formula: `=ROUND(${check},6)<>0` }, format: STATUS.bad });
  // The chart covers every period slot: a period added to the ledger appears in it.
  const top = PLAN_TOP + 3;
  b.block(top, sideCol, [
    [text("Period"), text("Paid")],
    ...Array.from({ length: periodSlots }, (_, k) => {
      const col = columnLetters(1 + k);
      return [formula(`=${col}${summary.earned.headerRow + 1}`), formula(`=${col}${summary.paid.totalsRow + 1}`)];
    }),
  ]);
  b.format(rangeAt(top + 1, sideCol + 1, periodSlots, 1), money);
  const chartSource = rangeAt(top, sideCol, periodSlots + 1, 2);

  const ranges = { ...plan.ranges, ...ledger.ranges, partnerList: summary.partnerList, statementPartner: statement.partnerCell };
  const printArea = rangeAt(statement.top, 0, statementEnd - statement.top, 8);
  const sheet = b.toSheet({
    tables: [
      {
        name: tableName,
        range: ledgerTableRange(headerRow, input.ledger.length),
        columns: TABLE_HEADERS,
        style: "TableStyleMedium2",
        showBandedRows: true,
      },
    ],
    arrayFormulas: [...summary.spills, ...ledger.arrays],
    columnWidths: [
      { column: "A", width: 30 },
      ...Array.from({ length: Math.max(periodSlots + 1, LEDGER_COLUMNS.statementCount) }, (_, i) => ({
        column: columnLetters(i + 1),
        width: 14,
      })),
      { column: columnLetters(sideCol), width: 20 },
    ],
    freeze: { rows: 0, columns: 1 },
    charts:
      input.chart && periods.length > 0
        ? [
            {
              type: "columnClustered",
              source: chartSource,
              title: "Paid by period",
              from: cellAddress({ row: PLAN_TOP, col: sideCol + 3 }),
              to: cellAddress({ row: PLAN_TOP + 16, col: sideCol + 10 }),
            },
          ]
        : [],
    print: { area: printArea, orientation: "portrait", fitToWidth: true },
  });
  const layout: PayoutsLayout = {
    sheet: b.sheet,
    tableName,
    names,
    ranges: ranges as Record<PayoutNameKey, string>,
    partners,
    periods,
    summary: { earned: summary.earned, paid: summary.paid, balance: summary.balance, partnerSlots, periodSlots },
    statement: {
      partnerCell: statement.partnerCell,
      firstPeriodRow: statement.firstPeriodRow,
      totalRow: statement.totalRow,
      firstLineRow: statement.firstLineRow,
      lines,
    },
    ledger: { headerRow, firstRow: headerRow + 1, transactions: input.ledger.length, coveredRows: ledger.covered },
    chartSource,
    printArea,
  };
  return { sheet, layout };
}
