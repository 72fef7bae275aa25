import JSZip from "jszip";
import { deflateRawSync } from "node:zlib";
import { formulaLimitProblem, nestingDepth } from "../../src/core/formula-limits";
import { evaluateFormula } from "../../src/engine/evaluate";
import { MAX_ARRAY_CELLS } from "../../src/engine/array-limits";
import { createEngine } from "../../src/engine/create-engine";
import { toCachedResult } from "../../src/workbook/appliers/xlsx";
import { neutralizeCsvText, sheetAsCsv } from "../../src/workbook/sheet-csv";
import {
  assertPackageWithinLimits,
  openPackage,
  readZipDirectory,
  unzipWithLimits,
  type PackageLimits,
} from "../../src/workbook/xlsx-package/open-package";

const MB = 1024 * 1024;
const SMALL: PackageLimits = { maxPartBytes: 1 * MB, maxTotalBytes: 2 * MB, maxEntries: 100 };

async function zipOf(parts: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A one-entry zip whose directory declares `declared` bytes for `content` (a lying zip bomb). */
function lyingZip(name: string, content: Buffer, declared: number): Uint8Array {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

describe("opening an .xlsx package within limits", () => {
  test("reads the directory without inflating and gives the parts back", async () => {
    const data = await zipOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" });
    expect(readZipDirectory(data).map((e) => e.name)).toEqual(["[Content_Types].xml", "xl/", "xl/workbook.xml"]);
    expect(unzipWithLimits(data, SMALL).get("xl/workbook.xml")?.toString()).toBe("<workbook/>");
  });

  test("a part above the per-part limit is refused from the directory, naming the limit and how to raise it", async () => {
    const data = await zipOf({ "xl/worksheets/sheet1.xml": "a".repeat(2 * MB) });
    expect(() => openPackage(data, SMALL)).toThrow(
      'its part "xl/worksheets/sheet1.xml" is 2 MB inflated, above the 1 MB limit for one part (raise it with PE_CALC_MAX_XLSX_PART_MB)',
    );
  });

  test("parts adding up past the total limit are refused", async () => {
    const data = await zipOf({ a: "a".repeat(0.9 * MB), b: "b".repeat(0.9 * MB), c: "c".repeat(0.9 * MB) });
    expect(() => openPackage(data, SMALL)).toThrow(/limit for a whole workbook \(raise it with PE_CALC_MAX_XLSX_MB\)$/);
  });

  test("a part that inflates past what its directory declares is stopped there", () => {
    const bomb = lyingZip("xl/worksheets/sheet1.xml", Buffer.alloc(50 * MB, 0x61), 1000);
    expect(() => assertPackageWithinLimits(bomb, SMALL)).toThrow(
      'the part "xl/worksheets/sheet1.xml" inflates to more than its zip directory declares',
    );
  });

  test("names outside the package, broken and non-zip files are refused", async () => {
    const escaping = await zipOf({ "xl/../../evil.xml": "x" });
    expect(() => openPackage(escaping, SMALL)).toThrow(/^its part "[^"]*\.\.[^"]*" points outside the package$/);
    expect(() => openPackage(new TextEncoder().encode("Partner\nAcme\n"), SMALL)).toThrow("it is not a zip archive");
    const whole = await zipOf({ "xl/workbook.xml": "<workbook/>".repeat(100) });
    expect(() => assertPackageWithinLimits(whole.subarray(0, whole.length - 30), SMALL)).toThrow();
  });
});

describe("formula limits", () => {
  test("Excel's 8,192 characters and 64 levels; text and sheet names do not count", () => {
    expect(formulaLimitProblem("=" + "1+".repeat(4100) + "1")).toBe("the formula is 8,202 characters long; Excel allows 8,192");
    expect(formulaLimitProblem("=" + "SUM(".repeat(65) + "1" + ")".repeat(65))).toBe(
      "the formula nests 65 levels deep; Excel allows 64",
    );
    expect(formulaLimitProblem("=" + "SUM(".repeat(64) + "1" + ")".repeat(64))).toBeUndefined();
    expect(nestingDepth("=LEN(\"((((((\")+'(((('!A1")).toBe(1);
    expect(nestingDepth("=" + "-".repeat(100) + "1")).toBe(100);
    expect(formulaLimitProblem("=" + Array(1500).fill("1").join("+"))).toMatch(
      /chains 1,499 operators; pe-calc evaluates up to 1,000/,
    );
  });

  test("an oversized SEQUENCE is #NUM! before any array is built", () => {
    const result = evaluateFormula("=SUM(SEQUENCE(39000,18000))");
    expect(result).toMatchObject({ code: "#NUM!" });
    expect(JSON.stringify(result)).toContain(`pe-calc allows ${MAX_ARRAY_CELLS.toLocaleString("en-US")}`);
    expect(evaluateFormula("=SUM(SEQUENCE(1000,100))")).toBe(5_000_050_000);
  });
});

test("a computed text longer than a cell holds is cached as #VALUE!, as Excel computes it", () => {
  expect(toCachedResult("x".repeat(32_767))).toBe("x".repeat(32_767));
  expect(toCachedResult("x".repeat(32_768))).toEqual({ error: "#VALUE!" });
});

describe("CSV output", () => {
  test.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+SUM(A1)", "'+SUM(A1)"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["-5", "-5"],
    ["+3.5", "+3.5"],
    ["Acme", "Acme"],
  ])("%j → %j", (text, safe) => expect(neutralizeCsvText(text)).toBe(safe));

  test("numbers stay numbers; --raw leaves text as it is", () => {
    const hf = createEngine();
    hf.addSheet("S");
    hf.setSheetContent(0, [["'=HYPERLINK(1)", -5, "=-5*2"]]);
    expect(sheetAsCsv(hf, "S")).toBe("'=HYPERLINK(1),-5,-10\r\n");
    expect(sheetAsCsv(hf, "S", { raw: true })).toBe("=HYPERLINK(1),-5,-10\r\n");
  });
});

describe("the workbench's .xlsx opener uses the same limits", () => {
  test("a part declaring 500 MB is refused before ExcelJS inflates anything; a damaged file is unreadable", async () => {
    const { openXlsx } = await import("../../src/workbench/xlsx/open-xlsx");
    const bomb = lyingZip("xl/worksheets/sheet1.xml", Buffer.from("<worksheet/>"), 500 * MB);
    await expect(openXlsx(createEngine(), bomb.slice().buffer)).rejects.toThrow(
      'this workbook is too large to open here: its part "xl/worksheets/sheet1.xml" is 500 MB inflated, above the 256 MB limit for one part (raise it with PE_CALC_MAX_XLSX_PART_MB)',
    );
    await expect(openXlsx(createEngine(), new TextEncoder().encode("not a zip").buffer)).rejects.toThrow(
      "this file is not an Excel workbook (.xlsx) that can be read",
    );
  });
});
