import type { CellValue, HyperFormula } from "hyperformula";
import { createEngine } from "../../src/engine";
import { columnValues, requireSameResults } from "../check";
import { fullRecalculation } from "../engine-build";
import { partnerRatings } from "../fixtures";
import { compare, roundsFor, timed, type BenchOptions, type CaseResult } from "../harness";
import { FIRST_WEIGHT_CELL, matrixSheet, SCORE_COLUMN, TIER_COLUMN } from "../sheets";

/**
 * The qualification matrix in the engine, PE functions against built-ins (see engine-build.ts for
 * what "full recalculation" times). A changed weight cell recomputes only its dependents (here
 * every score and tier), so that case measures the functions' evaluation without any parsing.
 */
export const MATRIX_PARTNERS = 10_000;

type Columns = Map<number, CellValue[]>;

function columnsOf(hf: HyperFormula, columns: number[], partners: number): Columns {
  return new Map(columns.map((column) => [column, columnValues(hf, column, 1, partners)]));
}

function requireSameColumns(what: string, ours: Columns, reference: Columns): void {
  for (const [column, values] of ours) requireSameResults(`${what}, column ${column}`, values, reference.get(column) ?? []);
}

/** Both sides' first measured engine, compared once both have been seen. */
function pairedCheck(what: string, columns: number[], partners: number) {
  const seen: { ours?: Columns; reference?: Columns } = {};
  const compareWhenBoth = () => {
    if (seen.ours && seen.reference) requireSameColumns(what, seen.ours, seen.reference);
  };
  return {
    ours: (hf: HyperFormula) => {
      seen.ours = columnsOf(hf, columns, partners);
      compareWhenBoth();
    },
    reference: (hf: HyperFormula) => {
      seen.reference = columnsOf(hf, columns, partners);
      compareWhenBoth();
    },
  };
}

/** Alternates the first weight between two values so that every measured write is a real change. */
function weightChanger(hf: HyperFormula): () => number {
  let flip = false;
  return () => {
    flip = !flip;
    return timed(() => hf.setCellContents(FIRST_WEIGHT_CELL, flip ? 35 : 30));
  };
}

export async function engineMatrixCases(options: BenchOptions): Promise<CaseResult[]> {
  const partners = MATRIX_PARTNERS;
  const ratings = partnerRatings(partners);
  const results: CaseResult[] = [];

  const matrixCheck = pairedCheck("qualification matrix", [SCORE_COLUMN, TIER_COLUMN], partners);
  results.push(
    await compare({
      name: "qualification matrix 10,000 partners, full recalculation: PE.PARTNER_SCORE + PE.TIER vs SUMPRODUCT/SUM + IFS",
      target: 1.0,
      rounds: roundsFor(5, options),
      ours: fullRecalculation(matrixSheet(ratings, "pe"), matrixCheck.ours),
      reference: fullRecalculation(matrixSheet(ratings, "builtin"), matrixCheck.reference),
    }),
  );

  const ours = createEngine({}, { Sheet1: matrixSheet(ratings, "pe") });
  const reference = createEngine({}, { Sheet1: matrixSheet(ratings, "builtin") });
  results.push(
    await compare({
      name: "one weight cell changed in the 10,000-partner matrix: dependent re-scoring, PE vs built-ins",
      target: 1.0,
      rounds: roundsFor(15, options),
      warmup: 2,
      ours: weightChanger(ours),
      reference: weightChanger(reference),
    }),
  );
  // A last change to a third value: both sides must re-score every partner the same way.
  for (const hf of [ours, reference]) hf.setCellContents(FIRST_WEIGHT_CELL, 40);
  const columns = [SCORE_COLUMN, TIER_COLUMN];
  requireSameColumns("matrix after a weight change", columnsOf(ours, columns, partners), columnsOf(reference, columns, partners));
  ours.destroy();
  reference.destroy();

  const spillCheck = pairedCheck("spilled matrix", [SCORE_COLUMN], partners);
  results.push(
    await compare({
      name: "10,000-partner matrix as one spilled =PE.TIER(PE.PARTNER_SCORE(B2:F10001)) vs per-row PE formulas, full recalculation",
      target: 0.5,
      rounds: roundsFor(5, options),
      ours: fullRecalculation(matrixSheet(ratings, "pe-spilled"), spillCheck.ours),
      reference: fullRecalculation(matrixSheet(ratings, "pe-nested"), spillCheck.reference),
    }),
  );
  return results;
}
