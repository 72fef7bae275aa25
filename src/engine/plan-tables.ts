/**
 * Structured references in a plan's formulas, as the engine reads them. HyperFormula knows no
 * tables, so each reference is translated against the plan's table definitions with the same
 * translator the file reader uses (structured-refs.ts), with one difference that lets a table
 * grow: a whole data column (`T[Score]`) becomes an internal named expression per table column
 * (`_pe_col_T_7`), defined as the column's data rows. When a row is added to the table, changing
 * those names is all the engine needs: every formula over the column follows, as in Excel.
 * It also keeps a column formula per row (a RANK over the scores) wired to one name rather than
 * to every cell of the column, which HyperFormula builds far faster (see models/qualification).
 */
import { toEngineFormula } from "../core/excel-formula";
import type { HyperFormula } from "hyperformula";
import { bracketEnd, renameTableInFormula, tableColumnRef, thisRowAsStored } from "../core/structured-ref-text";
import { joinTokens, sheetPrefix, tokenize, type Token } from "./formula-tokens";
import { columnLettersOf } from "../core/formula-text";
import { ByTextAndPlace, columnPlace, fillRow, ROW_MARK } from "./formula-memo";
import { sharesOneParse, type SharedParses } from "./shared-parses";
import { translateStructuredRefs, type CellPosition, type TableDefinition } from "./structured-refs";

export type { CellPosition, TableDefinition };

const COLUMN_NAME = /^_pe_col_(.+)_([0-9]+)$/i;

/** The engine's name for the data of column `index` (0-based) of `table`. */
export function tableColumnName(table: string, index: number): string {
  return `_pe_col_${table.replace(/[^A-Za-z0-9_]/g, "_")}_${index + 1}`;
}

/** The named expressions of a table's columns: each column's data rows, e.g. `='Qualification'!$G$11:$G$30`. */
export function tableColumnNames(table: TableDefinition): { name: string; expression: string }[] {
  const top = table.top + table.headerRows + 1;
  const bottom = table.bottom - table.totalsRows + 1;
  return table.columns.map((_, index) => {
    const letters = columnLettersOf(table.left + index);
    return {
      name: tableColumnName(table.name, index),
      expression: `=${sheetPrefix(table.sheet)}$${letters}$${top}:$${letters}$${bottom}`,
    };
  });
}

/** The column a plain one-column specifier names (`[Score]`, `[[Total$Amount]]`); undefined for anything else. */
function dataColumnOf(bracket: string): string | undefined {
  let inner = bracket.slice(1, -1).trim();
  if (inner.startsWith("[")) {
    if (bracketEnd(inner, 0) !== inner.length) return undefined;
    inner = inner.slice(1, -1);
  }
  if (inner === "" || inner.startsWith("#") || inner.startsWith("@")) return undefined;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === "'") i++;
    else if (inner[i] === "[" || inner[i] === "]") return undefined;
  }
  return inner.replace(/'(.)/g, "$1").trim();
}

function columnRefsAsNames(tokens: readonly Token[], tables: readonly TableDefinition[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (token.kind === "word" && next?.kind === "bracket") {
      const table = tables.find((t) => t.name.toUpperCase() === token.text.toUpperCase());
      const column = table ? dataColumnOf(next.text) : undefined;
      const index = column === undefined ? -1 : table!.columns.findIndex((c) => c.toUpperCase() === column.toUpperCase());
      if (index >= 0) {
        out.push({ kind: "word", text: tableColumnName(table!.name, index) });
        i++;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

/** This row's cells of a table: filled in with the row of the cell that holds the formula. */
interface ThisRow {
  table: TableDefinition;
  left: string;
  right: string;
}

type Piece = string | ThisRow;

/** One plan formula in one column: its pieces, its engine text cut at the row numbers, whether its rows are one parse. */
interface ColumnFormula {
  pieces: Piece[] | null;
  engine?: string[] | null;
  shared?: boolean;
}

const CELL_LETTERS = /^\$?([A-Za-z]{1,3})\$?[0-9]+$/;

/**
 * `Table[[#This Row],[A]:[B]]` in the cell `at` as a reference without `$`, e.g. `B11:F11`: the
 * same text in R1C1 terms in every row, which HyperFormula then parses once for the whole column
 * (with `$B$11:$F$11` it parsed every row's formula anew: a 10,000-partner matrix took 3× longer).
 */
function thisRowPiece(word: Token, bracket: Token, tables: readonly TableDefinition[], at: CellPosition): ThisRow | undefined {
  if (!/#this row/i.test(bracket.text)) return undefined;
  const table = tables.find((t) => t.name.toUpperCase() === word.text.toUpperCase());
  if (!table || table.sheet !== at.sheet) return undefined;
  const cells = translateStructuredRefs([word, bracket], tables, at).filter((t) => t.kind === "cell");
  const letters = cells.map((t) => CELL_LETTERS.exec(t.text)?.[1]);
  if (cells.length === 0 || letters.some((l) => l === undefined)) return undefined;
  return { table, left: letters[0]!, right: letters[letters.length - 1]! };
}

/** This row's cells in the row labelled `row` (1-based, as A1 writes it). */
function rowText(piece: ThisRow, row: string): string {
  return piece.left === piece.right ? `${piece.left}${row}` : `${piece.left}${row}:${piece.right}${row}`;
}

/**
 * A plan's formulas as the engine reads them, translated against the plan's tables. A formula
 * is translated once per sheet and column: the rows of a calculated column differ only in their
 * this-row cells (60,000 formulas of a 10,000-partner matrix: 10 s translated one by one).
 */
export class PlanFormulas {
  /** By formula text, then by sheet and column. */
  private readonly columns = new ByTextAndPlace<ColumnFormula>();

  /** `sharing` learns the cells whose formulas are one parse. */
  constructor(
    private readonly tables: readonly TableDefinition[],
    private readonly sharing?: SharedParses,
  ) {}

  /** A plan formula (with "=") in the engine's syntax for the cell `at`. */
  forCell(formula: string, at: CellPosition): string {
    if (this.tables.length === 0 || !formula.includes("[")) return toEngineFormula(formula);
    const column = this.columnFormula(formula, at);
    const { pieces } = column;
    const fits = pieces?.every(
      (p) =>
        typeof p === "string" || (at.row >= p.table.top + p.table.headerRows && at.row <= p.table.bottom - p.table.totalsRows),
    );
    if (!pieces || !fits) return planFormulaForEngine(formula, this.tables, at);
    const engineText = (row: string) =>
      toEngineFormula(`=${pieces.map((p) => (typeof p === "string" ? p : rowText(p, row))).join("")}`);
    const textAt = (row: number) => engineText(String(row + 1));
    // The engine text cut at its row numbers, trusted once it gave this row's text exactly.
    if (column.engine === undefined) {
      const engine = formula.includes(ROW_MARK) ? [] : engineText(ROW_MARK).split(ROW_MARK);
      column.engine = fillRow(engine, at.row) === textAt(at.row) ? engine : null;
    }
    const text = column.engine ? fillRow(column.engine, at.row) : textAt(at.row);
    if (this.sharing) {
      column.shared ??= sharesOneParse(textAt, at.row);
      if (column.shared) this.sharing.register(text, column, at);
    }
    return text;
  }

  private columnFormula(formula: string, at: CellPosition): ColumnFormula {
    const place = columnPlace(at);
    let column = this.columns.get(formula, place);
    if (!column) this.columns.set(formula, place, (column = { pieces: this.template(formula, at) }));
    return column;
  }

  /** The formula's pieces, or null when it must be translated cell by cell (a bare `[…]` inside a table). */
  private template(formula: string, at: CellPosition): Piece[] | null {
    const tokens = columnRefsAsNames(
      tokenize(thisRowAsStored(formula.startsWith("=") ? formula.slice(1) : formula)),
      this.tables,
    );
    const pieces: Piece[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const next = tokens[i + 1];
      if (token.kind === "word" && next?.kind === "bracket") {
        const thisRow = thisRowPiece(token, next, this.tables, at);
        if (thisRow) {
          pieces.push(thisRow);
          i++;
          continue;
        }
        pieces.push(joinTokens(translateStructuredRefs([token, next], this.tables, at)));
        i++;
        continue;
      }
      if (token.kind === "bracket") return null;
      pieces.push(token.text);
    }
    return pieces;
  }
}

/**
 * A plan formula (with "=") as the engine reads it in the cell `at`: structured references to
 * `tables` translated (whole columns to their names unless `columnsAsNames` is false, which a
 * defined name's own definition needs), then the engine's usual syntax (toEngineFormula).
 */
export function planFormulaForEngine(
  formula: string,
  tables: readonly TableDefinition[],
  at: CellPosition,
  columnsAsNames = true,
): string {
  if (tables.length === 0 || !formula.includes("[")) return toEngineFormula(formula);
  const source = formula.startsWith("=") ? formula.slice(1) : formula;
  let tokens = tokenize(thisRowAsStored(source));
  if (columnsAsNames) tokens = columnRefsAsNames(tokens, tables);
  tokens = translateStructuredRefs(tokens, tables, at);
  return toEngineFormula(`=${joinTokens(tokens)}`);
}

/** The reverse of the column names, for formulas read back from the engine: `_pe_col_T_7` → `T[Score]`. */
export function engineFormulaAsPlan(formula: string, tables: readonly TableDefinition[]): string {
  if (!/_pe_col_/i.test(formula)) return formula;
  const tokens = tokenize(formula).map((token): Token => {
    const match = token.kind === "word" ? COLUMN_NAME.exec(token.text) : null;
    if (!match) return token;
    const index = Number(match[2]) - 1;
    const table = tables.find((t) => tableColumnName(t.name, index).toUpperCase() === token.text.toUpperCase());
    return table ? { kind: "word", text: tableColumnRef(table.name, table.columns[index]) } : token;
  });
  return joinTokens(tokens);
}

/** A defined name on a table column (NamedItemPlan with `refersTo`), as growth needs it. */
export interface TableName {
  name: string;
  sheet: string;
  refersTo: string;
}

export interface TableGrowth {
  /** The table before it grows. */
  table: TableDefinition;
  /** Every table of the workbook, that one included (formulas may name others). */
  tables: readonly TableDefinition[];
  /** Calculated columns: column name → formula with structured references. */
  calculated: Readonly<Record<string, string>>;
  /** The defined names on the table's columns. */
  names: readonly TableName[];
}

/**
 * Makes a table one data row longer in the engine, as Excel does when a user types in the row
 * just below it: its column names and the defined names on it cover the new row, and each
 * calculated column's formula goes into the new row's cell unless that cell holds something.
 * One `hf.batch` (one recalculation, one undo step), which also runs `andThen` (the typed
 * entry that triggered the growth). Returns the table as it is now. Tables with a totals row
 * do not grow this way (Excel inserts above the totals): callers do not ask it.
 */
export function growTableInEngine(hf: HyperFormula, growth: TableGrowth, andThen: () => void = () => undefined): TableDefinition {
  const { table, calculated, names } = growth;
  const grown: TableDefinition = { ...table, bottom: table.bottom + 1 };
  const now = growth.tables.map((t) => (t.name.toUpperCase() === table.name.toUpperCase() ? grown : t));
  const sheet = hf.getSheetId(table.sheet);
  const formulas = new PlanFormulas(now);
  const fills: { address: { sheet: number; row: number; col: number }; formula: string }[] = [];
  if (sheet !== undefined)
    for (const [column, formula] of Object.entries(calculated)) {
      const index = table.columns.findIndex((c) => c.toUpperCase() === column.toUpperCase());
      const address = { sheet, row: grown.bottom, col: table.left + index };
      if (index < 0 || !hf.isCellEmpty(address)) continue;
      fills.push({
        address,
        formula: formulas.forCell(formula, { sheet: table.sheet, row: address.row, col: address.col }),
      });
    }
  hf.batch(() => {
    for (const column of tableColumnNames(grown))
      if (hf.isItPossibleToChangeNamedExpression(column.name, column.expression))
        hf.changeNamedExpression(column.name, column.expression);
    for (const item of names) {
      const expression = planFormulaForEngine(item.refersTo, now, { sheet: item.sheet, row: 0, col: 0 }, false);
      if (hf.isItPossibleToChangeNamedExpression(item.name, expression)) hf.changeNamedExpression(item.name, expression);
    }
    for (const fill of fills) hf.setCellContents(fill.address, fill.formula);
    andThen();
  });
  return grown;
}

/** Whether a defined name's formula refers to `table` (then it moves with the table). */
export function refersToTable(refersTo: string, table: string): boolean {
  return renameTableInFormula(refersTo, table, "\u0000") !== refersTo;
}
