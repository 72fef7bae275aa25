/**
 * A formula of a workbook file, as the engine must read it in its cell. On top of
 * toEngineFormula's word-level translation (excel-formula.ts), a formula needs the workbook around
 * it: its defined names, its tables, its sheet order and its own position. Each rewrite is its own
 * pass over the tokens:
 * - upper-case exponents (`1E-6`, as Excel writes numbers into files) in the engine's lower case;
 * - structured references against the file's tables (structured-refs.ts);
 * - 3-D references `Sheet1:Sheet3!A1` expanded to one reference a sheet (a list argument);
 * - defined names the engine would not accept (`Tax2024` reads as a cell, `A\B` does not parse)
 *   under safe internal names, relative names inlined at the cell using them;
 * - implicit intersection in a legacy (non-array) formula (`=L:L` in row 5 is L5), implicit-intersection.ts.
 */
import { NULL_ERROR_FUNCTION, NULL_ERROR_MESSAGE } from "./error-codes";
import { sameTokens, type FormulaMemo } from "./formula-memo";
import { toEngineFormula } from "../core/excel-formula";
import { applyImplicitIntersection } from "./implicit-intersection";
import { hasRelativeReference, shiftTokens } from "./formula-shift";
import { joinTokens, sheetNamesOf, sheetPrefix, tokenize, type Token } from "./formula-tokens";
import { RowDependence, translateStructuredRefs, type CellPosition, type TableDefinition } from "./structured-refs";

/** Our built-in that fits an array result to a legacy array formula's area (builtins/array-area.ts). */
export const ARRAY_AREA_FUNCTION = "INTERNAL.ARRAYAREA";

export interface ArrayArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface NameDefinition {
  name: string;
  /** The sheet a local name belongs to; undefined for a workbook-wide name. */
  sheet?: string;
  /** As the file stores it, without "=". */
  formula: string;
}

export interface WorkbookContext {
  sheets: readonly string[];
  tables: readonly TableDefinition[];
  names: NameTable;
}

interface NameEntry extends NameDefinition {
  engineName: string;
  /** Relative names are written out at each use (shifted to the using cell); others stay names. */
  inline: boolean;
}

const ENGINE_NAME = /^[A-Za-z\u00C0-\u02AF_][A-Za-z\u00C0-\u02AF0-9_.]*$/;

/** Whether HyperFormula accepts `name` as a named expression (see its NamedExpressions.isNameValid). */
export function engineAcceptsName(name: string): boolean {
  return ENGINE_NAME.test(name) && !/^[A-Za-z]+[0-9]+$/.test(name) && !/^[rR][0-9]*[cC][0-9]*$/.test(name);
}

/** The defined names of a workbook and what each becomes in the engine. */
export class NameTable {
  private readonly byKey = new Map<string, NameEntry>();
  readonly entries: NameEntry[] = [];

  constructor(definitions: readonly NameDefinition[]) {
    let renamed = 0;
    for (const definition of definitions) {
      const engineName = engineAcceptsName(definition.name) ? definition.name : `_pe_name_${++renamed}`;
      const entry = { ...definition, engineName, inline: hasRelativeReference(definition.formula) };
      this.entries.push(entry);
      this.byKey.set(NameTable.key(definition.name, definition.sheet), entry);
    }
  }

  private static key(name: string, sheet: string | undefined): string {
    return `${sheet ?? ""}\u0000${name.toUpperCase()}`;
  }

  /** The name `word` means in a formula on `sheet` (a local name first). */
  find(word: string, sheet: string, qualifier?: string): NameEntry | undefined {
    if (qualifier !== undefined) return this.byKey.get(NameTable.key(word, qualifier));
    return this.byKey.get(NameTable.key(word, sheet)) ?? this.byKey.get(NameTable.key(word, undefined));
  }
}

/**
 * Excel functions the engine knows under another name that means the same for these files:
 * the *B text functions equal their plain forms outside double-byte languages, *.PRECISE the
 * plain error function.
 */
const SAME_FUNCTION: Record<string, string> = {
  LEFTB: "LEFT",
  RIGHTB: "RIGHT",
  MIDB: "MID",
  LENB: "LEN",
  FINDB: "FIND",
  SEARCHB: "SEARCH",
  REPLACEB: "REPLACE",
  "ERF.PRECISE": "ERF",
  "ERFC.PRECISE": "ERFC",
};

export function sameFunctionNames(tokens: readonly Token[]): Token[] {
  return tokens.map((token, i) => {
    if (token.kind !== "word" || tokens[i + 1]?.text !== "(") return token;
    const bare = token.text.toUpperCase().replace(/^(_XLFN\.)?(_XLWS\.)?/, "");
    const same = SAME_FUNCTION[bare];
    return same ? { kind: "word", text: same } : token;
  });
}

export function upperCaseExponents(tokens: readonly Token[]): Token[] {
  return tokens.map((token) =>
    token.kind === "number" && token.text.includes("E") ? { kind: "number", text: token.text.toLowerCase() } : token,
  );
}

/** `Sheet1:Sheet3!A1:B2` → `Sheet1!A1:B2,Sheet2!A1:B2,Sheet3!A1:B2` (sheets in workbook order). */
export function expandThreeDReferences(tokens: readonly Token[], sheets: readonly string[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const names = token.kind === "sheet" ? sheetNamesOf(token) : [];
    if (names.length !== 2) {
      out.push(token);
      continue;
    }
    let end = i + 2;
    if (tokens[i + 2]?.text === ":" && tokens[i + 3]?.kind === "cell") end = i + 4;
    const reference = joinTokens(tokens.slice(i + 1, end));
    const upper = sheets.map((s) => s.toUpperCase());
    const first = upper.indexOf(names[0].toUpperCase());
    const last = upper.indexOf(names[1].toUpperCase());
    if (first < 0 || last < 0 || reference === "") {
      out.push({ kind: "error", text: "#REF!" });
    } else {
      const span = sheets.slice(Math.min(first, last), Math.max(first, last) + 1);
      out.push(...tokenize(span.map((sheet) => `${sheetPrefix(sheet)}${reference}`).join(",")));
    }
    i = end - 1;
  }
  return out;
}

const MAX_NAME_DEPTH = 16;

function translateNames(
  tokens: readonly Token[],
  context: WorkbookContext,
  at: CellPosition,
  depth: number,
  rows?: RowDependence,
): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    const previous = out[out.length - 1];
    // A name such as Tax2024 also reads as a cell (column TAX): a defined name of that text wins.
    const nameLike = token.kind === "word" || (token.kind === "cell" && !token.text.includes("$"));
    if (!nameLike || next?.text === "(" || next?.kind === "bracket") {
      out.push(token);
      continue;
    }
    const qualifier = previous?.kind === "sheet" ? sheetNamesOf(previous)[0] : undefined;
    const entry = context.names.find(token.text, at.sheet, qualifier);
    if (!entry) {
      out.push(token);
      continue;
    }
    if (qualifier !== undefined) out.pop(); // the engine scopes local names itself
    if (!entry.inline || depth >= MAX_NAME_DEPTH) {
      out.push({ kind: "word", text: entry.engineName });
      continue;
    }
    // A relative name is stored as seen from A1; at the using cell its references move along.
    if (rows) rows.fixed = false;
    const definition = shiftTokens(tokenize(entry.formula), at.row, at.col, true);
    const inner = workbookTokens(joinTokens(definition), context, { ...at, sheet: entry.sheet ?? at.sheet }, depth + 1);
    out.push({ kind: "other", text: "(" }, ...inner, { kind: "other", text: ")" });
  }
  return out;
}

/** The #NULL! literal, which the engine lacks, as the call that makes our stand-in for it (error-codes.ts); not inside array constants. */
export function nullErrorLiterals(tokens: readonly Token[]): Token[] {
  let braces = 0;
  return tokens.map((token) => {
    if (token.text === "{") braces++;
    if (token.text === "}") braces--;
    return token.kind === "error" && token.text.toUpperCase() === NULL_ERROR_MESSAGE && braces === 0
      ? { kind: "word", text: `${NULL_ERROR_FUNCTION}()` }
      : token;
  });
}

function workbookTokens(
  formula: string,
  context: WorkbookContext,
  at: CellPosition,
  depth: number,
  rows?: RowDependence,
): Token[] {
  let tokens = sameFunctionNames(nullErrorLiterals(upperCaseExponents(tokenize(formula))));
  tokens = translateStructuredRefs(tokens, context.tables, at, rows);
  tokens = expandThreeDReferences(tokens, context.sheets);
  return translateNames(tokens, context, at, depth, rows);
}

/**
 * A stored formula (no "=") of the cell at `at`, in the engine's syntax (with "="). With `memo`,
 * the rows of a column that store the same formula (a table's calculated column) share one
 * translation (formula-memo.ts).
 */
export function workbookFormulaForEngine(
  stored: string,
  context: WorkbookContext,
  at: CellPosition,
  options: { array?: "dynamic" | ArrayArea } = {},
  memo?: FormulaMemo,
): string {
  const kind = options.array === undefined ? "legacy" : options.array === "dynamic" ? "dynamic" : undefined;
  const key = memo && kind ? memo.key(stored, at, kind) : undefined;
  const known = key === undefined ? undefined : memo!.lookup(key, at);
  if (known?.verified) return known.formula;
  const dependence = key === undefined ? undefined : new RowDependence();
  let tokens = workbookTokens(stored, context, at, 0, dependence);
  if (!options.array) {
    const intersected = applyImplicitIntersection(tokens, at.row, at.col);
    if (dependence && !sameTokens(intersected, tokens)) dependence.fixed = false;
    tokens = intersected;
  }
  const formula = toEngineFormula(joinTokens(tokens));
  if (key !== undefined) {
    if (known) memo!.confirm(key, known.formula === `=${formula}`, `=${formula}`, at);
    else memo!.learn(key, at, dependence!, tokens, `=${formula}`);
  }
  if (options.array === undefined || options.array === "dynamic") return `=${formula}`;
  // A legacy array formula (Ctrl+Shift+Enter) shows exactly its selected area of the result.
  const rows = options.array.bottom - options.array.top + 1;
  const cols = options.array.right - options.array.left + 1;
  return `=${ARRAY_AREA_FUNCTION}(${formula},${rows},${cols})`;
}

/** A defined name's definition in the engine's syntax (with "="), for a name the engine holds. */
export function nameFormulaForEngine(definition: NameDefinition, context: WorkbookContext): string {
  const at = { sheet: definition.sheet ?? context.sheets[0] ?? "", row: 0, col: 0 };
  return `=${toEngineFormula(joinTokens(workbookTokens(definition.formula, context, at, 0)))}`;
}
