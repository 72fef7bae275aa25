import fc from "fast-check";
import { FormulaMemo } from "../../src/engine/formula-memo";
import type { TableDefinition } from "../../src/engine/structured-refs";
import { NameTable, workbookFormulaForEngine, type WorkbookContext } from "../../src/engine/workbook-formula";

// Two tables on one sheet, one above the other, and a third on another sheet: a row of one is
// outside the other, so `Other[@X]` means a cell in some rows and #VALUE! in the rest.
const scores: TableDefinition = {
  name: "Scores",
  sheet: "Matrix",
  top: 9,
  left: 0,
  bottom: 30,
  right: 3,
  headerRows: 1,
  totalsRows: 1,
  columns: ["Partner", "Fit", "Reach", "Score"],
};
const other: TableDefinition = {
  ...scores,
  name: "Other",
  top: 19,
  bottom: 45,
  left: 5,
  right: 6,
  totalsRows: 0,
  columns: ["X", "Y"],
};
const elsewhere: TableDefinition = { ...scores, name: "Far", sheet: "Data", top: 0, bottom: 20 };

const context: WorkbookContext = {
  sheets: ["Matrix", "Data"],
  tables: [scores, other, elsewhere],
  names: new NameTable([
    { name: "Weights", formula: "Matrix!$J$1:$K$1" },
    { name: "Previous", formula: "Matrix!B1" }, // relative: written out at each use
  ]),
};

const FORMULAS = [
  'IF(COUNT(Scores[[#This Row],[Fit]:[Reach]])=0,"",SUMPRODUCT(Scores[[#This Row],[Fit]:[Reach]],Weights))',
  "[@Fit]*2+[@Reach]",
  "Scores[@Score]&Other[@X]",
  "Far[@Fit]",
  "RANK([@Score],Scores[Score])",
  "Previous+[@Fit]",
  "L:L+[@Fit]",
  "$B$12:$B$20*2",
  "Scores[[#All],[Fit]]",
  "SUM(Scores[#Totals])+[@Fit]",
];

const ROWS = Array.from({ length: 50 }, (_, row) => row);

describe("one translation for the rows of a column (formula-memo.ts)", () => {
  test.each(FORMULAS)("%s: every row, in any order, translates as without the memo", (formula) => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(ROWS, { minLength: 1 }),
        fc.constantFrom(undefined, "dynamic" as const),
        fc.integer({ min: 0, max: 7 }),
        (rows, array, col) => {
          const memo = new FormulaMemo();
          for (const row of rows) {
            const at = { sheet: "Matrix", row, col };
            expect(workbookFormulaForEngine(formula, context, at, { array }, memo)).toBe(
              workbookFormulaForEngine(formula, context, at, { array }),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  test("a calculated column is translated once, then its template is checked in one more row and reused", () => {
    const memo = new FormulaMemo();
    const formula = FORMULAS[0];
    const key = memo.key(formula, { sheet: "Matrix", row: 10, col: 3 }, "dynamic")!;
    expect(memo.lookup(key, { sheet: "Matrix", row: 10, col: 3 })).toBeUndefined();
    workbookFormulaForEngine(formula, context, { sheet: "Matrix", row: 10, col: 3 }, { array: "dynamic" }, memo);
    expect(memo.lookup(key, { sheet: "Matrix", row: 11, col: 3 })).toEqual({
      formula: '=IF(COUNT(Matrix!$B12:$C12)=0,"",SUMPRODUCT(Matrix!$B12:$C12,Weights))',
      verified: false,
    });
    workbookFormulaForEngine(formula, context, { sheet: "Matrix", row: 11, col: 3 }, { array: "dynamic" }, memo);
    expect(memo.lookup(key, { sheet: "Matrix", row: 29, col: 3 })?.verified).toBe(true);
    // Past the data rows (the totals row) the template does not apply.
    expect(memo.lookup(key, { sheet: "Matrix", row: 30, col: 3 })).toBeUndefined();
  });

  test("a relative name or an implicit intersection keeps the formula translated row by row", () => {
    for (const formula of ["Previous+[@Fit]", "L:L+[@Fit]"]) {
      const memo = new FormulaMemo();
      const key = memo.key(formula, { sheet: "Matrix", row: 10, col: 3 }, "legacy")!;
      workbookFormulaForEngine(formula, context, { sheet: "Matrix", row: 10, col: 3 }, {}, memo);
      expect(memo.lookup(key, { sheet: "Matrix", row: 11, col: 3 })).toBeUndefined();
    }
  });
});
