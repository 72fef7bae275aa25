import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { createEngine } from "../../src/engine";
import { applyPlanToEngine, engineValueReader } from "../../src/workbook/appliers/engine";
import { writePlanToXlsx } from "../../src/workbook/appliers/xlsx";
import { buildDealPlan } from "../../src/workbook/models/deal";
import { emptyPlan, formula, num, text, type ChartType, type WorkbookPlan } from "../../src/workbook/plan";
import { relationshipsOf, relsPartOf, resolveTarget } from "../../src/workbook/xlsx-package/package-parts";
import { schemaOrderProblems } from "./chart-schema-order";

/** A sheet "Sales & Costs" (a name that must be quoted) with one chart of each kind over the same table. */
function chartsPlan(types: ChartType[] = ["columnClustered", "barClustered", "line", "pie"]): WorkbookPlan {
  const plan = emptyPlan("chart test");
  plan.sheets.push({
    name: "Sales & Costs",
    blocks: [
      {
        at: "A1",
        cells: [
          [text("Quarter"), text("Sales"), text("Costs")],
          [text("Q1"), num(100), formula("=B2*0.4")],
          [text("Q2"), num(150), formula("=B3*0.4")],
          [text("Q3 <&>"), num(90), formula("=B4*0.4")],
        ],
      },
    ],
    numberFormats: [{ range: "B2:C4", format: '"$"#,##0' }],
    charts: types.map((type, i) => ({
      type,
      source: "A1:C4",
      title: `${type} chart`,
      from: `E${1 + i * 16}`,
      to: `L${14 + i * 16}`,
    })),
  });
  plan.sheets.push({ name: "Other", blocks: [{ at: "A1", cells: [[text("no charts here")]] }] });
  return plan;
}

async function write(plan: WorkbookPlan): Promise<{ bytes: Buffer; zip: JSZip }> {
  const hf = createEngine();
  const applied = applyPlanToEngine(hf, plan);
  const bytes = await writePlanToXlsx(plan, engineValueReader(hf, applied));
  return { bytes, zip: await JSZip.loadAsync(bytes) };
}

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async("string");
}

/** The worksheet part of sheet `name`, through the workbook's relationships. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = await part(zip, "xl/workbook.xml");
  const id = new RegExp(`<sheet [^>]*name="${name.replace(/&/g, "&amp;")}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rel = relationshipsOf(await part(zip, "xl/_rels/workbook.xml.rels")).find((r) => r.id === id)!;
  return resolveTarget("xl/workbook.xml", rel.target);
}

async function followRelationship(zip: JSZip, from: string, id: string, type: string): Promise<string> {
  const rel = relationshipsOf(await part(zip, relsPartOf(from))).find((r) => r.id === id);
  expect(rel?.type).toBe(type);
  const target = resolveTarget(from, rel!.target);
  expect(zip.file(target)).not.toBeNull();
  return target;
}

describe("charts in written .xlsx files", () => {
  test("each chart is a DrawingML part reached from its sheet through resolving relationships, with content types", async () => {
    const { zip } = await write(chartsPlan());
    const sheet = await sheetPart(zip, "Sales & Costs");
    const sheetXml = await part(zip, sheet);
    const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)![1];
    const drawing = await followRelationship(
      zip,
      sheet,
      drawingId,
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
    );
    const drawingXml = await part(zip, drawing);
    const chartIds = [...drawingXml.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(chartIds).toHaveLength(4);
    const charts: string[] = [];
    for (const id of chartIds)
      charts.push(
        await followRelationship(zip, drawing, id, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"),
      );
    expect(new Set(charts).size).toBe(4);

    const types = await part(zip, "[Content_Types].xml");
    expect(types).toContain(
      `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    );
    for (const chart of charts)
      expect(types).toContain(
        `<Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
    // The sheet without charts gets no drawing.
    expect(await part(zip, await sheetPart(zip, "Other"))).not.toContain("<drawing");
  });

  test("parts are well-formed and every element we write is in its schema order", async () => {
    const { zip } = await write(chartsPlan());
    const names = Object.keys(zip.files).filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n));
    expect(names.length).toBe(5);
    for (const name of names)
      expect({ name, problems: schemaOrderProblems(await part(zip, name)) }).toEqual({ name, problems: [] });
    const sheet = await part(zip, await sheetPart(zip, "Sales & Costs"));
    expect(schemaOrderProblems(sheet, true)).toEqual([]);
    // The check itself catches what Excel refuses: an element out of order.
    expect(
      schemaOrderProblems(sheet.replace(/<drawing [^>]*\/>/, "").replace("<sheetData", '<drawing r:id="x"/><sheetData'), true),
    ).not.toEqual([]);
  });

  test("series name their cells and carry the cached values, texts escaped and formats kept", async () => {
    const { zip } = await write(chartsPlan(["columnClustered", "pie"]));
    const column = await part(zip, "xl/charts/chart1.xml");
    expect(column).toContain('<c:barDir val="col"/>');
    expect(column).toContain("<c:f>'Sales &amp; Costs'!$A$2:$A$4</c:f>");
    expect(column).toContain("<c:f>'Sales &amp; Costs'!$B$1</c:f>");
    expect(column).toContain("<c:f>'Sales &amp; Costs'!$C$2:$C$4</c:f>");
    expect(column).toContain('<c:pt idx="2"><c:v>Q3 &lt;&amp;&gt;</c:v></c:pt>');
    // Costs are formulas: their cached values are the engine's.
    expect(column).toContain(
      '<c:ptCount val="3"/><c:pt idx="0"><c:v>40</c:v></c:pt><c:pt idx="1"><c:v>60</c:v></c:pt><c:pt idx="2"><c:v>36</c:v></c:pt>',
    );
    expect(column).toContain('<c:formatCode>"$"#,##0</c:formatCode>');
    expect(column).toContain("<a:t>columnClustered chart</a:t>");
    expect(column.match(/<c:ser>/g)).toHaveLength(2);
    const pie = await part(zip, "xl/charts/chart2.xml");
    expect(pie).toContain("<c:pieChart>");
    expect(pie.match(/<c:ser>/g)).toHaveLength(1);
    expect(pie).not.toContain("<c:catAx>");
    // Anchored over the planned cells: E17 to the far corner of L30.
    const drawing = await part(zip, "xl/drawings/drawing1.xml");
    expect(drawing).toContain(
      "<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>30</xdr:row>",
    );
  });

  test("the deal model's chart is written with the file (as pe-calc new deal writes it)", async () => {
    const example = JSON.parse(readFileSync(join(__dirname, "..", "..", "docs", "examples", "deal.json"), "utf8"));
    const { plan } = buildDealPlan(example);
    expect(plan.sheets.some((s) => (s.charts ?? []).length > 0)).toBe(true);
    const { zip } = await write(plan);
    const chart = await part(zip, "xl/charts/chart1.xml");
    expect(chart).toContain("<c:barChart>");
    expect(schemaOrderProblems(chart)).toEqual([]);
    expect(chart).toMatch(/<c:numCache>.*<c:pt idx="0"><c:v>[0-9.]+<\/c:v><\/c:pt>/);
  });

  const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((path) => existsSync(path));
  (soffice ? test : test.skip)(
    "LibreOffice opens the file without error and keeps the charts when it saves it again",
    async () => {
      const { bytes } = await write(chartsPlan());
      const dir = mkdtempSync(join(tmpdir(), "pe-charts-"));
      try {
        writeFileSync(join(dir, "in.xlsx"), bytes);
        const out = join(dir, "out");
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${join(dir, "profile")}`,
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            out,
            join(dir, "in.xlsx"),
          ],
          { stdio: "pipe", timeout: 120_000 },
        );
        const reread = await JSZip.loadAsync(readFileSync(join(out, "in.xlsx")));
        const charts = Object.keys(reread.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
        expect(charts).toHaveLength(4);
        const all = (await Promise.all(charts.map((n) => part(reread, n)))).join("");
        for (const kind of ["c:barChart", "c:lineChart", "c:pieChart"]) expect(all).toContain(`<${kind}>`);
        expect(all).toContain("Sales &amp; Costs");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
