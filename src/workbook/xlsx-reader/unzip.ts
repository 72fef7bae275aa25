/**
 * The one place the reader opens the zip container of an .xlsx package. Every part is read
 * through `readPart`, so limits on how much a part may inflate to belong here and nowhere else.
 */
import JSZip from "jszip";
import { checkZipDirectory, PackageLimitError, readZipDirectory } from "../xlsx-package/zip-directory";

export interface XlsxPackage {
  /** The part's text (UTF-8), or undefined when the package has no such part. */
  readPart(path: string): Promise<string | undefined>;
  has(path: string): boolean;
}

export class NotAnXlsxPackage extends Error {}

export async function openPackage(data: Uint8Array | ArrayBuffer): Promise<XlsxPackage> {
  // Limits on inflation (src/workbook/xlsx-package): every part's declared size, its name and
  // method, checked in the zip directory before JSZip inflates anything. pe-calc also verifies
  // the real sizes with capped inflation first (assertPackageWithinLimits), which needs Node.
  try {
    checkZipDirectory(readZipDirectory(data instanceof Uint8Array ? data : new Uint8Array(data)));
  } catch (error) {
    if (error instanceof PackageLimitError) throw new NotAnXlsxPackage(error.message);
    throw error;
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NotAnXlsxPackage(/central directory|zip/i.test(reason) ? "it is not a zip archive" : reason);
  }
  const find = (path: string) => zip.file(path.replace(/^\//, "")) ?? undefined;
  return {
    has: (path) => find(path) !== undefined,
    readPart: async (path) => {
      const entry = find(path);
      return entry ? entry.async("string") : undefined;
    },
  };
}

/**
 * A package whose parts are already inflated (by name, without a leading "/"): pe-calc inflates
 * each part once, within the limits, and reads the model and patches the values from the same bytes.
 */
export function packageOfParts(parts: ReadonlyMap<string, Uint8Array>): XlsxPackage {
  const decoder = new TextDecoder();
  const find = (path: string) => parts.get(path.replace(/^\//, ""));
  return {
    has: (path) => find(path) !== undefined,
    readPart: async (path) => {
      const bytes = find(path);
      return bytes === undefined ? undefined : decoder.decode(bytes);
    },
  };
}
