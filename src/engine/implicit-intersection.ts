/**
 * Implicit intersection, as Excel applies it to a formula saved without array semantics (a plain
 * `<f>` in the file: what Excel 365 shows with an "@"). Where such a formula puts a range in a
 * place that takes one value — the whole formula, an operand, or an argument a function reads as
 * one value — Excel takes the range's cell in the formula's own row (a one-column range) or
 * column (a one-row range), and #VALUE! when there is none. Our engine runs every formula with
 * array semantics, so without this `=K7:L10&D7` or `=IFERROR(I16:J18,1)` would spill.
 * Inside a function that evaluates its arguments as arrays (SUMPRODUCT, INDEX, MATCH …) nothing
 * is intersected, as in Excel.
 * Reference: https://support.microsoft.com/office/implicit-intersection-operator-ce3be07b-0101-4450-a24e-c1c999be2b34
 */
import { HyperFormula } from "hyperformula";
import { columnLettersOf } from "../core/formula-text";
import { columnNumber, type Token } from "./formula-tokens";

/** Functions whose arguments Excel evaluates as arrays even in a legacy formula. */
const ARRAY_FUNCTIONS = new Set([
  "SUMPRODUCT",
  "MMULT",
  "TRANSPOSE",
  "INDEX",
  "MATCH",
  "LOOKUP",
  "XLOOKUP",
  "XMATCH",
  "VLOOKUP",
  "HLOOKUP",
  "FREQUENCY",
  "MDETERM",
  "MINVERSE",
  "TREND",
  "GROWTH",
  "LINEST",
  "LOGEST",
  "SUMX2MY2",
  "SUMX2PY2",
  "SUMXMY2",
  "CORREL",
  "COVAR",
  "COVARIANCE.P",
  "COVARIANCE.S",
  "PEARSON",
  "RSQ",
  "SLOPE",
  "INTERCEPT",
  "STEYX",
  "FORECAST",
  "FORECAST.LINEAR",
  "AGGREGATE",
  "ROWS",
  "COLUMNS",
  "ROW",
  "COLUMN",
  "AREAS",
  "N",
  "T",
  "SUBTOTAL",
]);

/** Functions that read a range as a list of values, whatever their declared parameter type in the engine. */
const RANGE_READING_FUNCTIONS = new Set(["AND", "OR", "XOR", "CONCAT", "TEXTJOIN", "COUNT", "COUNTA", "COUNTBLANK"]);

const SCALAR_TYPES = new Set(["NUMBER", "STRING", "BOOLEAN", "INTEGER", "SCALAR", "NOERROR", "COMPLEX"]);

/** Whether the engine's `name` reads argument `index` as one value (undefined: unknown function). */
function takesOneValue(name: string, index: number): boolean | undefined {
  const upper = name.toUpperCase().replace(/^(_XLFN\.)?(_XLWS\.)?/, "");
  if (RANGE_READING_FUNCTIONS.has(upper)) return false;
  const plugin = HyperFormula.getFunctionPlugin(upper) as
    { implementedFunctions: Record<string, { parameters?: { argumentType: string }[]; repeatLastArgs?: number }> } | undefined;
  const metadata = plugin?.implementedFunctions[upper];
  if (!metadata?.parameters || metadata.parameters.length === 0) return undefined;
  const parameters = metadata.parameters;
  let at = index;
  const repeat = metadata.repeatLastArgs ?? 0;
  if (at >= parameters.length) {
    if (repeat === 0) return undefined;
    at = parameters.length - repeat + ((at - parameters.length) % repeat);
  }
  return SCALAR_TYPES.has(parameters[at].argumentType);
}

interface Frame {
  fn?: string;
  arg: number;
}

/** The cell a range text intersects at (row, col), e.g. "$B$2:$B$9" at row 4 → "$B$5", or undefined for none. */
function intersect(parts: Token[], row: number, col: number): string | undefined {
  const cell = (text: string) => /^\$?([A-Za-z]+)\$?([0-9]+)$/.exec(text);
  let top: number, bottom: number, left: number, right: number;
  if (parts.length === 3) {
    const a = cell(parts[0].text)!;
    const b = cell(parts[2].text)!;
    top = Math.min(Number(a[2]), Number(b[2])) - 1;
    bottom = Math.max(Number(a[2]), Number(b[2])) - 1;
    left = Math.min(columnNumber(a[1]), columnNumber(b[1])) - 1;
    right = Math.max(columnNumber(a[1]), columnNumber(b[1])) - 1;
  } else if (parts[0].kind === "columns") {
    const [a, b] = parts[0].text.replace(/\$/g, "").split(":");
    top = 0;
    bottom = 1_048_575;
    left = Math.min(columnNumber(a), columnNumber(b)) - 1;
    right = Math.max(columnNumber(a), columnNumber(b)) - 1;
  } else {
    const [a, b] = parts[0].text.replace(/\$/g, "").split(":").map(Number);
    top = Math.min(a, b) - 1;
    bottom = Math.max(a, b) - 1;
    left = 0;
    right = 16_383;
  }
  if (left === right && row >= top && row <= bottom) return `$${columnLettersOf(left)}$${row + 1}`;
  if (top === bottom && col >= left && col <= right) return `$${columnLettersOf(col)}$${top + 1}`;
  if (left === right && top === bottom) return `$${columnLettersOf(left)}$${top + 1}`;
  return undefined;
}

/** `tokens` of a legacy formula at (row, col), with ranges in single-value places intersected. */
export function applyImplicitIntersection(tokens: readonly Token[], row: number, col: number): Token[] {
  const out: Token[] = [];
  const stack: Frame[] = [];
  let braces = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.text === "{") braces++;
    if (token.text === "}") braces--;
    if (token.kind === "word" && tokens[i + 1]?.text === "(") {
      stack.push({ fn: token.text, arg: 0 });
      out.push(token, tokens[++i]);
      continue;
    }
    if (token.text === "(") stack.push({ arg: 0 });
    else if (token.text === ")") stack.pop();
    else if (token.text === "," && braces === 0 && stack.length > 0) stack[stack.length - 1].arg++;
    const range = rangeAt(tokens, i);
    if (!range) {
      out.push(token);
      continue;
    }
    const { sheet, parts, end } = range;
    if (mustIntersect(tokens, i, end, stack)) {
      const hit = intersect(parts, row, col);
      out.push(hit === undefined ? { kind: "error", text: "#VALUE!" } : { kind: "cell", text: `${sheet}${hit}` });
    } else out.push(...tokens.slice(i, end));
    i = end - 1;
  }
  return out;
}

/** A range starting at token `i`: optional sheet, then A1:B2, A:B or 1:2. */
function rangeAt(tokens: readonly Token[], i: number): { sheet: string; parts: Token[]; end: number } | undefined {
  let at = i;
  let sheet = "";
  if (tokens[at]?.kind === "sheet") {
    sheet = tokens[at].text;
    at++;
  }
  const first = tokens[at];
  if (!first) return undefined;
  if (first.kind === "columns" || first.kind === "rows") return { sheet, parts: [first], end: at + 1 };
  if (first.kind === "cell" && tokens[at + 1]?.text === ":" && tokens[at + 2]?.kind === "cell")
    return { sheet, parts: tokens.slice(at, at + 3), end: at + 3 };
  return undefined;
}

function isOperator(token: Token | undefined): boolean {
  return token !== undefined && token.kind === "other" && /^[-+*/^&=<>%]$/.test(token.text);
}

function mustIntersect(tokens: readonly Token[], start: number, end: number, stack: readonly Frame[]): boolean {
  if (
    stack.some(
      (frame) => frame.fn !== undefined && ARRAY_FUNCTIONS.has(frame.fn.toUpperCase().replace(/^(_XLFN\.)?(_XLWS\.)?/, "")),
    )
  )
    return false;
  const before = previousSignificant(tokens, start);
  const after = nextSignificant(tokens, end);
  const inOperation = isOperator(before) || isOperator(after) || before?.text === ":" || after?.text === ":";
  const frame = [...stack].reverse().find((f) => f.fn !== undefined);
  if (!frame) return true; // the formula's own value, or an operand outside any function
  const direct = stack[stack.length - 1] === frame && !inOperation;
  if (!direct) return !inOperation ? false : true;
  return takesOneValue(frame.fn!, frame.arg) === true;
}

function previousSignificant(tokens: readonly Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0; j--) if (tokens[j].text.trim() !== "") return tokens[j];
  return undefined;
}

function nextSignificant(tokens: readonly Token[], i: number): Token | undefined {
  for (let j = i; j < tokens.length; j++) if (tokens[j].text.trim() !== "") return tokens[j];
  return undefined;
}
