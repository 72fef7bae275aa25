import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { concat, dollar, text } from "./builtins/text";
import { hlookup, lookup, vlookup, xlookup, xlookupShape, xmatch, type Shape } from "./builtins/lookup";
import { aggregate, averageifs, errorType, mode, percentrankInc, rankAvg } from "./builtins/statistics";
import { cumipmt, cumprinc, db, ddb, ipmt, pmt, ppmt, vdb } from "./builtins/finance";
import { arrayArea } from "./builtins/array-area";
import { ARRAY_AREA_FUNCTION } from "./workbook-formula";
import { NULL_ERROR_FUNCTION, nullError } from "./error-codes";
import { convert } from "./builtins/convert";
import { char, code } from "./builtins/characters";
import * as dist from "./builtins/distributions";
import * as search from "./builtins/text-search";
import * as complex from "./builtins/complex";
import * as shapes from "./builtins/array-shape";
import { isref, normsdist } from "./builtins/information";
import * as dates from "./builtins/dates";
import * as regression from "./builtins/regression";
import * as more from "./builtins/more";
import {
  and,
  averageif,
  countifs,
  liftCriteria,
  maxifs,
  minifs,
  or,
  pairsFrom,
  secondArgument,
  sumif,
  sumifs,
  xor,
} from "./builtins/conditional";
import { mdeterm, minverse } from "./builtins/matrix";
import { workbookFactsOf, type WorkbookFacts } from "./workbook-facts";
import type { CellArea } from "./builtins/statistics";
import { fromEngine, isMatrix, type Scalar, type Value } from "./builtins/values";

/**
 * Excel built-ins HyperFormula lacks (or gets wrong in ways our layer can fix), as one function
 * plugin of ours, like rank-plugin.ts. Each entry names the function, its argument count and a
 * pure implementation over plain values (src/engine/builtins/); arguments are evaluated here with
 * no coercion, so each function decides blanks, omission and errors the way Excel does.
 */
/** Where each range argument sits in the workbook, and what the file said about its cells. */
export interface CallContext {
  areas: (CellArea | undefined)[];
  /** Which arguments were written as references (a cell or a range), not as values or expressions. */
  references?: boolean[];
  facts?: WorkbookFacts;
}

export interface Builtin {
  name: string;
  minArgs: number;
  maxArgs: number;
  compute(args: (Value | undefined)[], context: CallContext): Value;
  /** The spill size predicted from the arguments' sizes; a single cell when absent. */
  shape?(shapes: (Shape | undefined)[], literals: (number | undefined)[]): Shape;
}

export const BUILTINS: Builtin[] = [
  { name: "LOOKUP", minArgs: 2, maxArgs: 3, compute: lookup },
  { name: "VLOOKUP", minArgs: 3, maxArgs: 4, compute: vlookup },
  { name: "HLOOKUP", minArgs: 3, maxArgs: 4, compute: hlookup },
  {
    name: "CHAR",
    minArgs: 1,
    maxArgs: 1,
    compute: elementwise((args, context) => char(args, context.facts?.characterSet)),
    shape: (s) => s[0] ?? ONE,
  },
  {
    name: "CODE",
    minArgs: 1,
    maxArgs: 1,
    compute: elementwise((args, context) => code(args, context.facts?.characterSet)),
    shape: (s) => s[0] ?? ONE,
  },
  {
    name: "XMATCH",
    minArgs: 2,
    maxArgs: 4,
    compute: xmatch,
    shape: (s) => (s[0] && s[0].rows * s[0].cols > 1 ? s[0] : { rows: 1, cols: 1 }),
  },
  { name: "XLOOKUP", minArgs: 3, maxArgs: 6, compute: xlookup, shape: xlookupShape },
  { name: "TEXT", minArgs: 2, maxArgs: 2, compute: text },
  { name: "CONCAT", minArgs: 1, maxArgs: 255, compute: concat },
  { name: "DOLLAR", minArgs: 1, maxArgs: 2, compute: dollar },
  { name: "AGGREGATE", minArgs: 3, maxArgs: 255, compute: aggregate },
  { name: "AVERAGEIFS", minArgs: 3, maxArgs: 255, compute: averageifs },
  { name: "MODE", minArgs: 1, maxArgs: 255, compute: mode },
  { name: "MODE.SNGL", minArgs: 1, maxArgs: 255, compute: mode },
  { name: "PERCENTRANK.INC", minArgs: 2, maxArgs: 3, compute: percentrankInc },
  { name: "RANK.AVG", minArgs: 2, maxArgs: 3, compute: rankAvg },
  { name: "ERROR.TYPE", minArgs: 1, maxArgs: 1, compute: errorType },
  {
    name: ARRAY_AREA_FUNCTION,
    minArgs: 3,
    maxArgs: 3,
    compute: arrayArea,
    shape: (_, literals) => ({ rows: literals[1] ?? 1, cols: literals[2] ?? 1 }),
  },
  { name: NULL_ERROR_FUNCTION, minArgs: 0, maxArgs: 0, compute: () => nullError() },
  { name: "SUMIF", minArgs: 2, maxArgs: 3, compute: liftCriteria(sumif, secondArgument), shape: criteriaShape(secondArgument) },
  { name: "SUMIFS", minArgs: 3, maxArgs: 255, compute: liftCriteria(sumifs, pairsFrom(0)), shape: criteriaShape(pairsFrom(0)) },
  {
    name: "COUNTIF",
    minArgs: 2,
    maxArgs: 2,
    compute: liftCriteria(countifs, secondArgument),
    shape: criteriaShape(secondArgument),
  },
  {
    name: "COUNTIFS",
    minArgs: 2,
    maxArgs: 255,
    compute: liftCriteria(countifs, pairsFrom(-1)),
    shape: criteriaShape(pairsFrom(-1)),
  },
  {
    name: "AVERAGEIF",
    minArgs: 2,
    maxArgs: 3,
    compute: liftCriteria(averageif, secondArgument),
    shape: criteriaShape(secondArgument),
  },
  { name: "MAXIFS", minArgs: 3, maxArgs: 255, compute: liftCriteria(maxifs, pairsFrom(0)), shape: criteriaShape(pairsFrom(0)) },
  { name: "MINIFS", minArgs: 3, maxArgs: 255, compute: liftCriteria(minifs, pairsFrom(0)), shape: criteriaShape(pairsFrom(0)) },
  { name: "AND", minArgs: 1, maxArgs: 255, compute: and },
  { name: "OR", minArgs: 1, maxArgs: 255, compute: or },
  { name: "XOR", minArgs: 1, maxArgs: 255, compute: xor },
  { name: "TYPE", minArgs: 1, maxArgs: 1, compute: more.type },
  { name: "GESTEP", minArgs: 1, maxArgs: 2, compute: more.gestep },
  { name: "PERCENTOF", minArgs: 2, maxArgs: 2, compute: more.percentof },
  { name: "FIXED", minArgs: 1, maxArgs: 3, compute: more.fixed },
  { name: "VALUETOTEXT", minArgs: 1, maxArgs: 2, compute: more.valuetotext, shape: (s) => s[0] ?? ONE },
  { name: "ARRAYTOTEXT", minArgs: 1, maxArgs: 2, compute: more.arraytotext },
  { name: "NUMBERVALUE", minArgs: 1, maxArgs: 3, compute: more.numbervalue },
  {
    name: "FREQUENCY",
    minArgs: 2,
    maxArgs: 2,
    compute: more.frequency,
    shape: (s) => ({ rows: (s[1] ? s[1].rows * s[1].cols : 1) + 1, cols: 1 }),
  },
  {
    name: "CHOOSECOLS",
    minArgs: 2,
    maxArgs: 255,
    compute: more.choosecols,
    shape: (s) => ({ rows: s[0]?.rows ?? 1, cols: cellCount(s.slice(1)) }),
  },
  {
    name: "CHOOSEROWS",
    minArgs: 2,
    maxArgs: 255,
    compute: more.chooserows,
    shape: (s) => ({ rows: cellCount(s.slice(1)), cols: s[0]?.cols ?? 1 }),
  },
  { name: "TOCOL", minArgs: 1, maxArgs: 3, compute: more.tocol, shape: (s) => ({ rows: cellCount(s.slice(0, 1)), cols: 1 }) },
  { name: "TOROW", minArgs: 1, maxArgs: 3, compute: more.torow, shape: (s) => ({ rows: 1, cols: cellCount(s.slice(0, 1)) }) },
  // How many modes there are is known only from the values: one cell is reserved (the usual case).
  { name: "MODE.MULT", minArgs: 1, maxArgs: 255, compute: more.modeMult },
  { name: "AREAS", minArgs: 1, maxArgs: 1, compute: more.areas },
  { name: "FORECAST", minArgs: 3, maxArgs: 3, compute: more.forecast },
  { name: "FORECAST.LINEAR", minArgs: 3, maxArgs: 3, compute: more.forecast },
  { name: "CONVERT", minArgs: 3, maxArgs: 3, compute: convert },
  { name: "PMT", minArgs: 3, maxArgs: 5, compute: pmt },
  { name: "IPMT", minArgs: 4, maxArgs: 6, compute: ipmt },
  { name: "PPMT", minArgs: 4, maxArgs: 6, compute: ppmt },
  { name: "CUMIPMT", minArgs: 6, maxArgs: 6, compute: cumipmt },
  { name: "CUMPRINC", minArgs: 6, maxArgs: 6, compute: cumprinc },
  { name: "DB", minArgs: 4, maxArgs: 5, compute: db },
  { name: "DDB", minArgs: 4, maxArgs: 5, compute: ddb },
  { name: "VDB", minArgs: 5, maxArgs: 7, compute: vdb },
  { name: "PERMUT", minArgs: 2, maxArgs: 2, compute: dist.permut },
  { name: "PERMUTATIONA", minArgs: 2, maxArgs: 2, compute: dist.permutationa },
  { name: "KURT", minArgs: 1, maxArgs: 255, compute: dist.kurt },
  { name: "TRIMMEAN", minArgs: 2, maxArgs: 2, compute: dist.trimmean },
  { name: "PROB", minArgs: 3, maxArgs: 4, compute: dist.prob },
  { name: "PERCENTRANK.EXC", minArgs: 2, maxArgs: 3, compute: dist.percentrankExc },
  { name: "INTERCEPT", minArgs: 2, maxArgs: 2, compute: dist.intercept },
  { name: "BINOM.DIST.RANGE", minArgs: 3, maxArgs: 4, compute: dist.binomDistRange },
  { name: "REGEXTEST", minArgs: 2, maxArgs: 3, compute: elementwise(search.regextest), shape: (s) => s[0] ?? ONE },
  { name: "REGEXEXTRACT", minArgs: 2, maxArgs: 4, compute: search.regexextract },
  { name: "REGEXREPLACE", minArgs: 3, maxArgs: 5, compute: elementwise(search.regexreplace), shape: (s) => s[0] ?? ONE },
  { name: "TEXTBEFORE", minArgs: 2, maxArgs: 6, compute: elementwise(search.textbefore), shape: (s) => s[0] ?? ONE },
  { name: "TEXTAFTER", minArgs: 2, maxArgs: 6, compute: elementwise(search.textafter), shape: (s) => s[0] ?? ONE },
  // The size of a split is known only from the text: one cell is reserved unless the text is typed in the formula.
  { name: "TEXTSPLIT", minArgs: 2, maxArgs: 6, compute: search.textsplit },
  { name: "ASC", minArgs: 1, maxArgs: 1, compute: elementwise(search.asc), shape: (s) => s[0] ?? ONE },
  ...complex.COMPLEX_BUILTINS,
  {
    name: "MUNIT",
    minArgs: 1,
    maxArgs: 1,
    compute: shapes.munit,
    shape: (_, literals) => ({ rows: wholeCount(literals[0]), cols: wholeCount(literals[0]) }),
  },
  {
    name: "EXPAND",
    minArgs: 2,
    maxArgs: 4,
    compute: shapes.expand,
    shape: (s, literals) => ({ rows: wholeCount(literals[1] ?? s[0]?.rows), cols: wholeCount(literals[2] ?? s[0]?.cols) }),
  },
  { name: "TAKE", minArgs: 2, maxArgs: 3, compute: shapes.take, shape: shapes.sliceShape(true) },
  { name: "DROP", minArgs: 2, maxArgs: 3, compute: shapes.drop, shape: shapes.sliceShape(false) },
  { name: "NORMSDIST", minArgs: 1, maxArgs: 1, compute: elementwise(normsdist), shape: (s) => s[0] ?? ONE },
  { name: "ISREF", minArgs: 1, maxArgs: 1, compute: isref },
  { name: "DATE", minArgs: 3, maxArgs: 3, compute: dates.date },
  { name: "YEAR", minArgs: 1, maxArgs: 1, compute: elementwise(dates.year), shape: (s) => s[0] ?? ONE },
  { name: "MONTH", minArgs: 1, maxArgs: 1, compute: elementwise(dates.month), shape: (s) => s[0] ?? ONE },
  { name: "DAY", minArgs: 1, maxArgs: 1, compute: elementwise(dates.day), shape: (s) => s[0] ?? ONE },
  { name: "LINEST", minArgs: 1, maxArgs: 4, compute: regression.linest, shape: regression.linestShape },
  { name: "LOGEST", minArgs: 1, maxArgs: 4, compute: regression.logest, shape: regression.linestShape },
  { name: "TREND", minArgs: 1, maxArgs: 4, compute: regression.trend, shape: regression.trendShape },
  { name: "GROWTH", minArgs: 1, maxArgs: 4, compute: regression.growth, shape: regression.trendShape },
  { name: "MDETERM", minArgs: 1, maxArgs: 1, compute: mdeterm },
  { name: "MINVERSE", minArgs: 1, maxArgs: 1, compute: minverse, shape: (s) => s[0] ?? { rows: 1, cols: 1 } },
];

const ONE: Shape = { rows: 1, cols: 1 };

/** A size written in the formula as a spill dimension: whole, and at least 1 (a bad size is an error in one cell). */
const wholeCount = (n: number | undefined) => Math.max(1, Math.trunc(n ?? 1));

/** A one-value function given a range or array as its first argument: one result per cell, as Excel lifts it. */
function elementwise(compute: Builtin["compute"]): Builtin["compute"] {
  return (args, context) => {
    const first = args[0];
    if (first === undefined || !isMatrix(first)) return compute(args, context);
    return first.map((row) => row.map((cell) => toScalar(compute([cell, ...args.slice(1)], context))));
  };
}

function toScalar(value: Value): Scalar {
  return isMatrix(value) ? (value[0]?.[0] ?? null) : value;
}

/** The spill of a criteria function: one result per criterion when criteria are given as arrays. */
function criteriaShape(isCriterion: (index: number) => boolean): (shapes: (Shape | undefined)[]) => Shape {
  return (shapes) => {
    const criteria = shapes.filter((shape, i): shape is Shape => shape !== undefined && isCriterion(i));
    return {
      rows: Math.max(1, ...criteria.map((s) => s.rows)),
      cols: Math.max(1, ...criteria.map((s) => s.cols)),
    };
  };
}

function cellCount(shapes: (Shape | undefined)[]): number {
  return Math.max(
    1,
    shapes.reduce((n, s) => n + (s ? s.rows * s.cols : 0), 0),
  );
}

/** A number written in the formula (`3`, `-2`), which a spill's size may depend on. */
function numberLiteral(arg: { type: string }): number | undefined {
  const node = arg as { type: string; value?: unknown };
  if (node.type === "NUMBER" && typeof node.value === "number") return node.value;
  if (node.type === "MINUS_UNARY_OP" && node.value && typeof node.value === "object") {
    const inner = numberLiteral(node.value as { type: string });
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

const REFERENCE_ASTS = new Set(["CELL_REFERENCE", "CELL_RANGE", "COLUMN_RANGE", "ROW_RANGE"]);

interface CallAst {
  args: { type: string }[];
}

function toEngine(cell: Scalar): number | string | boolean | CellError {
  if (cell === null) return 0;
  if (typeof cell === "number" && !Number.isFinite(cell))
    return new CellError(ErrorType.NUM, "the result is not a finite number");
  return cell;
}

export class BuiltinsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  callBuiltin(fn: Builtin, ast: CallAst, state: unknown): unknown {
    const count = ast.args.length;
    if (count < fn.minArgs || count > fn.maxArgs)
      return new CellError(ErrorType.NA, `${fn.name} takes ${fn.minArgs} to ${fn.maxArgs} arguments, not ${count}`);
    const raw = ast.args.map((arg) => (arg.type === "EMPTY" ? undefined : this.evaluateAst(arg as never, state as never)));
    const areas = raw.map((value) => {
      const range = value instanceof SimpleRangeValue ? value.range : undefined;
      return range ? { sheet: range.start.sheet, row: range.start.row, col: range.start.col } : undefined;
    });
    const args = raw.map((value) => (value === undefined ? undefined : fromEngine(value)));
    const references = ast.args.map((arg) => REFERENCE_ASTS.has(arg.type));
    const result = fn.compute(args, { areas, references, facts: workbookFactsOf(this.dependencyGraph as object) });
    if (!isMatrix(result)) return toEngine(result);
    if (result.length === 1 && result[0].length === 1) return toEngine(result[0][0]);
    const reserved = this.predict(fn, ast, state);
    const rows = Array.from({ length: reserved.rows }, (_, r) =>
      Array.from({ length: reserved.cols }, (_, c) => {
        const cell = result[r]?.[c];
        return cell === undefined ? EmptyValue : toEngine(cell);
      }),
    );
    return SimpleRangeValue.onlyValues(rows);
  }

  predict(fn: Builtin, ast: CallAst, state: unknown): Shape {
    if (!fn.shape) return { rows: 1, cols: 1 };
    const shapes = ast.args.map((arg) => {
      if (arg.type === "EMPTY") return undefined;
      const size = this.arraySizeForAst(arg as never, state as never);
      return { rows: size.height, cols: size.width };
    });
    const literals = ast.args.map(numberLiteral);
    return fn.shape(shapes, literals);
  }
}

let registered = false;

/** Registers BUILTINS with HyperFormula once (its registry is global); an entry replaces the engine's own function of that name. */
export function registerBuiltins(): void {
  if (registered) return;
  const implemented: ImplementedFunctions = {};
  const prototype = BuiltinsPlugin.prototype as unknown as Record<string, unknown>;
  for (const fn of BUILTINS) {
    const method = `builtin_${fn.name.replace(/\./g, "_")}`;
    implemented[fn.name] = {
      method,
      sizeOfResultArrayMethod: `${method}_size`,
      parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
      repeatLastArgs: 1,
      vectorizationForbidden: true,
    };
    prototype[method] = function (this: BuiltinsPlugin, ast: CallAst, state: unknown) {
      return this.callBuiltin(fn, ast, state);
    };
    prototype[`${method}_size`] = function (this: BuiltinsPlugin, ast: CallAst, state: unknown) {
      const shape = this.predict(fn, ast, state);
      return new ArraySize(shape.cols, shape.rows);
    };
  }
  BuiltinsPlugin.implementedFunctions = implemented;
  const names = Object.fromEntries(BUILTINS.map((fn) => [fn.name, fn.name]));
  for (const fn of BUILTINS)
    if (HyperFormula.getRegisteredFunctionNames("enGB").includes(fn.name)) HyperFormula.unregisterFunction(fn.name);
  HyperFormula.registerFunctionPlugin(
    BuiltinsPlugin,
    Object.fromEntries(HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, names])),
  );
  registered = true;
}
