/**
 * An .xlsx package read straight from its XML into a sparse model: only the cells that exist,
 * each with its value (or formula and Excel's cached result), plus defined names, tables and
 * sheet visibility. One regex pass per sheet part; shared formulas (`<f t="shared" si=…>`) are
 * filled from their first cell the way Excel fills them (relative references move).
 */
import type { NameDefinition } from "../engine/workbook-formula";
import type { TableDefinition } from "../engine/structured-refs";
import { shiftFormula } from "../engine/formula-shift";
import { columnNumber } from "../engine/formula-tokens";
import { oncePerText } from "../core/once-per-text";
import { attributes, decodeOoxmlEscapes, decodeXml, elements, stringItemText } from "./xml-text";
import { openPackage, type XlsxPackage } from "./unzip";

export type XlsxValue = number | string | boolean | XlsxError | null;

export class XlsxError {
  constructor(readonly code: string) {}
}

export interface XlsxCell {
  /** 0-based. */
  row: number;
  col: number;
  /** A constant's value, or Excel's cached result of the formula (null when the file has none). */
  value: XlsxValue;
  /** The formula as the file stores it (no "="), filled in for shared-formula cells. */
  formula?: string;
  /** An array formula (legacy CSE or dynamic array) and the range its result covers. */
  arrayRef?: string;
  /** A dynamic-array formula (the cell has Excel's `cm` metadata): its result spills as far as it goes. */
  dynamic?: boolean;
  /** A cell of a what-if data table (`<f t="dataTable">`): Excel computes it by substitution. */
  dataTable?: boolean;
}

export interface XlsxSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  cells: XlsxCell[];
  /** Rows hidden in the sheet (0-based). */
  hiddenRows: number[];
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  names: NameDefinition[];
  tables: TableDefinition[];
  /** The application that saved the file (docProps/app.xml), e.g. "Microsoft Macintosh Excel". */
  application?: string;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

interface Relationship {
  type: string;
  target: string;
}

/** Relationships of a part, targets resolved against the part's folder. */
async function relationshipsOf(pkg: XlsxPackage, partPath: string): Promise<Map<string, Relationship>> {
  const folder = partPath.slice(0, partPath.lastIndexOf("/") + 1);
  const relsPath = `${folder}_rels/${partPath.slice(folder.length)}.rels`;
  const xml = (await pkg.readPart(relsPath)) ?? "";
  const map = new Map<string, Relationship>();
  for (const rel of elements(xml, "Relationship")) {
    const a = attributes(rel.attrs);
    if (a.TargetMode === "External") continue;
    map.set(a.Id, { type: a.Type ?? "", target: resolvePath(folder, a.Target ?? "") });
  }
  return map;
}

function resolvePath(folder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (folder + target).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

/** "B3" → { row: 2, col: 1 }. */
function cellPosition(address: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(address);
  if (!match) return undefined;
  return { row: Number(match[2]) - 1, col: columnNumber(match[1]) - 1 };
}

function rangeBounds(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b] = ref.split(":");
  const start = cellPosition(a);
  const end = cellPosition(b ?? a);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

function parseValue(type: string | undefined, raw: string | undefined, sharedStrings: string[]): XlsxValue {
  if (raw === undefined) return null;
  switch (type) {
    case "s":
      return sharedStrings[Number(raw)] ?? "";
    case "str":
    case "inlineStr":
      return decodeOoxmlEscapes(decodeXml(raw));
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return new XlsxError(decodeXml(raw).trim());
    case "d": {
      const time = Date.parse(raw.endsWith("Z") ? raw : `${raw}Z`);
      return Number.isFinite(time) ? (time - EXCEL_EPOCH_MS) / 86_400_000 : decodeXml(raw);
    }
    default: {
      const number = Number(raw);
      return raw.trim() !== "" && Number.isFinite(number) ? number : decodeXml(raw);
    }
  }
}

const CELL_OR_ROW = /<(?:\w+:)?(row|c)\b([^>]*?)(\/>|>)/g;
const CELL_END = /<\/(?:\w+:)?c>/g;

/** The cells of one worksheet part. */
export function parseSheetXml(xml: string, sharedStrings: string[]): { cells: XlsxCell[]; hiddenRows: number[] } {
  const cells: XlsxCell[] = [];
  const hiddenRows: number[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  // Each formula text is decoded once, and the rows of a column then share one string, which
  // later maps keyed by the formula hash once.
  const formulaText = oncePerText((raw) => decodeOoxmlEscapes(decodeXml(raw)));
  let row = -1;
  let col = -1;
  const from = xml.indexOf("<sheetData");
  const to = xml.lastIndexOf("</sheetData>");
  const data = from >= 0 ? xml.slice(from, to > from ? to : xml.length) : xml;
  CELL_OR_ROW.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CELL_OR_ROW.exec(data)) !== null) {
    const a = attributes(match[2]);
    if (match[1] === "row") {
      row = a.r ? Number(a.r) - 1 : row + 1;
      col = -1;
      if (a.hidden === "1" || a.hidden === "true") hiddenRows.push(row);
      continue;
    }
    let body = "";
    if (match[3] === ">") {
      CELL_END.lastIndex = CELL_OR_ROW.lastIndex;
      const end = CELL_END.exec(data);
      const stop = end ? end.index : data.length;
      body = data.slice(CELL_OR_ROW.lastIndex, stop);
      CELL_OR_ROW.lastIndex = end ? end.index + end[0].length : data.length;
    }
    const position = a.r ? cellPosition(a.r) : { row, col: col + 1 };
    if (!position) continue;
    row = position.row;
    col = position.col;
    const cell = readCell(a.t, body, position, sharedStrings, shared, formulaText);
    if (cell?.arrayRef && a.cm !== undefined) cell.dynamic = true;
    if (cell) cells.push(cell);
  }
  return { cells, hiddenRows };
}

function readCell(
  type: string | undefined,
  body: string,
  at: { row: number; col: number },
  sharedStrings: string[],
  shared: Map<string, { formula: string; row: number; col: number }>,
  formulaText: (raw: string) => string,
): XlsxCell | undefined {
  const v = /<(?:\w+:)?v(?:\s*\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(body);
  const inline = type === "inlineStr" ? /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1] : undefined;
  const value = inline !== undefined ? stringItemText(inline) : parseValue(type, v ? (v[1] ?? "") : undefined, sharedStrings);
  const f = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(body);
  if (!f) return value === null ? undefined : { row: at.row, col: at.col, value };
  const fa = attributes(f[1]);
  let formula = f[2] !== undefined ? formulaText(f[2]) : "";
  const cell: XlsxCell = { row: at.row, col: at.col, value };
  if (fa.t === "dataTable") {
    cell.dataTable = true;
    return cell;
  }
  if (fa.t === "shared" && fa.si !== undefined) {
    const master = shared.get(fa.si);
    if (formula.trim() !== "") shared.set(fa.si, { formula, row: at.row, col: at.col });
    else if (master) formula = shiftFormula(master.formula, at.row - master.row, at.col - master.col);
  }
  if (fa.t === "array" && fa.ref) cell.arrayRef = fa.ref;
  if (formula.trim() === "") return value === null ? undefined : { row: at.row, col: at.col, value };
  cell.formula = formula;
  return cell;
}

async function readSharedStrings(pkg: XlsxPackage, path: string | undefined): Promise<string[]> {
  const xml = path ? await pkg.readPart(path) : undefined;
  if (!xml) return [];
  const strings: string[] = [];
  for (const si of elements(xml, "si")) strings.push(stringItemText(si.body));
  return strings;
}

async function readTable(pkg: XlsxPackage, path: string, sheet: string): Promise<TableDefinition | undefined> {
  const xml = await pkg.readPart(path);
  if (!xml) return undefined;
  const head = /<(?:\w+:)?table\b([^>]*)>/.exec(xml);
  if (!head) return undefined;
  const a = attributes(head[1]);
  const bounds = rangeBounds(a.ref ?? "");
  if (!bounds) return undefined;
  const columns = [...elements(xml, "tableColumn")].map((c) => decodeOoxmlEscapes(attributes(c.attrs).name ?? ""));
  return {
    name: a.displayName ?? a.name ?? "",
    sheet,
    ...bounds,
    headerRows: a.headerRowCount === undefined ? 1 : Number(a.headerRowCount),
    totalsRows: a.totalsRowCount === undefined ? 0 : Number(a.totalsRowCount),
    columns,
  };
}

/** Reads the package `data` into a sparse workbook model. */
export async function readXlsx(data: Uint8Array | ArrayBuffer): Promise<XlsxWorkbook> {
  return readXlsxPackage(await openPackage(data));
}

/** Reads a package already opened, e.g. parts pe-calc inflated once on Node's zlib (packageOfParts). */
export async function readXlsxPackage(pkg: XlsxPackage): Promise<XlsxWorkbook> {
  const rootRels = await relationshipsOf(pkg, "");
  const officeDocument = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"));
  const workbookPath = officeDocument?.target ?? "xl/workbook.xml";
  const workbookXml = await pkg.readPart(workbookPath);
  if (workbookXml === undefined) throw new Error("it has no workbook part, xl/workbook.xml");
  const rels = await relationshipsOf(pkg, workbookPath);
  const sharedStringsRel = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"));
  const sharedStrings = await readSharedStrings(pkg, sharedStringsRel?.target);

  const declared = [...elements(workbookXml, "sheet")].map((s) => attributes(s.attrs));
  const sheets: XlsxSheet[] = [];
  const tables: TableDefinition[] = [];
  for (const sheet of declared) {
    const rel = rels.get(sheet.id ?? "");
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const xml = (await pkg.readPart(rel.target)) ?? "";
    const name = sheet.name ?? "";
    const state = sheet.state === "hidden" || sheet.state === "veryHidden" ? sheet.state : "visible";
    sheets.push({ name, state, ...parseSheetXml(xml, sharedStrings) });
    const sheetRels = await relationshipsOf(pkg, rel.target);
    for (const tableRel of sheetRels.values()) {
      if (!tableRel.type.endsWith("/table")) continue;
      const table = await readTable(pkg, tableRel.target, name);
      if (table) tables.push(table);
    }
  }

  const names: NameDefinition[] = [];
  for (const item of elements(workbookXml, "definedName")) {
    const a = attributes(item.attrs);
    const name = a.name ?? "";
    if (name === "" || /^_xlnm\./i.test(name)) continue;
    const local = a.localSheetId === undefined ? undefined : declared[Number(a.localSheetId)]?.name;
    names.push({ name, sheet: local, formula: decodeXml(item.body).trim() });
  }
  const appProperties = [...rootRels.values()].find((r) => r.type.endsWith("/extended-properties"));
  const appXml = appProperties ? await pkg.readPart(appProperties.target) : undefined;
  const application = appXml ? /<(?:\w+:)?Application>([^<]*)</.exec(appXml)?.[1] : undefined;
  return { sheets, names, tables, ...(application ? { application: decodeXml(application).trim() } : {}) };
}
