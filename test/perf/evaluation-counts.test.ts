import type { HyperFormula } from "hyperformula";
import { partnerRatings } from "../../bench/fixtures";
import { FIRST_WEIGHT_CELL, matrixSheet, SCORE_COLUMN, type MatrixStyle } from "../../bench/sheets";
import { createEngine, registerPeFunctions } from "../../src/engine";
import { functionBindings } from "../../generated/function-bindings";

/**
 * Deterministic budgets behind the engine benchmarks (bench/cases/engine-matrix.ts): how many
 * times the engine calls core, counted rather than timed. A recalculation that evaluated a
 * function more often than there are cells to recompute would be slower for no reason, whatever
 * the machine.
 */
const PARTNERS = 1_000;

function countCalls() {
  // Registered before the spies replace the core functions (registration reads their result shapes).
  registerPeFunctions();
  return {
    score: jest.spyOn(functionBindings, "PARTNER_SCORE"),
    tier: jest.spyOn(functionBindings, "TIER"),
  };
}

let engines: HyperFormula[] = [];

function matrix(style: MatrixStyle): HyperFormula {
  const hf = createEngine({}, { Sheet1: matrixSheet(partnerRatings(PARTNERS), style) });
  engines.push(hf);
  return hf;
}

function scoreColumn(hf: HyperFormula): unknown[] {
  return hf
    .getSheetValues(0)
    .slice(1, PARTNERS + 1)
    .map((row) => row[SCORE_COLUMN]);
}

afterEach(() => {
  jest.restoreAllMocks();
  for (const hf of engines) hf.destroy();
  engines = [];
});

describe("per-row PE formulas in the qualification matrix", () => {
  test("building the sheet scores and tiers every partner exactly once", () => {
    const calls = countCalls();
    matrix("pe");
    expect(calls.score).toHaveBeenCalledTimes(PARTNERS);
    expect(calls.tier).toHaveBeenCalledTimes(PARTNERS);
  });

  test("a changed weight re-scores every partner once, and re-tiers only the partners whose score moved", () => {
    const hf = matrix("pe");
    const scoresBefore = scoreColumn(hf);
    const calls = countCalls();
    hf.setCellContents(FIRST_WEIGHT_CELL, 35);
    const moved = scoreColumn(hf).filter((score, index) => score !== scoresBefore[index]).length;
    expect(calls.score).toHaveBeenCalledTimes(PARTNERS);
    // The engine skips a dependent whose input kept its value (e.g. a partner rated the same on every criterion).
    expect(moved).toBeGreaterThan(PARTNERS / 2);
    expect(calls.tier).toHaveBeenCalledTimes(moved);
  });

  test("a changed rating re-scores only that partner", () => {
    const hf = matrix("pe");
    const calls = countCalls();
    hf.setCellContents({ sheet: 0, row: 500, col: 1 }, 0);
    expect(calls.score).toHaveBeenCalledTimes(1);
    expect(calls.tier).toHaveBeenCalledTimes(1);
  });
});

describe("the matrix as one spilled =PE.TIER(PE.PARTNER_SCORE(B2:F1001))", () => {
  test("is computed with one call of each function, not one per partner", () => {
    const calls = countCalls();
    const hf = matrix("pe-spilled");
    expect(calls.score).toHaveBeenCalledTimes(1);
    expect(calls.tier).toHaveBeenCalledTimes(1);
    expect(hf.getCellValue({ sheet: 0, row: PARTNERS, col: SCORE_COLUMN })).toEqual(
      expect.stringMatching(/^(Tier [123]|Not qualified)$/),
    );
  });

  test("a changed rating recomputes the one spilled formula once", () => {
    const hf = matrix("pe-spilled");
    const calls = countCalls();
    hf.setCellContents({ sheet: 0, row: 500, col: 1 }, 0);
    expect(calls.score).toHaveBeenCalledTimes(1);
    expect(calls.tier).toHaveBeenCalledTimes(1);
  });
});
