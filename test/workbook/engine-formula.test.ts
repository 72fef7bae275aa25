import { createEngine } from "../../src/engine";
import { applyPlanToEngine } from "../../src/workbook/appliers/engine";
import { toEngineFormula } from "../../src/core/excel-formula";
import { emptyPlan, formula, num } from "../../src/workbook/plan";

describe("toEngineFormula", () => {
  test("turns TRUE/FALSE literals into the engine's functions, leaving calls, strings and sheet names alone", () => {
    expect(toEngineFormula('=IF(A1=TRUE,"TRUE",false)')).toBe('=IF(A1=TRUE(),"TRUE",FALSE())');
    expect(toEngineFormula("=AND(TRUE(),FALSE ( ))")).toBe("=AND(TRUE(),FALSE ( ))");
    expect(toEngineFormula("='TRUE'!A1+TRUEX+X.TRUE")).toBe("='TRUE'!A1+TRUEX+X.TRUE");
  });

  test("reads the prefixes files use for add-in and newer functions", () => {
    expect(toEngineFormula('=_xldudf_PE_TIER_GAP(A1)&_xlfn.IFS(A1>1,"_xlfn.x",TRUE,"y")')).toBe(
      '=PE.TIER_GAP(A1)&IFS(A1>1,"_xlfn.x",TRUE(),"y")',
    );
    expect(toEngineFormula("=_xlfn._xlws.SORT(A1:A3)")).toBe("=SORT(A1:A3)");
  });

  test("a plan formula with a boolean literal computes in the engine", () => {
    const plan = emptyPlan("booleans");
    plan.sheets.push({
      name: "S",
      blocks: [{ at: "A1", cells: [[num(2), formula("=IF(TRUE,A1*2,0)"), formula("=PE.TIER_STABLE({5,5,5,5,5})=TRUE")]] }],
    });
    const hf = createEngine();
    applyPlanToEngine(hf, plan);
    expect(hf.getSheetValues(hf.getSheetId("S")!)).toEqual([[2, 4, true]]);
  });
});
