/**
 * Hostile files for the CLI's hostile-input suite, built by the tests themselves: zip archives
 * written byte by byte (to lie in their directory), workbooks with extreme addresses and formulas,
 * XML with external entities. Nothing here comes from outside the project.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { deflateRawSync } from "node:zlib";

export interface RawEntry {
  name: string;
  content: Buffer;
  /** The size the directory declares (defaults to the real one). */
  declaredSize?: number;
}

/** A zip archive from raw entries, deflated, with whatever sizes its directory is told to declare. */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = deflateRawSync(entry.content);
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A small valid workbook's parts (ExcelJS writes them), to be changed and re-zipped. */
export async function workbookParts(fill: (ws: ExcelJS.Worksheet) => void): Promise<Map<string, Buffer>> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("Sheet1"));
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const parts = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) if (!file.dir) parts.set(file.name, await file.async("nodebuffer"));
  return parts;
}

export function zipParts(parts: Map<string, Buffer>, extra: RawEntry[] = []): Buffer {
  return rawZip([...[...parts].map(([name, content]) => ({ name, content })), ...extra]);
}

export async function workbookFile(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("Sheet1"));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The first sheet's XML with a DOCTYPE declaring `entities` and `body` put in cell A1's inline string. */
export function withDoctype(sheetXml: string, entities: string, body: string): string {
  return sheetXml
    .replace(/^(<\?xml[^>]*\?>)?/, `$1<!DOCTYPE worksheet [${entities}]>`)
    .replace(
      /<sheetData\/>|<sheetData>[\s\S]*<\/sheetData>/,
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${body}</t></is></c></row></sheetData>`,
    );
}
