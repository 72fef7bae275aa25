/**
 * How the grid dresses a sheet: the number formats, styles, table header and banding, column
 * widths and conditional formats of the plans written into it, looked up per cell. Equality
 * rules (tier colours) are checked against the cell's value; formula rules are evaluated by the
 * engine for the cell, their relative references moved as Excel moves them.
 */
import type { HyperFormula } from "hyperformula";
import { columnIndex, parseRange, unboundedColumnLetters, type CellRef, type RangeRef } from "../../workbook/a1";
import type { CellFormatStyle, ChartPlan, ConditionalFormatPlan, SheetPlan, WorkbookPlan } from "../../workbook/plan";

export interface CellLook {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  fontColor?: string;
  borderBottom?: boolean;
  headerOfTable?: boolean;
}

interface Ranged<T> {
  range: RangeRef;
  value: T;
}

const TABLE_HEADER: CellLook = { bold: true, fill: "#4472C4", fontColor: "#FFFFFF", headerOfTable: true };
const TABLE_BAND = "#D9E1F2";
const CHAR_PX = 7;
const PADDING_PX = 5;

function inside(range: RangeRef, cell: CellRef): boolean {
  return cell.row >= range.start.row && cell.row <= range.end.row && cell.col >= range.start.col && cell.col <= range.end.col;
}

function ranged<T>(address: string, value: T): Ranged<T> | null {
  try {
    return { range: parseRange(address), value };
  } catch {
    return null;
  }
}

/** Moves the relative A1 references of a rule written for `origin` so that they apply to `cell`. */
export function shiftRelativeReferences(formula: string, rows: number, cols: number): string {
  let out = "";
  let quoted = false;
  for (let i = 0; i < formula.length;) {
    const ch = formula[i];
    if (ch === '"') {
      quoted = !quoted;
      out += ch;
      i++;
      continue;
    }
    const before = i === 0 ? "" : formula[i - 1];
    const match =
      quoted || /[\w.!'$]/.test(before) ? null : /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(!])/.exec(formula.slice(i));
    if (!match) {
      out += ch;
      i++;
      continue;
    }
    const [whole, colAbs, letters, rowAbs, digits] = match;
    let col = columnIndex(letters);
    let row = Number(digits) - 1;
    if (!colAbs) col += cols;
    if (!rowAbs) row += rows;
    out += col < 0 || row < 0 ? "#REF!" : `${colAbs}${unboundedColumnLetters(col)}${rowAbs}${row + 1}`;
    i += whole.length;
  }
  return out;
}

function equalsRule(value: unknown, wanted: string | number | boolean): boolean {
  if (typeof wanted === "string") return typeof value === "string" && value.toUpperCase() === wanted.toUpperCase();
  return value === wanted;
}

export class SheetFormats {
  private numberFormats: Ranged<string>[] = [];
  private styles: Ranged<CellLook>[] = [];
  private conditional: Ranged<ConditionalFormatPlan>[] = [];
  private tableHeaders: RangeRef[] = [];
  private bands: RangeRef[] = [];
  private widths = new Map<number, number>();
  readonly freeze: { rows: number; columns: number };
  /** Merged areas: the grid draws each as one cell showing its top-left cell's value. */
  readonly merges: RangeRef[] = [];
  /** The plans' charts, drawn over the grid. */
  readonly charts: ChartPlan[] = [];

  constructor(
    sheets: SheetPlan[],
    /** Formats typing gave cells ("row:col" → code), which win over the plans' own. */
    private readonly typed: ReadonlyMap<string, string> = new Map(),
  ) {
    let freeze = { rows: 0, columns: 0 };
    for (const sheet of sheets) {
      for (const f of sheet.numberFormats ?? []) push(this.numberFormats, ranged(f.range, f.format));
      for (const s of sheet.cellStyles ?? [])
        push(
          this.styles,
          ranged(s.range, { bold: s.bold, italic: s.italic, fill: s.fill, fontColor: s.fontColor, borderBottom: s.borderBottom }),
        );
      for (const cf of sheet.conditionalFormats ?? []) push(this.conditional, ranged(cf.range, cf));
      for (const table of sheet.tables ?? []) {
        const r = ranged(table.range, table);
        if (!r) continue;
        this.tableHeaders.push({ start: r.range.start, end: { row: r.range.start.row, col: r.range.end.col } });
        if (table.showBandedRows)
          this.bands.push({ start: { row: r.range.start.row + 1, col: r.range.start.col }, end: r.range.end });
      }
      for (const w of sheet.columnWidths ?? []) this.widths.set(columnIndex(w.column), w.width);
      this.charts.push(...(sheet.charts ?? []));
      for (const merge of sheet.merges ?? []) {
        const area = ranged(merge, true);
        if (area) this.merges.push(area.range);
      }
      if (sheet.freeze) freeze = sheet.freeze;
    }
    this.freeze = freeze;
  }

  static forSheet(plans: readonly WorkbookPlan[], sheetName: string, typed?: ReadonlyMap<string, string>): SheetFormats {
    return new SheetFormats(
      plans.flatMap((p) => p.sheets.filter((s) => s.name === sheetName && s.target !== "existing")),
      typed,
    );
  }

  /** The merged area whose top-left cell is `cell`, or the one that covers it. */
  mergeAt(cell: CellRef): RangeRef | undefined {
    return this.merges.find((area) => inside(area, cell));
  }

  /** Column width in pixels, or undefined for the default. */
  columnWidthPx(col: number): number | undefined {
    const chars = this.widths.get(col);
    return chars === undefined ? undefined : Math.max(24, Math.round(chars * CHAR_PX + PADDING_PX));
  }

  /** The cell's static look (no conditional formats). */
  look(cell: CellRef): CellLook {
    const look: CellLook = {};
    for (const band of this.bands) if (inside(band, cell) && (cell.row - band.start.row) % 2 === 1) look.fill = TABLE_BAND;
    for (const header of this.tableHeaders) if (inside(header, cell)) Object.assign(look, TABLE_HEADER);
    for (const s of this.styles) if (inside(s.range, cell)) Object.assign(look, definedOnly(s.value));
    for (const f of this.numberFormats) if (inside(f.range, cell)) look.numberFormat = f.value;
    const typed = this.typed.get(`${cell.row}:${cell.col}`);
    if (typed !== undefined) look.numberFormat = typed;
    return look;
  }

  /** The first conditional format whose rule holds for the cell, evaluated with the engine for formula rules. */
  conditionalLook(cell: CellRef, value: unknown, hf: HyperFormula, sheetId: number): CellFormatStyle | undefined {
    for (const { range, value: cf } of this.conditional) {
      if (!inside(range, cell)) continue;
      if (cf.rule.kind === "equals") {
        if (equalsRule(value, cf.rule.value)) return cf.format;
        continue;
      }
      try {
        const shifted = shiftRelativeReferences(cf.rule.formula, cell.row - range.start.row, cell.col - range.start.col);
        if (hf.calculateFormula(shifted, sheetId) === true) return cf.format;
      } catch {
        // A rule the engine cannot read only loses its colour in the preview.
      }
    }
    return undefined;
  }
}

function push<T>(list: Ranged<T>[], item: Ranged<T> | null): void {
  if (item) list.push(item);
}

function definedOnly(look: CellLook): CellLook {
  return Object.fromEntries(Object.entries(look).filter(([, v]) => v !== undefined)) as CellLook;
}
