import { distinctKeys, distinctKeysCells, keySlots } from "../../src/core/distinct-keys";
import { ExcelError } from "../../src/core/errors";

const column = (...cells: unknown[]) => cells.map((cell) => [cell]);
const flat = (result: unknown) => (result as unknown[][]).map((row) => row[0]);

describe("distinctKeys", () => {
  it('keeps each key once, as first written, matching like Excel\'s = (case-insensitive, 7 is not "7")', () => {
    expect(distinctKeys(["Acme", "beta", "ACME", 7, "7", "Beta", 7], "first")).toEqual(["Acme", "beta", 7, "7"]);
  });

  it("skips blank keys (null and empty text)", () => {
    expect(distinctKeys([null, "", "a", null], "first")).toEqual(["a"]);
  });

  it("sorts as Excel does: numbers ascending, then text ignoring case, then FALSE, then TRUE", () => {
    expect(distinctKeys([true, "beta", 10, "Alpha", false, -2, "gamma", "ALPHA"])).toEqual([
      -2,
      10,
      "Alpha",
      "beta",
      "gamma",
      false,
      true,
    ]);
  });

  it("puts period keys of PE.PERIOD in date order", () => {
    expect(distinctKeys(["2026-10", "2026-02", "2025-12", "2026-01"])).toEqual(["2025-12", "2026-01", "2026-02", "2026-10"]);
    expect(distinctKeys(["FY2027-Q1", "FY2026-Q4", "FY2026-Q3"])).toEqual(["FY2026-Q3", "FY2026-Q4", "FY2027-Q1"]);
  });
});

describe("keySlots", () => {
  it("pads with empty text to exactly size cells", () => {
    expect(keySlots(["b", "a"], 4)).toEqual(["a", "b", "", ""]);
  });

  it("keeps the first size keys when there are more", () => {
    expect(keySlots(["d", "c", "b", "a"], 2)).toEqual(["a", "b"]);
    expect(keySlots(["d", "c", "b", "a"], 2, "first")).toEqual(["d", "c"]);
  });
});

describe("PE.DISTINCT_KEYS cells", () => {
  it("returns a column of size cells from a column or a row of keys", () => {
    expect(distinctKeysCells(column("b", "A", "a", 10, null, "c"), 6)).toEqual(column(10, "A", "b", "c", "", ""));
    expect(distinctKeysCells([["x", "y", "x"]], 3, "FIRST")).toEqual(column("x", "y", ""));
  });

  it("truncates a fractional size, as SEQUENCE and TAKE do", () => {
    expect(flat(distinctKeysCells(column("a"), 2.9))).toEqual(["a", ""]);
  });

  it("refuses a size below 1 or above a sheet's rows with #NUM!", () => {
    for (const size of [0, -3, 0.5, 1_048_577]) {
      const result = distinctKeysCells(column("a"), size) as ExcelError;
      expect(result).toBeInstanceOf(ExcelError);
      expect(result.code).toBe("#NUM!");
      expect(result.message).toMatch(/^size .* is out of range: give 1 to 1,048,576 cells$/);
    }
  });

  it("refuses a text or blank size, a block of keys and an unknown order with #VALUE! saying what to fix", () => {
    expect(distinctKeysCells(column("a"), "ten")).toMatchObject({ code: "#VALUE!", message: 'size is "ten", not a number' });
    expect(distinctKeysCells(column("a"), null)).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/^size is blank/),
    });
    expect(
      distinctKeysCells(
        [
          ["a", "b"],
          ["c", "d"],
        ],
        2,
      ),
    ).toMatchObject({
      code: "#VALUE!",
      message: "keys must be one row or one column, not a 2×2 block",
    });
    expect(distinctKeysCells(column("a"), 2, "largest")).toMatchObject({
      code: "#VALUE!",
      message: 'order "largest" is unknown: use "ascending" or "first"',
    });
  });

  it("refuses a key no cell can hold (an infinite number or NaN) with #NUM! naming it", () => {
    expect(distinctKeysCells(column(-Infinity, 0), 1)).toMatchObject({
      code: "#NUM!",
      message: "keys item 1 is -Infinity: enter a finite number or a text key",
    });
    expect(distinctKeysCells([["a", NaN]], 2)).toMatchObject({
      code: "#NUM!",
      message: "keys item 2 is NaN: enter a finite number or a text key",
    });
  });

  it("passes an error among the keys on", () => {
    const error = new ExcelError("#N/A", "no partner");
    expect(distinctKeysCells(column("a", error), 2)).toBe(error);
  });
});
