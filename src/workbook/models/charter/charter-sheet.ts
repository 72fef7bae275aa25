/**
 * The charter's form layout over the sheet builder: four columns (A and C labels, B and D values),
 * written as one growing block from A1 so every applier writes the sheet in one call; a list item
 * spans B:D, merged and wrapped.
 */
import { blank, num, text, type CellContent } from "../../plan";
import { isoDateToSerial } from "../shared/input-wording";
import { cellAt, rangeAt, SheetBuilder, type GrowingBlock } from "../shared/sheet-builder";
import { COLORS } from "../shared/theme";
import type { CharterInput } from "./input";
import type { CharterNameKey } from "./names";

export const WIDTH = 4;

export class CharterSheet {
  readonly b: SheetBuilder;
  readonly sections: { title: string; row: number }[] = [];
  /** A1 address of each named cell. */
  readonly cells: Partial<Record<CharterNameKey, string>> = {};
  private readonly block: GrowingBlock;

  constructor(
    readonly input: CharterInput,
    sheet: string,
    readonly names: Record<CharterNameKey, string>,
  ) {
    this.b = new SheetBuilder(sheet);
    this.block = this.b.grow();
  }

  get ours(): string {
    return this.input.ourName || "us";
  }

  get theirs(): string {
    return this.input.partnerName || "the partner";
  }

  /** Adds a row of up to four cells (missing ones blank) and returns its 0-based index. */
  row(cells: CellContent[] = []): number {
    return this.block.add(Array.from({ length: WIDTH }, (_, i) => cells[i] ?? blank()));
  }

  /** A row whose text spans the four columns, merged. */
  spanned(content: CellContent, style: Parameters<SheetBuilder["style"]>[1]): number {
    const r = this.row([content]);
    this.b.merge(rangeAt(r, 0, 1, WIDTH));
    this.b.style(rangeAt(r, 0, 1, WIDTH), style);
    return r;
  }

  section(title: string): void {
    this.row();
    const r = this.spanned(text(title), { bold: true, fontSize: 12, fill: COLORS.headerFill, borderBottom: true });
    this.sections.push({ title, row: r });
  }

  /** A label in A and one item per row across B:D; an empty list gets one blank line to write on. */
  items(label: string, items: readonly string[]): void {
    const lines = items.length > 0 ? items : [""];
    lines.forEach((item, i) => {
      const r = this.row([i === 0 ? text(label) : blank(), item === "" ? blank() : text(item)]);
      const content = rangeAt(r, 1, 1, WIDTH - 1);
      this.b.merge(content);
      this.b.style(content, { wrap: true, vertical: "top", ...(item === "" ? { borderBottom: true } : {}) });
      if (i === 0) this.b.style(cellAt(r, 0), { bold: true, wrap: true, vertical: "top" });
    });
  }

  /** Label / value pairs in A:B and C:D. */
  pair(left: [string, CellContent], right?: [string, CellContent]): number {
    const r = this.row([text(left[0]), left[1], ...(right ? [text(right[0]), right[1]] : [])]);
    this.b.style(cellAt(r, 0), { bold: true, wrap: true, vertical: "top" });
    if (right) this.b.style(cellAt(r, 2), { bold: true, wrap: true, vertical: "top" });
    return r;
  }

  /** Records the named cell at (row, col); an input is filled as one and left-aligned. */
  named(key: CharterNameKey, row: number, col: number, input: boolean): string {
    const address = cellAt(row, col);
    this.cells[key] = address;
    if (input) this.b.input(address, { horizontal: "left" });
    return address;
  }

  dateCell(value: string | null): CellContent {
    const serial = value ? isoDateToSerial(value) : null;
    return serial === null ? blank() : num(serial);
  }

  /** The last row written. */
  get lastRow(): number {
    return this.b.row - 1;
  }
}
