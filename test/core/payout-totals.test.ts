import { ExcelError } from "../../src/core/errors";
import { payoutLedger } from "../../src/core/payout-ledger";
import { payoutTotals, payoutTotalsCells } from "../../src/core/payout-totals";
import { expectError } from "./function-results";

const column = (values: unknown[]): unknown[][] => values.map((value) => [value]);

describe("PE.PAYOUT_TOTALS worked examples", () => {
  it("sums a ledger column into a partner × period grid, keys matched case-insensitively, 0 where a pair has no rows", () => {
    const result = payoutTotalsCells(
      column([1, 2, 3, 4]),
      column(["a", "A", "b", "a"]),
      column(["x", "x", "x", "y"]),
      column(["a", "b", "c"]),
      [["x", "y"]],
    );
    expect(result).toEqual([
      [3, 4],
      [3, 0],
      [0, 0],
    ]);
  });

  it("gives each partner-period what F(its net revenue) pays: the step-rate ledger's payouts totalled", () => {
    // Contoso: January 200 + 1,500 (F(1,700) = 24); February 2,000 (F = 30). Fabrikam: January 300 (3).
    const amounts = [200, 300, 1500, 2000];
    const partners = ["Contoso", "Fabrikam", "Contoso", "Contoso"];
    const periods = ["2026-01", "2026-01", "2026-01", "2026-02"];
    const payouts = payoutLedger(amounts, partners, [0, 1000, 3000], [0.01, 0.02, 0.03], periods);
    const totals = payoutTotals(payouts, partners, periods, ["Contoso", "Fabrikam"], ["2026-01", "2026-02"]);
    expect(totals[0][0]).toBeCloseTo(24, 9);
    expect(totals[0][1]).toBeCloseTo(30, 9);
    expect(totals[1]).toEqual([3, 0]);
  });

  it("matches keys like Excel's =: a number is not its text, text is never a criterion; a blank label totals nothing", () => {
    const result = payoutTotals(
      [10, 20, 30, 40, 50],
      [1, "1", null, ">0", "A*"],
      ["p", "p", "p", "p", "p"],
      [1, "1", null, ">0", "A*", "Abc"],
      ["p"],
    );
    // The blank label is a spare slot (PE.DISTINCT_KEYS pads with ""): "", not the blank partner's 30.
    expect(result).toEqual([[10], [20], [""], [40], [50], [0]]);
    expect(payoutTotals([1, 2], ["a", "a"], [null, "t"], ["a", ""], ["", "t", null])).toEqual([
      ["", 2, ""],
      ["", "", ""],
    ]);
  });

  it("adds in ledger order, as a SUMIFS scan of the range does, so the figures are the same to the last bit", () => {
    const amounts = [0.1, 0.2, 0.3, 1e16, -1e16, 0.7];
    const expected = amounts.reduce((sum, amount) => sum + amount, 0);
    expect(
      payoutTotals(
        amounts,
        amounts.map(() => "p"),
        amounts.map(() => "t"),
        ["p"],
        ["t"],
      ),
    ).toEqual([[expected]]);
  });

  it("takes labels in a row or a column, and repeats a total for a repeated label", () => {
    const result = payoutTotalsCells([[5, 7]], [["a", "b"]], [["t", "t"]], [["b", "a", "b"]], column(["t"]));
    expect(result).toEqual([[7], [5], [7]]);
  });

  it('counts blank amounts (null or the "" of an IF) as 0 and numbers typed as text as numbers', () => {
    const result = payoutTotalsCells(
      column([null, "", "12", 3]),
      column(["a", "a", "a", "a"]),
      column(["t", "t", "t", "t"]),
      [["a"]],
      [["t"]],
    );
    expect(result).toEqual([[15]]);
  });

  it("fills the row or column of an errored label with its error", () => {
    const na = new ExcelError("#N/A", "no partner");
    const result = payoutTotals([1, 2], ["a", "b"], ["t", "t"], ["a", na], ["t", "u"]) as unknown[][];
    expect(result[0]).toEqual([1, 0]);
    expect(result[1]).toEqual([na, na]);
  });
});

describe("PE.PAYOUT_TOTALS errors", () => {
  it("refuses partners or periods of another shape than amounts, naming both shapes", () => {
    expectError(
      payoutTotalsCells(column([1, 2]), column(["a"]), column(["t", "t"]), [["a"]], [["t"]]),
      "#VALUE!",
      "partners is 1×1 but amounts is 2×1",
    );
    expectError(
      payoutTotalsCells(column([1, 2]), column(["a", "a"]), [["t", "t"]], [["a"]], [["t"]]),
      "#VALUE!",
      "periods is 1×2 but amounts is 2×1",
    );
  });

  it("refuses an amount that is text, naming its position", () => {
    expectError(
      payoutTotalsCells(column([1, "ten"]), column(["a", "a"]), column(["t", "t"]), [["a"]], [["t"]]),
      "#VALUE!",
      "amounts item 2",
      '"ten"',
    );
  });

  it("refuses amounts or a label list that is a block rather than one row or column", () => {
    expectError(
      payoutTotalsCells(
        [
          [1, 2],
          [3, 4],
        ],
        [
          ["a", "a"],
          ["a", "a"],
        ],
        [
          ["t", "t"],
          ["t", "t"],
        ],
        [["a"]],
        [["t"]],
      ),
      "#VALUE!",
      "one row or one column",
    );
    expectError(
      payoutTotalsCells(
        [[1]],
        [["a"]],
        [["t"]],
        [
          ["a", "b"],
          ["c", "d"],
        ],
        [["t"]],
      ),
      "#VALUE!",
      "partner_list must be one row or one column",
    );
  });

  it("passes on an error in an amount or a key, as the whole call's result", () => {
    const div = new ExcelError("#DIV/0!", "divided by zero");
    expect(payoutTotalsCells(column([1, div]), column(["a", "a"]), column(["t", "t"]), [["a"]], [["t"]])).toBe(div);
    expect(payoutTotalsCells(column([1, 2]), column(["a", div]), column(["t", "t"]), [["a"]], [["t"]])).toBe(div);
  });

  it("refuses a key no cell can hold (an infinite number or NaN) with #NUM! naming it", () => {
    expect(payoutTotalsCells(column([1, 2]), column(["a", Infinity]), column(["t", "t"]), [["a"]], [["t"]])).toMatchObject({
      code: "#NUM!",
      message: "partners item 2 is Infinity: enter a finite number or a text key",
    });
  });

  it("gives #NUM! for a total too large to compute", () => {
    const result = payoutTotals([1e308, 1e308], ["a", "a"], ["t", "t"], ["a"], ["t"]) as unknown[][];
    expectError(result[0][0], "#NUM!", "too large");
  });
});
