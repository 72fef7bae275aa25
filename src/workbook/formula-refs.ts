/**
 * Rewrites sheet prefixes in a formula when an applier had to give a planned sheet another name
 * (the wanted name was taken in the meantime), so that cross-sheet references follow the rename.
 * String literals are left untouched.
 */
import { skipQuoted } from "../core/formula-text";
import { quoteSheetName } from "./a1";
import { sameSheetName } from "./sheet-names";

export function renameSheetInFormula(formula: string, from: string, to: string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = skipQuoted(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "'") {
      const end = skipQuoted(formula, i, "'");
      if (formula[end] === "!") {
        const name = formula.slice(i + 1, end - 1).replace(/''/g, "'");
        out += sameSheetName(name, from) ? quoteSheetName(to) : formula.slice(i, end);
        i = end;
        continue;
      }
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const identifier = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*/.exec(formula.slice(i));
    if (identifier && !/[A-Za-z0-9_.]/.test(formula[i - 1] ?? "")) {
      const word = identifier[0];
      const after = i + word.length;
      out += formula[after] === "!" && sameSheetName(word, from) ? quoteSheetName(to) : word;
      i = after;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
