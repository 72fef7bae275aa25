import { fromFileFormula } from "./file-formula";
import { rewriteOutsideQuotes } from "./formula-text";

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
  return rewriteOutsideQuotes(fromFileFormula(stored), (formula, i) => {
    const word = /^[A-Za-z_\\][A-Za-z0-9_.\\]*/.exec(formula.slice(i));
    if (!word || /[A-Za-z0-9_.$]/.test(formula[i - 1] ?? "")) return undefined;
    return { out: translateWord(word[0], formula.slice(i + word[0].length)), next: i + word[0].length };
  });
}

function translateWord(word: string, rest: string): string {
  if (/^(TRUE|FALSE)$/i.test(word) && !/^\s*[(!]/.test(rest)) return `${word.toUpperCase()}()`;
  return word;
}
