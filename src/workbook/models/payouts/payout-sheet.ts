/** Lays the payout book out on its sheet: plan, summary, statement, ledger (see index.ts). */
import { cellAddress, columnLetters } from "../../a1";
import { formula, text, type SheetPlan } from "../../plan";
import { cellAt, rangeAt, type SheetBuilder } from "../shared/sheet-builder";
import { STATUS } from "../shared/theme";
import { MAX_STATEMENT_LINES, STATEMENT_HEADROOM } from "./defaults";
import type { PayoutsInput } from "./input";
import { LEDGER_COLUMNS, TABLE_HEADERS, type PayoutsLayout } from "./layout";
import { ledgerTableRange, writeLedger } from "./ledger";
import { moneyFormat } from "./money";
import type { PayoutNameKey, PayoutNames } from "./names";
import { summaryPeriods } from "./periods";
import { PLAN_TOP, writePlanInputs } from "./plan-inputs";
import { writeStatement } from "./statement";
import { writeSummary } from "./summary";

/** Distinct partners (compared as Excel's = does, ignoring case; the first spelling kept), sorted. */
export function distinctPartners(input: PayoutsInput): { partners: string[]; busiest: number } {
  const seen = new Map<string, { name: string; count: number }>();
  for (const t of input.ledger) {
    const key = t.partner.toLowerCase();
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { name: t.partner, count: 1 });
  }
  const entries = [...seen.values()];
  return {
    partners: entries.map((e) => e.name).sort((a, b) => a.localeCompare(b)),
    busiest: entries.reduce((max, e) => Math.max(max, e.count), 0),
  };
}

export function writePayoutSheet(
  b: SheetBuilder,
  input: PayoutsInput,
  names: PayoutNames,
  tableName: string,
): { sheet: SheetPlan; layout: PayoutsLayout } {
  const { partners, busiest } = distinctPartners(input);
  const periods = summaryPeriods(
    input.ledger.map((t) => t.date),
    input.frequency,
    input.fiscalYearStart,
  );
  b.title(
    "Partner payouts",
    "Yellow cells are the plan. Add transactions in the first empty row under the ledger: payouts, summary and statement follow.",
  );
  const plan = writePlanInputs(b, input, names);
  b.row = plan.nextRow;
  const summary = writeSummary(b, input, names, partners, periods);
  const lines = Math.min(MAX_STATEMENT_LINES, busiest + STATEMENT_HEADROOM);
  const statement = writeStatement(b, input, names, summary, partners, periods, lines);
  const statementEnd = b.row;
  b.skip();
  b.put([[text("Ledger")]]);
  b.style(cellAt(b.row - 1, 0), { bold: true, fontSize: 12, fontColor: "#1F4E79" });
  const headerRow = b.row;
  const ledger = writeLedger(b, input, names, headerRow);

  // The chart's data and the completeness check sit right of everything above the ledger.
  const sideCol = Math.max(periods.length + 3, 10);
  const money = moneyFormat(input.currency);
  const grandEarned = cellAt(summary.earned.totalsRow, Math.max(periods.length, 1) + 1);
  b.block(PLAN_TOP, sideCol, [
    [text("Not in the summary"), formula(`=SUM(${names.payouts})-${grandEarned}`)],
    [text("(payouts of partners or periods the summary has no row or column for: build the book again)"), text("")],
  ]);
  const check = cellAt(PLAN_TOP, sideCol + 1);
  b.format(check, money);
  b.note(cellAt(PLAN_TOP + 1, sideCol));
  b.conditionalFormat({ range: check, rule: { kind: "formula", formula: `=ROUND(${check},6)<>0` }, format: STATUS.bad });
  let chartSource: string | undefined;
  if (periods.length > 0) {
    const top = PLAN_TOP + 3;
    b.block(top, sideCol, [
      [text("Period"), text("Paid")],
      ...periods.map((period, k) => [text(period), formula(`=${columnLetters(1 + k)}${summary.paid.totalsRow + 1}`)]),
    ]);
    b.format(rangeAt(top + 1, sideCol + 1, periods.length, 1), money);
    chartSource = rangeAt(top, sideCol, periods.length + 1, 2);
  }

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
    arrayFormulas: summary.earnedSpill ? [summary.earnedSpill, ...ledger.arrays] : ledger.arrays,
    columnWidths: [
      { column: "A", width: 30 },
      ...Array.from({ length: Math.max(periods.length + 1, LEDGER_COLUMNS.statementCount) }, (_, i) => ({
        column: columnLetters(i + 1),
        width: 14,
      })),
      { column: columnLetters(sideCol), width: 20 },
    ],
    freeze: { rows: 0, columns: 1 },
    charts:
      input.chart && chartSource
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
    summary: { earned: summary.earned, paid: summary.paid, balance: summary.balance },
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
