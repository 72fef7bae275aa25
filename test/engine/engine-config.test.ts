import { sheetEngine } from "./engine-helpers";

/** The engine configuration is chosen so that formulas behave as in Excel 365; these pin why. */
describe("engine configuration", () => {
  it("evaluates Excel 365 array formulas element by element (useArrayArithmetic)", () => {
    const { value, values } = sheetEngine([
      [100, 150, "=SUMPRODUCT((A1:A3>B1)*(A1:A3-B1))", "=SUM((A1:A3>100)*1)", "=A1:A3*2"],
      [200],
      [300],
    ]);
    expect(value("C1")).toBe(200);
    expect(value("D1")).toBe(2);
    expect(values("E1:E3")).toEqual([[200], [400], [600]]);
  });

  it("keeps full double precision in results (smartRounding off)", () => {
    const { value } = sheetEngine([["=0.1+0.2"]]);
    expect(value("A1")).toBe(0.30000000000000004);
  });

  it("reads numbers typed as percentages in referenced cells as fractions", () => {
    const { value } = sheetEngine([["30%", "=PE.REFERRAL_FEE(1000,A1)"]]);
    expect(value("B1")).toBeCloseTo(300, 9);
  });

  it("sizes a spill over whole-column references by the rows in use", () => {
    const { values } = sheetEngine([
      [90, "=PE.TIER(A:A)"],
      [40, null],
    ]);
    expect(values("B1:B2")).toEqual([["Tier 1"], ["Not qualified"]]);
  });
});
