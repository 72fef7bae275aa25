import { ExcelError } from "../../src/core/errors";
import type { FunctionResult } from "../../src/core/excel-values";
import { revshareByYear, revshareMarginal, revshareRetroactive, revshareTieredCells } from "../../src/core/revshare";
import { expectError, single } from "./function-results";

function grid(result: FunctionResult): unknown[][] {
  if (!Array.isArray(result)) throw new Error(`expected a grid, got ${String(result)}`);
  return result;
}

describe("PE.REVSHARE_TIERED marginal (the default)", () => {
  const starts = [[0, 100000, 200000]];
  const rates = [[0.1, 0.15, 0.2]];

  it("takes each slice of revenue at its own tier's rate, like tax brackets", () => {
    // 10% of the first 100K, 15% of the next 100K, 20% of the last 50K.
    expect(single(revshareTieredCells(250000, starts, rates))).toBeCloseTo(35000, 9);
    expect(single(revshareTieredCells(250000, starts, rates, "marginal"))).toBeCloseTo(35000, 9);
    expect(single(revshareTieredCells(50000, starts, rates))).toBeCloseTo(5000, 9);
    expect(single(revshareTieredCells(100000, starts, rates))).toBeCloseTo(10000, 9);
  });

  it("pays nothing on revenue below the first start", () => {
    expect(single(revshareTieredCells(40000, [[50000, 100000]], [[0.1, 0.2]]))).toBe(0);
    expect(single(revshareTieredCells(50000, [[50000, 100000]], [[0.1, 0.2]]))).toBe(0);
    expect(single(revshareTieredCells(60000, [[50000, 100000]], [[0.1, 0.2]]))).toBeCloseTo(1000, 9);
  });

  it("treats an omitted or blank method as marginal", () => {
    for (const method of [null, undefined, "", [[null]], [[""]]]) {
      expect(single(revshareTieredCells(250000, starts, rates, method))).toBeCloseTo(35000, 9);
    }
  });

  it("gives one share per revenue, shaped like revenue", () => {
    const column = grid(revshareTieredCells([[50000], [150000], [250000]], starts, rates));
    expect(column.map((row) => row.length)).toEqual([1, 1, 1]);
    expect(column[0][0]).toBeCloseTo(5000, 9);
    expect(column[1][0]).toBeCloseTo(17500, 9);
    expect(column[2][0]).toBeCloseTo(35000, 9);

    const block = grid(
      revshareTieredCells(
        [
          [0, 50000],
          [150000, 250000],
        ],
        starts,
        rates,
      ),
    );
    expect(block).toHaveLength(2);
    expect(block[1][1]).toBeCloseTo(35000, 9);
    expect(block[0][0]).toBe(0);
  });

  it("accepts tier_starts and rates in different orientations and numbers typed as text", () => {
    const result = revshareTieredCells([["250000"]], [[0], [100000], [200000]], [["10%", "15%", "0.2"]]);
    expect(single(result)).toBeCloseTo(35000, 9);
  });

  it("keeps a bad revenue an error in its own cell only", () => {
    const upstream = new ExcelError("#N/A", "lookup failed");
    const cells = grid(revshareTieredCells([[250000, -1, "lots", upstream, null, ""]], starts, rates));
    expect(cells[0][0]).toBeCloseTo(35000, 9);
    expectError(cells[0][1], "#NUM!", "revenue item 2 is -1, below 0");
    expectError(cells[0][2], "#VALUE!", 'revenue item 3 is "lots", not a number');
    expect(cells[0][3]).toBe(upstream);
    expect(cells[0][4]).toBe(0);
    expect(cells[0][5]).toBe(0);
  });

  it("names a single negative revenue plainly", () => {
    expectError(single(revshareTieredCells(-5, starts, rates)), "#NUM!", "revenue is -5, below 0");
  });
});

describe("PE.REVSHARE_TIERED retroactive", () => {
  const starts = [[0, 100000, 200000]];
  const rates = [[0.1, 0.15, 0.2]];

  it("takes all revenue at the rate of the highest tier reached", () => {
    expect(single(revshareTieredCells(250000, starts, rates, "retroactive"))).toBeCloseTo(50000, 9);
    expect(single(revshareTieredCells(150000, starts, rates, "retroactive"))).toBeCloseTo(22500, 9);
    expect(single(revshareTieredCells(200000, starts, rates, "retroactive"))).toBeCloseTo(40000, 9);
  });

  it("pays nothing below the first start", () => {
    expect(single(revshareTieredCells(999, [[1000, 5000]], [[0.1, 0.2]], "retroactive"))).toBe(0);
  });

  it("counts revenue within the 1e-9 tolerance of a start as reaching it", () => {
    let tenTenths = 0;
    for (let month = 0; month < 10; month++) tenTenths += 0.1; // 0.9999999999999999
    const computed = tenTenths * 300000; // 299999.99999999994: displayed as 300000
    expect(computed).toBeLessThan(300000);
    expect(single(revshareTieredCells(computed, [[0, 300000]], [[0.1, 0.2]], "retroactive"))).toBeCloseTo(60000, 6);
    expect(single(revshareTieredCells(299999, [[0, 300000]], [[0.1, 0.2]], "retroactive"))).toBeCloseTo(29999.9, 6);
  });

  it("reads the method case-insensitively and trimmed", () => {
    expect(single(revshareTieredCells(250000, starts, rates, "  Retroactive "))).toBeCloseTo(50000, 9);
    expect(single(revshareTieredCells(250000, starts, rates, [["RETROACTIVE"]]))).toBeCloseTo(50000, 9);
  });
});

describe("PE.REVSHARE_TIERED by_year", () => {
  it("READING.md: 30% in year 1, 20% in year 2, 15% from year 3 on", () => {
    const row = grid(revshareTieredCells([[100000, 100000, 100000, 100000, 100000]], [[1, 2, 3]], [[0.3, 0.2, 0.15]], "by_year"));
    expect(row).toHaveLength(1);
    [30000, 20000, 15000, 15000, 15000].forEach((share, year) => expect(row[0][year]).toBeCloseTo(share, 9));
  });

  it("README example: {100000,120000,150000} gives {30000,24000,22500}, and a column gives a column", () => {
    const row = grid(revshareTieredCells([[100000, 120000, 150000]], [[1, 2, 3]], [[0.3, 0.2, 0.15]], "By_Year"));
    expect(row[0][0]).toBeCloseTo(30000, 9);
    expect(row[0][1]).toBeCloseTo(24000, 9);
    expect(row[0][2]).toBeCloseTo(22500, 9);
    const column = grid(revshareTieredCells([[100000], [120000], [150000]], [[1], [2], [3]], [[0.3], [0.2], [0.15]], "by_year"));
    expect(column.map((cells) => cells.length)).toEqual([1, 1, 1]);
    expect(column[2][0]).toBeCloseTo(22500, 9);
  });

  it("runs the last rate on and lets a rate start later than the next year", () => {
    const row = grid(revshareTieredCells([[10, 10, 10, 10, 10, 10]], [[1, 4]], [[0.5, 0.1]], "by_year"));
    expect(row[0].map(Number)).toEqual([5, 5, 5, 1, 1, 1]);
  });

  it("gives a single revenue the year-1 rate", () => {
    expect(single(revshareTieredCells(1000, [[1, 2]], [[0.3, 0.2]], "by_year"))).toBeCloseTo(300, 9);
  });

  it("keeps a negative, text or errored year an error in that year's cell only", () => {
    const upstream = new ExcelError("#DIV/0!", "upstream");
    const row = grid(revshareTieredCells([[100, -100, "x", upstream, null]], [[1, 2]], [[0.3, 0.2]], "by_year"));
    expect(row[0][0]).toBeCloseTo(30, 9);
    expectError(row[0][1], "#NUM!", "revenue in year 2 is -100, below 0");
    expectError(row[0][2], "#VALUE!", "revenue in year 3");
    expect(row[0][3]).toBe(upstream);
    expect(row[0][4]).toBe(0);
  });

  it("refuses a block of revenue", () => {
    expectError(
      revshareTieredCells(
        [
          [1, 2],
          [3, 4],
        ],
        [[1]],
        [[0.3]],
        "by_year",
      ),
      "#VALUE!",
      "one row or one column of yearly revenues, not a 2×2 block",
    );
  });

  it("requires the first tier to start in year 1", () => {
    expectError(
      revshareTieredCells([[1, 2]], [[2, 3]], [[0.3, 0.2]], "by_year"),
      "#NUM!",
      'tier_starts item 1 is 2: for "by_year" the first rate must start in contract year 1',
    );
    expectError(revshareTieredCells([[1, 2]], [[0, 1]], [[0.3, 0.2]], "by_year"), "#NUM!", "contract year 1");
  });

  it("requires whole, strictly ascending years", () => {
    expectError(revshareTieredCells([[1, 2]], [[1, 2.5]], [[0.3, 0.2]], "by_year"), "#NUM!", "tier_starts item 2 is 2.5");
    expectError(
      revshareTieredCells([[1, 2]], [[1, 3, 3]], [[0.3, 0.2, 0.1]], "by_year"),
      "#NUM!",
      "strictly ascending: item 3 (3) is not above item 2 (3)",
    );
  });

  it("exposes the pure rule", () => {
    expect(revshareByYear([100000, 100000, 100000], [1, 2, 3], [0.3, 0.2, 0.15])).toEqual([30000, 20000, 15000]);
    expect(() => revshareByYear([100, -1], [1], [0.3])).toThrow("revenue in year 2 is -1");
    expect(() => revshareByYear([100], [2], [0.3])).toThrow(ExcelError);
  });
});

describe("PE.REVSHARE_TIERED structural errors (one error for the call)", () => {
  it("names both counts when tier_starts and rates differ in length", () => {
    expectError(revshareTieredCells(1000, [[0, 100, 200]], [[0.1, 0.2]]), "#VALUE!", "tier_starts has 3 values but rates has 2");
  });

  it("refuses starts that are not strictly ascending", () => {
    expectError(
      revshareTieredCells(1000, [[0, 200, 100]], [[0.1, 0.2, 0.3]]),
      "#NUM!",
      "tier_starts must be strictly ascending: item 3 (100) is not above item 2 (200)",
    );
    expectError(revshareTieredCells(1000, [[0, 0]], [[0.1, 0.2]]), "#NUM!", "strictly ascending");
  });

  it("refuses a negative start (revenue tiers begin at 0 or above)", () => {
    expectError(revshareTieredCells(1000, [[-100, 0]], [[0.1, 0.2]]), "#NUM!", "tier_starts item 1 is -100, below 0");
  });

  it("suggests 30% or 0.3 for a rate typed as 30", () => {
    const error = revshareTieredCells(100000, [[0]], [[30]]) as ExcelError;
    expect(error.code).toBe("#NUM!");
    expect(error.message).toBe("rate 30 is above 1: write 30% or 0.3");
    expectError(revshareTieredCells(100000, 0, 30), "#NUM!", "rate 30 is above 1: write 30% or 0.3");
    expectError(revshareTieredCells(100000, [[0]], [[30]]), "#NUM!", "rate 30 is above 1: write 30% or 0.3");
    expectError(revshareTieredCells(100000, [[0, 10]], [[0.1, 2.5]]), "#NUM!", "rate 2.5 is above 1: write 2.5% or 0.025");
  });

  it("refuses a negative rate", () => {
    expectError(revshareTieredCells(100000, [[0, 10]], [[0.1, -0.2]]), "#NUM!", "rate -0.2 is below 0");
  });

  it("lists the valid methods for an unknown one", () => {
    expectError(
      revshareTieredCells(1000, [[0]], [[0.1]], "flat"),
      "#VALUE!",
      'method "flat" is unknown: use "marginal", "retroactive" or "by_year"',
    );
    expectError(revshareTieredCells(1000, [[0]], [[0.1]], 3), "#VALUE!", "method");
  });

  it("refuses text among starts or rates and passes an errored cell on", () => {
    expectError(revshareTieredCells(1000, [[0, "ten"]], [[0.1, 0.2]]), "#VALUE!", 'tier_starts item 2 is "ten", not a number');
    const upstream = new ExcelError("#N/A", "missing rate");
    expect(revshareTieredCells(1000, [[0, 10]], [[0.1, upstream]])).toBe(upstream);
  });

  it("wants tier_starts and rates as one row or one column", () => {
    expectError(
      revshareTieredCells(
        1000,
        [
          [0, 1],
          [2, 3],
        ],
        [[0.1, 0.2, 0.3, 0.4]],
      ),
      "#VALUE!",
      "tier_starts must be one row or one column",
    );
    expectError(revshareTieredCells([[1, 2], [3]], [[0]], [[0.1]]), "#VALUE!", "revenue is not rectangular");
  });
});

/**
 * Published tiered-commission and tax-bracket examples (their numbers only), each computed the
 * marginal way: every slice at its own tier's rate.
 */
describe("PE.REVSHARE_TIERED against published tiered examples", () => {
  it('Oscar Cronquist, "How to do tiered calculations in one formula", Get Digital Help, https://www.get-digital-help.com/how-to-do-tiered-calculations-in-one-formula/', () => {
    // Levels 0 / 100,000 / 250,000 / 500,000 at 4.5% / 2% / 1.2% / 0.2%.
    const starts = [[0, 100000, 250000, 500000]];
    const rates = [["4.5%", "2%", "1.2%", "0.2%"]];
    const shares = grid(revshareTieredCells([[65000], [125000], [280000], [540000]], starts, rates));
    expect(shares[0][0]).toBeCloseTo(2925, 6);
    expect(shares[1][0]).toBeCloseTo(5000, 6);
    expect(shares[2][0]).toBeCloseTo(7860, 6);
    expect(shares[3][0]).toBeCloseTo(10580, 6);
  });

  it('ExcelForum thread "Tiered fee formula help", https://excelforum.com/excel-formulas-and-functions/1140746-tiered-fee-formula-help-post4395337.html', () => {
    // Tiers from $0, $500, $750 at 3%, 5%, 7.5% (the table without the thread's $10 adder).
    const amounts = [[300, 400, 500, 600, 700, 800, 900]];
    const published = [9, 12, 15, 20, 25, 31.25, 38.75];
    const fees = grid(revshareTieredCells(amounts, [[0, 500, 750]], [[0.03, 0.05, 0.075]]));
    published.forEach((fee, index) => expect(fees[0][index]).toBeCloseTo(fee, 9));
  });

  it('J.E. McGimpsey, "Using SUMPRODUCT() to calculate variable rates and commissions" and "How SUMPRODUCT and differential rates work", http://www.mcgimpsey.com/excel/variablerate.html and http://www.mcgimpsey.com/excel/variablerate1.html', () => {
    // Bands from $0, $6,000, $20,000, $50,000, $60,000 at 0%, 17%, 30%, 42%, 47%; taxable income 55,000 gives 13,480.
    const tax = revshareTieredCells(55000, [[0, 6000, 20000, 50000, 60000]], [[0, 0.17, 0.3, 0.42, 0.47]]);
    expect(single(tax)).toBeCloseTo(13480, 6);
    // Its worked income of 15,000 has 9,000 above the first threshold, all at 17%.
    expect(single(revshareTieredCells(15000, [[0, 6000, 20000, 50000, 60000]], [[0, 0.17, 0.3, 0.42, 0.47]]))).toBeCloseTo(
      9000 * 0.17,
      6,
    );
  });

  it('"Tiered Commission Plan Details", Eclipse help, http://159.66.236.10:2080/Eclipse-Help/CHUI/!SSL!/WebHelp/mergedProjects/PRICE/PRICE_CON_TieredCommissionPlanDetails.htm', () => {
    // GP$ ranges from $0, $200, $500, $1,000 at 2%, 3%, 4%, 5.5%: $1,200 earns $44.00 tiered, and $66.00 at 5.5% on all of it.
    const starts = [[0, 200, 500, 1000]];
    const rates = [[0.02, 0.03, 0.04, 0.055]];
    expect(single(revshareTieredCells(1200, starts, rates))).toBeCloseTo(44, 9);
    expect(single(revshareTieredCells(1200, starts, rates, "retroactive"))).toBeCloseTo(66, 9);
  });

  it('Referello, "Tiered Commission Calculator", https://referello.com/tools/tiered-commission-calculator', () => {
    // 10% up to $10,000 and 20% above: $15,000 of sales pays $2,000.
    expect(single(revshareTieredCells(15000, [[0, 10000]], [[0.1, 0.2]]))).toBeCloseTo(2000, 9);
  });

  it("Australian Taxation Office, resident individual income tax rates 2022–23, https://www.ato.gov.au/rates/individual-income-tax-rates/", () => {
    // Nil to $18,200, then 19%, 32.5% over $45,000, 37% over $120,000, 45% over $180,000: $5,092 at 45,000, $29,467 at 120,000, $51,667 at 180,000.
    const starts = [[0, 18200, 45000, 120000, 180000]];
    const rates = [[0, 0.19, 0.325, 0.37, 0.45]];
    const tax = grid(revshareTieredCells([[45000, 120000, 180000]], starts, rates));
    expect(tax[0][0]).toBeCloseTo(5092, 6);
    expect(tax[0][1]).toBeCloseTo(29467, 6);
    expect(tax[0][2]).toBeCloseTo(51667, 6);
  });
});

describe("pure revenue-share rules", () => {
  it("compute marginal and retroactive shares from clean numbers", () => {
    expect(revshareMarginal(250000, [0, 100000, 200000], [0.1, 0.15, 0.2])).toBeCloseTo(35000, 9);
    expect(revshareRetroactive(250000, [0, 100000, 200000], [0.1, 0.15, 0.2])).toBeCloseTo(50000, 9);
    expect(revshareMarginal(0, [0], [0.3])).toBe(0);
  });

  it("throw a typed error for invalid terms", () => {
    expect(() => revshareMarginal(-1, [0], [0.3])).toThrow("revenue is -1, below 0");
    expect(() => revshareMarginal(1, [0], [30])).toThrow("rate 30 is above 1: write 30% or 0.3");
    expect(() => revshareRetroactive(1, [0, 1], [0.3])).toThrow("tier_starts has 2 values but rates has 1");
    expect(() => revshareRetroactive(Number.NaN, [0], [0.3])).toThrow(ExcelError);
  });
});

describe("tier starts just below 0", () => {
  it("are refused even when the rest of the schedule is plain (the fast path must not skip the check)", () => {
    const result = revshareTieredCells(1000, [[-0.5, 100]], [[0.1, 0.2]]);
    expect(result).toBeInstanceOf(ExcelError);
    expect((result as ExcelError).code).toBe("#NUM!");
  });
});
