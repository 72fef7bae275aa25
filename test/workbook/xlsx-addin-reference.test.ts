import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createEngine } from "../../src/engine";
import { addinFunctionIds } from "../../src/core/file-formula";
import { applyPlanToEngine, engineValueReader } from "../../src/workbook/appliers/engine";
import { readXlsxSettings, writePlanToXlsx } from "../../src/workbook/appliers/xlsx";
import { buildCharterPlan } from "../../src/workbook/models/charter";
import { buildDealPlan } from "../../src/workbook/models/deal";
import { buildQualificationPlan, QUALIFICATION_SETTINGS_KEY } from "../../src/workbook/models/qualification";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { settingsFromWebExtension } from "../../src/workbook/xlsx-package/addin-reference";
import { EXCEL_SHAPE, excelStructureProblems, partsOf, type Parts } from "./excel-addin-structure";

const example = (name: string) => JSON.parse(readFileSync(join(__dirname, "..", "..", "docs", "examples", name), "utf8"));

async function written(plan: WorkbookPlan, store?: { store: string; storeType: string; id?: string }) {
  const hf = createEngine();
  const applied = applyPlanToEngine(hf, plan);
  const bytes = await writePlanToXlsx(plan, engineValueReader(hf, applied), {
    store,
    instanceId: "{11111111-2222-3333-4444-555555555555}",
  });
  return { bytes, parts: await partsOf(bytes) };
}

function calledIds(plan: WorkbookPlan): string[] {
  const ids = plan.sheets.flatMap((s) =>
    s.blocks.flatMap((b) => b.cells.flat().flatMap((c) => (c.kind === "formula" ? addinFunctionIds(c.formula) : []))),
  );
  return [...new Set(ids)];
}

/** The Excel-saved workbook's add-in parts, as read from it (CONTOSO.ADD and CONTOSO.GET on sheet "Correct"). */
function excelSavedParts(): Parts {
  const r = EXCEL_SHAPE;
  return new Map([
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/metadata.xml" ContentType="${r.overrides["/xl/metadata.xml"]}"/><Override PartName="/xl/webextensions/taskpanes.xml" ContentType="${r.overrides["/xl/webextensions/taskpanes.xml"]}"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="${r.overrides["/xl/webextensions/webextension1.xml"]}"/></Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${r.rootRelationship.type}" Target="${r.rootRelationship.target}"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Correct" sheetId="3" r:id="rId3"/></sheets><calcPr calcId="191029"/></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId6" Type="${r.metadataRelationship.type}" Target="metadata.xml"/></Relationships>`,
    ],
    [
      "xl/worksheets/sheet3.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1" spans="1:2"><c r="A1" cm="1"><f t="array" ref="A1">_xldudf_CONTOSO_ADD(1,2)</f><v>3</v></c><c r="B1" t="str" cm="1"><f t="array" ref="B1">_xldudf_CONTOSO_GET("test")</f><v>test</v></c></row></sheetData></worksheet>`,
    ],
    [
      "xl/metadata.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" xmlns:xda="${r.namespaces.dynamicArray[1]}"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
    ],
    [
      "xl/webextensions/taskpanes.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="${r.namespaces.taskpanes[1]}"><wetp:taskpane dockstate="right" visibility="0" width="0" row="0"><wetp:webextensionref xmlns:r="${r.namespaces.relationships[1]}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
    ],
    [
      "xl/webextensions/_rels/taskpanes.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${r.taskpanesRelationship.type}" Target="${r.taskpanesRelationship.target}"/></Relationships>`,
    ],
    [
      "xl/webextensions/webextension1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="${r.namespaces.webExtension[1]}" id="{88C9DF49-DEB8-0D4E-B730-E4053453480D}"><we:reference id="00000000-0000-0000-0000-000000000001" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties/><we:bindings/><we:snapshot xmlns:r="${r.namespaces.relationships[1]}"/><we:extLst><a:ext xmlns:a="${r.namespaces.drawing[1]}" uri="${r.customFunctionListUri}"><we:customFunctionIdList><we:customFunctionIds>_xldudf_CONTOSO_ADD</we:customFunctionIds><we:customFunctionIds>_xldudf_CONTOSO_GET</we:customFunctionIds></we:customFunctionIdList></a:ext></we:extLst></we:webextension>`,
    ],
  ]);
}

describe("files carry the add-in reference as Excel writes it", () => {
  test("the checker accepts the structure of the workbook Excel saved", () => {
    expect(excelStructureProblems(excelSavedParts(), ["_xldudf_CONTOSO_ADD", "_xldudf_CONTOSO_GET"])).toEqual([]);
  });

  const models: [string, () => WorkbookPlan][] = [
    ["qualification", () => buildQualificationPlan({ partners: ["Acme", "Globex"], ratings: [[5, 4, 3, 2, 1]] }).plan],
    ["deal", () => buildDealPlan(example("deal.json")).plan],
    ["charter", () => buildCharterPlan(example("charter.json")).plan],
  ];

  test.each(models)(
    "%s: same parts, relationships, content types and namespaces; exactly the PE functions it calls",
    async (_, build) => {
      const plan = build();
      const { parts } = await written(plan);
      const ids = calledIds(plan);
      expect(ids.length).toBeGreaterThan(0);
      expect(excelStructureProblems(parts, ids)).toEqual([]);
      const sheets = [...parts.keys()].filter((p) => p.startsWith("xl/worksheets/sheet"));
      expect(sheets).toHaveLength(plan.sheets.length);
    },
  );

  test("reference: the manifest's id and version, sideloaded by default, the pane opens with the file", async () => {
    const { parts } = await written(buildQualificationPlan({ partners: ["Acme"] }).plan);
    const xml = parts.get("xl/webextensions/webextension1.xml")!;
    expect(xml).toContain(
      '<we:reference id="3df9512d-853e-4a85-9fc1-2c3bda582889" version="0.1.0.0" store="developer" storeType="Registry"/>',
    );
    expect(xml).toContain('<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>');
    expect(xml).toContain('id="{11111111-2222-3333-4444-555555555555}"');
    expect(parts.get("xl/webextensions/taskpanes.xml")).toContain('visibility="1"');
  });

  test("a catalog or AppSource deployment is named in the reference", async () => {
    const { parts } = await written(buildQualificationPlan({ partners: ["Acme"] }).plan, {
      store: "en-us",
      storeType: "OMEX",
      id: "WA104380000",
    });
    expect(parts.get("xl/webextensions/webextension1.xml")).toContain(
      '<we:reference id="WA104380000" version="0.1.0.0" store="en-us" storeType="OMEX"/>',
    );
  });

  test("the wizard's saved inputs are document settings, JSON as Office.js keeps them", async () => {
    const plan = buildQualificationPlan({ partners: ["Acme"] }).plan;
    const { bytes, parts } = await written(plan);
    const json = plan.settings.find((s) => s.key === QUALIFICATION_SETTINGS_KEY)!.json;
    const xml = parts.get("xl/webextensions/webextension1.xml")!;
    expect(xml).toContain(`<we:property name="${QUALIFICATION_SETTINGS_KEY}" value="&quot;`);
    expect(settingsFromWebExtension(xml).get(QUALIFICATION_SETTINGS_KEY)).toBe(json);
    expect((await readXlsxSettings(bytes)).get(QUALIFICATION_SETTINGS_KEY)).toBe(json);
  });

  const removals: [string, (parts: Parts) => void, RegExp][] = [
    [
      "the root relationship",
      (p) => p.set("_rels/.rels", p.get("_rels/.rels")!.replace(/<Relationship [^>]*webextensiontaskpanes[^>]*\/>/, "")),
      /task panes/,
    ],
    ["the taskpanes relationship", (p) => p.delete("xl/webextensions/_rels/taskpanes.xml.rels"), /web extension/],
    [
      "the metadata relationship",
      (p) =>
        p.set(
          "xl/_rels/workbook.xml.rels",
          p.get("xl/_rels/workbook.xml.rels")!.replace(/<Relationship [^>]*sheetMetadata[^>]*\/>/, ""),
        ),
      /metadata/,
    ],
    [
      "a content-type override",
      (p) =>
        p.set(
          "[Content_Types].xml",
          p.get("[Content_Types].xml")!.replace(/<Override PartName="\/xl\/webextensions\/webextension1.xml"[^>]*\/>/, ""),
        ),
      /Content_Types/,
    ],
    [
      "the we namespace",
      (p) =>
        p.set(
          "xl/webextensions/webextension1.xml",
          p.get("xl/webextensions/webextension1.xml")!.replace(/ xmlns:we="[^"]*"/, ""),
        ),
      /namespace we/,
    ],
    [
      "the wetp namespace",
      (p) => p.set("xl/webextensions/taskpanes.xml", p.get("xl/webextensions/taskpanes.xml")!.replace(/ xmlns:wetp="[^"]*"/, "")),
      /namespace wetp/,
    ],
    [
      "the a namespace",
      (p) =>
        p.set("xl/webextensions/webextension1.xml", p.get("xl/webextensions/webextension1.xml")!.replace(/ xmlns:a="[^"]*"/, "")),
      /namespace a/,
    ],
    [
      "the xda namespace",
      (p) => p.set("xl/metadata.xml", p.get("xl/metadata.xml")!.replace(/ xmlns:xda="[^"]*"/, "")),
      /namespace xda/,
    ],
    [
      "a function id",
      (p) =>
        p.set(
          "xl/webextensions/webextension1.xml",
          p.get("xl/webextensions/webextension1.xml")!.replace(/<we:customFunctionIds>[^<]*<\/we:customFunctionIds>/, ""),
        ),
      /custom functions/,
    ],
    [
      "the dynamic-array cell metadata",
      (p) => p.set("xl/worksheets/sheet1.xml", p.get("xl/worksheets/sheet1.xml")!.replace(/ cm="1"/, "")),
      /dynamic-array/,
    ],
  ];

  test.each(removals)("the check fails without %s", async (_, remove, problem) => {
    const plan = buildQualificationPlan({ partners: ["Acme"] }).plan;
    const { parts } = await written(plan);
    remove(parts);
    expect(excelStructureProblems(parts, calledIds(plan)).join("\n")).toMatch(problem);
  });
});
