/**
 * The QBR sheet for one partner, chosen in a drop-down of the portfolio's partners: the seed's
 * quarterly business review (domain file 002): 1 executive summary, 2 KPI dashboard (target vs
 * actual with trend), 3 key wins, 4 challenges and action plans, 5 next-quarter initiatives,
 * 6 strategic discussion and decision (prefilled from PE.PARTNER_STATUS through the portfolio,
 * editable), 7 action items with owners and dates. Printable one page wide.
 *
 * The partner's portfolio row is MATCHed by name in the portfolio's column A, and every value is
 * INDEXed from whole portfolio columns, so a partner row added to the table is reviewable too.
 */
import { columnLetters, quoteSheetName } from "../../a1";
import { blank, formula, text, type CellContent, type NamedItemPlan, type SheetPlan } from "../../plan";
import { rangeAt, SheetBuilder } from "../shared/sheet-builder";
import { COLORS, FORMATS, STATUS } from "../shared/theme";
import { DECISIONS, RECENT_QUARTERS } from "./defaults";
import type { ScorecardInput } from "./input";
import { wholeColumn, type ScorecardLayout } from "./layout";

const WIDTH = 6;
const SECTION = { bold: true, fontSize: 12, fontColor: COLORS.heading, borderBottom: true } as const;

export interface QbrLayout {
  partnerCell: string;
  rowCell: string;
  reportedCell: string;
  quarterCell: string;
  statusCell: string;
  healthCell: string;
  renewalCell: string;
  decisionCell: string;
  /** First row (1-based) of the dashboard's quarters, oldest first. */
  dashboardRow: number;
  printArea: string;
}

export function writeQbr(
  input: ScorecardInput,
  layout: ScorecardLayout,
): { sheet: SheetPlan; qbr: QbrLayout; names: NamedItemPlan[] } {
  const b = new SheetBuilder(layout.qbrSheet);
  const c = layout.columns;
  const portfolio = quoteSheetName(layout.sheet);
  const col = (index: number): string => `${portfolio}!${wholeColumn(index)}`;
  const of = (index: number): CellContent => formula(`=IF($B$6="","",INDEX(${col(index)},$B$6))`);
  const first = input.partners[0]?.name ?? "";

  b.title(
    "Quarterly business review",
    "Choose the partner in B4. Yellow cells are yours to fill in; the rest follows the portfolio sheet.",
  );
  b.block(
    3,
    0,
    padded([
      [text("Partner"), text(first), blank(), text("Decision needed by"), blank(), blank()],
      [text("Quarter"), formula(`=IF(N($E$6)>0,INDEX(${layout.names.periods},$E$6),"")`)],
      [
        text("Portfolio row"),
        formula(`=IFERROR(MATCH($B$4,${col(c.partner)},0),"")`),
        blank(),
        text("Quarters reported"),
        formula(`=IF($B$6="","",INDEX(${col(c.reported)},$B$6))`),
      ],
    ]),
  );
  b.row = 7;
  b.input("B4:C4");
  b.input("E4");
  b.format("E4", FORMATS.date);
  b.merge("B4:C4");
  b.note("A6:E6");
  b.validate("B4", { kind: "listFrom", source: `=${layout.names.partners}` }, "Choose a partner of the portfolio sheet.", {
    title: "Partner",
    message: "The partner this review is about.",
  });
  b.name(layout.names.qbrPartner, "B4", "The partner the QBR sheet reviews");

  section(b, "1. Executive summary");
  const summaryRow = put(b, [
    [text("Status (rules)"), of(c.status), blank(), text("Health"), of(c.health), of(c.band)],
    [text("Quarters on target in a row"), of(c.metStreak), blank(), text("Term end"), of(c.termEnd)],
    [text("Quarters below target in a row"), of(c.belowStreak), blank(), text("Notice by"), of(c.noticeBy)],
    [text("Renewal"), of(c.renewal), blank(), text("Review from"), of(c.reviewFrom)],
    [text("Summary: wins, challenges, decisions needed")],
  ]);
  b.format(`E${summaryRow + 2}:E${summaryRow + 4}`, FORMATS.date);
  b.format(`E${summaryRow + 1}`, FORMATS.oneDecimal);
  const summaryText = `B${summaryRow + 5}:F${summaryRow + 5}`;
  b.merge(summaryText);
  b.input(summaryText, { wrap: true, vertical: "top" });

  b.skip();
  section(b, "2. KPI dashboard: target vs actual");
  b.header(["Quarter", "Target", "Actual", "Attainment", "Trend"]);
  const targets = `${portfolio}!$${columnLetters(c.targets[0])}:$${columnLetters(c.targets[c.targets.length - 1])}`;
  const actuals = `${portfolio}!$${columnLetters(c.actuals[0])}:$${columnLetters(c.actuals[c.actuals.length - 1])}`;
  const dashboardRow = b.row + 1;
  for (let i = 0; i < RECENT_QUARTERS; i++) {
    const back = RECENT_QUARTERS - 1 - i;
    const r = dashboardRow + i;
    const when = `AND($B$6<>"",N($E$6)>${back})`;
    const index = back === 0 ? "$E$6" : `$E$6-${back}`;
    put(b, [
      [
        formula(`=IF(${when},INDEX(${layout.names.periods},${index}),"")`),
        formula(`=IF(${when},INDEX(${targets},$B$6,${index}),"")`),
        formula(`=IF(${when},INDEX(${actuals},$B$6,${index}),"")`),
        formula(`=IFERROR(C${r}/B${r},"")`),
        i === 0
          ? text("")
          : formula(
              `=IF(AND(ISNUMBER(D${r}),ISNUMBER(D${r - 1})),IF(D${r}>D${r - 1},"▲ up",IF(D${r}<D${r - 1},"▼ down","► flat")),"")`,
            ),
      ],
    ]);
  }
  b.format(`B${dashboardRow}:C${dashboardRow + RECENT_QUARTERS - 1}`, FORMATS.count);
  b.format(`D${dashboardRow}:D${dashboardRow + RECENT_QUARTERS - 1}`, FORMATS.wholePercent);
  attainmentColours(b, `D${dashboardRow}:D${dashboardRow + RECENT_QUARTERS - 1}`);
  if (input.kpis.length > 0) {
    b.header(["Further KPI", "Target", "Actual", "Attainment"]);
    const kpiFrom = b.row + 1;
    input.kpis.forEach((kpi, i) => {
      put(b, [
        [text(kpi.name), formula(`=${portfolio}!$C$${layout.kpiRow + 3 + i}`), of(c.kpiActuals[i]), of(c.kpiAttainments[i])],
      ]);
    });
    b.format(`D${kpiFrom}:D${kpiFrom + input.kpis.length - 1}`, FORMATS.wholePercent);
    attainmentColours(b, `D${kpiFrom}:D${kpiFrom + input.kpis.length - 1}`);
  }

  b.skip();
  section(b, "3. Key wins and case studies");
  writtenLines(b, ["Win", "Win", "Case study"]);
  b.skip();
  section(b, "4. Challenges and action plans");
  const challengeHeader = b.header(["Challenge", "", "", "Action plan", "", ""]);
  b.merge(rangeAt(challengeHeader, 0, 1, 3));
  b.merge(rangeAt(challengeHeader, 3, 1, 3));
  for (let i = 0; i < 3; i++) {
    const r = put(b, [[blank()]]);
    b.merge(rangeAt(r, 0, 1, 3));
    b.merge(rangeAt(r, 3, 1, 3));
    b.input(rangeAt(r, 0, 1, WIDTH), { wrap: true });
  }
  b.skip();
  section(b, "5. Upcoming initiatives (next quarter)");
  writtenLines(b, ["Initiative", "Initiative", "Initiative"]);
  b.skip();
  section(b, "6. Strategic discussion and decisions");
  const decisionRow = put(b, [
    [text("Suggested by the rules"), of(c.status)],
    [text("Decision"), of(c.status)],
  ]);
  const decisionCell = `B${decisionRow + 2}`;
  b.input(decisionCell, { bold: true });
  b.validate(decisionCell, { kind: "list", items: [...DECISIONS] }, `Choose one of ${DECISIONS.join(", ")}.`, {
    title: "Decision",
    message: "Prefilled from the rules (PE.PARTNER_STATUS); choose another to override it.",
  });
  writtenLines(b, ["Discussion notes"]);
  b.skip();
  section(b, "7. Action items and next steps");
  const actionHeader = b.header(["Action", "", "", "Owner", "Due", "Done?"]);
  b.merge(rangeAt(actionHeader, 0, 1, 3));
  const actionsFrom = b.row;
  for (let i = 0; i < 5; i++) {
    const r = put(b, [[blank()]]);
    b.merge(rangeAt(r, 0, 1, 3));
  }
  b.input(rangeAt(actionsFrom, 0, 5, WIDTH));
  b.format(rangeAt(actionsFrom, 4, 5, 1), FORMATS.date);
  b.validate(rangeAt(actionsFrom, 5, 5, 1), { kind: "list", items: ["Yes", "No"] }, "Yes or No.");

  const printArea = rangeAt(0, 0, b.row, WIDTH);
  const sheet = b.toSheet({
    activate: false,
    columnWidths: [{ column: "A", width: 30 }, ...["B", "C", "D", "E", "F"].map((column) => ({ column, width: 16 }))],
    print: { area: printArea, orientation: "portrait", fitToWidth: true },
  });
  return {
    sheet,
    names: b.names(),
    qbr: {
      partnerCell: "B4",
      rowCell: "B6",
      reportedCell: "E6",
      quarterCell: "B5",
      statusCell: `B${summaryRow + 1}`,
      healthCell: `E${summaryRow + 1}`,
      renewalCell: `B${summaryRow + 4}`,
      decisionCell,
      dashboardRow,
      printArea,
    },
  };
}

/** Rows padded with blanks to the sheet's width: blocks are rectangles. */
function padded(rows: CellContent[][]): CellContent[][] {
  return rows.map((row) => [...row, ...Array.from({ length: WIDTH - row.length }, blank)]);
}

function put(b: SheetBuilder, rows: CellContent[][]): number {
  return b.put(padded(rows));
}

function section(b: SheetBuilder, title: string): void {
  const row = put(b, [[text(title)]]);
  b.style(rangeAt(row, 0, 1, WIDTH), SECTION);
}

/** Lines to write on: a label in A, a merged input B:F. */
function writtenLines(b: SheetBuilder, labels: string[]): void {
  for (const label of labels) {
    const row = put(b, [[text(label)]]);
    b.merge(rangeAt(row, 1, 1, WIDTH - 1));
    b.input(rangeAt(row, 1, 1, WIDTH - 1), { wrap: true });
  }
}

function attainmentColours(b: SheetBuilder, range: string): void {
  const topLeft = range.split(":")[0];
  b.conditionalFormat({
    range,
    rule: { kind: "formula", formula: `=AND(ISNUMBER(${topLeft}),${topLeft}>=1)` },
    format: STATUS.good,
  });
  b.conditionalFormat({
    range,
    rule: { kind: "formula", formula: `=AND(ISNUMBER(${topLeft}),${topLeft}<1)` },
    format: STATUS.bad,
  });
}
