import fc from "fast-check";
import type { HyperFormula, RawCellContent } from "hyperformula";
import { createEngine } from "../../src/engine/create-engine";
import { SharedParses, sharesOneParse } from "../../src/engine/shared-parses";

const rowOf = (template: string) => (row: number) => template.replace(/\{r\}/g, String(row + 1));

describe("which column formulas are one parse (sharesOneParse)", () => {
  test.each([
    ['=IF(COUNT(Matrix!$B{r}:$F{r})=0,"",SUM(Matrix!$B{r}:$F{r}))', true],
    ["=B{r}*2+Weights", true], // a relative column is the same column in every row of one column
    ["=$G{r}/SUM($G$11:$G$1010)", true],
    ["=RANK($G{r},_pe_col_T_7)", true],
    ["=A1+$B{r}", false], // a relative row that stays the same text moves with the cell
    ["=SUM($A$1:$A{r})", false], // a range from a fixed cell to this row turns around at the fixed row
    ['=HYPERLINK("x"&$B{r})', false],
    ["=SUM($A$1:$A$9)", false], // no row of its own: nothing to share
    ["=SUM(A:A)+$B{r}", true],
    ["=SUM(1:1)+$B{r}", false],
  ])("%s → %s", (template, expected) => {
    expect(sharesOneParse(rowOf(template), 11)).toBe(expected);
  });

  test("a formula whose rows differ by more than their own row is not one shape", () => {
    expect(sharesOneParse((row) => `=$B${row + 1}+${row}`, 11)).toBe(false);
    expect(sharesOneParse((row) => `=$B${row + 2}`, 11)).toBe(false);
  });
});

/** Ratings in B:F from row 2, then the formulas of `templates` in G onwards, as sheet content. */
function sheet(ratings: number[][], templates: string[]): RawCellContent[][] {
  return [
    ["Name", "A", "B", "C", "D", "E", ...templates.map((_, i) => `F${i}`)],
    ...ratings.map((row, r) => [`P${r}`, ...row, ...templates.map((t) => rowOf(t)(r + 1))]),
  ];
}

function build(content: RawCellContent[][], templates: string[], sharing?: SharedParses): HyperFormula {
  const hf = createEngine();
  const id = hf.getSheetId(hf.addSheet("Matrix"))!;
  hf.addNamedExpression("Weights", "=Matrix!$K$1:$O$1");
  if (sharing)
    content.forEach((row, r) =>
      templates.forEach((t, i) => {
        if (r > 0 && sharesOneParse(rowOf(t), r))
          sharing.register(String(row[6 + i]), `G${i}`, { sheet: "Matrix", row: r, col: 6 + i });
      }),
    );
  const run = () => hf.setSheetContent(id, content);
  if (sharing) sharing.during(hf, run);
  else run();
  return hf;
}

const TEMPLATES = [
  '=IF(COUNT(Matrix!$B{r}:$F{r})=0,"",SUMPRODUCT(Matrix!$B{r}:$F{r},{1,2,3,4,5}))',
  '=IF(ISNUMBER(G{r}),RANK(G{r},$G$2:$G$60),"")',
  "=PE.TIER(G{r}*4)",
  '=COUNTBLANK($B{r}:$F{r})&" blank"',
];

describe("the engine with shared parses (SharedParses.during)", () => {
  test("computes what it computes parsing every cell, in every row", () => {
    const rating = fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.array(rating, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 40 }), (rows) => {
        const content = sheet(rows as number[][], TEMPLATES);
        const plain = build(content, TEMPLATES);
        const shared = build(content, TEMPLATES, new SharedParses());
        expect(shared.getSheetValues(0)).toEqual(plain.getSheetValues(0));
        expect(shared.getSheetFormulas(0)).toEqual(plain.getSheetFormulas(0));
      }),
      { numRuns: 25 },
    );
  });

  test("lexes a column's formula once, not once a row (the hook into HyperFormula's parser still works)", () => {
    const content = sheet(
      Array.from({ length: 200 }, () => [1, 2, 3, 4, 5]),
      TEMPLATES,
    );
    const count = (sharing?: SharedParses) => {
      const hf = createEngine();
      const parser = (hf as unknown as { _parser: { tokenizeFormula: () => unknown } })._parser;
      const lexed = jest.spyOn(parser, "tokenizeFormula");
      const id = hf.getSheetId(hf.addSheet("Matrix"))!;
      content.forEach((row, r) =>
        TEMPLATES.forEach((t, i) => {
          if (r > 0 && sharing) sharing.register(String(row[6 + i]), `G${i}`, { sheet: "Matrix", row: r, col: 6 + i });
        }),
      );
      const run = () => hf.setSheetContent(id, content);
      if (sharing) sharing.during(hf, run);
      else run();
      expect(typeof (parser as { parse?: unknown }).parse).toBe("function");
      return lexed.mock.calls.length;
    };
    expect(count()).toBeGreaterThanOrEqual(800);
    expect(count(new SharedParses())).toBeLessThanOrEqual(TEMPLATES.length);
  });

  test("after the build the engine parses as before: an edit is its own formula", () => {
    const content = sheet(
      [
        [1, 2, 3, 4, 5],
        [5, 4, 3, 2, 1],
      ],
      TEMPLATES,
    );
    const hf = build(content, TEMPLATES, new SharedParses());
    hf.setCellContents({ sheet: 0, row: 2, col: 6 }, "=Matrix!$B3*100");
    expect(hf.getCellValue({ sheet: 0, row: 2, col: 6 })).toBe(500);
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 6 })).toBe(1 + 4 + 9 + 16 + 25);
  });
});
