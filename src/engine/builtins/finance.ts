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

/**
 * Loan and depreciation functions with Excel's argument checks, where the engine's own accept
 * what Excel refuses (a period outside 1..nper, a rate of -100% or less, DB without a period)
 * or refuse what Excel takes (fractional periods, which Excel truncates for CUMIPMT/CUMPRINC and
 * DB's month, and uses as they are for DDB).
 */
function numbers(args: (Value | undefined)[], defaults: (number | undefined)[]): number[] | CellError {
  const out: number[] = [];
  for (let i = 0; i < defaults.length; i++) {
    const arg = args[i];
    const n = arg === undefined || (arg === null && defaults[i] !== undefined) ? (defaults[i] ?? 0) : toNumber(arg);
    if (n instanceof CellError) return n;
    out.push(n);
  }
  return out;
}

function payment(rate: number, nper: number, pv: number, fv: number, type: number): number {
  if (rate === 0) return -(pv + fv) / nper;
  const growth = (1 + rate) ** nper;
  return (-(fv + pv * growth) * rate) / ((1 + rate * type) * (growth - 1));
}

function futureValue(rate: number, nper: number, pmt: number, pv: number, type: number): number {
  if (rate === 0) return -(pv + pmt * nper);
  const growth = (1 + rate) ** nper;
  return -(pv * growth + (pmt * (1 + rate * type) * (growth - 1)) / rate);
}

function interestPart(rate: number, per: number, nper: number, pv: number, fv: number, type: number): number {
  const pmt = payment(rate, nper, pv, fv, type);
  let balance: number;
  if (per === 1) balance = type === 1 ? 0 : -pv;
  else balance = type === 1 ? futureValue(rate, per - 2, pmt, pv, 1) - pmt : futureValue(rate, per - 1, pmt, pv, 0);
  return balance * rate;
}

export function pmt(args: (Value | undefined)[]): Value {
  const n = numbers(args, [undefined, undefined, undefined, 0, 0]);
  if (n instanceof CellError) return n;
  const [rate, nper, pv, fv, type] = n;
  if (nper === 0 || rate <= -1) return numError();
  return payment(rate, nper, pv, fv, type !== 0 ? 1 : 0);
}

function periodArgs(args: (Value | undefined)[]): number[] | CellError {
  const n = numbers(args, [undefined, undefined, undefined, undefined, 0, 0]);
  if (n instanceof CellError) return n;
  const [rate, per, nper] = n;
  if (per < 1 || per >= nper + 1 || rate <= -1) return numError("the period must be from 1 to the number of periods");
  return n;
}

export function ipmt(args: (Value | undefined)[]): Value {
  const n = periodArgs(args);
  if (n instanceof CellError) return n;
  const [rate, per, nper, pv, fv, type] = n;
  return interestPart(rate, per, nper, pv, fv, type !== 0 ? 1 : 0);
}

export function ppmt(args: (Value | undefined)[]): Value {
  const n = periodArgs(args);
  if (n instanceof CellError) return n;
  const [rate, per, nper, pv, fv, type] = n;
  const t = type !== 0 ? 1 : 0;
  return payment(rate, nper, pv, fv, t) - interestPart(rate, per, nper, pv, fv, t);
}

function cumulative(args: (Value | undefined)[], principal: boolean): Value {
  const n = numbers(args, [undefined, undefined, undefined, undefined, undefined, undefined]);
  if (n instanceof CellError) return n;
  const [rate, nperRaw, pv, startRaw, endRaw, type] = n;
  const nper = Math.trunc(nperRaw);
  const start = Math.ceil(startRaw);
  const end = Math.trunc(endRaw);
  if (rate <= 0 || nper <= 0 || pv <= 0 || start < 1 || end < start || end > nper || (type !== 0 && type !== 1))
    return numError();
  let total = 0;
  const pay = payment(rate, nper, pv, 0, type);
  for (let per = start; per <= end; per++) {
    const interest = interestPart(rate, per, nper, pv, 0, type);
    total += principal ? pay - interest : interest;
  }
  return total;
}

export const cumipmt = (args: (Value | undefined)[]): Value => cumulative(args, false);
export const cumprinc = (args: (Value | undefined)[]): Value => cumulative(args, true);

/** DB(cost, salvage, life, period, [month=12]): fixed-declining balance, the rate rounded to 3 decimals as Excel does. */
export function db(args: (Value | undefined)[]): Value {
  const n = numbers(args, [undefined, undefined, undefined, undefined, 12]);
  if (n instanceof CellError) return n;
  const [cost, salvage, life, periodRaw] = n;
  const month = Math.trunc(n[4]);
  const period = Math.trunc(periodRaw);
  if (cost < 0 || salvage < 0 || life <= 0 || period < 1 || month < 1 || month > 12 || period > life + (month === 12 ? 0 : 1))
    return numError();
  if (cost === 0) return 0;
  const rate = Math.round((1 - (salvage / cost) ** (1 / life)) * 1000) / 1000;
  let total = (cost * rate * month) / 12;
  if (period === 1) return total;
  let depreciation = 0;
  for (let p = 2; p <= period; p++) {
    depreciation = p === Math.trunc(life) + 1 ? ((cost - total) * rate * (12 - month)) / 12 : (cost - total) * rate;
    total += depreciation;
  }
  return depreciation;
}

/** DDB(cost, salvage, life, period, [factor=2]): a fractional period is used as it is. */
export function ddb(args: (Value | undefined)[]): Value {
  const n = numbers(args, [undefined, undefined, undefined, undefined, 2]);
  if (n instanceof CellError) return n;
  const [cost, salvage, life, period, factor] = n;
  if (cost < 0 || salvage < 0 || life <= 0 || period <= 0 || period > life || factor <= 0) return numError();
  const rate = Math.min(factor / life, 1);
  const before = cost * (1 - rate) ** (period - 1);
  return Math.max(0, Math.min(before * rate, before - salvage));
}
