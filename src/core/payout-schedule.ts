import { fail, guarded } from "./errors";
import { readNumber, readOptionalVector, toGrid, toVector, type CellInput, type FunctionResult, type Grid } from "./excel-values";
import { readChoice, readOptionalBoolean } from "./options";
import { formatNumber, requireFinite } from "./rates";
import { sameShapeAs } from "./result-shapes";

/**
 * PE.PAYOUT_SCHEDULE: what one partner is paid each period, and the balance carried between
 * periods, given what it earned, a floor (a recoverable draw or a guarantee) and a cap (carried
 * forward or forfeited). With the balance B starting at 0 (positive: owed to the partner;
 * negative: owed by it), for each period in order, due = earned + B, then:
 *   due > cap:   paid = cap,   B = due − cap when carry, else 0;
 *   due < floor: paid = floor, B = due − floor when recover, else MIN(due, 0);
 *   otherwise:   paid = due,   B = 0.
 * The cap is tested first, exactly as the definition reads; a floor above its cap is refused, so
 * the order only matters for what the definition says, never for a valid input.
 *
 * What it conserves: each period, paid + B = due + top-up − forfeit, where the top-up is
 * floor − MAX(due, 0) when a guarantee (recover FALSE) lifts the payout to the floor and the
 * forfeit is due − cap when carry is FALSE. Summed over the periods the balances telescope:
 * Σ paid + final B = Σ earned + Σ top-ups − Σ forfeits; with the defaults (a recoverable draw, a
 * carried cap) Σ paid = Σ earned − final B, the draws advanced and not yet recovered.
 */

export type ScheduleOutput = "paid" | "balance";
export const SCHEDULE_OUTPUTS: readonly ScheduleOutput[] = ["paid", "balance"];

export interface ScheduleTerms {
  /** One floor per period, or one for every period; default 0. */
  floor?: number | readonly number[];
  /** One cap per period, or one for every period; default none (Infinity). */
  cap?: number | readonly number[];
  /** The floor is a recoverable draw (TRUE, default) or a guarantee (FALSE). */
  recover?: boolean;
  /** What the cap holds back is paid later (TRUE, default) or forfeited (FALSE). */
  carry?: boolean;
}

export interface PayoutRun {
  paid: number[];
  /** The balance after each period. */
  balance: number[];
}

function perPeriod(value: number | readonly number[] | undefined, fallback: number, periods: number, what: string): number[] {
  if (value === undefined) return new Array<number>(periods).fill(fallback);
  if (typeof value === "number") return new Array<number>(periods).fill(value);
  if (value.length === 1) return new Array<number>(periods).fill(value[0]);
  if (value.length !== periods) {
    fail(
      "#VALUE!",
      `${what} has ${value.length} values but earned has ${periods} periods: give one ${what} for every period, or one per period`,
    );
  }
  return [...value];
}

function inPeriod(perPeriodGiven: boolean, index: number): string {
  return perPeriodGiven ? ` in period ${index + 1}` : "";
}

/** Floors and caps are amounts: not negative, and no floor above its period's cap. */
function checkLimits(floors: readonly number[], caps: readonly number[], floorPerPeriod: boolean, capPerPeriod: boolean): void {
  for (let index = 0; index < floors.length; index++) {
    const floor = floors[index];
    const cap = caps[index];
    if (!(floor >= 0 && floor < Infinity)) {
      fail("#NUM!", `floor${inPeriod(floorPerPeriod, index)} is ${formatNumber(floor)}: enter 0 or more`);
    }
    if (!(cap >= 0)) fail("#NUM!", `cap${inPeriod(capPerPeriod, index)} is ${formatNumber(cap)}: enter 0 or more`);
    if (floor > cap) {
      fail(
        "#NUM!",
        `floor ${formatNumber(floor)} is above cap ${formatNumber(cap)}${inPeriod(floorPerPeriod || capPerPeriod, index)}: ` +
          "the floor must be at most the cap",
      );
    }
  }
}

function isPerPeriod(value: number | readonly number[] | undefined): boolean {
  return typeof value === "object" && value.length > 1;
}

/** The pure rule: paid and balance per period. */
export function payoutSchedule(earned: readonly number[], terms: ScheduleTerms = {}): PayoutRun {
  const periods = earned.length;
  const floors = perPeriod(terms.floor, 0, periods, "floor");
  const caps = perPeriod(terms.cap, Infinity, periods, "cap");
  checkLimits(floors, caps, isPerPeriod(terms.floor), isPerPeriod(terms.cap));
  const recover = terms.recover ?? true;
  const carry = terms.carry ?? true;
  const paid = new Array<number>(periods);
  const balance = new Array<number>(periods);
  let owed = 0;
  for (let period = 0; period < periods; period++) {
    const amount = earned[period];
    if (!Number.isFinite(amount)) fail("#NUM!", `earned in period ${period + 1} is ${amount}: enter a finite number`);
    const due = requireFinite(amount + owed, `what is due in period ${period + 1}`);
    const cap = caps[period];
    const floor = floors[period];
    if (due > cap) {
      paid[period] = cap;
      owed = carry ? due - cap : 0;
    } else if (due < floor) {
      paid[period] = floor;
      owed = recover ? due - floor : Math.min(due, 0);
    } else {
      paid[period] = due;
      owed = 0;
    }
    balance[period] = owed === 0 ? 0 : owed;
  }
  return { paid, balance };
}

function readNumbers(cells: readonly CellInput[], what: (index: number) => string): number[] {
  const numbers = new Array<number>(cells.length);
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    numbers[index] = typeof cell === "number" && cell - cell === 0 ? cell : readNumber(cell, what(index), "zero");
  }
  return numbers;
}

/** A floor or cap: omitted, one value for every period, or one per period (blank cells count as 0). */
function readLimit(argument: unknown, what: string): number[] | undefined {
  const cells = readOptionalVector(argument, what);
  if (cells === undefined) return undefined;
  return readNumbers(cells, (index) => (cells.length === 1 ? what : `${what} item ${index + 1}`));
}

function shapedLike(grid: Grid<unknown>, values: readonly number[]): number[][] {
  return grid.length === 1 ? [[...values]] : values.map((value) => [value]);
}

/** Excel-shaped entry point: the balance runs through every period, so any problem is one error for the call. */
export function payoutScheduleCells(
  earned: unknown,
  floor?: unknown,
  cap?: unknown,
  recover?: unknown,
  carry?: unknown,
  output?: unknown,
): FunctionResult {
  return guarded(() => {
    const chosen = readChoice(output, "output", SCHEDULE_OUTPUTS);
    const grid = toGrid(earned, "earned");
    const cells = toVector(grid, "earned");
    const amounts = readNumbers(cells, (index) => (cells.length === 1 ? "earned" : `earned item ${index + 1}`));
    const run = payoutSchedule(amounts, {
      floor: readLimit(floor, "floor"),
      cap: readLimit(cap, "cap"),
      recover: readOptionalBoolean(recover, "recover", true),
      carry: readOptionalBoolean(carry, "carry", true),
    });
    return shapedLike(grid, chosen === "paid" ? run.paid : run.balance);
  });
}
payoutScheduleCells.resultShape = sameShapeAs(0);
