/** VDB, which HyperFormula lacks: variable declining balance as Excel computes it. */
import { CellError } from "hyperformula";
import { numError, toBoolean, toNumber, type Value } from "./values";

/** Double-declining (factor) depreciation of one whole period, never below salvage. */
function decliningPeriod(cost: number, salvage: number, life: number, period: number, factor: number): number {
  const rate = Math.min(factor / life, 1);
  const before = rate >= 1 ? (period === 1 ? cost : 0) : cost * (1 - rate) ** (period - 1);
  const after = cost * (1 - rate) ** period;
  return Math.max(0, after < salvage ? before - salvage : before - after);
}

/** Depreciation over whole periods 1..end, switching to straight line once that is larger. */
function switchingTotal(cost: number, salvage: number, life: number, remainingLife: number, end: number, factor: number): number {
  let total = 0;
  let left = cost - salvage;
  let straight = 0;
  let switched = false;
  const last = Math.ceil(end);
  for (let i = 1; i <= last; i++) {
    let term: number;
    if (switched) term = straight;
    else {
      const declining = decliningPeriod(cost, salvage, life, i, factor);
      straight = left / (remainingLife - (i - 1));
      if (straight > declining) {
        term = straight;
        switched = true;
      } else {
        term = declining;
        left -= declining;
      }
    }
    if (i === last) term *= end + 1 - last;
    total += term;
  }
  return total;
}

/** VDB(cost, salvage, life, start_period, end_period, [factor=2], [no_switch=FALSE]). */
export function vdb(args: (Value | undefined)[]): Value {
  const numbers = args.slice(0, 5).map((a) => toNumber(a));
  const factorArg = args[5] === undefined || args[5] === null ? 2 : toNumber(args[5]);
  const noSwitch = toBoolean(args[6] ?? undefined, false);
  for (const n of [...numbers, factorArg, noSwitch]) if (n instanceof CellError) return n;
  const [cost, salvage, life, start, end] = numbers as number[];
  const factor = factorArg as number;
  if (start < 0 || end < start || end > life || cost < 0 || salvage < 0 || life <= 0 || factor <= 0) return numError();
  if (salvage > cost) return 0;
  const first = Math.floor(start);
  const last = Math.ceil(end);
  if (noSwitch) {
    let total = 0;
    for (let i = first + 1; i <= last; i++) {
      let term = decliningPeriod(cost, salvage, life, i, factor);
      if (i === first + 1) term *= Math.min(end, first + 1) - start;
      else if (i === last) term *= end + 1 - last;
      total += term;
    }
    return total;
  }
  const through = (value: number, remaining: number, periods: number) =>
    switchingTotal(value, salvage, life, remaining, periods, factor);
  let part = 0;
  if (start !== first) {
    const value = cost - through(cost, life, first);
    part += (start - first) * through(value, life - first, 1);
  }
  if (end !== last) {
    const value = cost - through(cost, life, last - 1);
    part += (last - end) * through(value, life - (last - 1), 1);
  }
  const value = cost - through(cost, life, first);
  return through(value, life - first, last - first) - part;
}
