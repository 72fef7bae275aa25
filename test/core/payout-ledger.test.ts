import { ExcelError } from "../../src/core/errors";
import type { FunctionResult } from "../../src/core/excel-values";
import { payoutLedger, payoutLedgerCells } from "../../src/core/payout-ledger";
import { revshareTieredCells } from "../../src/core/revshare";
import { expectError } from "./function-results";

function column(result: FunctionResult): number[] {
  if (!Array.isArray(result)) throw new Error(`expected a grid, got ${String(result)}`);
  result.forEach((row) => expect(row).toHaveLength(1));
  return result.map((row) => row[0] as number);
}

const STEP_STARTS = [[0, 1000, 3000]];
const STEP_RATES = [[0.01, 0.02, 0.03]];

describe("PE.PAYOUT_LEDGER worked examples", () => {
  it("the published step-rate example: each transaction its own group → 2, 3, 20, 14, 30, 95, total 164", () => {
    const amounts = [[200], [300], [1500], [1200], [2000], [4500]];
    const partners = [["a"], ["b"], ["c"], ["d"], ["e"], ["f"]];
    const payouts = column(payoutLedgerCells(amounts, partners, STEP_STARTS, STEP_RATES));
    [2, 3, 20, 14, 30, 95].forEach((expected, index) => expect(payouts[index]).toBeCloseTo(expected, 9));
    expect(payouts.reduce((a, b) => a + b, 0)).toBeCloseTo(164, 9);
  });

  it("one partner: a sale that crosses a tier is paid at both rates, and the group adds up to F(its total)", () => {
    // Running totals 200, 500, 2,000, 3,200: F = 2, 5, 30, 56.
    const payouts = payoutLedger([200, 300, 1500, 1200], ["p", "p", "p", "p"], [0, 1000, 3000], [0.01, 0.02, 0.03]);
    [2, 3, 25, 26].forEach((expected, index) => expect(payouts[index]).toBeCloseTo(expected, 9));
    expect(payouts.reduce((a, b) => a + b, 0)).toBeCloseTo(56, 9);
  });

  it("retroactive: crossing a tier trues up everything before it", () => {
    const payouts = payoutLedger([600, 600], ["Acme", "Acme"], [0, 1000], [0.1, 0.2], undefined, "retroactive");
    expect(payouts[0]).toBeCloseTo(60, 9);
    expect(payouts[1]).toBeCloseTo(180, 9); // 1,200 × 20% − 60
  });

  it("a refund reverses exactly what its revenue earned, and a net negative total pays nothing more", () => {
    const payouts = payoutLedger([600, 600, -600, -1000, 400], ["a", "a", "a", "a", "a"], [0, 1000], [0.1, 0.2]);
    // Totals 600, 1,200, 600, −400, 0: F = 60, 140, 60, 0, 0.
    [60, 80, -80, -60, 0].forEach((expected, index) => expect(payouts[index]).toBeCloseTo(expected, 9));
  });

  it("restarts the running total for each period, and periods need not be contiguous", () => {
    const payouts = column(
      payoutLedgerCells(
        [[600], [600], [600], [600]],
        [["a"], ["a"], ["a"], ["a"]],
        [[0, 1000]],
        [[0.1, 0.2]],
        [["2026-01"], ["2026-02"], ["2026-01"], ["2026-02"]],
      ),
    );
    [60, 60, 80, 80].forEach((expected, index) => expect(payouts[index]).toBeCloseTo(expected, 9));
  });

  it("gives the same figures as the running SUMIFS an Excel user writes: F(running incl. row) − F(running excl. row)", () => {
    const amounts = [500, 700, -200, 3000, 100, 2500, -4000, 900];
    const partners = ["x", "y", "x", "x", "y", "y", "x", "x"];
    const F = (c: number) => (revshareTieredCells(Math.max(c, 0), STEP_STARTS, STEP_RATES) as number[][])[0][0];
    const payouts = payoutLedger(amounts, partners, STEP_STARTS[0], STEP_RATES[0]);
    amounts.forEach((amount, row) => {
      let running = 0;
      for (let above = 0; above <= row; above++) if (partners[above] === partners[row]) running += amounts[above];
      expect(payouts[row]).toBeCloseTo(F(running) - F(running - amount), 9);
    });
  });
});

describe("PE.PAYOUT_LEDGER keys match like Excel's =", () => {
  const starts = [[0, 1000]];
  const rates = [[0.1, 0.2]];

  it("text case-insensitively", () => {
    expect(column(payoutLedgerCells([[600], [600]], [["Acme"], ["ACME"]], starts, rates))[1]).toBeCloseTo(80, 9);
  });

  it("a number and its text are different keys, 1 and 1.0 the same", () => {
    expect(column(payoutLedgerCells([[600], [600]], [[1], ["1"]], starts, rates))[1]).toBeCloseTo(60, 9);
    expect(column(payoutLedgerCells([[600], [600]], [[1], [1.0]], starts, rates))[1]).toBeCloseTo(80, 9);
  });

  it("a blank key (null, undefined or empty text) is a key of its own, not 0 and not another partner", () => {
    const payouts = column(payoutLedgerCells([[600], [600], [600], [600]], [[null], [""], [0], [undefined]], starts, rates));
    [60, 80, 60, 120].forEach((expected, index) => expect(payouts[index]).toBeCloseTo(expected, 9));
  });

  it("TRUE is neither 1 nor the text TRUE; text keys are not trimmed", () => {
    const payouts = column(payoutLedgerCells([[600], [600], [600], [600]], [[true], [1], ["TRUE"], ["a "]], starts, rates));
    [60, 60, 60, 60].forEach((expected, index) => expect(payouts[index]).toBeCloseTo(expected, 9));
  });
});

describe("PE.PAYOUT_LEDGER arguments", () => {
  const starts = [[0, 1000]];
  const rates = [[0.1, 0.2]];

  it("spills a row for a row of amounts and a single value for one transaction", () => {
    const row = payoutLedgerCells([[600, 600]], [["a", "a"]], starts, rates) as number[][];
    expect(row).toHaveLength(1);
    expect(row[0][1]).toBeCloseTo(80, 9);
    expect(payoutLedgerCells(600, "a", starts, rates)).toEqual([[60]]);
  });

  it("counts a blank amount as 0 and reads numbers typed as text", () => {
    expect(column(payoutLedgerCells([[null], [""], ["600"]], [["a"], ["a"], ["a"]], starts, rates))).toEqual([0, 0, 60]);
  });

  it("treats omitted or blank periods and method as their defaults", () => {
    for (const [periods, method] of [
      [null, null],
      [undefined, undefined],
      [[[null]], ""],
      [[[""]], [["Marginal"]]],
    ]) {
      expect(column(payoutLedgerCells([[600], [600]], [["a"], ["a"]], starts, rates, periods, method))[1]).toBeCloseTo(80, 9);
    }
  });

  it("reads the method case-insensitively", () => {
    expect(column(payoutLedgerCells([[600], [600]], [["a"], ["a"]], starts, rates, null, " RETROACTIVE "))[1]).toBeCloseTo(
      180,
      9,
    );
  });

  it('refuses "by_year" and any other method with #VALUE! listing the valid ones', () => {
    for (const method of ["by_year", "BY_YEAR", "flat"]) {
      expectError(payoutLedgerCells([[600]], [["a"]], starts, rates, null, method), "#VALUE!", '"marginal" or "retroactive"');
    }
  });

  it("refuses partners or periods of another shape than amounts with #VALUE!", () => {
    expectError(payoutLedgerCells([[1], [2]], [["a", "b"]], starts, rates), "#VALUE!", "partners is 1×2 but amounts is 2×1");
    expectError(payoutLedgerCells([[1], [2]], [["a"]], starts, rates), "#VALUE!", "partners");
    expectError(payoutLedgerCells([[1], [2]], [["a"], ["b"]], starts, rates, [["p"], ["q"], ["r"]]), "#VALUE!", "periods is 3×1");
  });

  it("refuses amounts that are a block rather than one row or column", () => {
    expectError(
      payoutLedgerCells(
        [
          [1, 2],
          [3, 4],
        ],
        [
          ["a", "b"],
          ["c", "d"],
        ],
        starts,
        rates,
      ),
      "#VALUE!",
      "one row or one column",
    );
  });

  it("refuses an amount that is text with #VALUE! naming its position", () => {
    expectError(
      payoutLedgerCells([[1], ["lots"], [3]], [["a"], ["a"], ["a"]], starts, rates),
      "#VALUE!",
      'amounts item 2 is "lots"',
    );
    expectError(payoutLedgerCells([[1], [true]], [["a"], ["a"]], starts, rates), "#VALUE!", "amounts item 2 is TRUE");
  });

  it("gives tier_starts and rates exactly PE.REVSHARE_TIERED's errors and messages", () => {
    const cases: Array<[unknown, unknown]> = [
      [[[0, 1000]], [[0.1, 20]]],
      [[[0, 1000]], [[0.1]]],
      [[[1000, 0]], [[0.1, 0.2]]],
      [[[-5, 0]], [[0.1, 0.2]]],
      [[[0, "x"]], [[0.1, 0.2]]],
      [[[0]], [[-0.1]]],
    ];
    for (const [badStarts, badRates] of cases) {
      const ours = payoutLedgerCells([[600]], [["a"]], badStarts, badRates);
      const theirs = revshareTieredCells(600, badStarts, badRates);
      expect(ours).toBeInstanceOf(ExcelError);
      expect(ours).toEqual(theirs);
      expect((ours as ExcelError).message).toBe((theirs as ExcelError).message);
    }
    expectError(payoutLedgerCells([[600]], [["a"]], [[0]], [[30]]), "#NUM!", "rate 30 is above 1: write 30% or 0.3");
  });

  it("passes an error from an amount, partner or period cell on", () => {
    const upstream = new ExcelError("#N/A", "lookup failed");
    expect(payoutLedgerCells([[1], [upstream]], [["a"], ["a"]], starts, rates)).toBe(upstream);
    expect(payoutLedgerCells([[1], [2]], [["a"], [upstream]], starts, rates)).toBe(upstream);
    expect(payoutLedgerCells([[1], [2]], [["a"], ["a"]], starts, rates, [[upstream], ["p"]])).toBe(upstream);
  });

  it("reports a running total too large to compute as #NUM!, never Infinity", () => {
    expectError(payoutLedgerCells([[1e308], [1e308]], [["a"], ["a"]], starts, rates), "#NUM!", "too large");
  });
});
