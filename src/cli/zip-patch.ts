import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type { PartContent } from "../workbook/xlsx-package/written-parts";
import { CliInputError } from "./cli-files";

/**
 * A zip archive (an .xlsx package) read entry by entry and written back with only the changed
 * entries recompressed: every other entry's local header, compressed bytes and central-directory
 * record are copied as they were, so its content stays byte for byte what it was. Node's zlib,
 * several times faster than JSZip's pako on the large sheet parts (see the recalc notes).
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Offset of the entry's central-directory record and its length (with name, extra field, comment). */
  centralOffset: number;
  centralLength: number;
}

export interface ZipArchive {
  data: Buffer;
  entries: ZipEntry[];
  /** Offset of the end-of-central-directory record. */
  endOffset: number;
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const NOT_A_ZIP = "it is not a zip archive";

export function readZip(data: Buffer): ZipArchive {
  let endOffset = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === END_SIGNATURE) {
      endOffset = i;
      break;
    }
  }
  if (endOffset < 0) throw new CliInputError(NOT_A_ZIP);
  const count = data.readUInt16LE(endOffset + 10);
  let offset = data.readUInt32LE(endOffset + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new CliInputError("it is a ZIP64 archive, which recalc does not read");
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new CliInputError(NOT_A_ZIP);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const centralLength = 46 + nameLength + extraLength + commentLength;
    entries.push({
      name: data.toString("utf8", offset + 46, offset + 46 + nameLength),
      flags: data.readUInt16LE(offset + 8),
      method: data.readUInt16LE(offset + 10),
      compressedSize: data.readUInt32LE(offset + 20),
      size: data.readUInt32LE(offset + 24),
      localOffset: data.readUInt32LE(offset + 42),
      centralOffset: offset,
      centralLength,
    });
    offset += centralLength;
  }
  return { data, entries, endOffset };
}

function dataStart(archive: ZipArchive, entry: ZipEntry): number {
  const at = entry.localOffset;
  if (archive.data.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new CliInputError(NOT_A_ZIP);
  return at + 30 + archive.data.readUInt16LE(at + 26) + archive.data.readUInt16LE(at + 28);
}

export function entryBytes(archive: ZipArchive, entry: ZipEntry): Buffer {
  const start = dataStart(archive, entry);
  const raw = archive.data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method === 8) return inflateRawSync(raw);
  throw new CliInputError(`${entry.name} is compressed with method ${entry.method}, which recalc does not read`);
}

export function entryText(archive: ZipArchive, name: string): string | undefined {
  const entry = archive.entries.find((e) => e.name === name);
  return entry ? entryBytes(archive, entry).toString("utf8") : undefined;
}

export interface ZipChanges {
  /** Entries given new content (by name); every other entry is copied as it was. */
  replaced?: ReadonlyMap<string, Buffer>;
  /** New entries, appended after the existing ones. */
  added?: ReadonlyMap<string, Buffer>;
  /** Deflate the stored (uncompressed) entries that are copied, e.g. an archive written with STORE. */
  deflateStored?: boolean;
}

/** The archive with `changes` applied; untouched entries keep their bytes. */
export function writeZip(archive: ZipArchive, changes: ZipChanges): Buffer {
  const { data } = archive;
  const pieces: Buffer[] = [];
  const central: Buffer[] = [];
  let written = 0;
  const deflated = (content: Buffer, local: Buffer, record: Buffer, name: Buffer, flags: number): void => {
    const compressed = deflateRawSync(content, { level: 6 });
    const crc = crc32(content);
    local.writeUInt16LE(flags & ~0x8, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    pieces.push(local, name, compressed);
    written += local.length + name.length + compressed.length;
    record.writeUInt16LE(flags & ~0x8, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(compressed.length, 20);
    record.writeUInt32LE(content.length, 24);
  };
  for (const entry of archive.entries) {
    const record = Buffer.from(data.subarray(entry.centralOffset, entry.centralOffset + entry.centralLength));
    record.writeUInt32LE(written, 42);
    const content =
      changes.replaced?.get(entry.name) ??
      (changes.deflateStored && entry.method === 0 && entry.size > 0 ? entryBytes(archive, entry) : undefined);
    if (content === undefined) {
      const start = dataStart(archive, entry);
      let end = start + entry.compressedSize;
      if (entry.flags & 0x8) end += data.readUInt32LE(end) === DESCRIPTOR_SIGNATURE ? 16 : 12;
      const local = data.subarray(entry.localOffset, end);
      pieces.push(local);
      written += local.length;
    } else {
      const name = data.subarray(
        entry.centralOffset + 46,
        entry.centralOffset + 46 + data.readUInt16LE(entry.centralOffset + 28),
      );
      const local = Buffer.alloc(30);
      data.copy(local, 0, entry.localOffset, entry.localOffset + 30);
      deflated(content, local, record, name, entry.flags);
    }
    central.push(record);
  }
  for (const [entryName, content] of changes.added ?? []) {
    const name = Buffer.from(entryName, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(DOS_TIME_1980, 10);
    const record = Buffer.alloc(46 + name.length);
    record.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt32LE(DOS_TIME_1980, 12);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(written, 42);
    name.copy(record, 46);
    // UTF-8 names (bit 11), as JSZip and Excel write them.
    deflated(content, local, record, name, 0x800);
    central.push(record);
  }
  const centralStart = written;
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.from(data.subarray(archive.endOffset));
  const count = archive.entries.length + (changes.added?.size ?? 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(centralStart, 16);
  return Buffer.concat([...pieces, ...central, end]);
}

/** 1980-01-01 00:00 in MS-DOS date/time (time in the low word, date in the high word). */
const DOS_TIME_1980 = (((1980 - 1980) << 9) | (1 << 5) | 1) << 16;

/**
 * The CLI's PackageAssembler: the parts ExcelJS wrote, with the finishing edits in their places and
 * the new parts after them, deflated on Node's zlib.
 */
export function assembleWithZlib(written: ReadonlyMap<string, PartContent>, edits: ReadonlyMap<string, string>): Buffer {
  const parts = new Map<string, Buffer>();
  const bytes = (content: PartContent) =>
    typeof content === "string"
      ? Buffer.from(content, "utf8")
      : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  for (const [name, content] of written) parts.set(name, bytes(edits.get(name) ?? content));
  for (const [name, xml] of edits) if (!written.has(name)) parts.set(name, bytes(xml));
  return writeZip(EMPTY_ARCHIVE, { added: parts });
}

/** An archive with no entries: its end-of-central-directory record alone. */
const EMPTY_ARCHIVE: ZipArchive = (() => {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIGNATURE, 0);
  return { data: end, entries: [], endOffset: 0 };
})();
