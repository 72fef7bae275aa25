import { createEngine } from "../../src/engine";
import { SheetFormats, shiftRelativeReferences } from "../../src/workbench/grid/sheet-formats";
import type { SheetPlan } from "../../src/workbook/plan";

describe("shiftRelativeReferences", () => {
  it("moves relative references as Excel moves a conditional format's formula, and keeps absolute parts", () => {
    expect(shiftRelativeReferences('=LEFT(K10,7)="Missing"', 2, 0)).toBe('=LEFT(K12,7)="Missing"');
    expect(shiftRelativeReferences("=$A1+B$2+$C$3", 1, 1)).toBe("=$A2+C$2+$C$3");
  });

  it("leaves names, functions, text and sheet-qualified words alone", () => {
    expect(shiftRelativeReferences('=Qual2_Weights+LOG10(A1)+"B2"', 1, 0)).toBe('=Qual2_Weights+LOG10(A2)+"B2"');
  });

  it("gives #REF! for a reference moved off the sheet", () => {
    expect(shiftRelativeReferences("=A1", -1, 0)).toBe("=#REF!");
  });

  it("names columns past Excel's XFD, which the engine's sheets still have", () => {
    expect(shiftRelativeReferences("=XFD1+Z1", 0, 1)).toBe("=XFE1+AA1");
  });
});

describe("SheetFormats", () => {
  const sheet: SheetPlan = {
    name: "Q",
    blocks: [],
    tables: [{ name: "T", range: "A3:B6", columns: ["Partner", "Tier"], showBandedRows: true }],
    numberFormats: [{ range: "B4:B6", format: "0.0" }],
    cellStyles: [{ range: "A1", bold: true, fill: "#FFF2CC" }],
    conditionalFormats: [
      { range: "B4:B6", rule: { kind: "equals", value: "tier 1" }, format: { fill: "#C6EFCE" } },
      { range: "A4:A6", rule: { kind: "formula", formula: '=LEFT(A4,1)="X"' }, format: { fill: "#FFC7CE" } },
    ],
    columnWidths: [{ column: "A", width: 28 }],
  };
  const formats = new SheetFormats([sheet]);

  it("dresses header rows, banded rows, styles and number formats like Excel's table style", () => {
    expect(formats.look({ row: 2, col: 0 })).toMatchObject({ bold: true, fill: "#4472C4", fontColor: "#FFFFFF" });
    expect(formats.look({ row: 3, col: 0 }).fill).toBeUndefined();
    expect(formats.look({ row: 4, col: 0 }).fill).toBe("#D9E1F2");
    expect(formats.look({ row: 5, col: 1 }).numberFormat).toBe("0.0");
    expect(formats.look({ row: 0, col: 0 })).toMatchObject({ bold: true, fill: "#FFF2CC" });
    expect(formats.columnWidthPx(0)).toBe(201);
    expect(formats.columnWidthPx(1)).toBeUndefined();
  });

  it("applies equality rules ignoring case and formula rules through the engine, per cell", () => {
    const hf = createEngine();
    hf.addSheet("Q");
    hf.setCellContents({ sheet: 0, row: 3, col: 0 }, [["Xeno"], ["Acme"]]);
    expect(formats.conditionalLook({ row: 3, col: 1 }, "Tier 1", hf, 0)).toEqual({ fill: "#C6EFCE" });
    expect(formats.conditionalLook({ row: 3, col: 1 }, "Tier 2", hf, 0)).toBeUndefined();
    expect(formats.conditionalLook({ row: 3, col: 0 }, "Xeno", hf, 0)).toEqual({ fill: "#FFC7CE" });
    expect(formats.conditionalLook({ row: 4, col: 0 }, "Acme", hf, 0)).toBeUndefined();
  });
});
