/**
 * Function names in formulas as Excel shows them (and the engine reads them) ↔ as Excel stores
 * them in an .xlsx file. One module, used both ways by every reader and writer of files:
 *
 * - an add-in's custom function `PE.PARTNER_SCORE(` is stored as `_xldudf_PE_PARTNER_SCORE(`
 *   (namespace dot → `_`). Excel takes the bare `PE.PARTNER_SCORE(` in a file as a name it does not
 *   know, shows #NAME? and keeps it after the add-in loads (OfficeDev/office-js issues 6611, 6395,
 *   4185; OfficeDev/Excel-Custom-Functions issue 108; a workbook saved by Excel stores
 *   `_xldudf_CONTOSO_ADD(1,2)`). A COM add-in's copy can also leave `[1]!_xldudf_…` (an external
 *   reference to the add-in's book), which reads as the same call;
 * - Excel 2010+ built-ins ("future functions") are stored with the `_xlfn.` prefix, FILTER/SORT with
 *   `_xlfn._xlws.`, LAMBDA/LET parameters with `_xlpm.`: [MS-XLSX] 2.2.3 "Functions"
 *   (https://learn.microsoft.com/openspecs/office_standards/ms-xlsx/5d1b6d44-6fc1-4ecd-8fef-0b27406cc2bf).
 *   A future function written without its prefix opens as #NAME? (e.g. jmcnamara/XlsxWriter#74).
 *
 * String literals and quoted sheet names are never touched.
 */
import { thisRowAsStored } from "./structured-ref-text";

/** The custom-functions namespace (manifest.xml `Functions.Namespace`). */
const ADDIN_NAMESPACE = "PE";
const UDF_PREFIX = `_xldudf_${ADDIN_NAMESPACE}_`;

/** Functions stored as `_xlfn._xlws.NAME` ([MS-XLSX] 2.2.3). */
const WORKSHEET_FUTURE_FUNCTIONS = ["FILTER", "PY", "SORT"];

/** Functions stored as `_xlfn.NAME` ([MS-XLSX] 2.2.3, plus the newer dynamic-array functions Excel saves the same way). */
const FUTURE_FUNCTIONS = `
ACOT ACOTH AGGREGATE ANCHORARRAY ARABIC ARRAYTOTEXT BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV
BITAND BITLSHIFT BITOR BITRSHIFT BITXOR BYCOL BYROW CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV
CHISQ.INV.RT CHISQ.TEST CHOOSECOLS CHOOSEROWS COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P
COVARIANCE.S CSC CSCH DAYS DECIMAL DROP ERF.PRECISE ERFC.PRECISE EXPAND EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT
F.TEST FIELDVALUE FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY
FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS GROUPBY HSTACK
HYPGEOM.DIST IFNA IFS IMAGE IMCOSH IMCOT IMCSC IMCSCH IMSEC IMSECH IMSINH IMTAN ISFORMULA ISO.CEILING ISOMITTED
ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV MAKEARRAY MAP MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST
NETWORKDAYS.INTL NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC
PERCENTOF PERCENTRANK.EXC PERCENTRANK.INC PERMUTATIONA PHI PIVOTBY POISSON.DIST QUARTILE.EXC QUARTILE.INC QUERYSTRING
RANDARRAY RANK.AVG RANK.EQ REDUCE REGEXEXTRACT REGEXREPLACE REGEXTEST RRI SCAN SEC SECH SEQUENCE SHEET SHEETS SINGLE
SKEW.P SORTBY STDEV.P STDEV.S STOCKHISTORY SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TAKE TEXTAFTER
TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL TOROW TRIMRANGE UNICHAR UNICODE UNIQUE VALUETOTEXT VAR.P VAR.S VSTACK WEBSERVICE
WEIBULL.DIST WORKDAY.INTL WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR Z.TEST
`
  .trim()
  .split(/\s+/);

const FILE_PREFIXES = new Map<string, string>([
  ...FUTURE_FUNCTIONS.map((name) => [name, "_xlfn."] as [string, string]),
  ...WORKSHEET_FUTURE_FUNCTIONS.map((name) => [name, "_xlfn._xlws."] as [string, string]),
]);

/** The prefix a file needs before `name` (upper case, no prefix), or "" for a function every Excel knows. */
export function filePrefixOf(name: string): string {
  return FILE_PREFIXES.get(name.toUpperCase()) ?? "";
}

/** Every function that needs a prefix in a file, with it: for tests and docs. */
export function prefixedFunctions(): string[] {
  return [...FILE_PREFIXES].map(([name, prefix]) => `${prefix}${name}`);
}

/**
 * `PE.PARTNER_SCORE(B2:F2)` → `_xldudf_PE_PARTNER_SCORE(B2:F2)`, `IFS(…)` → `_xlfn.IFS(…)`,
 * `T[@Score]` → `T[[#This Row],[Score]]` (structured-ref-text.ts); a leading "=" stays.
 */
export function toFileFormula(formula: string): string {
  return mapNames(thisRowAsStored(formula), (name, calls) => {
    if (!calls) return name;
    const upper = name.toUpperCase();
    if (upper.startsWith(`${ADDIN_NAMESPACE}.`)) return `${UDF_PREFIX}${name.slice(ADDIN_NAMESPACE.length + 1)}`;
    if (upper.startsWith("_XL")) return name;
    return `${filePrefixOf(name)}${name}`;
  });
}

/** The reverse: `_xldudf_PE_X(`, `[1]!_xldudf_PE_X(` → `PE.X(`; `_xlfn.`, `_xlfn._xlws.`, `_xlpm.` dropped. */
export function fromFileFormula(formula: string): string {
  // Most formulas carry no prefix at all: skip the scan (it runs once per formula on every load).
  if (!/_xl/i.test(formula)) return formula;
  return mapNames(formula, (name) => {
    if (name.toUpperCase().startsWith(UDF_PREFIX.toUpperCase())) return `${ADDIN_NAMESPACE}.${name.slice(UDF_PREFIX.length)}`;
    return name.replace(/^(_xlfn\.)?(_xlws\.)?/i, "").replace(/^_xlpm\./i, "");
  });
}

/** The PE calls of a formula in either form, as the ids Excel lists in the add-in reference (`_xldudf_PE_TIER`). */
export function addinFunctionIds(formula: string): string[] {
  const ids: string[] = [];
  mapNames(toFileFormula(formula), (name, calls) => {
    if (calls && name.toUpperCase().startsWith(UDF_PREFIX.toUpperCase()))
      ids.push(`${UDF_PREFIX}${name.slice(UDF_PREFIX.length).toUpperCase()}`);
    return name;
  });
  return ids;
}

/** Whether a formula (either form) calls an add-in function. */
export function callsAddinFunction(formula: string): boolean {
  return addinFunctionIds(formula).length > 0;
}

const NAME = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;
const EXTERNAL_BOOK = /\[\d+\]!/y;
const NAME_START = /[A-Za-z_\\]/;
/** A name never starts right after these (it would be part of a longer token: A1, $A$1, x.y, Table[Col]). */
const NAME_PART = /[A-Za-z0-9_.$\]]/;

/**
 * Rewrites every name token outside quotes through `rename(name, isCall)`; a `[n]!` book
 * reference before an add-in function call is dropped (it only says where the add-in lives).
 */
function mapNames(formula: string, rename: (name: string, calls: boolean) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = skipQuotedText(formula, i, ch);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const book = ch === "[" ? ((EXTERNAL_BOOK.lastIndex = i), EXTERNAL_BOOK.exec(formula)) : null;
    if (book) {
      NAME.lastIndex = i + book[0].length;
      const target = NAME.exec(formula);
      if (target && target[0].toUpperCase().startsWith(UDF_PREFIX.toUpperCase())) {
        i += book[0].length;
        continue;
      }
    }
    NAME.lastIndex = i;
    const word = !NAME_START.test(ch) || NAME_PART.test(formula[i - 1] ?? "") ? null : NAME.exec(formula);
    if (word) {
      const after = word.index + word[0].length;
      out += rename(word[0], /^\s*\(/.test(formula.slice(after, after + 64)));
      i = after;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function skipQuotedText(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}
