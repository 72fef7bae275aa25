/**
 * A WorkbookPlan is what a wizard produces: plain, JSON-serialisable data describing sheets,
 * cells, tables, names, formats, validation, charts, print setup and document settings. One
 * applier per host (Excel, HyperFormula, an .xlsx file) turns it into a workbook, so a wizard
 * never talks to a host and the same plan can be computed, previewed and tested anywhere.
 *
 * Cells are typed: a user's text is `{ kind: "text" }` and every applier writes it as text,
 * so a partner called "=cmd|' /C calc'!A0" can never become a formula. Only `{ kind: "formula" }`
 * cells, which wizards build from their own templates, are formulas.
 *
 * Addresses are A1 text without a sheet prefix (the sheet is the enclosing SheetPlan). Formulas
 * use A1 references, defined names and structured references to the plan's own tables
 * (`Table1[@Score]`, `Table1[Score]`, as Excel's formula bar shows them): each applier takes them
 * the way its host needs (a file stores `[#This Row],` for `@`; the engine reads them translated
 * against the plan's tables, src/engine/plan-tables.ts), so a column that means "every partner"
 * keeps meaning it when the table grows.
 */

export const PLAN_VERSION = 1;

export type CellContent =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "formula"; formula: string }
  | { kind: "blank" };

/** A rectangle of cells written in one call: `cells[r][c]` lands at `at` + (r, c). */
export interface CellBlock {
  at: string;
  cells: CellContent[][];
}

export interface TablePlan {
  /**
   * A table name, unique in the workbook; when it is taken by the time of writing, appliers add a
   * number and rewrite the plan's structured references to it.
   */
  name: string;
  /** Header row plus data rows, e.g. "A10:L14". */
  range: string;
  /** The table owns its header row: appliers write `columns` there as text. */
  columns: string[];
  style?: string;
  showBandedRows?: boolean;
  /**
   * Calculated columns, by column name: the formula every data row of the column holds (the
   * blocks write it into each row too), which the table gives a row added to it, as Excel does
   * ("Use calculated columns in an Excel table", support.microsoft.com). Structured references,
   * e.g. `{ Score: "=PE.PARTNER_SCORE(T[@[A]:[E]],W,S)" }`. Plans from before version 1.1 have none.
   */
  calculatedColumns?: Record<string, string>;
}

export interface NumberFormatPlan {
  range: string;
  /** Excel number format code, e.g. "0.0", "0%", "@" (text). */
  format: string;
}

export interface CellStylePlan {
  range: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** "#RRGGBB" */
  fill?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  borderBottom?: boolean;
  borderTop?: boolean;
}

/** A validation bound: a number, or a formula such as "=Qual_Scale" evaluated by the host. */
export type ValidationBound = number | { formula: string };

export type ValidationRule =
  | { kind: "wholeNumber" | "decimal"; min: ValidationBound; max: ValidationBound }
  | { kind: "list"; items: string[] }
  /** A drop-down of the cells a formula refers to, e.g. "=Score_Partners" (a name over a column of the plan). */
  | { kind: "listFrom"; source: string };

export interface ValidationPlan {
  range: string;
  rule: ValidationRule;
  /** Shown while a cell of the range is selected (Excel's input message; at most 255 characters). */
  prompt?: { title: string; message: string };
  /** Shown when a value breaks the rule (at most 255 characters). */
  error: string;
}

export interface CellFormatStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export type ConditionalRule =
  /** The cell's value equals this text (case-insensitive, as Excel compares), number or boolean. */
  | { kind: "equals"; value: string | number | boolean }
  /** A formula written for the range's top-left cell, relative references moving with each cell, e.g. "=LEFT(K10,7)=\"Missing\"". */
  | { kind: "formula"; formula: string };

export interface ConditionalFormatPlan {
  range: string;
  rule: ConditionalRule;
  format: CellFormatStyle;
}

export interface ColumnWidthPlan {
  /** Column letters, e.g. "B". */
  column: string;
  /** Width in characters of the default font, Excel's own unit. */
  width: number;
}

export type ChartType = "columnClustered" | "barClustered" | "line" | "pie";

export interface ChartPlan {
  type: ChartType;
  /** Source data on the same sheet, first row headers, first column categories. */
  source: string;
  title: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

export interface PrintPlan {
  area?: string;
  orientation?: "portrait" | "landscape";
  /** Shrink to one page wide (any number of pages tall). */
  fitToWidth?: boolean;
  /** Rows repeated on every printed page, e.g. "10:10". */
  titleRows?: string;
}

export interface SheetPlan {
  /** The wanted name; a new sheet gets a unique name at apply time if it is taken meanwhile. */
  name: string;
  /**
   * "new" (default): the applier adds the sheet. "existing": the plan writes cells into a sheet
   * already in the workbook; only blocks, number formats and cell styles are allowed there, and
   * appliers refuse to overwrite non-empty cells unless told the user agreed.
   */
  target?: "new" | "existing";
  blocks: CellBlock[];
  tables?: TablePlan[];
  numberFormats?: NumberFormatPlan[];
  cellStyles?: CellStylePlan[];
  validations?: ValidationPlan[];
  conditionalFormats?: ConditionalFormatPlan[];
  columnWidths?: ColumnWidthPlan[];
  merges?: string[];
  freeze?: { rows: number; columns: number };
  charts?: ChartPlan[];
  /**
   * Ranges filled by the one formula in their top-left cell (a spill). Excel and the engine spill
   * it by themselves; a file marks it as an array formula over the range, since ExcelJS cannot
   * write a dynamic array.
   */
  arrayFormulas?: string[];
  print?: PrintPlan;
  /** Make this the active sheet once written. */
  activate?: boolean;
}

/** A workbook-scoped defined name for a cell or range of one of the plan's sheets. */
export interface NamedItemPlan {
  name: string;
  sheet: string;
  /** The range the name covers when written. */
  range: string;
  /**
   * What the name refers to when that is a table's column rather than fixed cells, e.g.
   * `=QualificationMatrix[Score]`: the name then follows the table as rows are added. `range`
   * stays the range it covers when written (for hosts and readers that take only ranges).
   */
  refersTo?: string;
  comment?: string;
}

/** A document setting: a key and a JSON text (the wizard's inputs, to restore them on reopening). */
export interface SettingPlan {
  key: string;
  json: string;
}

export interface WorkbookPlan {
  version: typeof PLAN_VERSION;
  /** What the plan builds, for summaries and error messages: "qualification matrix". */
  description: string;
  sheets: SheetPlan[];
  names: NamedItemPlan[];
  settings: SettingPlan[];
}

// Content constructors: the only way wizard code should spell cells.
export const text = (value: string): CellContent => ({ kind: "text", text: value });
export const num = (value: number): CellContent => ({ kind: "number", value });
export const bool = (value: boolean): CellContent => ({ kind: "boolean", value });
export const formula = (source: string): CellContent => ({
  kind: "formula",
  formula: source.startsWith("=") ? source : `=${source}`,
});
export const blank = (): CellContent => ({ kind: "blank" });

/** A user-supplied value as content: strings stay text whatever they start with; null/undefined/"" are blank. */
export function userValue(value: string | number | boolean | null | undefined): CellContent {
  if (value === null || value === undefined || value === "") return blank();
  if (typeof value === "number") return num(value);
  if (typeof value === "boolean") return bool(value);
  return text(value);
}

export function emptyPlan(description: string): WorkbookPlan {
  return { version: PLAN_VERSION, description, sheets: [], names: [], settings: [] };
}
