/** NORMSDIST and ISREF, which HyperFormula gets wrong (it wants NORM.S.DIST's two arguments; its ISREF tests for #REF!). */
import { CellError } from "hyperformula";
import type { CallContext } from "../builtins-plugin";
import { toNumber, type Value } from "./values";

type Args = (Value | undefined)[];

/** ln √(2π). */
const LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * The standard normal distribution function. Marsaglia's series (J. Stat. Software 11(4), 2004)
 * is exact to about 1e-15 absolutely; in the far lower tail the continued fraction of the Mills
 * ratio keeps the relative accuracy.
 */
export function standardNormal(x: number): number {
  if (x < -7) {
    // Φ(x) = φ(x)/(−x + 1/(−x + 2/(−x + 3/(…)))), evaluated from the inside out.
    const z = -x;
    let fraction = z;
    for (let k = 60; k >= 1; k--) fraction = z + k / fraction;
    return Math.exp(-0.5 * x * x - LOG_SQRT_TWO_PI) / fraction;
  }
  if (x > 8.3) return 1;
  let sum = x;
  let term = x;
  let previous = 0;
  for (let i = 3; sum !== previous; i += 2) {
    previous = sum;
    term *= (x * x) / i;
    sum += term;
  }
  return 0.5 + sum * Math.exp(-0.5 * x * x - LOG_SQRT_TWO_PI);
}

export function normsdist(args: Args): Value {
  const z = toNumber(args[0] ?? null);
  return z instanceof CellError ? z : standardNormal(z);
}

/** ISREF(value): TRUE when the argument is a reference (a cell, a range, or a name or function giving one). */
export function isref(args: Args, context: CallContext): Value {
  return args[0] !== undefined && Boolean(context.references?.[0] || context.areas[0]);
}
