/**
 * The one way a model lays out its sheet: a row cursor that moves down the sheet while blocks of
 * cells, styles, number formats, validation, merges and defined names are recorded side by side,
 * then `toSheet` hands back the SheetPlan. Addresses are 0-based (row, col) in, A1 text out.
 */
import { cellAddress, rangeAddress, rangeFrom } from "../../a1";
import {
  text,
  type CellBlock,
  type CellContent,
  type CellStylePlan,
  type ConditionalFormatPlan,
  type NamedItemPlan,
  type NumberFormatPlan,
  type SheetPlan,
  type ValidationPlan,
  type ValidationRule,
} from "../../plan";
import { STYLES } from "./theme";

/** A1 address of a 0-based cell. */
export function cellAt(row: number, col: number): string {
  return cellAddress({ row, col });
}

/** A1 address of a block of `rows` × `cols` cells from a 0-based corner. */
export function rangeAt(row: number, col: number, rows: number, cols: number): string {
  return rangeAddress(rangeFrom({ row, col }, rows, cols));
}

/** A sheet's title, with the partner's name after a colon when there is one ("Deal model: Contoso"). */
export function titleWithPartner(title: string, partnerName: string): string {
  return partnerName === "" ? title : `${title}: ${partnerName}`;
}

/** A block whose rows are added one at a time (a form-like sheet written as one block). */
export interface GrowingBlock {
  /** Adds a row (padded with blanks to the block's width by the caller) and returns its 0-based sheet row. */
  add(cells: CellContent[]): number;
}

export class SheetBuilder {
  /** The next free 0-based row. */
  row = 0;
  private readonly blocks: CellBlock[] = [];
  private readonly styles: CellStylePlan[] = [];
  private readonly formats: NumberFormatPlan[] = [];
  private readonly validations: ValidationPlan[] = [];
  private readonly conditional: ConditionalFormatPlan[] = [];
  private readonly merged: string[] = [];
  private readonly named: NamedItemPlan[] = [];

  constructor(readonly sheet: string) {}

  /** Cells at a fixed place; the cursor does not move. */
  block(row: number, col: number, cells: CellContent[][]): void {
    this.blocks.push({ at: cellAt(row, col), cells });
  }

  /** Cells at the cursor (column `col`); the cursor moves below them. Returns their first row. */
  put(cells: CellContent[][], col = 0): number {
    const first = this.row;
    this.block(first, col, cells);
    this.row += cells.length;
    return first;
  }

  /** Leaves `rows` empty rows. */
  skip(rows = 1): void {
    this.row += rows;
  }

  /** A block at the cursor that grows a row at a time (each `add` moves the cursor down one). */
  grow(col = 0): GrowingBlock {
    const cells: CellContent[][] = [];
    const first = this.row;
    this.block(first, col, cells);
    return {
      add: (row) => {
        cells.push(row);
        this.row = first + cells.length;
        return first + cells.length - 1;
      },
    };
  }

  /** The sheet's title in A1 and a one-line note under it; the cursor moves below both. */
  title(title: string, note: string): void {
    this.put([[text(title)], [text(note)]]);
    this.style("A1", STYLES.title);
    this.style("A2", STYLES.note);
  }

  /** A header row of labels at the cursor, bold on the header fill. Returns its row. */
  header(labels: string[], col = 0): number {
    const row = this.put([labels.map(text)], col);
    this.style(rangeAt(row, col, 1, labels.length), STYLES.header);
    return row;
  }

  style(range: string, style: Omit<CellStylePlan, "range">): void {
    this.styles.push({ range, ...style });
  }

  /** An explanatory note's look: italic, grey. */
  note(range: string): void {
    this.style(range, STYLES.note);
  }

  /** A cell the user is meant to change: the input fill (plus any further style). */
  input(range: string, style: Omit<CellStylePlan, "range"> = {}): void {
    this.style(range, { ...STYLES.input, ...style });
  }

  format(range: string, format: string): void {
    this.formats.push({ range, format });
  }

  validate(range: string, rule: ValidationRule, error: string, prompt?: ValidationPlan["prompt"]): void {
    this.validations.push(prompt ? { range, rule, prompt, error } : { range, rule, error });
  }

  conditionalFormat(format: ConditionalFormatPlan): void {
    this.conditional.push(format);
  }

  merge(range: string): void {
    this.merged.push(range);
  }

  /** A defined name over `range` of this sheet. */
  name(name: string, range: string, comment?: string): void {
    this.named.push(comment === undefined ? { name, sheet: this.sheet, range } : { name, sheet: this.sheet, range, comment });
  }

  /** The defined names recorded so far, in order. */
  names(): NamedItemPlan[] {
    return [...this.named];
  }

  /**
   * The SheetPlan: a new sheet, activated, with everything recorded; `rest` adds what only the
   * model knows (column widths, tables, charts, print settings, freeze panes).
   */
  toSheet(rest: Omit<SheetPlan, "name" | "blocks"> = {}): SheetPlan {
    const recorded: Partial<SheetPlan> = {};
    if (this.formats.length > 0) recorded.numberFormats = this.formats;
    if (this.styles.length > 0) recorded.cellStyles = this.styles;
    if (this.validations.length > 0) recorded.validations = this.validations;
    if (this.conditional.length > 0) recorded.conditionalFormats = this.conditional;
    if (this.merged.length > 0) recorded.merges = this.merged;
    return { name: this.sheet, target: "new", activate: true, blocks: this.blocks, ...recorded, ...rest };
  }
}
