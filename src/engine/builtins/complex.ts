/**
 * Excel's complex-number functions (COMPLEX, IMSUM, IMCOS, …) over text such as "3+4i" or
 * "3+4j". HyperFormula has them but writes results its own way; Excel writes each part with 15
 * significant digits (General's rule, but in E notation below 1E-5), leaves out a zero part and a
 * unit coefficient ("-j"), and keeps the suffix its inputs used. Inputs mixing "i" and "j" are an
 * error; so is a range where one value is expected (these functions do not lift over arrays).
 */
import { CellError } from "hyperformula";
import type { Builtin } from "../builtins-plugin";
import { flatten, isMatrix, numError, toNumber, toText, valueError, divError, type Scalar, type Value } from "./values";

type Args = (Value | undefined)[];
type Suffix = "i" | "j";

interface Complex {
  re: number;
  im: number;
  suffix?: Suffix;
}

const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const WITH_REAL = new RegExp(String.raw`^([+-]?${NUMBER})(?:([+-])(${NUMBER})?([ij]))?$`);
const IMAGINARY_ONLY = new RegExp(String.raw`^([+-]?)(${NUMBER})?([ij])$`);

function parseText(text: string): Complex | CellError {
  if (text === "") return { re: 0, im: 0 };
  const full = WITH_REAL.exec(text);
  if (full) {
    const re = Number(full[1]);
    if (!full[4]) return { re, im: 0 };
    const im = (full[2] === "-" ? -1 : 1) * (full[3] === undefined ? 1 : Number(full[3]));
    return { re, im, suffix: full[4] as Suffix };
  }
  const only = IMAGINARY_ONLY.exec(text);
  if (only)
    return { re: 0, im: (only[1] === "-" ? -1 : 1) * (only[2] === undefined ? 1 : Number(only[2])), suffix: only[3] as Suffix };
  return numError(`"${text}" is not a complex number`);
}

function fromCell(cell: Scalar): Complex | CellError {
  if (cell instanceof CellError) return cell;
  if (cell === null) return { re: 0, im: 0 };
  if (typeof cell === "boolean") return valueError("a complex number is text such as 3+4i");
  if (typeof cell === "number") return { re: cell, im: 0 };
  return parseText(cell);
}

/** One complex argument: a range of more than one cell is #VALUE!. */
function complexArg(value: Value | undefined): Complex | CellError {
  if (value === undefined) return { re: 0, im: 0 };
  if (isMatrix(value))
    return value.length === 1 && value[0].length === 1
      ? fromCell(value[0][0])
      : valueError("one complex number is expected, not a range");
  return fromCell(value);
}

/** The one suffix of the inputs ("i" when none says); undefined when they mix "i" and "j". */
function commonSuffix(values: Complex[]): Suffix | undefined {
  const suffixes = new Set(values.map((v) => v.suffix).filter((s): s is Suffix => s !== undefined));
  if (suffixes.size > 1) return undefined;
  return suffixes.values().next().value ?? "i";
}

/** One part as Excel writes it: 15 significant digits, E notation from 1E+15 and below 1E-5. */
function part(x: number): string {
  const rounded = Number(x.toPrecision(15));
  if (rounded === 0) return "0";
  const magnitude = Math.abs(rounded);
  if (magnitude >= 1e-5 && magnitude < 1e15) return String(rounded);
  const [mantissa, exponent] = rounded.toExponential(14).split("e");
  const power = Number(exponent);
  return `${mantissa.replace(/\.?0+$/, "")}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}

function write(z: Complex, suffix: Suffix): Value {
  if (!Number.isFinite(z.re) || !Number.isFinite(z.im)) return numError("the result is not a finite number");
  const re = part(z.re);
  const im = part(z.im);
  if (im === "0") return re;
  const coefficient = im === "1" ? "" : im === "-1" ? "-" : im;
  const imaginary = `${coefficient}${suffix}`;
  if (re === "0") return imaginary;
  return `${re}${imaginary.startsWith("-") ? "" : "+"}${imaginary}`;
}

const mul = (a: Complex, b: Complex): Complex => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
function div(a: Complex, b: Complex): Complex {
  const d = b.re * b.re + b.im * b.im;
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
}
const abs = (z: Complex) => Math.hypot(z.re, z.im);
const sin = (z: Complex): Complex => ({ re: Math.sin(z.re) * Math.cosh(z.im), im: Math.cos(z.re) * Math.sinh(z.im) });
const cos = (z: Complex): Complex => ({ re: Math.cos(z.re) * Math.cosh(z.im), im: -Math.sin(z.re) * Math.sinh(z.im) });
const sinh = (z: Complex): Complex => ({ re: Math.sinh(z.re) * Math.cos(z.im), im: Math.cosh(z.re) * Math.sin(z.im) });
const cosh = (z: Complex): Complex => ({ re: Math.cosh(z.re) * Math.cos(z.im), im: Math.sinh(z.re) * Math.sin(z.im) });
const ONE: Complex = { re: 1, im: 0 };
const isZero = (z: Complex) => z.re === 0 && z.im === 0;
function ln(z: Complex): Complex {
  return { re: Math.log(abs(z)), im: Math.atan2(z.im, z.re) };
}

/** A function of one complex number giving a complex number; `undefined` from `f` means #NUM!. */
function unary(f: (z: Complex) => Complex | undefined): (args: Args) => Value {
  return (args) => {
    const z = complexArg(args[0]);
    if (z instanceof CellError) return z;
    const result = f(z);
    return result === undefined ? numError("the function is not defined there") : write(result, z.suffix ?? "i");
  };
}

function real(f: (z: Complex) => number | CellError): (args: Args) => Value {
  return (args) => {
    const z = complexArg(args[0]);
    return z instanceof CellError ? z : f(z);
  };
}

export const imabs = real(abs);
export const imaginary = real((z) => z.im);
export const imreal = real((z) => z.re);
export const imargument = real((z) => (isZero(z) ? divError("0 has no argument") : Math.atan2(z.im, z.re)));
export const imconjugate = unary((z) => ({ re: z.re, im: -z.im }));
export const imsin = unary(sin);
export const imcos = unary(cos);
export const imsinh = unary(sinh);
export const imcosh = unary(cosh);
// tan and cot through the double angle, as Excel computes them: tiny real parts far from the axis survive.
export const imtan = unary((z) => {
  const d = Math.cos(2 * z.re) + Math.cosh(2 * z.im);
  return d === 0 ? undefined : { re: Math.sin(2 * z.re) / d, im: Math.sinh(2 * z.im) / d };
});
export const imcot = unary((z) => {
  const d = Math.cosh(2 * z.im) - Math.cos(2 * z.re);
  return d === 0 ? undefined : { re: Math.sin(2 * z.re) / d, im: -Math.sinh(2 * z.im) / d };
});
export const imsec = unary((z) => div(ONE, cos(z)));
export const imcsc = unary((z) => (isZero(z) ? undefined : div(ONE, sin(z))));
export const imsech = unary((z) => div(ONE, cosh(z)));
export const imcsch = unary((z) => (isZero(z) ? undefined : div(ONE, sinh(z))));
export const imexp = unary((z) => ({ re: Math.exp(z.re) * Math.cos(z.im), im: Math.exp(z.re) * Math.sin(z.im) }));
export const imln = unary((z) => (isZero(z) ? undefined : ln(z)));
export const imlog10 = unary((z) => (isZero(z) ? undefined : { re: Math.log10(abs(z)), im: Math.atan2(z.im, z.re) / Math.LN10 }));
export const imlog2 = unary((z) => (isZero(z) ? undefined : { re: Math.log2(abs(z)), im: Math.atan2(z.im, z.re) / Math.LN2 }));
export const imsqrt = unary((z) => {
  const r = Math.sqrt(abs(z));
  const half = Math.atan2(z.im, z.re) / 2;
  return { re: r * Math.cos(half), im: r * Math.sin(half) };
});

/** IMPOWER(inumber, number). */
export function impower(args: Args): Value {
  const z = complexArg(args[0]);
  if (z instanceof CellError) return z;
  const n = toNumber(args[1] ?? null);
  if (n instanceof CellError) return n;
  if (isZero(z)) return n > 0 ? "0" : numError("0 to a power of 0 or less");
  const r = abs(z) ** n;
  const angle = Math.atan2(z.im, z.re) * n;
  return write({ re: r * Math.cos(angle), im: r * Math.sin(angle) }, z.suffix ?? "i");
}

function binary(f: (a: Complex, b: Complex) => Complex | undefined): (args: Args) => Value {
  return (args) => {
    const a = complexArg(args[0]);
    if (a instanceof CellError) return a;
    const b = complexArg(args[1]);
    if (b instanceof CellError) return b;
    const suffix = commonSuffix([a, b]);
    if (suffix === undefined) return numError('the numbers mix the suffixes "i" and "j"');
    const result = f(a, b);
    return result === undefined ? numError("division by 0") : write(result, suffix);
  };
}

export const imsub = binary((a, b) => ({ re: a.re - b.re, im: a.im - b.im }));
export const imdiv = binary((a, b) => (isZero(b) ? undefined : div(a, b)));

/** IMSUM / IMPRODUCT: every cell of every argument. */
function fold(start: Complex, f: (a: Complex, b: Complex) => Complex): (args: Args) => Value {
  return (args) => {
    const values: Complex[] = [];
    for (const arg of args) {
      for (const cell of arg === undefined ? [null] : flatten(arg)) {
        const z = fromCell(cell);
        if (z instanceof CellError) return z;
        values.push(z);
      }
    }
    const suffix = commonSuffix(values);
    if (suffix === undefined) return valueError('the numbers mix the suffixes "i" and "j"');
    return write(values.reduce(f, start), suffix);
  };
}

export const imsum = fold({ re: 0, im: 0 }, (a, b) => ({ re: a.re + b.re, im: a.im + b.im }));
export const improduct = fold(ONE, mul);

/** COMPLEX(real_num, i_num, [suffix="i"]). */
export function complex(args: Args): Value {
  for (const arg of args)
    if (arg !== undefined && isMatrix(arg) && flatten(arg).length > 1) return valueError("one number is expected, not a range");
  const cells = args.map((arg) => (arg === undefined ? null : isMatrix(arg) ? (arg[0]?.[0] ?? null) : arg));
  const parts: number[] = [];
  for (const cell of cells.slice(0, 2)) {
    if (typeof cell === "boolean") return valueError("COMPLEX takes numbers");
    const n = toNumber(cell);
    if (n instanceof CellError) return n;
    parts.push(n);
  }
  const suffix = cells[2] === undefined || cells[2] === null ? "i" : toText(cells[2]);
  if (suffix instanceof CellError) return suffix;
  if (suffix !== "i" && suffix !== "j" && suffix !== "") return valueError('the suffix must be "i" or "j"');
  return write({ re: parts[0], im: parts[1] ?? 0 }, suffix === "j" ? "j" : "i");
}

/** The complex-number functions as entries of our function plugin's table. */
export const COMPLEX_BUILTINS: Builtin[] = [
  { name: "COMPLEX", minArgs: 2, maxArgs: 3, compute: complex },
  { name: "IMABS", minArgs: 1, maxArgs: 1, compute: imabs },
  { name: "IMAGINARY", minArgs: 1, maxArgs: 1, compute: imaginary },
  { name: "IMREAL", minArgs: 1, maxArgs: 1, compute: imreal },
  { name: "IMARGUMENT", minArgs: 1, maxArgs: 1, compute: imargument },
  { name: "IMCONJUGATE", minArgs: 1, maxArgs: 1, compute: imconjugate },
  { name: "IMSIN", minArgs: 1, maxArgs: 1, compute: imsin },
  { name: "IMCOS", minArgs: 1, maxArgs: 1, compute: imcos },
  { name: "IMSINH", minArgs: 1, maxArgs: 1, compute: imsinh },
  { name: "IMCOSH", minArgs: 1, maxArgs: 1, compute: imcosh },
  { name: "IMTAN", minArgs: 1, maxArgs: 1, compute: imtan },
  { name: "IMCOT", minArgs: 1, maxArgs: 1, compute: imcot },
  { name: "IMSEC", minArgs: 1, maxArgs: 1, compute: imsec },
  { name: "IMCSC", minArgs: 1, maxArgs: 1, compute: imcsc },
  { name: "IMSECH", minArgs: 1, maxArgs: 1, compute: imsech },
  { name: "IMCSCH", minArgs: 1, maxArgs: 1, compute: imcsch },
  { name: "IMEXP", minArgs: 1, maxArgs: 1, compute: imexp },
  { name: "IMLN", minArgs: 1, maxArgs: 1, compute: imln },
  { name: "IMLOG10", minArgs: 1, maxArgs: 1, compute: imlog10 },
  { name: "IMLOG2", minArgs: 1, maxArgs: 1, compute: imlog2 },
  { name: "IMSQRT", minArgs: 1, maxArgs: 1, compute: imsqrt },
  { name: "IMPOWER", minArgs: 2, maxArgs: 2, compute: impower },
  { name: "IMSUB", minArgs: 2, maxArgs: 2, compute: imsub },
  { name: "IMDIV", minArgs: 2, maxArgs: 2, compute: imdiv },
  { name: "IMSUM", minArgs: 1, maxArgs: 255, compute: imsum },
  { name: "IMPRODUCT", minArgs: 1, maxArgs: 255, compute: improduct },
];
