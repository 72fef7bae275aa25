import { writeFileSync } from "node:fs";
import { openWorkbook, peCalcInProcess, scratchFolder } from "./support";

/**
 * Issue 13's "done when": `pe-calc new qualification` reads a `;`-separated, BOM-prefixed CRM
 * export with extra columns and a Windows-1252 name, maps columns by flags, and writes the right
 * scores. The fixture is built here, byte by byte.
 */
const scratch = scratchFolder("pe-crm-");

function windows1252(text: string): Buffer {
  // Latin-1 covers every character used here, and agrees with Windows-1252 on them.
  return Buffer.from(text, "latin1");
}

function crmExport(): string {
  const path = scratch.path("crm-export.csv");
  const lines = [
    "Account ID;Account Name;Fit (1-10);Reach (1-10);Region;Owner",
    "001A000001;Acme Cloud Solutions;9;8;EMEA;J. Doe",
    "001A000002;Métro Données SARL;7,5;6;EMEA;A. Müller",
    "001A000003;Globex;4;;AMER;K. Lee",
    "",
  ];
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), windows1252(lines.join("\r\n"))]));
  return path;
}

test("a ;-separated, BOM-prefixed Windows-1252 export with extra columns, mapped by flags, gets the right scores", async () => {
  const partners = crmExport();
  const output = scratch.path("matrix.xlsx");
  const result = await peCalcInProcess([
    "new",
    "qualification",
    "--partners",
    partners,
    "--name-column",
    "Account Name",
    "--criteria",
    "Fit (1-10)=60,Reach (1-10)=40",
    "--scale",
    "10",
    "--tiers",
    "80,60",
    "--labels",
    "Gold,Silver,Watch",
    "-o",
    output,
  ]);
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^wrote .*matrix\.xlsx: sheet "Qualification", 3 partners in table QualificationMatrix/);
  expect(result.stderr).toContain(
    'pe-calc new qualification: note: columns kept out of the matrix: Account ID, Region, Owner (rate them with --criteria "Column=weight,…")\n',
  );
  expect(result.stderr).toContain(`pe-calc new qualification: note: read ${partners} as Windows-1252\n`);

  const ws = (await openWorkbook(output)).getWorksheet("Qualification")!;
  const header = ws.getRow(9).values as unknown[];
  expect(header.slice(1, 6)).toEqual(["Partner", "Fit (1-10)", "Reach (1-10)", "Score", "Tier"]);
  const row = (r: number) =>
    [1, 2, 3, 4, 5].map((c) => {
      const cell = ws.getCell(r, c);
      return cell.formula ? cell.result : cell.value;
    });
  // Acme (9/10·60 + 8/10·40) = 86 → Gold; Métro (7.5/10·60 + 6/10·40) = 69 → Silver; Globex has no
  // Reach rating yet: scored over Fit alone, 4/10 = 40 → Watch, provisional (a blank is not a 0)
  expect(row(10)).toEqual(["Acme Cloud Solutions", 9, 8, 86, "Gold"]);
  expect(row(11)).toEqual(["Métro Données SARL", 7.5, 6, 69, "Silver"]);
  expect(row(12)).toEqual(["Globex", 4, null, 40, "Watch (provisional)"]);
});

test("every problem is listed as file:line:column (up to 20, then a count), with the scale a rating needs", async () => {
  const rows = Array.from({ length: 25 }, (_, i) => `P${i + 1};${i === 0 ? "80%" : "11"};3`);
  const partners = scratch.path("bad-export.csv");
  writeFileSync(partners, ["Partner;Fit;Reach", ...rows, ""].join("\n"));
  const result = await peCalcInProcess([
    "new",
    "qualification",
    "--partners",
    partners,
    "--criteria",
    "Fit=50,Reach=50",
    "--scale",
    "10",
    "-o",
    scratch.path("bad.xlsx"),
  ]);
  expect(result.status).toBe(1);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(21);
  expect(lines[0]).toBe(
    `pe-calc new qualification: ${partners}:2:2: "80%" under "Fit" is a percentage, but ratings run 0 to 10: write a rating from 0 to 10, or use --scale 100 to rate in percent`,
  );
  expect(lines[1]).toBe(
    `pe-calc new qualification: ${partners}:3:2: 11 under "Fit" is outside the scale: ratings run 0 to 10 (use --scale to change the top of the scale)`,
  );
  expect(lines[20]).toBe(`pe-calc new qualification: ${partners}: … and 5 more problems`);
});

test.each([
  [["--scale", "zero"], 'pe-calc new qualification: --scale: "zero" is not a number (pe-calc new --help)\n'],
  [
    ["--tiers", "80,60", "--labels", "A"],
    "pe-calc new qualification: --labels has 1 labels for 2 tiers: give 2 (one a tier) or 3 (the last for scores below every tier) (pe-calc new --help)\n",
  ],
  [["--criteria", ""], "pe-calc new qualification: --criteria needs a value (pe-calc new --help)\n"],
])("a flag's bad value is a usage error: %j", async (flags, message) => {
  const partners = scratch.path("ok.csv");
  writeFileSync(partners, "Partner,Strategic fit\nAcme,4\n");
  const result = await peCalcInProcess(["new", "qualification", "--partners", partners, ...flags, "-o", scratch.path("x.xlsx")]);
  expect(result).toEqual({ status: 2, stdout: "", stderr: message });
});
