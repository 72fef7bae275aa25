/**
 * Rewrites sheet prefixes in a formula when an applier had to give a planned sheet another name
 * (the wanted name was taken in the meantime), so that cross-sheet references follow the rename.
 * String literals are left untouched.
 */
import { rewriteOutsideQuotes } from "../core/formula-text";
import { quoteSheetName } from "./a1";
import { sameSheetName } from "./sheet-names";

const IDENTIFIER = /[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*/y;

export function renameSheetInFormula(formula: string, from: string, to: string): string {
  return rewriteOutsideQuotes(
    formula,
    (text, i) => {
      if (/[A-Za-z0-9_.]/.test(text[i - 1] ?? "")) return undefined;
      IDENTIFIER.lastIndex = i;
      const word = IDENTIFIER.exec(text)?.[0];
      if (word === undefined) return undefined;
      const next = i + word.length;
      return { out: text[next] === "!" && sameSheetName(word, from) ? quoteSheetName(to) : word, next };
    },
    (text, start, end) =>
      text[end] === "!" && sameSheetName(text.slice(start + 1, end - 1).replace(/''/g, "'"), from)
        ? quoteSheetName(to)
        : undefined,
  );
}
