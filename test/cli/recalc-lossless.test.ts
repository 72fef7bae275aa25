import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import { peCalcInProcess, scratchFolder } from "./support";

/**
 * `pe-calc recalc` changes nothing but cached values: a workbook with an add-in reference,
 * dynamic-array metadata and cm attributes, a chart and its drawing, a pivot table, comments, a
 * hidden sheet, validation, styles, defined names, rich data and VBA comes back with every part
 * byte-identical except the worksheets, and in those only the cells' `<v>` values and `t` types
 * differ — in place and with -o.
 */
const scratch = scratchFolder("pe-recalc-lossless-");

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function addOverride(types: string, part: string, type: string): string {
  return types.replace("</Types>", `<Override PartName="${part}" ContentType="${type}"/></Types>`);
}

function addRel(rels: string, id: string, type: string, target: string): string {
  return rels.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);
}

const RELS_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** A pe-calc matrix, then every kind of part Excel writes added by hand, and stale cached values. */
async function bookWithEveryPart(): Promise<string> {
  const csv = scratch.path("partners.csv");
  writeFileSync(
    csv,
    "Name,Strategic fit,Market reach,Capabilities,Financial health,Track record\nAcme,5,4,3,2,1\nGlobex,4,4,4,4,4\n",
  );
  const book = scratch.path("every-part.xlsx");
  expect((await peCalcInProcess(["new", "qualification", "--partners", csv, "-o", book, "--force"])).status).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(book));
  const text = (name: string) => zip.file(name)!.async("string");
  let types = await text("[Content_Types].xml");
  let workbook = await text("xl/workbook.xml");
  let workbookRels = await text("xl/_rels/workbook.xml.rels");

  // A hidden sheet with a plain formula, a spilled array formula (Excel's dynamic-array form) and a boolean.
  workbook = workbook.replace("</sheets>", '<sheet name="Hidden" sheetId="9" state="hidden" r:id="rId90"/></sheets>');
  workbookRels = addRel(workbookRels, "rId90", `${REL}/worksheet`, "worksheets/sheet9.xml");
  types = addOverride(
    types,
    "/xl/worksheets/sheet9.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  );
  zip.file(
    "xl/worksheets/sheet9.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>` +
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1" cm="1"><f t="array" ref="B1:B3">A1:A3*2</f><v>99</v></c><c r="C1" t="str"><f>Qualification!A11&amp;"!"</f><v>stale</v></c></row>` +
      `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>99</v></c><c r="C2" t="b"><f>A2&gt;5</f><v>1</v></c></row>` +
      `<row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>99</v></c><c r="C3" t="e"><f>SUM(A1:A3)</f><v>#N/A</v></c></row>` +
      `</sheetData><legacyDrawing r:id="rId2"/></worksheet>`,
  );
  // Comments on the hidden sheet, a chart in a drawing, a pivot table with its cache.
  zip.file(
    "xl/worksheets/_rels/sheet9.xml.rels",
    addRel(
      addRel(
        addRel(RELS_HEAD, "rId1", `${REL}/comments`, "../comments1.xml"),
        "rId2",
        `${REL}/vmlDrawing`,
        "../drawings/vmlDrawing1.vml",
      ),
      "rId3",
      `${REL}/pivotTable`,
      "../pivotTables/pivotTable1.xml",
    ),
  );
  zip.file(
    "xl/comments1.xml",
    `<comments ${NS}><authors><author>Sam</author></authors><commentList><comment ref="A1" authorId="0"><text><t>Check this</t></text></comment></commentList></comments>`,
  );
  zip.file("xl/drawings/vmlDrawing1.vml", '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1025"/></xml>');
  zip.file(
    "xl/drawings/drawing1.xml",
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
  );
  zip.file("xl/drawings/_rels/drawing1.xml.rels", addRel(RELS_HEAD, "rId1", `${REL}/chart`, "../charts/chart1.xml"));
  zip.file(
    "xl/charts/chart1.xml",
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>',
  );
  zip.file("xl/pivotTables/pivotTable1.xml", `<pivotTableDefinition ${NS} name="PivotTable1" cacheId="1"/>`);
  zip.file("xl/pivotCache/pivotCacheDefinition1.xml", `<pivotCacheDefinition ${NS}/>`);
  zip.file(
    "xl/richData/rdrichvalue.xml",
    '<rvData xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="0"/>',
  );
  zip.file("xl/vbaProject.bin", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 1, 2, 3]));
  types = addOverride(types, "/xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  types = addOverride(types, "/xl/comments1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");

  // Stale cached values on the matrix: a rating changed after the file was written.
  let matrix = await text("xl/worksheets/sheet1.xml");
  matrix = matrix.replace(/(<c r="B11"[^>]*>)<v>5<\/v>/, "$1<v>1</v>");
  zip.file("xl/worksheets/sheet1.xml", matrix);
  zip.file("[Content_Types].xml", types);
  zip.file("xl/workbook.xml", workbook);
  zip.file("xl/_rels/workbook.xml.rels", workbookRels);
  writeFileSync(book, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return book;
}

async function parts(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async("nodebuffer"));
  return out;
}

/** A worksheet with every cell's value and type taken out: what must not change. */
function withoutValues(xml: string): string {
  return xml.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (_, attrs: string, ending: string, inner: string | undefined) => {
    const body = ending === "/>" ? "" : (inner ?? "").replace(/<v>[\s\S]*?<\/v>/, "");
    return `<c${attrs.replace(/\st="[^"]*"/, "")}>${body}</c>`;
  });
}

function cellXml(xml: string, ref: string): string {
  return new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml)?.[0] ?? "";
}

async function expectOnlyValuesChanged(before: Map<string, Buffer>, afterPath: string): Promise<Map<string, Buffer>> {
  const after = await parts(afterPath);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, content] of before) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      expect(withoutValues(after.get(name)!.toString())).toBe(withoutValues(content.toString()));
    else expect({ name, same: after.get(name)!.equals(content) }).toEqual({ name, same: true });
  }
  return after;
}

test("in place: every part but the worksheets' cached values stays byte-identical, and the values are right", async () => {
  const book = await bookWithEveryPart();
  const before = await parts(book);
  const result = await peCalcInProcess(["recalc", book]);
  expect(result).toEqual({ status: 0, stdout: expect.stringMatching(/^recalculated \d+ formulas in /), stderr: "" });
  const after = await expectOnlyValuesChanged(before, book);

  const hidden = after.get("xl/worksheets/sheet9.xml")!.toString();
  expect(cellXml(hidden, "B1")).toBe('<c r="B1" cm="1"><f t="array" ref="B1:B3">A1:A3*2</f><v>2</v></c>');
  expect(cellXml(hidden, "B2")).toBe('<c r="B2"><v>4</v></c>');
  expect(cellXml(hidden, "B3")).toBe('<c r="B3"><v>6</v></c>');
  expect(cellXml(hidden, "C1")).toBe('<c r="C1" t="str"><f>Qualification!A11&amp;"!"</f><v>Acme!</v></c>');
  expect(cellXml(hidden, "C2")).toBe('<c r="C2" t="b"><f>A2&gt;5</f><v>0</v></c>');
  expect(cellXml(hidden, "C3")).toBe('<c r="C3"><f>SUM(A1:A3)</f><v>6</v></c>');

  // Acme's stale rating of 1 (was 5): score (1·30+4·25+3·20+2·15+1·10)/5 = 46 %, cached as the engine computes it.
  const matrix = after.get("xl/worksheets/sheet1.xml")!.toString();
  expect(cellXml(matrix, "G11")).toMatch(
    /^<c r="G11"[^>]* cm="1"><f t="array" ref="G11">IF\(COUNT\(QualificationMatrix\[\[#This Row\],\[Strategic fit\]:\[Track record\]\]\)=0,&quot;&quot;,_xldudf_PE_PARTNER_SCORE\([^<]*<\/f><v>46<\/v><\/c>$/,
  );
});

test("with -o: the original stays untouched and the copy differs from it only in cached values", async () => {
  const book = await bookWithEveryPart();
  const original = readFileSync(book);
  const before = await parts(book);
  const out = scratch.path("copy.xlsx");
  const result = await peCalcInProcess(["recalc", book, "-o", out]);
  expect(result.status).toBe(0);
  expect(result.stderr).toBe("");
  expect(readFileSync(book).equals(original)).toBe(true);
  await expectOnlyValuesChanged(before, out);
});

test("a second recalc changes nothing at all", async () => {
  const book = await bookWithEveryPart();
  expect((await peCalcInProcess(["recalc", book])).status).toBe(0);
  const once = readFileSync(book);
  expect((await peCalcInProcess(["recalc", book])).status).toBe(0);
  expect(readFileSync(book).equals(once)).toBe(true);
});

test("formulas of older files in the bare PE.NAME( form are stored as Excel needs them", async () => {
  const book = await bookWithEveryPart();
  const zip = await JSZip.loadAsync(readFileSync(book));
  const sheet = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace(/_xldudf_PE_/g, "PE.");
  zip.file("xl/worksheets/sheet1.xml", sheet);
  writeFileSync(book, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  expect((await peCalcInProcess(["recalc", book])).status).toBe(0);
  const after = (await parts(book)).get("xl/worksheets/sheet1.xml")!.toString();
  expect(after).not.toMatch(/<f[^>]*>[^<]*(?<![_A-Za-z])PE\./);
  expect(after).toContain("_xldudf_PE_PARTNER_SCORE(QualificationMatrix[[#This Row],[Strategic fit]:[Track record]],");
});

describe("files from pe-calc new: every PE call in the file form, and recalc reproduces their values", () => {
  const EXAMPLES = `${__dirname}/../../docs/examples`;
  test.each([
    ["qualification", ["--partners"], "partners.csv"],
    ["deal", ["--from"], `${EXAMPLES}/deal.json`],
    ["charter", ["--from"], `${EXAMPLES}/charter.json`],
  ])("%s", async (model, [flag], input) => {
    const source =
      model === "qualification" ? scratch.file("partners.csv", "Name,Strategic fit,Market reach\nAcme,5,4\nGlobex,,3\n") : input;
    const book = scratch.path(`${model}.xlsx`);
    expect((await peCalcInProcess(["new", model, flag, source, "-o", book])).status).toBe(0);
    const written = await parts(book);
    const sheets = [...written].filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    const formulas = sheets.flatMap(([, xml]) => [...xml.toString().matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]));
    expect(formulas.some((f) => f.includes("_xldudf_PE_"))).toBe(true);
    expect(formulas.filter((f) => /(?<![_A-Za-z0-9])PE\./.test(f))).toEqual([]);
    const again = scratch.path(`${model}-again.xlsx`);
    expect((await peCalcInProcess(["recalc", book, "-o", again])).status).toBe(0);
    const recalculated = await parts(again);
    for (const [name, xml] of sheets)
      expect({ name, xml: recalculated.get(name)!.toString() }).toEqual({ name, xml: xml.toString() });
  });
});
