/**
 * New cell contents written into an existing worksheet part, everything else left as it was: the
 * workbench's download of a workbook it opened changes only the cells the user changed (values,
 * formulas, cleared cells), and cached-values.ts then gives every formula its computed value.
 *
 * A rewritten cell keeps its `r` and its style `s` (the formats the user sees); its type and
 * value are new. Text is written as an inline string (`t="inlineStr"`, ECMA-376 18.3.1.4) so the
 * shared-string table stays byte for byte. A new cell lands in its row in column order, a new row
 * in row order (CT_SheetData and CT_Row keep them sorted; Excel refuses them out of order).
 *
 * Shared formulas (18.3.1.40 f, t="shared"): the other cells of a group carry only `si` and take
 * their formula from the group's first cell. When that first cell is rewritten, every other cell
 * of the group is given its own formula (`formulaAt`), or it would lose it.
 */
import { columnIndex, columnLetters } from "../a1";

export type CellWrite = CellContentWrite & {
  /** A number format the cell should show from now on (e.g. "0%" after typing 30%). */
  numberFormat?: string;
};

type CellContentWrite =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string }
  | { kind: "boolean"; value: boolean }
  /** A formula in file form (`_xldudf_`/`_xlfn.` prefixes, no leading "="); its value is cached afterwards. */
  | { kind: "formula"; formula: string };

/** The style index a cell styled `style` gets to show `numberFormat` (styles-patch.ts). */
export type Restyle = (style: string | undefined, numberFormat: string) => string | undefined;

/** Writes by 0-based row, then 0-based column. */
export type SheetWrites = ReadonlyMap<number, ReadonlyMap<number, CellWrite>>;

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A cell element for `write` at row/col, keeping the old cell's style. */
export function cellXml(row: number, col: number, write: CellWrite, style?: string): string {
  const attrs = `r="${columnLetters(col)}${row + 1}"${style === undefined ? "" : ` s="${style}"`}`;
  switch (write.kind) {
    case "blank":
      return style === undefined ? "" : `<c ${attrs}/>`;
    case "number":
      return `<c ${attrs}><v>${write.value}</v></c>`;
    case "boolean":
      return `<c ${attrs} t="b"><v>${write.value ? 1 : 0}</v></c>`;
    case "text":
      return `<c ${attrs} t="inlineStr"><is><t xml:space="preserve">${escapeText(write.text)}</t></is></c>`;
    case "formula":
      return `<c ${attrs}><f>${escapeText(write.formula)}</f></c>`;
  }
}

function styleOf(attrs: string): string | undefined {
  return /\ss="([^"]*)"/.exec(attrs)?.[1];
}

interface SharedFormula {
  si: string;
  master: boolean;
}

function sharedFormulaOf(body: string | undefined): SharedFormula | undefined {
  const f = body && /<f\b([^>]*?)(\/>|>([\s\S]*?)<\/f>)/.exec(body);
  if (!f || !/\st="shared"/.test(f[1])) return undefined;
  const si = /\ssi="(\d+)"/.exec(f[1])?.[1];
  return si === undefined ? undefined : { si, master: f[3] !== undefined && f[3] !== "" };
}

/** The groups whose first cell is rewritten: their other cells need formulas of their own. */
function brokenGroups(xml: string, writes: SheetWrites): Set<string> {
  const broken = new Set<string>();
  for (const m of xml.matchAll(/<c\b([^>]*?)>([\s\S]*?)<\/c>/g)) {
    if (!m[2].includes('t="shared"')) continue;
    const shared = sharedFormulaOf(m[2]);
    const ref = /\sr="([A-Z]+)(\d+)"/.exec(m[1]);
    if (!shared?.master || !ref) continue;
    if (writes.get(Number(ref[2]) - 1)?.has(columnIndex(ref[1]))) broken.add(shared.si);
  }
  return broken;
}

/** Cells of `writes` that are not in the row yet, in column order, merged into the row's cells. */
function rowBody(
  body: string,
  row: number,
  pending: ReadonlyMap<number, CellWrite> | undefined,
  broken: Set<string>,
  formulaAt: (row: number, col: number) => string | undefined,
  restyle?: Restyle,
): string {
  const styled = (write: CellWrite, style: string | undefined) =>
    write.numberFormat !== undefined && restyle ? restyle(style, write.numberFormat) : style;
  const left = new Map(pending ?? []);
  let col = -1;
  let out = "";
  let last = 0;
  const flushBefore = (limit: number): string => {
    let inserted = "";
    for (const c of [...left.keys()].sort((a, b) => a - b)) {
      if (c >= limit) break;
      const write = left.get(c)!;
      inserted += cellXml(row, c, write, styled(write, undefined));
      left.delete(c);
    }
    return inserted;
  };
  for (const m of body.matchAll(CELL)) {
    const attrs = m[1];
    const ref = /\sr="([A-Z]+)(\d+)"/.exec(attrs);
    col = ref ? columnIndex(ref[1]) : col + 1;
    out += body.slice(last, m.index) + flushBefore(col);
    last = m.index + m[0].length;
    const write = left.get(col);
    if (write) {
      left.delete(col);
      out += cellXml(row, col, write, styled(write, styleOf(attrs)));
      continue;
    }
    const shared = broken.size > 0 ? sharedFormulaOf(m[2]) : undefined;
    const own = shared && !shared.master && broken.has(shared.si) ? formulaAt(row, col) : undefined;
    out += own === undefined ? m[0] : cellXml(row, col, { kind: "formula", formula: own }, styleOf(attrs));
  }
  return out + body.slice(last) + flushBefore(Number.POSITIVE_INFINITY);
}

/**
 * The worksheet with `writes` applied. `formulaAt` gives a cell's formula in file form, for the
 * cells of a shared-formula group whose first cell is rewritten.
 */
export function writeSheetCells(
  xml: string,
  writes: SheetWrites,
  formulaAt: (row: number, col: number) => string | undefined,
  restyle?: Restyle,
): string {
  if (writes.size === 0) return xml;
  const broken = brokenGroups(xml, writes);
  const open = /<sheetData\s*\/>|<sheetData\b[^>]*>/.exec(xml);
  if (!open) throw new Error("the worksheet has no sheetData");
  const bodyStart = open.index + open[0].length;
  const selfClosing = open[0].endsWith("/>");
  const bodyEnd = selfClosing ? bodyStart : xml.indexOf("</sheetData>", bodyStart);
  const body = xml.slice(bodyStart, bodyEnd);
  const left = new Map(writes);
  const newRows = (limit: number): string => {
    let inserted = "";
    for (const r of [...left.keys()].sort((a, b) => a - b)) {
      if (r >= limit) break;
      const cells = rowBody("", r, left.get(r), broken, formulaAt, restyle);
      if (cells !== "") inserted += `<row r="${r + 1}">${cells}</row>`;
      left.delete(r);
    }
    return inserted;
  };
  let row = -1;
  let last = 0;
  let out = "";
  for (const m of body.matchAll(ROW)) {
    const r = /\sr="(\d+)"/.exec(m[1]);
    row = r ? Number(r[1]) - 1 : row + 1;
    out += body.slice(last, m.index) + newRows(row);
    last = m.index + m[0].length;
    const pending = left.get(row);
    left.delete(row);
    if (!pending && broken.size === 0) {
      out += m[0];
      continue;
    }
    const cells = rowBody(m[2] ?? "", row, pending, broken, formulaAt, restyle);
    // `spans` is only a hint of the row's columns; a row that gained cells drops it rather than lie.
    const attrs = pending ? m[1].replace(/\sspans="[^"]*"/, "") : m[1];
    out += cells === "" ? `<row${attrs}/>` : `<row${attrs}>${cells}</row>`;
  }
  out += body.slice(last) + newRows(Number.POSITIVE_INFINITY);
  const head = selfClosing ? xml.slice(0, open.index) + "<sheetData>" : xml.slice(0, bodyStart);
  const tail = selfClosing ? "</sheetData>" + xml.slice(bodyStart) : xml.slice(bodyEnd);
  return head + out + tail;
}

/** A new worksheet part holding `writes` (a sheet added in the workbench). */
export function newWorksheetXml(writes: SheetWrites, restyle?: Restyle): string {
  return writeSheetCells(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
      `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
    writes,
    () => undefined,
    restyle,
  );
}
