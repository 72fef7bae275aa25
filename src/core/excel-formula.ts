import { fromFileFormula } from "./file-formula";

/**
 * Excel formula text as HyperFormula reads it. Two differences matter to us:
 * - HyperFormula has TRUE() and FALSE() functions but no TRUE/FALSE literals ("=IF(TRUE,1,2)" is
 *   #NAME? there), so bare literals become calls;
 * - files store newer built-ins as `_xlfn.IFS(` / `_xlfn._xlws.SORT(` and add-in functions as
 *   `_xldudf_PE_PARTNER_SCORE(`; the engine knows them as `IFS(` and `PE.PARTNER_SCORE(`
 *   (file-formula.ts translates both ways).
 * String literals and quoted sheet names are never touched.
 */
export function toEngineFormula(stored: string): string {
  const formula = fromFileFormula(stored);
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
    const word = /^[A-Za-z_\\][A-Za-z0-9_.\\]*/.exec(formula.slice(i));
    if (word && !/[A-Za-z0-9_.$]/.test(formula[i - 1] ?? "")) {
      out += translateWord(word[0], formula.slice(i + word[0].length));
      i += word[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function translateWord(word: string, rest: string): string {
  if (/^(TRUE|FALSE)$/i.test(word) && !/^\s*[(!]/.test(rest)) return `${word.toUpperCase()}()`;
  return word;
}

/**
 * Index just past the closing quote of the string literal or quoted sheet name opening at `start`
 * (doubled quotes are escapes); the text's length when it is never closed.
 */
export function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}
