import { SimpleRangeValue, type HyperFormula, type RawCellContent } from "hyperformula";
import fc from "fast-check";
import { createEngine } from "../../src/engine";

/**
 * A rank column (one RANK per row over the same range, as the qualification matrix has) must not
 * read the whole range once per row: that made writing a 10,000-partner matrix take ~40 s. The
 * engine keeps the range's sorted numbers on the range and searches them per row; these check the
 * budget (one read of the range per recalculation) and that the fast path answers exactly like
 * Excel's RANK, edits included.
 */
let engines: HyperFormula[] = [];

afterEach(() => {
  jest.restoreAllMocks();
  for (const hf of engines) hf.destroy();
  engines = [];
});

function rankColumn(values: RawCellContent[], order?: 0 | 1): HyperFormula {
  const last = values.length;
  const orderArgument = order === undefined ? "" : `,${order}`;
  const rows = values.map((value, index) => [value, `=RANK(A${index + 1},$A$1:$A$${last}${orderArgument})`]);
  const hf = createEngine({}, { Sheet1: rows });
  engines.push(hf);
  return hf;
}

/** Excel's RANK by definition: 1 + how many numbers of the range beat it; text, booleans and blanks are ignored. */
function excelRank(value: number, cells: unknown[], order: 0 | 1): number | string {
  const numbers = cells.filter((cell): cell is number => typeof cell === "number");
  if (!numbers.includes(value)) return "#N/A";
  return 1 + numbers.filter((cell) => (order === 0 ? cell > value : cell < value)).length;
}

function shown(value: unknown): unknown {
  return typeof value === "object" && value !== null && "value" in value ? value.value : value;
}

function ranksShown(hf: HyperFormula): unknown[] {
  return hf.getSheetValues(0).map((row) => shown(row[1]));
}

/** Ranks of the rows holding a number (how RANK reads a blank or text first argument is not at stake here). */
function numericRows(hf: HyperFormula, order: 0 | 1): { shown: unknown[]; expected: unknown[] } {
  const rows = hf.getSheetValues(0);
  const cells = rows.map((row) => row[0]);
  const numeric = rows.filter((row) => typeof row[0] === "number");
  return {
    shown: numeric.map((row) => shown(row[1])),
    expected: numeric.map((row) => excelRank(row[0] as number, cells, order)),
  };
}

describe("a RANK column over one range", () => {
  test("reads the range once per recalculation, not once per row", () => {
    const read = jest.spyOn(SimpleRangeValue.prototype, "valuesFromTopLeftCorner");
    const hf = rankColumn(Array.from({ length: 2_000 }, (_, index) => (index * 7_919) % 1_000));
    expect(read).toHaveBeenCalledTimes(1);
    read.mockClear();
    hf.setCellContents({ sheet: 0, row: 10, col: 0 }, 5_000);
    expect(read).toHaveBeenCalledTimes(1);
    expect(hf.getCellValue({ sheet: 0, row: 10, col: 1 })).toBe(1);
  });

  test("gives Excel's ranks for any column of numbers, ties, text, booleans and blanks, before and after edits", () => {
    const cell = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: -3, max: 6 }) },
      { weight: 2, arbitrary: fc.constantFrom(0.5, 2.5, -0, 1e-12) },
      { weight: 1, arbitrary: fc.constantFrom<RawCellContent>(null, "x", true) },
    );
    const edit = fc.record({ row: fc.nat(), value: fc.integer({ min: -3, max: 6 }) });
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 25 }),
        fc.constantFrom<0 | 1>(0, 1),
        fc.array(edit, { maxLength: 3 }),
        (values, order, edits) => {
          const hf = rankColumn(values, order);
          const before = numericRows(hf, order);
          expect(before.shown).toEqual(before.expected);
          for (const { row, value } of edits) {
            hf.setCellContents({ sheet: 0, row: row % values.length, col: 0 }, value);
            const after = numericRows(hf, order);
            expect(after.shown).toEqual(after.expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test("an error in the range is every rank's result, and clears when the error does", () => {
    const hf = rankColumn([3, "=1/0", 1]);
    expect(ranksShown(hf)).toEqual(["#DIV/0!", "#DIV/0!", "#DIV/0!"]);
    hf.setCellContents({ sheet: 0, row: 1, col: 0 }, 2);
    expect(ranksShown(hf)).toEqual([1, 2, 3]);
  });
});
