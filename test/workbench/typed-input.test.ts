import { dateSerial, parseTyped } from "../../src/workbench/grid/typed-input";

describe("parseTyped reads typing as Excel (en-US) does", () => {
  it.each([
    ["500,000", undefined, { kind: "number", value: 500000, format: "#,##0" }],
    ["30%", undefined, { kind: "number", value: 0.3, format: "0%" }],
    ["12.5%", undefined, { kind: "number", value: 0.125, format: "0.00%" }],
    ["$1,200", undefined, { kind: "number", value: 1200, format: '"$"#,##0' }],
    ["-$1,200.50", undefined, { kind: "number", value: -1200.5, format: '"$"#,##0.00' }],
    ["(1,200)", undefined, { kind: "number", value: -1200, format: "#,##0" }],
    ["1e3", undefined, { kind: "number", value: 1000 }],
    ["2026-03-15", undefined, { kind: "number", value: 46096, format: "m/d/yyyy" }],
    ["3/15/2026", undefined, { kind: "number", value: 46096, format: "m/d/yyyy" }],
    ["15-Mar-2026", undefined, { kind: "number", value: 46096, format: "m/d/yyyy" }],
    ["2026-03-15", "yyyy-mm-dd", { kind: "number", value: 46096 }],
    ["500,000", '"$"#,##0', { kind: "number", value: 500000 }],
  ])("%p in a cell formatted %p", (typed, format, expected) => {
    expect(parseTyped(typed, format)).toEqual(expected);
  });

  it("keeps text text: thousands groups that are not groups of three, words, a quote prefix, a Text-formatted cell", () => {
    expect(parseTyped("1,2")).toEqual({ kind: "text", text: "1,2" });
    expect(parseTyped("marginal")).toEqual({ kind: "text", text: "marginal" });
    expect(parseTyped("'=1+1")).toEqual({ kind: "text", text: "=1+1" });
    expect(parseTyped("=1+1", "@")).toEqual({ kind: "text", text: "=1+1" });
    expect(parseTyped("2/30/2026")).toEqual({ kind: "text", text: "2/30/2026" });
  });

  it("reads formulas, Excel's +/- formula starts, booleans and blanks", () => {
    expect(parseTyped("=SUM(A1:A3)")).toEqual({ kind: "formula", formula: "=SUM(A1:A3)" });
    expect(parseTyped("-A1")).toEqual({ kind: "formula", formula: "=-A1" });
    expect(parseTyped("-5")).toEqual({ kind: "number", value: -5 });
    expect(parseTyped("true")).toEqual({ kind: "boolean", value: true });
    expect(parseTyped("")).toEqual({ kind: "blank" });
  });

  it("applies automatic percent entry in a Percentage cell (KB 215203): 30 → 30%, .3 → 30%, 0.3 → 0.3%", () => {
    expect(parseTyped("30", "0%")).toEqual({ kind: "number", value: 0.3 });
    expect(parseTyped(".3", "0.0%")).toEqual({ kind: "number", value: 0.3 });
    expect(parseTyped("0.3", "0%")).toEqual({ kind: "number", value: 0.003 });
    expect(parseTyped("30%", "0%")).toEqual({ kind: "number", value: 0.3 });
  });

  it("counts date serials from Excel's epoch and refuses dates that do not exist", () => {
    expect(dateSerial(1900, 3, 1)).toBe(61);
    expect(dateSerial(2026, 2, 29)).toBeUndefined();
  });
});
