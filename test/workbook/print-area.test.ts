import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writePlanToXlsx } from "../../src/workbook/appliers/xlsx";
import { buildCharterPlan } from "../../src/workbook/models/charter";
import { buildDealPlan } from "../../src/workbook/models/deal";
import { printAreaForExcelJs } from "../../src/workbook/print-area";

/**
 * Issue 9 item 7: print areas are written absolute, as Excel writes them ('Charter'!$A$1:$D$80,
 * never $A1:$D80). The plan keeps plain A1 text; each applier writes it absolute (the Office
 * applier through absoluteAddress, the .xlsx writer here).
 */
async function definedNames(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  return [...workbookXml.matchAll(/<definedName [^>]*name="_xlnm\.Print_Area"[^>]*>([^<]*)<\/definedName>/g)].map((m) =>
    m[1].replace(/&apos;/g, "'").replace(/&amp;/g, "&"),
  );
}

describe("print areas in .xlsx files", () => {
  test("the charter's print area is absolute on both ends", async () => {
    const { plan, layout } = buildCharterPlan({ exitCriteria: ["Three quarters below target"] });
    const lastRow = layout.printArea.split(":")[1].replace(/[A-Z]/g, "");
    expect(await definedNames(await writePlanToXlsx(plan))).toEqual([`'Charter'!$A$1:$D$${lastRow}`]);
  });

  test("so is the deal model's", async () => {
    const { plan } = buildDealPlan({ termYears: 3, revenue: [1000, 2000, 3000] });
    const [area] = await definedNames(await writePlanToXlsx(plan));
    expect(area).toMatch(/^'[^']+'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
  });

  test("ExcelJS reads the absolute print area back as the plan's range", async () => {
    const { plan, layout } = buildCharterPlan({ exitCriteria: ["Three quarters below target"] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writePlanToXlsx(plan)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Charter")!.pageSetup.printArea).toBe(layout.printArea);
  });

  test.each([
    ["A1:D80", "A$1:D$80"],
    ["$A$1:$D$80", "A$1:D$80"],
    ["B3", "B$3:B$3"],
  ])("ExcelJS gets %s as %s (it adds the column's $ itself)", (area, forExcelJs) => {
    expect(printAreaForExcelJs(area)).toBe(forExcelJs);
  });
});
