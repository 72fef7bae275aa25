/**
 * An .xlsx package (a zip archive) opened with limits, so that a small hostile file cannot make us
 * inflate gigabytes (a "zip bomb") or read outside the package:
 *
 * 1. the central directory is read first (no inflating) and every part's declared size is checked
 *    against the per-part and total limits, names with `..` or a leading `/` are refused, and so are
 *    encrypted parts and compression methods an .xlsx does not use;
 * 2. inflating is capped by the same limits (zlib's maxOutputLength), so a part that lies about its
 *    size in the directory is stopped at the limit, never after it.
 *
 * Errors are one line naming the limit and how to raise it. The ZIP format: PKWARE APPNOTE.TXT
 * (end of central directory 0x06054b50, central file header 0x02014b50, local header 0x04034b50,
 * ZIP64 extra field 0x0001).
 */
import { inflateRawSync } from "node:zlib";

export class PackageLimitError extends Error {
  constructor(
    message: string,
    /** "limit": the package is too large; "damaged": it is not a readable zip archive. */
    readonly kind: "limit" | "damaged" = "limit",
  ) {
    super(message);
    this.name = "PackageLimitError";
  }
}

export interface PackageLimits {
  /** Largest inflated size of one part, in bytes. */
  maxPartBytes: number;
  /** Largest inflated size of all parts together, in bytes. */
  maxTotalBytes: number;
  /** Most parts (entries) a package may hold. */
  maxEntries: number;
}

const MB = 1024 * 1024;

function fromEnvironment(name: string, fallbackMb: number): number {
  const value = Number(process.env[name]);
  return (Number.isFinite(value) && value > 0 ? value : fallbackMb) * MB;
}

/**
 * The defaults, each raised with an environment variable: 256 MB a part (PE_CALC_MAX_XLSX_PART_MB),
 * 512 MB in all (PE_CALC_MAX_XLSX_MB). A real 1,048,576-row sheet of numbers is about 60 MB of XML.
 */
export function defaultPackageLimits(): PackageLimits {
  const env = typeof process !== "undefined" && Boolean(process.env);
  return {
    maxPartBytes: env ? fromEnvironment("PE_CALC_MAX_XLSX_PART_MB", 256) : 256 * MB,
    maxTotalBytes: env ? fromEnvironment("PE_CALC_MAX_XLSX_MB", 512) : 512 * MB,
    maxEntries: 10_000,
  };
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

function megabytes(bytes: number): string {
  return `${(bytes / MB).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

function shortName(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 79)}…` : name);
}

function notAZip(reason: string): PackageLimitError {
  return new PackageLimitError(reason, "damaged");
}

function findEndOfDirectory(data: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, data.length - 22 - 0xffff);
  for (let at = data.length - 22; at >= lowest; at--) if (view.getUint32(at, true) === 0x06054b50) return at;
  throw notAZip("it is not a zip archive");
}

function readUint64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x1_0000_0000;
}

/** The central directory's entries, read without inflating anything. */
export function readZipDirectory(data: Uint8Array): ZipEntry[] {
  if (data.length < 22) throw notAZip("it is not a zip archive");
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndOfDirectory(data, view);
  let count = view.getUint16(end + 10, true);
  let directoryOffset = view.getUint32(end + 16, true);
  if ((count === 0xffff || directoryOffset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
    const zip64End = readUint64(view, end - 12);
    if (zip64End + 56 > data.length || view.getUint32(zip64End, true) !== 0x06064b50) throw notAZip("a broken ZIP64 directory");
    count = readUint64(view, zip64End + 32);
    directoryOffset = readUint64(view, zip64End + 48);
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== 0x02014b50) throw notAZip("its zip directory is damaged");
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > data.length) throw notAZip("its zip directory is damaged");
    const entry: ZipEntry = {
      name: decoder.decode(data.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      encrypted: (flags & 1) === 1,
    };
    readZip64Sizes(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes stored as 0xFFFFFFFF live in the ZIP64 extra field, in this order. */
function readZip64Sizes(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= at + 4 + size ? readUint64(view, field) : Number.POSITIVE_INFINITY;
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

function unsafeName(name: string): boolean {
  return name.startsWith("/") || name.includes("\\") || name.split("/").includes("..") || /^[A-Za-z]:/.test(name);
}

/** Checks the directory against the limits without inflating; throws a one-line PackageLimitError. */
export function checkZipDirectory(entries: readonly ZipEntry[], limits: PackageLimits = defaultPackageLimits()): void {
  if (entries.length > limits.maxEntries)
    throw new PackageLimitError(`it has ${entries.length} parts; the limit is ${limits.maxEntries.toLocaleString("en-US")}`);
  let total = 0;
  for (const entry of entries) {
    const shown = JSON.stringify(entry.name.length > 80 ? `${entry.name.slice(0, 79)}…` : entry.name);
    if (unsafeName(entry.name)) throw new PackageLimitError(`its part ${shown} points outside the package`);
    if (entry.encrypted) throw new PackageLimitError(`its part ${shown} is encrypted (a password-protected file?)`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new PackageLimitError(`its part ${shown} uses zip compression method ${entry.method}, which .xlsx files do not use`);
    if (entry.uncompressedSize > limits.maxPartBytes) throw partTooLarge(entry.name, entry.uncompressedSize, limits);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw totalTooLarge(total, limits);
  }
}

function partTooLarge(name: string, bytes: number | undefined, limits: PackageLimits): PackageLimitError {
  const size = bytes === undefined ? "more than" : `${megabytes(bytes)} inflated, above`;
  return new PackageLimitError(
    `its part ${JSON.stringify(name.slice(0, 80))} is ${size} the ${megabytes(limits.maxPartBytes)} limit for one part ` +
      "(raise it with PE_CALC_MAX_XLSX_PART_MB)",
  );
}

function totalTooLarge(bytes: number | undefined, limits: PackageLimits): PackageLimitError {
  const size = bytes === undefined ? "more than" : `${megabytes(bytes)} inflated, above`;
  return new PackageLimitError(
    `its parts are ${size} the ${megabytes(limits.maxTotalBytes)} limit for a whole workbook (raise it with PE_CALC_MAX_XLSX_MB)`,
  );
}

/** One entry's bytes, inflated with at most `cap` bytes of output. */
function inflateEntry(data: Uint8Array, entry: ZipEntry, cap: number, limits: PackageLimits, total: boolean): Buffer {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > data.length || view.getUint32(at, true) !== 0x04034b50)
    throw notAZip(`the part ${shortName(entry.name)} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > data.length) throw notAZip(`the part ${shortName(entry.name)} is cut short`);
  const compressed = data.subarray(start, end);
  if (entry.method === 0) {
    if (compressed.length > cap) throw total ? totalTooLarge(undefined, limits) : partTooLarge(entry.name, undefined, limits);
    return Buffer.from(compressed);
  }
  // Never more than the directory declares: a part that lies about its size stops there.
  const declaredFits = entry.uncompressedSize <= cap;
  try {
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, Math.min(cap, entry.uncompressedSize)) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
      if (declaredFits) throw notAZip(`the part ${shortName(entry.name)} inflates to more than its zip directory declares`);
      throw total ? totalTooLarge(undefined, limits) : partTooLarge(entry.name, undefined, limits);
    }
    throw notAZip(`the part ${shortName(entry.name)} does not inflate (${(error as Error).message})`);
  }
}

export interface OpenedPackage {
  entries: ZipEntry[];
  /** Inflates one part (by name), within the per-part and the remaining total limit; undefined when absent. */
  read(name: string): Buffer | undefined;
}

/** The package's directory, checked; parts are inflated on demand, each within the limits. */
export function openPackage(data: Uint8Array, limits: PackageLimits = defaultPackageLimits()): OpenedPackage {
  const entries = readZipDirectory(data);
  checkZipDirectory(entries, limits);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  let inflated = 0;
  return {
    entries,
    read(name) {
      const entry = byName.get(name);
      if (!entry) return undefined;
      const remaining = limits.maxTotalBytes - inflated;
      const cap = Math.min(limits.maxPartBytes, remaining);
      const bytes = inflateEntry(data, entry, cap, limits, remaining < limits.maxPartBytes);
      inflated += bytes.length;
      return bytes;
    },
  };
}

/** Every part inflated within the limits: the one unzip the workbook readers go through. */
export function unzipWithLimits(data: Uint8Array, limits: PackageLimits = defaultPackageLimits()): Map<string, Buffer> {
  const opened = openPackage(data, limits);
  const parts = new Map<string, Buffer>();
  for (const entry of opened.entries) if (!entry.name.endsWith("/")) parts.set(entry.name, opened.read(entry.name)!);
  return parts;
}

/**
 * Checks a whole package without keeping it: the directory first, then every part inflated (one at
 * a time, capped) and dropped. For readers (ExcelJS) that unzip by themselves and cannot be capped.
 */
export function assertPackageWithinLimits(data: Uint8Array, limits: PackageLimits = defaultPackageLimits()): void {
  const opened = openPackage(data, limits);
  for (const entry of opened.entries) if (!entry.name.endsWith("/")) opened.read(entry.name);
}
