import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
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

/** The archive with the entries named in `replaced` given new content; all else copied as it was. */
export function writeZip(archive: ZipArchive, replaced: ReadonlyMap<string, Buffer>): Buffer {
  const { data } = archive;
  const pieces: Buffer[] = [];
  const central: Buffer[] = [];
  let written = 0;
  for (const entry of archive.entries) {
    const record = Buffer.from(data.subarray(entry.centralOffset, entry.centralOffset + entry.centralLength));
    record.writeUInt32LE(written, 42);
    const content = replaced.get(entry.name);
    if (content === undefined) {
      const start = dataStart(archive, entry);
      let end = start + entry.compressedSize;
      if (entry.flags & 0x8) end += data.readUInt32LE(end) === DESCRIPTOR_SIGNATURE ? 16 : 12;
      const local = data.subarray(entry.localOffset, end);
      pieces.push(local);
      written += local.length;
    } else {
      const compressed = deflateRawSync(content, { level: 6 });
      const crc = crc32(content);
      const nameBytes = data.subarray(
        entry.centralOffset + 46,
        entry.centralOffset + 46 + data.readUInt16LE(entry.centralOffset + 28),
      );
      const local = Buffer.alloc(30);
      data.copy(local, 0, entry.localOffset, entry.localOffset + 30);
      local.writeUInt16LE(entry.flags & ~0x8, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(compressed.length, 18);
      local.writeUInt32LE(content.length, 22);
      local.writeUInt16LE(nameBytes.length, 26);
      local.writeUInt16LE(0, 28);
      pieces.push(local, nameBytes, compressed);
      written += local.length + nameBytes.length + compressed.length;
      record.writeUInt16LE(entry.flags & ~0x8, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt32LE(crc, 16);
      record.writeUInt32LE(compressed.length, 20);
      record.writeUInt32LE(content.length, 24);
    }
    central.push(record);
  }
  const centralStart = written;
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.from(data.subarray(archive.endOffset));
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(centralStart, 16);
  return Buffer.concat([...pieces, ...central, end]);
}
