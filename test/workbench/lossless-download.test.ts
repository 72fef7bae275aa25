import JSZip from "jszip";
import { createEngine } from "../../src/engine";
import { createEngineHost } from "../../src/taskpane/hosts/engine-host";
import { WorkbookStore } from "../../src/workbench/grid/workbook-store";
import { workbookToXlsx } from "../../src/workbench/xlsx/download";
import { openedSource } from "../../src/workbench/xlsx/lossless-download";
import { restoreSavedWorkbook, savedWorkbookOf } from "../../src/workbench/persist/saved-workbook";
import { openXlsx } from "../../src/workbench/xlsx/open-xlsx";
import { applyPlanToEngine, engineValueReader } from "../../src/workbook/appliers/engine";
import { readXlsxSettings, writePlanToXlsx } from "../../src/workbook/appliers/xlsx";
import { buildDealPlan } from "../../src/workbook/models/deal";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import { readXlsx } from "../../src/workbook/xlsx-reader/read-xlsx";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The workbench's download of an opened .xlsx is the original package with the user's changes
 * patched in: every part the engine does not compute comes back with the same content.
 */
const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A deal book as pe-calc writes it, plus parts the engine never computes: comments, a pivot table, VBA, a shared formula. */
async function dealBook(): Promise<Uint8Array> {
  const example = JSON.parse(readFileSync(join(__dirname, "..", "..", "docs", "examples", "deal.json"), "utf8"));
  const { plan } = buildDealPlan(example);
  const hf = createEngine();
  const bytes = await writePlanToXlsx(plan, engineValueReader(hf, applyPlanToEngine(hf, plan)));
  const zip = await JSZip.loadAsync(bytes);
  let workbook = await zip.file("xl/workbook.xml")!.async("string");
  let rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  let types = await zip.file("[Content_Types].xml")!.async("string");
  workbook = workbook.replace("</sheets>", '<sheet name="Notes" sheetId="20" r:id="rId90"/></sheets>');
  rels = rels.replace(
    "</Relationships>",
    `<Relationship Id="rId90" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
  );
  types = types.replace(
    "</Types>",
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  zip.file(
    "xl/worksheets/sheet2.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>` +
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><f t="shared" ref="B1:B3" si="0">A1*10</f><v>10</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="B2" s="1"><f t="shared" si="0"/><v>20</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3" s="1"><f t="shared" si="0"/><v>30</v></c></row>' +
      `</sheetData><legacyDrawing r:id="rId1"/></worksheet>`,
  );
  zip.file(
    "xl/worksheets/_rels/sheet2.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId2" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/comments1.xml",
    `<comments ${NS}><authors><author>Sam</author></authors><commentList><comment ref="A1" authorId="0"><text><t>Check this</t></text></comment></commentList></comments>`,
  );
  zip.file("xl/drawings/vmlDrawing1.vml", '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1025"/></xml>');
  zip.file("xl/pivotTables/pivotTable1.xml", `<pivotTableDefinition ${NS} name="PivotTable1" cacheId="1"/>`);
  zip.file("xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 1, 2, 3]));
  zip.file("xl/workbook.xml", workbook);
  zip.file("xl/_rels/workbook.xml.rels", rels);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function opened(bytes: Uint8Array) {
  const hf = createEngine();
  const file = await openXlsx(hf, bytes.slice().buffer);
  return new WorkbookStore(hf, {
    plans: file.plans,
    typedFormats: file.cellFormats,
    settings: file.settings,
    source: openedSource(hf, bytes),
  });
}

async function contents(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) out.set(name, Buffer.from(await zip.file(name)!.async("uint8array")).toString("latin1"));
  return out;
}

async function download(store: WorkbookStore): Promise<Uint8Array> {
  const blob = await workbookToXlsx(store.hf, store.plans, store.settings, undefined, store.typedFormats, store.source);
  return new Uint8Array(await blob.arrayBuffer());
}

describe("the workbench's download of an opened .xlsx (lossless)", () => {
  test("unchanged, it gives back every part with the same content", async () => {
    const original = await dealBook();
    const store = await opened(original);
    const before = await contents(original);
    const after = await contents(await download(store));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, text] of before) expect({ name, same: after.get(name) === text }).toEqual({ name, same: true });
  });

  test("edits land in their cells; every part the engine does not compute keeps its content", async () => {
    const original = await dealBook();
    const store = await opened(original);
    store.activateSheet("Notes");
    store.setCell({ row: 0, col: 0 }, "5"); // A1: B1's shared formula recomputes
    store.setCell({ row: 0, col: 1 }, "=A1+1"); // the shared group's first cell
    store.setCell({ row: 4, col: 2 }, "new text"); // C5, a new row
    store.setCell({ row: 2, col: 0 }, ""); // A3 cleared
    const bytes = await download(store);
    const before = await contents(original);
    const after = await contents(bytes);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...before].filter(([name, text]) => after.get(name) !== text).map(([name]) => name);
    expect(changed).toEqual(["xl/worksheets/sheet2.xml"]);

    const notes = after.get("xl/worksheets/sheet2.xml")!;
    expect(notes).toContain('<c r="A1"><v>5</v></c>');
    expect(notes).toContain('<c r="B1" s="1"><f>A1+1</f><v>6</v></c>');
    expect(notes).toContain('<c r="B2" s="1"><f>A2*10</f><v>20</v></c>');
    expect(notes).toContain('<c r="B3" s="1"><f>A3*10</f><v>0</v></c>');
    expect(notes).toContain('<row r="5"><c r="C5" t="inlineStr"><is><t xml:space="preserve">new text</t></is></c></row>');
    expect(notes).not.toContain('<c r="A3">');
    expect(notes).toContain('<legacyDrawing r:id="rId1"/>');
    // The file opens again with the user's values.
    const again = await opened(bytes);
    const id = again.hf.getSheetId("Notes")!;
    const value = (row: number, col: number) => again.hf.getCellValue({ sheet: id, row, col });
    expect([value(0, 0), value(0, 1), value(1, 1), value(2, 1), value(4, 2)]).toEqual([5, 6, 20, 0, "new text"]);
  });

  test("a wizard's new sheet is added with its cells and chart, its settings saved; a renamed and a deleted sheet follow", async () => {
    const original = await dealBook();
    const store = await opened(original);
    const host = createEngineHost(store.engineWorkbook());
    await host.apply(
      buildQualificationPlan({
        partners: ["Acme", "Globex"],
        ratings: [
          [5, 4, 3, 2, 1],
          [1, 1, 1, 1, 1],
        ],
      }).plan,
    );
    expect(store.renameSheet("Notes", "Notes 2025")).toBeNull();
    const dealSheet = store.hf.getSheetNames().find((name) => name !== "Notes 2025" && name !== "Qualification")!;
    const bytes = await download(store);
    const after = await contents(bytes);
    const workbook = after.get("xl/workbook.xml")!;
    expect(workbook).toContain('name="Notes 2025"');
    expect(workbook).toContain('name="Qualification"');
    expect([...(await readXlsxSettings(bytes))]).toEqual([...store.settings]);
    const model = await readXlsx(bytes);
    expect(model.sheets.map((s) => s.name)).toEqual([dealSheet, "Notes 2025", "Qualification"]);
    const again = await opened(bytes);
    const { layout } = buildQualificationPlan({ partners: ["Acme", "Globex"] });
    const partner = again.hf.getCellValue({ sheet: again.hf.getSheetId("Qualification")!, row: layout.firstDataRow, col: 0 });
    expect(partner).toBe("Acme");
    // The new sheet's chart is a chart part of its own beside the deal's.
    expect([...after.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);

    expect(store.deleteSheet("Notes 2025")).toBeNull();
    const without = await contents(await download(store));
    // The deleted sheet's part and relationships are gone (its part number may be taken by the new sheet).
    expect(without.get("xl/workbook.xml")).not.toContain("Notes 2025");
    expect(without.get("xl/worksheets/_rels/sheet2.xml.rels") ?? "").not.toMatch(/comments|vmlDrawing/);
    expect(without.get("xl/worksheets/sheet2.xml") ?? "").not.toContain("legacyDrawing");
    const sheetsLeft = (without.get("xl/workbook.xml")!.match(/<sheet /g) ?? []).length;
    expect((without.get("[Content_Types].xml")!.match(/worksheet\+xml/g) ?? []).length).toBe(sheetsLeft);
    expect((without.get("xl/_rels/workbook.xml.rels")!.match(/relationships\/worksheet"/g) ?? []).length).toBe(sheetsLeft);
    // Parts nobody points at any more stay: removing them is not the download's business.
    expect(without.get("xl/comments1.xml")).toBe(after.get("xl/comments1.xml"));
  });

  test("after a reload from the browser's storage the download is still lossless", async () => {
    const original = await dealBook();
    const store = await opened(original);
    expect(store.renameSheet("Notes", "Notes 2025")).toBeNull();
    // IndexedDB keeps the structured clone of the saved workbook (bytes included).
    const stored = structuredClone(savedWorkbookOf(store.hf, store.sideState()));
    const hf = createEngine();
    const restored = restoreSavedWorkbook(hf, stored)!;
    const again = new WorkbookStore(hf, restored);
    again.activateSheet("Notes 2025");
    again.setCell({ row: 0, col: 0 }, "7");
    const before = await contents(original);
    const after = await contents(await download(again));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...before].filter(([name, text]) => after.get(name) !== text).map(([name]) => name);
    expect(changed.sort()).toEqual(["xl/workbook.xml", "xl/worksheets/sheet2.xml"]);
    expect(after.get("xl/worksheets/sheet2.xml")).toContain('<c r="A1"><v>7</v></c>');
    expect(after.get("xl/workbook.xml")).toContain('name="Notes 2025"');
  });

  test("a format typing implies (30% → 0%) is added to the styles and given to the cell", async () => {
    const original = await dealBook();
    const store = await opened(original);
    store.activateSheet("Notes");
    store.setCell({ row: 5, col: 0 }, "30%");
    const after = await contents(await download(store));
    const cell = /<c r="A6" s="(\d+)"><v>0.3<\/v><\/c>/.exec(after.get("xl/worksheets/sheet2.xml")!);
    expect(cell).not.toBeNull();
    const xfs = [...after.get("xl/styles.xml")!.matchAll(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/g)][0][1].match(/<xf\b[^>]*/g)!;
    expect(xfs[Number(cell![1])]).toContain('numFmtId="9"');
    const again = await opened(await download(store));
    expect(again.typedFormats.get("Notes")?.get("5:0")).toBe("0%");
  });

  test("a sheet renamed to the name of a deleted one keeps its own contents", async () => {
    const store = await opened(await dealBook());
    const deal = store.hf.getSheetNames().find((name) => name !== "Notes")!;
    expect(store.deleteSheet("Notes")).toBeNull();
    expect(store.renameSheet(deal, "Notes")).toBeNull();
    const again = await opened(await download(store));
    expect(again.hf.getSheetNames()).toEqual(["Notes"]);
    const id = again.hf.getSheetId("Notes")!;
    expect(again.hf.getCellValue({ sheet: id, row: 0, col: 0 })).toBe(
      store.hf.getCellValue({ sheet: store.hf.getSheetId("Notes")!, row: 0, col: 0 }),
    );
    expect(again.hf.getCellValue({ sheet: id, row: 0, col: 0 })).toMatch(/^Deal model/);
  });
});
