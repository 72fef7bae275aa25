import { formatGeneral, formatNumber } from "../../src/workbench/grid/number-format";
import { displayOf } from "../../src/workbench/grid/cell-display";

describe("formatNumber (ssf, Excel's format codes)", () => {
  it.each([
    [83.3333333, "0.0", "83.3"],
    [100, "0.0", "100.0"],
    [2.5, "0", "3"],
    // Excel keeps the decimal point when "0.##" has no decimals to show: 30 shows as "30.".
    [30, "0.##", "30."],
    [12.345, "0.##", "12.35"],
    [100, '0.##"%"', "100.%"],
    [46096, "yyyy-mm-dd", "2026-03-15"],
    [1200, '"$"#,##0', "$1,200"],
    [-1200, '"$"#,##0;("$"#,##0)', "($1,200)"],
    [0.305, "0%", "31%"],
    [0.305, "0.0%", "30.5%"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [-0.04, "0.0", "0.0"],
    [5, "@", "5"],
  ])("%p in %p shows as %p", (value, code, shown) => {
    expect(formatNumber(value, code)).toBe(shown);
  });

  it("shows General with at most ten significant digits, integers whole", () => {
    expect(formatGeneral(83.33333333333333)).toBe("83.33333333");
    expect(formatGeneral(120000)).toBe("120000");
    expect(formatGeneral(0.1 + 0.2)).toBe("0.3");
  });
});

describe("displayOf", () => {
  it("shows engine errors by code with their message as the tooltip", () => {
    expect(displayOf({ value: "#NUM!", message: "rating 2 is 9, above the top of the scale (5)" })).toEqual({
      text: "#NUM!",
      kind: "error",
      title: "#NUM! rating 2 is 9, above the top of the scale (5)",
    });
  });

  it("tells blanks, text, numbers and booleans apart", () => {
    expect(displayOf(null).kind).toBe("blank");
    expect(displayOf("=1+1")).toEqual({ text: "=1+1", kind: "text" });
    expect(displayOf(4.25, "0.0")).toEqual({ text: "4.3", kind: "number" });
    expect(displayOf(false)).toEqual({ text: "FALSE", kind: "boolean" });
  });
});
