import { fail, guarded, isExcelError } from "./errors";
import { readNumber, readOptionalNumber, type CellInput, type FunctionResult } from "./excel-values";
import { checkWeights, readPartnerRows, readWeights, resultPerPartner, weightFractions, type WeightedItems } from "./scoring";
import { clampNoise } from "./tolerance";
import { onePerRowOf } from "./result-shapes";

/**
 * PE.HEALTH: a partner's health from 0 to 100 across KPIs, each an attainment (actual / target,
 * 1 = on target): 100 × Σ wᵢ·MIN(MAX(aᵢ, 0), cap) / (Σ wᵢ × cap). Capping at `cap` (1 by default)
 * keeps over-delivery on one KPI from hiding a miss on another. Weights are read and checked by
 * PE.PARTNER_SCORE's code, so they accept, refuse and word errors the same, except that the
 * default is always equal weights (there is no KPI framework to default to).
 */

export const DEFAULT_CAP = 1;

const ATTAINMENTS: WeightedItems = { plural: "attainments", singular: "attainment" };

function equalWeights(count: number): number[] {
  return new Array<number>(count).fill(1);
}

export function checkCap(cap: number): void {
  if (!Number.isFinite(cap)) fail("#NUM!", `cap is ${cap}: enter a finite number above 0`);
  if (cap <= 0) fail("#NUM!", `cap is ${cap}: the attainment that counts as full marks must be above 0, e.g. 1`);
}

/** One KPI's contribution before weighting: the attainment kept within 0 and cap. */
function capped(attainment: number, cap: number): number {
  return Math.min(Math.max(attainment, 0), cap);
}

/**
 * The health score, unrounded. Equal capped attainments give exactly 100·a/cap whatever the
 * weights (rounding in the weighted sum could otherwise move it a hair). The weighted form divides
 * each attainment by cap first, the same quantity, so a huge or tiny cap neither overflows nor
 * underflows; weights whose sum overflows fall back to their fractions of the total.
 */
export function health(attainments: readonly number[], weights: readonly number[] | undefined, cap = DEFAULT_CAP): number {
  if (attainments.length === 0) fail("#VALUE!", "attainments is empty: give at least one KPI's attainment");
  checkCap(cap);
  const effective = weights ?? equalWeights(attainments.length);
  checkWeights(effective, attainments.length, ATTAINMENTS.plural, ATTAINMENTS.singular);
  const shares = attainments.map((attainment, index) => {
    if (!Number.isFinite(attainment)) fail("#NUM!", `attainment ${index + 1} is ${attainment}: enter a finite number`);
    return capped(attainment, cap);
  });
  if (shares.every((share) => share === shares[0]))
    return clampNoise(finiteOr((100 * shares[0]) / cap, 100 * (shares[0] / cap)), 0, 100);
  let weighted = 0;
  let total = 0;
  for (let index = 0; index < shares.length; index++) {
    weighted += effective[index] * (shares[index] / cap);
    total += effective[index];
  }
  let score = (100 * weighted) / total;
  if (!Number.isFinite(score)) {
    const fractions = weightFractions(effective);
    score = 100 * shares.reduce((sum, share, index) => sum + fractions[index] * (share / cap), 0);
  }
  return clampNoise(score, 0, 100);
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

/** HEALTH's arguments once read: one entry per partner, the weights and cap. */
interface HealthArguments {
  partners: CellInput[][];
  isBlock: boolean;
  weights: number[];
  cap: number;
}

/** Reads attainments, weights and cap; a problem here is one error for the whole call. */
function readHealthArguments(attainments: unknown, weights: unknown, cap: unknown): HealthArguments {
  const { partners, isBlock } = readPartnerRows(attainments, "attainments");
  const count = partners[0].length;
  const readCap = readOptionalNumber(cap, "cap", DEFAULT_CAP);
  checkCap(readCap);
  return { partners, isBlock, weights: readWeights(weights, count, isBlock, ATTAINMENTS, equalWeights), cap: readCap };
}

/** One partner's attainments as numbers (blank is 0); a problem here is an error for that partner only. */
function readAttainments(cells: readonly CellInput[], partner: number, isBlock: boolean): number[] {
  const values = new Array<number>(cells.length);
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    values[index] =
      typeof cell === "number" && cell - cell === 0
        ? cell
        : readNumber(cell, isBlock ? `row ${partner + 1}, attainment ${index + 1}` : `attainment ${index + 1}`, "zero");
  }
  return values;
}

/** PE.HEALTH(attainments, [weights], [cap]) as hosts call it: one score, or a column with one per partner row. */
export function healthCells(attainments?: unknown, weights?: unknown, cap?: unknown): FunctionResult {
  const args = guarded(() => readHealthArguments(attainments, weights, cap));
  if (isExcelError(args)) return args;
  return resultPerPartner(args.partners, (cells, partner) =>
    health(readAttainments(cells, partner, args.isBlock), args.weights, args.cap),
  );
}
healthCells.resultShape = onePerRowOf(0);
