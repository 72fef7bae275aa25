/**
 * A1 ⇄ R1C1 for the formulas our plans write, so that a column of formulas that differ only by
 * their row (G11 `=PE.TIER(G11,…)`, G12 `=PE.TIER(G12,…)`, …) can be sent to Excel as ONE
 * R1C1 text assigned to the whole column range (`range.formulasR1C1 = "=PE.TIER(RC[-1],…)"`):
 * R1C1 text names a cell by its offset, so one text means the same formula in every cell, with
 * no reliance on how Excel adjusts a relative A1 formula across a range.
 *
 * Deliberately narrow: it handles what our plans contain (cell and cell-range references, with
 * or without `$` and a sheet prefix, function and defined names, string literals, structured
 * references, which mean the same in every row and are copied as they are). Anything it is
 * not sure of — whole-column or whole-row references, text it cannot round-trip — gives
 * `undefined`, and the caller writes that cell's A1 formula as it is.
 */
import { bracketEnd } from "../../core/structured-ref-text";
import { columnIndex, unboundedColumnLetters, MAX_COLUMNS, MAX_ROWS, type CellRef } from "../a1";

const IDENTIFIER_CHAR = /[A-Za-z0-9_.\u00C0-\uFFFF]/;
// Sticky (y) patterns, matched at an index without slicing: a plan converts tens of thousands of formulas.
const A1_CELL = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(\u00C0-\uFFFF])/y;
const R1C1_CELL = /R(\[-?[0-9]+\]|[0-9]+)?C(\[-?[0-9]+\]|[0-9]+)?(?![A-Za-z0-9_.(\u00C0-\uFFFF])/y;
const WORD = /[A-Za-z0-9_.$\u00C0-\uFFFF]+/y;
/** "A:C", "$A:$A", "3:5": whole columns or rows, which this module leaves to the A1 path. */
const WHOLE_LINES = /(\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?[0-9]{1,7}:\$?[0-9]{1,7})(?![A-Za-z0-9_.(\u00C0-\uFFFF])/y;

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** The index just past a quoted run starting at `start` (a doubled quote stays inside). */
function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] !== quote) i++;
    else if (text[i + 1] === quote) i += 2;
    else return i + 1;
  }
  return text.length;
}

type Rewrite = (text: string, i: number) => { out: string; next: number } | "unsure" | undefined;

/**
 * Walks a formula, copying string literals, quoted sheet names and identifiers untouched, and
 * lets `rewrite` replace the reference that starts at an identifier boundary.
 */
function walk(formula: string, rewrite: Rewrite): string | undefined {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(formula, i, ch);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    // A structured reference's brackets hold column names ("Q1" is a name there, not a cell):
    // copied whole. (An R1C1 reference's own brackets are consumed with it by `rewrite`.)
    if (ch === "[") {
      const end = bracketEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const atBoundary = !IDENTIFIER_CHAR.test(formula[i - 1] ?? "") && formula[i - 1] !== "$";
    if (atBoundary && /[A-Za-z$0-9]/.test(ch)) {
      const replaced = rewrite(formula, i);
      if (replaced === "unsure") return undefined;
      if (replaced) {
        out += replaced.out;
        i = replaced.next;
        continue;
      }
      // An identifier (function, defined name, sheet name before "!") or a number: copy it whole.
      const word = matchAt(WORD, formula, i)![0];
      out += word;
      i += word.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The formula in R1C1 notation as seen from `at`, or undefined when it cannot be sure. */
export function a1ToR1C1(formula: string, at: CellRef): string | undefined {
  const converted = walk(formula, (text, i) => {
    if (matchAt(WHOLE_LINES, text, i)) return "unsure";
    const match = matchAt(A1_CELL, text, i);
    if (!match) return undefined;
    const [whole, colAbs, letters, rowAbs, digits] = match;
    if (text[i + whole.length] === "!") return undefined; // a sheet named like a cell
    const col = columnIndex(letters);
    const row = Number(digits) - 1;
    if (row < 0 || row >= MAX_ROWS) return "unsure";
    const r = rowAbs ? `R${row + 1}` : row === at.row ? "R" : `R[${row - at.row}]`;
    const c = colAbs ? `C${col + 1}` : col === at.col ? "C" : `C[${col - at.col}]`;
    return { out: r + c, next: i + whole.length };
  });
  if (converted === undefined) return undefined;
  // Only hand out a text that reads back to exactly the formula we were given.
  return r1c1ToA1(converted, at) === formula ? converted : undefined;
}

/** The formula in A1 notation for the cell `at`, or undefined for references outside the sheet. */
export function r1c1ToA1(formula: string, at: CellRef): string | undefined {
  return walk(formula, (text, i) => {
    const match = matchAt(R1C1_CELL, text, i);
    if (!match) return undefined;
    const [whole, rowPart, colPart] = match;
    const row = part(rowPart, at.row);
    const col = part(colPart, at.col);
    if (row.index < 0 || row.index >= MAX_ROWS || col.index < 0 || col.index >= MAX_COLUMNS) return "unsure";
    const a1 = `${col.absolute ? "$" : ""}${unboundedColumnLetters(col.index)}${row.absolute ? "$" : ""}${row.index + 1}`;
    return { out: a1, next: i + whole.length };
  });
}

function part(text: string | undefined, origin: number): { index: number; absolute: boolean } {
  if (text === undefined) return { index: origin, absolute: false };
  if (text.startsWith("[")) return { index: origin + Number(text.slice(1, -1)), absolute: false };
  return { index: Number(text) - 1, absolute: true };
}
