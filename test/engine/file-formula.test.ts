import { addinFunctionIds, filePrefixOf, fromFileFormula, prefixedFunctions, toFileFormula } from "../../src/core/file-formula";
import { toEngineFormula } from "../../src/core/excel-formula";

/** [as Excel shows it / the engine reads it, as an .xlsx file stores it] */
const ROUND_TRIPS: [string, string][] = [
  ["=PE.PARTNER_SCORE(B11:F11,Qual_Weights,Qual_Scale)", "=_xldudf_PE_PARTNER_SCORE(B11:F11,Qual_Weights,Qual_Scale)"],
  ["PE.TIER(G2,Qual_Thresholds,Qual_Labels)", "_xldudf_PE_TIER(G2,Qual_Thresholds,Qual_Labels)"],
  ["=PE.TIER_STABLE(A1:E1,,,,T,L)", "=_xldudf_PE_TIER_STABLE(A1:E1,,,,T,L)"],
  ['=IFS(A1>1,"PE.TIER(x)",TRUE,"y")', '=_xlfn.IFS(A1>1,"PE.TIER(x)",TRUE,"y")'],
  ["=SORT(UNIQUE(A1:A9))", "=_xlfn._xlws.SORT(_xlfn.UNIQUE(A1:A9))"],
  ["=FILTER(A1:A9,B1:B9>0)", "=_xlfn._xlws.FILTER(A1:A9,B1:B9>0)"],
  ["=XLOOKUP(A1,B:B,C:C)+STDEV.S(D1:D3)+CONCAT(E1,F1)", "=_xlfn.XLOOKUP(A1,B:B,C:C)+_xlfn.STDEV.S(D1:D3)+_xlfn.CONCAT(E1,F1)"],
  ["=RANK.EQ(A2,$A$2:$A$9)+RANK(A2,$A$2:$A$9)", "=_xlfn.RANK.EQ(A2,$A$2:$A$9)+RANK(A2,$A$2:$A$9)"],
  ["=SUM(A1:A3)+IFERROR(1/0,0)+SUMIFS(A:A,B:B,1)", "=SUM(A1:A3)+IFERROR(1/0,0)+SUMIFS(A:A,B:B,1)"],
  ["='PE.TIER(Sheet'!A1+PE.TIER(1)", "='PE.TIER(Sheet'!A1+_xldudf_PE_TIER(1)"],
  ["=IFS (A1, 1)", "=_xlfn.IFS (A1, 1)"],
  ['=MAXIFS(A:A,B:B,">0")&TEXTJOIN(",",TRUE,C1:C3)', '=_xlfn.MAXIFS(A:A,B:B,">0")&_xlfn.TEXTJOIN(",",TRUE,C1:C3)'],
  ["=A1*IFS", "=A1*IFS"],
];

describe("formulas as files store them", () => {
  test.each(ROUND_TRIPS)("%s ↔ %s", (shown, stored) => {
    expect(toFileFormula(shown)).toBe(stored);
    expect(fromFileFormula(stored)).toBe(shown);
    expect(toFileFormula(toFileFormula(shown))).toBe(stored);
    expect(fromFileFormula(shown)).toBe(shown);
  });

  test.each([
    ["[1]!_xldudf_PE_TIER(A1)", "PE.TIER(A1)"],
    ["=[12]!_xldudf_PE_PARTNER_SCORE(A1:E1)*2", "=PE.PARTNER_SCORE(A1:E1)*2"],
    ["_xlfn.LET(_xlpm.x,2,_xlpm.x*3)", "LET(x,2,x*3)"],
    ["=[1]!Other_name+1", "=[1]!Other_name+1"],
    ["_XLDUDF_PE_TIER(A1)", "PE.TIER(A1)"],
  ])("reads %s as %s", (stored, shown) => {
    expect(fromFileFormula(stored)).toBe(shown);
  });

  test("the engine's reader goes through the same translation", () => {
    expect(toEngineFormula("=[1]!_xldudf_PE_TIER(A1)+_xlfn.IFS(TRUE,1)")).toBe("=PE.TIER(A1)+IFS(TRUE(),1)");
  });

  test("lists the add-in functions a formula calls, as file ids", () => {
    expect(addinFunctionIds("=PE.TIER(PE.PARTNER_SCORE(A1:E1),T)&_xldudf_PE_TIER_GAP(1)")).toEqual([
      "_xldudf_PE_TIER",
      "_xldudf_PE_PARTNER_SCORE",
      "_xldudf_PE_TIER_GAP",
    ]);
    expect(addinFunctionIds('=SUM(A1)&"PE.TIER(1)"')).toEqual([]);
  });

  test("the prefix list follows [MS-XLSX] 2.2.3: newer functions only, 2007 functions bare", () => {
    expect(filePrefixOf("ifs")).toBe("_xlfn.");
    expect(filePrefixOf("SORT")).toBe("_xlfn._xlws.");
    for (const old of ["SUMIFS", "COUNTIFS", "IFERROR", "AVERAGEIFS", "RANK", "INDEX", "MATCH"])
      expect(filePrefixOf(old)).toBe("");
    expect(prefixedFunctions()).toContain("_xlfn.XLOOKUP");
    expect(new Set(prefixedFunctions()).size).toBe(prefixedFunctions().length);
  });
});
