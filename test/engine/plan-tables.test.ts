import {
  engineFormulaAsPlan,
  PlanFormulas,
  planFormulaForEngine,
  tableColumnName,
  tableColumnNames,
  type TableDefinition,
} from "../../src/engine/plan-tables";
import {
  hasStructuredRef,
  renameTableInFormula,
  tableColumnRef,
  thisRowAsStored,
  thisRowRef,
} from "../../src/core/structured-ref-text";

// T on sheet "My sheet", header in row 10 (0-based 9), data rows 11–13, columns A…E.
const T: TableDefinition = {
  name: "T",
  sheet: "My sheet",
  top: 9,
  left: 0,
  bottom: 12,
  right: 4,
  headerRows: 1,
  totalsRows: 0,
  columns: ["Partner", "Q1", "A#B", "Score", "Tier"],
};
const at = (row: number, col = 3) => ({ sheet: "My sheet", row, col });

describe("structured references as text", () => {
  test("spelled as Excel's formula bar shows them, escaped where Excel escapes", () => {
    expect(tableColumnRef("T", "Score")).toBe("T[Score]");
    expect(tableColumnRef("T", "Complete?")).toBe("T[[Complete?]]");
    expect(tableColumnRef("T", "A#B")).toBe("T[[A'#B]]");
    expect(thisRowRef("T", "Score")).toBe("T[@Score]");
    expect(thisRowRef("T", "Q1", "A#B")).toBe("T[@[Q1]:[A'#B]]");
  });

  test("@ as a file stores it, and a table renamed inside formulas (not inside strings)", () => {
    expect(thisRowAsStored('=IF(T[@Score]>1,T[@[Q1]:[A\'#B]],"T[@x]")')).toBe(
      '=IF(T[[#This Row],[Score]]>1,T[[#This Row],[Q1]:[A\'#B]],"T[@x]")',
    );
    expect(renameTableInFormula('=SUM(t[Score])+T2[Score]&"T[Score]"', "T", "T3")).toBe('=SUM(T3[Score])+T2[Score]&"T[Score]"');
  });

  test("a quoted sheet name is a name, not a table's reference, whatever brackets it holds", () => {
    expect(renameTableInFormula("='T[1]'!A1+T[Score]+'Bob''s T[x]'!B2", "T", "T3")).toBe("='T[1]'!A1+T3[Score]+'Bob''s T[x]'!B2");
    expect(thisRowAsStored("='Plan [@x]'!A1+T[@Score]")).toBe("='Plan [@x]'!A1+T[[#This Row],[Score]]");
    expect(hasStructuredRef("='Plan [2026]'!A1*2")).toBe(false);
    expect(hasStructuredRef("='Plan'!A1*T[Score]")).toBe(true);
    expect(hasStructuredRef('="T[Score]"')).toBe(false);
  });
});

describe("plan formulas in the engine", () => {
  test("this row reads as a relative reference, the same in R1C1 terms in every row", () => {
    const formulas = new PlanFormulas([T]);
    expect(formulas.forCell("=SUM(T[@[Q1]:[A#B]])*2", at(10))).toBe("=SUM(B11:C11)*2");
    expect(formulas.forCell("=SUM(T[@[Q1]:[A#B]])*2", at(12))).toBe("=SUM(B13:C13)*2");
    expect(formulas.forCell("=T[@Q1]", at(11))).toBe("=B12");
    // Outside the table's rows, this row is no row: Excel's #VALUE!.
    expect(formulas.forCell("=T[@Q1]", at(20))).toBe("=#VALUE!");
  });

  test("a whole column reads as the table column's name, which follows the table; names take the range itself", () => {
    expect(planFormulaForEngine('=COUNTIF(T[Tier],"Gold")', [T], at(0, 8))).toBe(`=COUNTIF(${tableColumnName("T", 4)},"Gold")`);
    expect(planFormulaForEngine("=T[Score]", [T], at(0, 0), false)).toBe("='My sheet'!$D$11:$D$13");
    expect(tableColumnNames(T)[4]).toEqual({ name: "_pe_col_T_5", expression: "='My sheet'!$E$11:$E$13" });
    expect(engineFormulaAsPlan('=COUNTIF(_pe_col_T_5,"Gold")+_PE_COL_T_3', [T])).toBe('=COUNTIF(T[Tier],"Gold")+T[[A\'#B]]');
  });
});
