/**
 * An .xlsx package's zip directory read and checked against the limits without inflating anything
 * and without Node: the workbench (in the browser) checks a file with it before ExcelJS opens it,
 * and open-package.ts (Node) adds capped inflation. See open-package.ts for the whole story.
 */
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

export function megabytes(bytes: number): string {
  return `${(bytes / MB).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

export function shortName(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 79)}…` : name);
}

export function notAZip(reason: string): PackageLimitError {
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

export function partTooLarge(name: string, bytes: number | undefined, limits: PackageLimits): PackageLimitError {
  const size = bytes === undefined ? "more than" : `${megabytes(bytes)} inflated, above`;
  return new PackageLimitError(
    `its part ${JSON.stringify(name.slice(0, 80))} is ${size} the ${megabytes(limits.maxPartBytes)} limit for one part ` +
      "(raise it with PE_CALC_MAX_XLSX_PART_MB)",
  );
}

export function totalTooLarge(bytes: number | undefined, limits: PackageLimits): PackageLimitError {
  const size = bytes === undefined ? "more than" : `${megabytes(bytes)} inflated, above`;
  return new PackageLimitError(
    `its parts are ${size} the ${megabytes(limits.maxTotalBytes)} limit for a whole workbook (raise it with PE_CALC_MAX_XLSX_MB)`,
  );
}
