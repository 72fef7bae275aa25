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

export {
  checkZipDirectory,
  defaultPackageLimits,
  PackageLimitError,
  readZipDirectory,
  type PackageLimits,
  type ZipEntry,
} from "./zip-directory";
import {
  checkZipDirectory,
  defaultPackageLimits,
  notAZip,
  partTooLarge,
  readZipDirectory,
  shortName,
  totalTooLarge,
  type PackageLimits,
  type ZipEntry,
} from "./zip-directory";

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
