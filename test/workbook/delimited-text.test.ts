import fc from "fast-check";
import { decodeText, detectDelimiter, readDelimitedText, readNumberCell } from "../../src/workbook/input/delimited-text";
import { mapPartnerColumns } from "../../src/workbook/input/partner-columns";
import { DEFAULT_CRITERIA } from "../../src/workbook/models/qualification/defaults";

const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "utf16le"));
const utf16be = (text: string): Uint8Array => {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return new Uint8Array(le);
};

describe("decodeText", () => {
  test.each([
    ["UTF-8 with a BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from("Métro")]), "utf-8", true],
    ["UTF-8 without a BOM", new Uint8Array(Buffer.from("Métro")), "utf-8", false],
    ["UTF-16 LE with a BOM", Uint8Array.from([0xff, 0xfe, ...utf16le("Métro")]), "utf-16le", true],
    ["UTF-16 BE with a BOM", Uint8Array.from([0xfe, 0xff, ...utf16be("Métro")]), "utf-16be", true],
    ["UTF-16 LE without a BOM", utf16le("Métro;5\nAcme;4\n"), "utf-16le", false],
    ["Windows-1252", Uint8Array.from([0x4d, 0xe9, 0x74, 0x72, 0x6f]), "windows-1252", false],
    ["Windows-1252 behind a UTF-8 BOM", Uint8Array.from([0xef, 0xbb, 0xbf, 0x4d, 0xe9, 0x74, 0x72, 0x6f]), "windows-1252", true],
  ])("%s", (_, bytes, encoding, bom) => {
    const decoded = decodeText(bytes);
    expect(decoded.text.startsWith("Métro")).toBe(true);
    expect(decoded).toMatchObject({ encoding, bom });
  });

  test("never produces a replacement character, whatever the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeText(bytes).text).not.toContain("\uFFFD");
      }),
      { seed: 1401, numRuns: 500 },
    );
  });
});

describe("detectDelimiter", () => {
  test.each([
    ["Partner,Strategic fit\nAcme,4\nGlobex,3\n", ","],
    ["Partner;Strategic fit\nAcme;4,5\nGlobex;3\n", ";"],
    ["Partner\tStrategic fit\nAcme\t4\n", "\t"],
    ["Partner|Strategic fit\nAcme|4\n", "|"],
    ['"Name; with semicolon",Score\n"A;B",4\n', ","],
  ])("%j → %j", (text, delimiter) => expect(detectDelimiter(text)).toBe(delimiter));

  test("a list of names with commas in them is one column", () => {
    expect(readDelimitedText("Acme, Inc.\nGlobex\nInitech\n").rows.map((r) => r.cells)).toEqual([
      ["Acme, Inc."],
      ["Globex"],
      ["Initech"],
    ]);
  });
});

describe("readNumberCell", () => {
  test.each([
    ["4", true, { kind: "number", value: 4 }],
    ["4.5", false, { kind: "number", value: 4.5 }],
    ["4,5", true, { kind: "number", value: 4.5 }],
    ["4,5", false, { kind: "text", text: "4,5" }],
    ["1.234,5", true, { kind: "number", value: 1234.5 }],
    ["80%", true, { kind: "percent", value: 0.8, text: "80%" }],
    ["", true, { kind: "blank" }],
    ["high", true, { kind: "text", text: "high" }],
  ])("%j (decimal comma %s)", (cell, decimalComma, expected) => expect(readNumberCell(cell, decimalComma)).toEqual(expected));
});

describe("mapPartnerColumns", () => {
  const known = DEFAULT_CRITERIA.map((c) => ({ name: c.name, weight: c.weight }));

  test("guesses the name column from its header and keeps other columns out", () => {
    const table = readDelimitedText("Account ID;Partner;Strategic fit;Region\n001A;Acme;4,5;EMEA\n");
    const mapped = mapPartnerColumns(table, { scale: 5 }, known);
    expect(mapped.partners).toEqual(["Acme"]);
    expect(mapped.ratings[0][0]).toBe(4.5);
    expect(mapped.keptOut).toEqual(["Account ID", "Region"]);
    expect(mapped.problems).toEqual([]);
  });

  test("maps flags: a numbered name column, criteria with weights, another scale", () => {
    const table = readDelimitedText("Id,Company,Fit,Reach\n1,Acme,8,10\n2,Globex,,7\n");
    const mapped = mapPartnerColumns(
      table,
      {
        nameColumn: "2",
        criteria: [
          { name: "Fit", weight: 60 },
          { name: "reach", weight: 40 },
        ],
        scale: 10,
      },
      known,
    );
    expect(mapped).toMatchObject({
      partners: ["Acme", "Globex"],
      criteria: [
        { name: "Fit", weight: 60 },
        { name: "reach", weight: 40 },
      ],
      ratings: [
        [8, 10],
        [null, 7],
      ],
      criterionColumns: [3, 4],
      keptOut: ["Id"],
      problems: [],
    });
  });

  test("lists every problem with its line and column; a percentage names the scale; long values are cut", () => {
    const long = "x".repeat(10_000_000);
    const table = readDelimitedText(`Partner,Strategic fit,Market reach\nAcme,80%,9\nGlobex,${long},3\n`);
    const { problems } = mapPartnerColumns(table, { scale: 5 }, known);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 2],
      [2, 3],
      [3, 2],
    ]);
    expect(problems[0].message).toBe(
      '"80%" under "Strategic fit" is a percentage, but ratings run 0 to 5: write a rating from 0 to 5, or use --scale 100 to rate in percent',
    );
    expect(problems[2].message.length).toBeLessThan(200);
    expect(problems[2].message).toContain("(10,000,000 characters)");
  });

  test("a missing column named by a flag is a problem naming the columns there are", () => {
    const table = readDelimitedText("Partner,Fit\nAcme,1\n");
    const { problems } = mapPartnerColumns(
      table,
      { criteria: [{ name: "Reach", weight: 1 }], nameColumn: "Company", scale: 5 },
      known,
    );
    expect(problems.map((p) => p.message)).toEqual([
      'no column is headed "Company" (--name-column): the columns are "Partner", "Fit"',
      'no column is headed "Reach" (--criteria): the columns are "Partner", "Fit"',
    ]);
  });
});
