/**
 * Keeping text text. Excel and HyperFormula both parse what is written into a cell the way they
 * parse typing: "=…", "+…", "-…" and "@…" become formulas, "12", "5%", "$3", "1/2", "TRUE",
 * "#N/A" and "Mar 5" become numbers, booleans, errors or dates. Both honour Excel's quote
 * prefix: a leading apostrophe means "the rest is literal text" and is not part of the value.
 *
 * We add the prefix only where parsing could change the text, so ordinary labels do not show an
 * apostrophe in the formula bar: a text is left alone only when it starts with a letter, holds
 * no digit and is not TRUE/FALSE. Everything else, including text that itself begins with an
 * apostrophe (which would otherwise be eaten), is prefixed. Conservative on purpose: a false
 * positive costs a visible apostrophe in the formula bar, a false negative corrupts user data.
 */

const PLAIN_TEXT = /^\p{L}[^\p{Nd}]*$/u;
const BOOLEAN_WORDS = new Set(["TRUE", "FALSE"]);

export function needsQuotePrefix(text: string): boolean {
  if (text === "") return false;
  if (!PLAIN_TEXT.test(text)) return true;
  return BOOLEAN_WORDS.has(text.trim().toUpperCase());
}

/** The string to hand to a host's cell-entry parser so that the cell's value is exactly `text`. */
export function asEnteredText(text: string): string {
  return needsQuotePrefix(text) ? `'${text}` : text;
}

/** Text that would be a formula, not just a number, when typed: the injection case. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text.trimStart());
}
