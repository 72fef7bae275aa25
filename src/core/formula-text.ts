/**
 * Walking Excel formula text the one way every translator here needs: string literals and quoted
 * sheet names are copied untouched (a doubled quote stays inside them), and everything between
 * them is offered to the caller's rewrite. The file form (file-formula.ts), the engine form
 * (excel-formula.ts), the A1 ⇄ R1C1 translation of pane writes and the formula tokenizer all read
 * formulas through it, so they agree on where a quoted run ends.
 */

/**
 * Index just past the closing quote of the string literal or quoted sheet name opening at `start`
 * (doubled quotes are escapes); the text's length when it is never closed.
 */
export function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] !== quote) i++;
    else if (text[i + 1] === quote) i += 2;
    else return i + 1;
  }
  return text.length;
}

/** What replaces the quoted name `formula.slice(start, end)`, or undefined to keep it. */
export type QuotedRewrite = (formula: string, start: number, end: number) => string | undefined;

/** What a rewrite puts in place of the text from the index it was given up to `next`. */
export interface FormulaRewrite {
  out: string;
  next: number;
}

/**
 * The formula with every unquoted position offered to `rewrite`: it returns what replaces the text
 * starting there, or undefined to copy one character, or null to give up (the result is then
 * undefined: the caller is not sure it can translate this formula). String literals are always
 * copied; a quoted name (`'…'`, from `start` to just past its closing quote at `end`) is copied
 * unless `rewriteQuoted` returns its replacement (renaming a sheet rewrites `'Old name'!`).
 */
export function rewriteOutsideQuotes(
  formula: string,
  rewrite: (formula: string, i: number) => FormulaRewrite | undefined,
  rewriteQuoted?: QuotedRewrite,
): string;
export function rewriteOutsideQuotes(
  formula: string,
  rewrite: (formula: string, i: number) => FormulaRewrite | undefined | null,
  rewriteQuoted?: QuotedRewrite,
): string | undefined;
export function rewriteOutsideQuotes(
  formula: string,
  rewrite: (formula: string, i: number) => FormulaRewrite | undefined | null,
  rewriteQuoted?: QuotedRewrite,
): string | undefined {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(formula, i, ch);
      out += (ch === "'" ? rewriteQuoted?.(formula, i, end) : undefined) ?? formula.slice(i, end);
      i = end;
      continue;
    }
    const replaced = rewrite(formula, i);
    if (replaced === null) return undefined;
    if (replaced) {
      out += replaced.out;
      i = replaced.next;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The letters of a 0-based column index, also past Excel's last column XFD (0 → "A", 26 → "AA"). */
export function columnLettersOf(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
