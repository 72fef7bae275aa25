import type { HyperFormula, RawCellContent } from "hyperformula";
import { createEngine } from "../../src/engine";
import { applyPlanToEngine, blockContent, namedItemExpression, planTableDefinitions } from "../../src/workbook/appliers/engine";
import { PlanFormulas, tableColumnNames } from "../../src/engine/plan-tables";
import { parseCell, parseRange } from "../../src/workbook/a1";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { asEnteredText } from "../../src/workbook/text-safety";
import { requireSameResults } from "../check";
import { partnerRatings } from "../fixtures";
import { compare, roundsFor, timed, type BenchOptions, type CaseResult } from "../harness";

/**
 * Writing the wizard's qualification matrix into the engine: `applyPlanToEngine` (validation,
 * name resolution, conflict check, plan cells to engine content, one batch) against what a caller
 * who already holds the finished grid does with HyperFormula alone, in one batch: add the sheet,
 * `setSheetContent` with the same values and formulas, add the same named expressions. Both start
 * from an empty engine (created outside the timing) and end with every formula computed. Building
 * the plan is the wizard's work, before either side, and is reported in the note.
 */
export const PLAN_SIZES = [1_000, 10_000] as const;

/** The reference's input: the plan's one sheet as the dense grid HyperFormula takes. */
export interface BulkContent {
  sheetName: string;
  grid: RawCellContent[][];
  names: { name: string; expression: string }[];
}

export function bulkContentOf(plan: WorkbookPlan): BulkContent {
  const [sheet] = plan.sheets;
  // The plan's structured references read as the engine applier reads them (the table's columns as names).
  const tables = planTableDefinitions(plan);
  const formulas = new PlanFormulas(tables);
  const pieces = sheet.blocks.map((block) => ({
    at: parseCell(block.at),
    cells: blockContent(block, sheet.name, formulas),
  }));
  for (const table of sheet.tables ?? [])
    pieces.push({ at: parseRange(table.range).start, cells: [table.columns.map(asEnteredText)] });
  const rows = Math.max(...pieces.map((piece) => piece.at.row + piece.cells.length));
  const cols = Math.max(...pieces.map((piece) => piece.at.col + piece.cells[0].length));
  const grid: RawCellContent[][] = Array.from({ length: rows }, () => new Array<RawCellContent>(cols).fill(null));
  for (const piece of pieces)
    piece.cells.forEach((row, r) => row.forEach((cell, c) => (grid[piece.at.row + r][piece.at.col + c] = cell)));
  const names = [
    ...tables.flatMap(tableColumnNames),
    ...plan.names.map((item) => ({ name: item.name, expression: namedItemExpression(item, tables) })),
  ];
  return { sheetName: sheet.name, grid, names };
}

function writeBulk(hf: HyperFormula, content: BulkContent): void {
  hf.batch(() => {
    const sheetId = hf.getSheetId(hf.addSheet(content.sheetName)) as number;
    hf.setSheetContent(sheetId, content.grid);
    for (const item of content.names) hf.addNamedExpression(item.name, item.expression);
  });
}

/** Times one write into a fresh engine; `inspect` sees the first engine written (then it is destroyed). */
function writer(write: (hf: HyperFormula) => void, inspect: (hf: HyperFormula) => void): () => number {
  let inspected = false;
  return () => {
    const hf = createEngine();
    const ms = timed(() => write(hf));
    if (!inspected) {
      inspect(hf);
      inspected = true;
    }
    hf.destroy();
    return ms;
  };
}

export async function planApplierCases(options: BenchOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const size of PLAN_SIZES) {
    const partners = Array.from({ length: size }, (_, index) => `Partner ${index + 1}`);
    let plan: WorkbookPlan | undefined;
    const buildMs = timed(() => {
      plan = buildQualificationPlan({ partners, ratings: partnerRatings(size, 8) }).plan;
    });
    const built = plan as WorkbookPlan;
    const bulk = bulkContentOf(built);
    const values: { ours?: unknown[][]; reference?: unknown[][] } = {};
    const result = await compare({
      name: `write a ${size.toLocaleString("en-US")}-partner qualification matrix into the engine: applyPlanToEngine vs HyperFormula setSheetContent`,
      target: 1.5,
      rounds: roundsFor(size >= 10_000 ? 3 : 7, options),
      // The 10,000-partner write takes seconds: HyperFormula wires each RANK's absolute range to every
      // cell of it again (quadratic graph building), see the bench README notes.
      warmup: size >= 10_000 ? 0 : 1,
      budgetMs: size >= 10_000 ? 15_000 : 20_000,
      ours: writer(
        (hf) => applyPlanToEngine(hf, built),
        (hf) => (values.ours = hf.getSheetValues(hf.getSheetId(bulk.sheetName) as number)),
      ),
      reference: writer(
        (hf) => writeBulk(hf, bulk),
        (hf) => (values.reference = hf.getSheetValues(hf.getSheetId(bulk.sheetName) as number)),
      ),
      note: `building the plan (the wizard's work, not timed above) took ${buildMs.toFixed(0)} ms`,
    });
    const flat = (grid: unknown[][] | undefined) => (grid ?? []).flat() as Parameters<typeof requireSameResults>[1];
    requireSameResults(`${size}-partner matrix written both ways`, flat(values.ours), flat(values.reference));
    results.push(result);
  }
  return results;
}
