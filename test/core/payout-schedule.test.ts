import { ExcelError } from "../../src/core/errors";
import { payoutSchedule, payoutScheduleCells } from "../../src/core/payout-schedule";
import { expectError } from "./function-results";

describe("PE.PAYOUT_SCHEDULE worked examples", () => {
  it("the issue's draw: floor 1,000 recoverable, earned 500, 700, 400 → paid 1,000 each, balance −500, −800, −1,400", () => {
    expect(payoutScheduleCells([[500, 700, 400]], [[1000]])).toEqual([[1000, 1000, 1000]]);
    expect(payoutScheduleCells([[500, 700, 400]], [[1000]], null, null, null, "balance")).toEqual([[-500, -800, -1400]]);
  });

  it("recovers the advanced draw from a later period with enough earned", () => {
    const run = payoutSchedule([500, 2500, 400], { floor: 1000 });
    expect(run.paid).toEqual([1000, 2000, 1000]);
    expect(run.balance).toEqual([-500, 0, -600]);
  });

  it("a guarantee (recover FALSE) tops up without debt; a negative due still carries as debt", () => {
    expect(payoutSchedule([500, 700, 400], { floor: 1000, recover: false })).toEqual({
      paid: [1000, 1000, 1000],
      balance: [0, 0, 0],
    });
    // A clawback below 0: due −300 < floor → paid 1,000, B = MIN(−300, 0).
    expect(payoutSchedule([-300, 1500], { floor: 1000, recover: false })).toEqual({
      paid: [1000, 1200],
      balance: [-300, 0],
    });
  });

  it("a cap carries what it holds back (carry TRUE) or forfeits it (carry FALSE)", () => {
    expect(payoutSchedule([3000, 500, 0], { cap: 2000 })).toEqual({ paid: [2000, 1500, 0], balance: [1000, 0, 0] });
    expect(payoutSchedule([3000, 500, 0], { cap: 2000, carry: false })).toEqual({ paid: [2000, 500, 0], balance: [0, 0, 0] });
  });

  it("without floor or cap pays what is due, carrying a clawback as debt against later earnings", () => {
    expect(payoutSchedule([100, -250, 300])).toEqual({ paid: [100, 0, 50], balance: [0, -250, 0] });
  });

  it("takes floor and cap per period", () => {
    const run = payoutSchedule([100, 100, 5000], { floor: [500, 0, 0], cap: [1000, 1000, 2000] });
    expect(run.paid).toEqual([500, 0, 2000]);
    expect(run.balance).toEqual([-400, -300, 2700]);
    expect(payoutScheduleCells([[100], [100], [5000]], [[500], [0], [0]], [[1000, 1000, 2000]])).toEqual([[500], [0], [2000]]);
  });
});

describe("PE.PAYOUT_SCHEDULE arguments", () => {
  it("counts blank earnings and blank per-period limits as 0; a single blank floor or cap is omitted", () => {
    expect(payoutScheduleCells([[null, "", 300]], [[null, 100, ""]])).toEqual([[0, 100, 200]]);
    expect(payoutScheduleCells([[5000]], [[null]], [[""]])).toEqual([[5000]]);
  });

  it("reads recover and carry as logicals: TRUE/FALSE, numbers, or the text TRUE/FALSE", () => {
    for (const no of [false, 0, "false", " FALSE "]) {
      expect(payoutScheduleCells([[500]], [[1000]], null, no, null, "balance")).toEqual([[0]]);
      expect(payoutScheduleCells([[3000]], null, [[2000]], null, no, "balance")).toEqual([[0]]);
    }
    for (const yes of [true, 1, "TRUE", null, ""])
      expect(payoutScheduleCells([[500]], [[1000]], null, yes, null, "balance")).toEqual([[-500]]);
    expectError(payoutScheduleCells([[500]], [[1000]], null, "maybe"), "#VALUE!", "recover", "TRUE or FALSE");
  });

  it("reads output case-insensitively and refuses an unknown one with #VALUE! listing the valid ones", () => {
    expect(payoutScheduleCells([[500]], [[1000]], null, null, null, " BALANCE ")).toEqual([[-500]]);
    expect(payoutScheduleCells([[500]], [[1000]], null, null, null, "Paid")).toEqual([[1000]]);
    expectError(
      payoutScheduleCells([[500]], null, null, null, null, "owed"),
      "#VALUE!",
      'output "owed" is unknown',
      '"paid" or "balance"',
    );
  });

  it("refuses a negative floor or cap, and a floor above the cap, with #NUM!", () => {
    expectError(payoutScheduleCells([[500]], [[-1]]), "#NUM!", "floor is -1");
    expectError(payoutScheduleCells([[500]], null, [[-1]]), "#NUM!", "cap is -1");
    expectError(payoutScheduleCells([[500, 500]], [[1000]], [[500]]), "#NUM!", "floor 1000 is above cap 500");
    expectError(payoutScheduleCells([[500, 500]], [[0, 1000]], [[800]]), "#NUM!", "floor 1000 is above cap 800 in period 2");
  });

  it("refuses a floor or cap whose length is neither 1 nor earned's with #VALUE!", () => {
    expectError(payoutScheduleCells([[1, 2, 3]], [[1, 2]]), "#VALUE!", "floor has 2 values but earned has 3 periods");
    expectError(payoutScheduleCells([[1, 2, 3]], null, [[1, 2, 3, 4]]), "#VALUE!", "cap has 4 values");
  });

  it("refuses text earnings with #VALUE! naming the position, and passes errors on", () => {
    expectError(payoutScheduleCells([[1, "abc"]]), "#VALUE!", 'earned item 2 is "abc"');
    const upstream = new ExcelError("#DIV/0!", "from a cell");
    expect(payoutScheduleCells([[1, upstream]])).toBe(upstream);
    expect(payoutScheduleCells([[1]], [[upstream]])).toBe(upstream);
  });

  it("refuses earned that is a block", () => {
    expectError(
      payoutScheduleCells([
        [1, 2],
        [3, 4],
      ]),
      "#VALUE!",
      "one row or one column",
    );
  });
});

describe("keyword arguments that are not one keyword", () => {
  it("list the valid keywords whatever was given: a number, a logical, a range of several cells", () => {
    expectError(payoutScheduleCells([[1]], null, null, null, null, 3), "#VALUE!", 'output 3 is unknown: use "paid" or "balance"');
    expectError(payoutScheduleCells([[1]], null, null, null, null, true), "#VALUE!", 'use "paid" or "balance"');
    expectError(
      payoutScheduleCells([[1]], null, null, null, null, [["paid", "balance"]]),
      "#VALUE!",
      "1×2",
      'use "paid" or "balance"',
    );
    const upstream = new ExcelError("#N/A", "from a cell");
    expect(payoutScheduleCells([[1]], null, null, null, null, [[upstream]])).toBe(upstream);
  });
});
