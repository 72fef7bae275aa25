/**
 * Text search built-ins HyperFormula lacks: REGEXTEST, REGEXEXTRACT, REGEXREPLACE (Excel's regex
 * functions, PCRE2 there; JavaScript's RegExp here, which agrees on the common syntax), TEXTBEFORE,
 * TEXTAFTER, TEXTSPLIT and ASC. Arguments are converted in order (the first error wins); a mode
 * outside the values Microsoft lists is #VALUE!.
 */
import { CellError } from "hyperformula";
import { flatten, isMatrix, naError, toNumber, toText, valueError, type Matrix, type Scalar, type Value } from "./values";

type Args = (Value | undefined)[];

function scalar(value: Value | undefined): Scalar | undefined {
  if (value === undefined) return undefined;
  return isMatrix(value) ? (value[0]?.[0] ?? null) : value;
}

/** A whole-number option from a fixed list (truncated); the default when omitted or blank. */
function option(value: Value | undefined, allowed: number[], fallback: number): number | CellError {
  const cell = scalar(value);
  if (cell === undefined || cell === null) return fallback;
  const n = toNumber(cell);
  if (n instanceof CellError) return n;
  const whole = Math.trunc(n);
  return allowed.includes(whole) ? whole : valueError(`the option must be one of ${allowed.join(", ")}`);
}

function regexOf(pattern: string, caseInsensitive: number, global = false): RegExp | CellError {
  try {
    return new RegExp(pattern, `${caseInsensitive ? "i" : ""}${global ? "g" : ""}u`);
  } catch {
    return valueError(`"${pattern}" is not a regular expression`);
  }
}

/** REGEXTEST(text, pattern, [case_sensitivity]). */
export function regextest(args: Args): Value {
  const text = toText(scalar(args[0]) ?? null);
  const pattern = toText(scalar(args[1]) ?? null);
  const insensitive = option(args[2], [0, 1], 0);
  if (text instanceof CellError) return text;
  if (pattern instanceof CellError) return pattern;
  if (insensitive instanceof CellError) return insensitive;
  const regex = regexOf(pattern, insensitive);
  return regex instanceof CellError ? regex : regex.test(text);
}

/** REGEXEXTRACT(text, pattern, [return_mode], [case_sensitivity]): no match is #N/A. */
export function regexextract(args: Args): Value {
  const text = toText(scalar(args[0]) ?? null);
  const pattern = toText(scalar(args[1]) ?? null);
  const mode = option(args[2], [0, 1, 2], 0);
  const insensitive = option(args[3], [0, 1], 0);
  for (const v of [text, pattern, mode, insensitive]) if (v instanceof CellError) return v;
  const regex = regexOf(pattern as string, insensitive as number, mode === 1);
  if (regex instanceof CellError) return regex;
  if (mode === 1) {
    const all = [...(text as string).matchAll(regex)].map((m) => [m[0]]);
    return all.length === 0 ? naError("no match") : all;
  }
  const match = regex.exec(text as string);
  if (!match) return naError("no match");
  if (mode === 0) return match[0];
  return match.length > 1 ? [match.slice(1).map((group) => group ?? "")] : naError("the pattern has no capturing group");
}

/** REGEXREPLACE(text, pattern, replacement, [occurrence=0 (all)], [case_sensitivity]). */
export function regexreplace(args: Args): Value {
  const text = toText(scalar(args[0]) ?? null);
  const pattern = toText(scalar(args[1]) ?? null);
  const replacement = toText(scalar(args[2]) ?? null);
  const occurrence = scalar(args[3]) === undefined ? 0 : toNumber(scalar(args[3]) ?? null);
  const insensitive = option(args[4], [0, 1], 0);
  for (const v of [text, pattern, replacement, occurrence, insensitive]) if (v instanceof CellError) return v;
  const regex = regexOf(pattern as string, insensitive as number, true);
  if (regex instanceof CellError) return regex;
  const which = Math.trunc(occurrence as number);
  if (which === 0) return (text as string).replace(regex, replacement as string);
  const matches = [...(text as string).matchAll(regex)];
  const target = which > 0 ? matches[which - 1] : matches[matches.length + which];
  if (!target || target.index === undefined) return text as string;
  const single = new RegExp(regex.source, regex.flags.replace("g", ""));
  const replaced = target[0].replace(single, replacement as string);
  return (text as string).slice(0, target.index) + replaced + (text as string).slice(target.index + target[0].length);
}

interface Found {
  start: number;
  end: number;
}

/** Every occurrence of any delimiter, left to right, not overlapping (the longest at a position wins). */
function occurrences(text: string, delimiters: string[], insensitive: boolean): Found[] {
  const haystack = insensitive ? text.toLowerCase() : text;
  const needles = delimiters.map((d) => (insensitive ? d.toLowerCase() : d));
  const found: Found[] = [];
  let at = 0;
  while (at <= haystack.length) {
    let best: Found | undefined;
    for (const needle of needles) {
      const index = haystack.indexOf(needle, at);
      if (index < 0) continue;
      if (!best || index < best.start || (index === best.start && index + needle.length > best.end))
        best = { start: index, end: index + needle.length };
    }
    if (!best) break;
    found.push(best);
    at = best.end;
  }
  return found;
}

function delimitersOf(value: Value | undefined): string[] | CellError {
  const out: string[] = [];
  for (const cell of value === undefined ? [null] : flatten(value)) {
    const text = toText(cell);
    if (text instanceof CellError) return text;
    out.push(text);
  }
  return out;
}

/** TEXTBEFORE / TEXTAFTER (text, delimiter, [instance_num=1], [match_mode=0], [match_end=0], [if_not_found=#N/A]). */
function textAround(args: Args, before: boolean): Value {
  const text = toText(scalar(args[0]) ?? null);
  const delimiters = delimitersOf(args[1]);
  const instanceCell = scalar(args[2]);
  const instance = instanceCell === undefined ? 1 : toNumber(instanceCell);
  const mode = option(args[3], [0, 1], 0);
  const matchEnd = option(args[4], [0, 1], 0);
  for (const v of [text, delimiters, instance, mode, matchEnd]) if (v instanceof CellError) return v;
  const source = text as string;
  const n = Math.trunc(instance as number);
  if (n === 0 || Math.abs(n) > source.length) return valueError("instance_num must not be 0 or longer than the text");
  const list = delimiters as string[];
  const notFound = () => (args[5] === undefined ? naError("the delimiter is not in the text") : (scalar(args[5]) ?? null));
  if (list.some((d) => d === "")) {
    // An empty delimiter matches at the start (or, counting from the end, at the end).
    return n > 0 ? (before ? "" : source) : before ? source : "";
  }
  const found = occurrences(source, list, mode === 1);
  if (matchEnd === 1) found.push({ start: source.length, end: source.length });
  const hit = n > 0 ? found[n - 1] : found[found.length + n];
  if (!hit) return notFound();
  return before ? source.slice(0, hit.start) : source.slice(hit.end);
}

export const textbefore = (args: Args): Value => textAround(args, true);
export const textafter = (args: Args): Value => textAround(args, false);

/** TEXTSPLIT(text, col_delimiter, [row_delimiter], [ignore_empty], [match_mode], [pad_with=#N/A]). */
export function textsplit(args: Args): Value {
  const text = toText(scalar(args[0]) ?? null);
  const columns = args[1] === undefined || scalar(args[1]) === null ? [] : delimitersOf(args[1]);
  const rows = args[2] === undefined || scalar(args[2]) === null ? [] : delimitersOf(args[2]);
  const ignoreEmpty = scalar(args[3]) === undefined ? false : toNumber(scalar(args[3]) ?? null);
  const mode = option(args[4], [0, 1], 0);
  for (const v of [text, columns, rows, ignoreEmpty, mode]) if (v instanceof CellError) return v;
  const colList = columns as string[];
  const rowList = rows as string[];
  if (colList.length + rowList.length === 0 || [...colList, ...rowList].some((d) => d === ""))
    return valueError("TEXTSPLIT needs a delimiter that is not empty");
  const split = (part: string, list: string[]): string[] => {
    if (list.length === 0) return [part];
    const pieces: string[] = [];
    let from = 0;
    for (const hit of occurrences(part, list, mode === 1)) {
      pieces.push(part.slice(from, hit.start));
      from = hit.end;
    }
    pieces.push(part.slice(from));
    return ignoreEmpty ? pieces.filter((p) => p !== "") : pieces;
  };
  const grid: string[][] = split(text as string, rowList).map((line) => split(line, colList));
  const width = Math.max(1, ...grid.map((r) => r.length));
  const pad: Scalar = args[5] === undefined ? naError("padding") : (scalar(args[5]) ?? null);
  const out: Matrix = grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? pad));
  return out.length === 0 ? [[""]] : out;
}

/** ASC(text): full-width (double-byte) letters, digits and punctuation as their half-width forms. */
export function asc(args: Args): Value {
  const text = toText(scalar(args[0]) ?? null);
  if (text instanceof CellError) return text;
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}
