import { errorOf, sheetEngine } from "./engine-helpers";

/**
 * PE.PAYOUT_LEDGER, PE.PAYOUT_SCHEDULE, PE.PERIOD and PE.PAYBACK typed as formulas in a
 * HyperFormula sheet: spills sized from their arguments' shapes, omitted arguments, errors with
 * their messages, and recalculation when a transaction changes.
 */
describe("PE.PAYOUT_LEDGER in the engine", () => {
  // A ledger: partner in A, amount in B, date in C (Excel serials), period key in D.
  const ledger = () => [
    ["Acme", 200, 46037, "=PE.PERIOD(C1)"],
    ["Beta", 300, 46040, "=PE.PERIOD(C2)"],
    ["acme", 1500, 46050, "=PE.PERIOD(C3)"],
    ["Beta", 1200, 46070, "=PE.PERIOD(C4)"],
    ["ACME", 2000, 46075, "=PE.PERIOD(C5)"],
    ["Acme", -500, 46080, "=PE.PERIOD(C6)"],
  ];

  it("spills one payout per transaction down a column, keys matched case-insensitively", () => {
    const { values } = sheetEngine([...ledger(), ["=PE.PAYOUT_LEDGER(B1:B6,A1:A6,{0,1000,3000},{0.01,0.02,0.03})"]]);
    // Acme running: 200, 1,700, 3,700, 3,200 → F = 2, 24, 71, 56; Beta: 300, 1,500 → 3, 20.
    const payouts = values("A7:A12").map((row) => row[0] as number);
    [2, 3, 22, 17, 47, -15].forEach((expected, index) => expect(payouts[index]).toBeCloseTo(expected, 9));
  });

  it("restarts each period from the keys PE.PERIOD spills, nested in the call", () => {
    const { values } = sheetEngine([
      ...ledger(),
      ["=PE.PAYOUT_LEDGER(B1:B6,A1:A6,{0,1000,3000},{0.01,0.02,0.03},D1:D6)"],
      [],
      [],
      [],
      [],
      [],
      ['=PE.PAYOUT_LEDGER(B1:B6,A1:A6,{0,1000,3000},{0.01,0.02,0.03},PE.PERIOD(C1:C6,"month"))'],
    ]);
    // January (46037–46053): Acme 200 + 1,500; February (46054–): Beta 1,200, Acme 2,000 − 500.
    const fromColumn = values("A7:A12").map((row) => row[0] as number);
    const nested = values("A13:A18").map((row) => row[0] as number);
    [2, 3, 22, 14, 30, -10].forEach((expected, index) => {
      expect(fromColumn[index]).toBeCloseTo(expected, 9);
      expect(nested[index]).toBeCloseTo(expected, 9);
    });
  });

  it("takes an omitted periods argument before the method, and spills along a row for a row", () => {
    const { value, values } = sheetEngine([
      [600, 600, 600],
      ["a", "a", "b"],
      ['=PE.PAYOUT_LEDGER(A1:C1,A2:C2,{0,1000},{0.1,0.2},,"Retroactive")'],
    ]);
    expect(values("A3:C3")).toEqual([[60, 180, 60]]);
    expect(value("A4")).toBeNull();
  });

  it("recomputes every later payout of the partner when a transaction changes", () => {
    const { engine, value } = sheetEngine([
      [600, "a", "=PE.PAYOUT_LEDGER(A1:A3,B1:B3,{0,1000},{0.1,0.2})"],
      [600, "a"],
      [600, "a"],
    ]);
    expect(value("C3")).toBeCloseTo(120, 9);
    engine.setCellContents({ sheet: 0, row: 0, col: 0 }, 0);
    expect(value("C2")).toBeCloseTo(60, 9);
    expect(value("C3")).toBeCloseTo(80, 9);
  });

  it("reports shapes that differ, a text amount and a by_year method as #VALUE! with their messages", () => {
    // Each formula has the cells below it free: an error still reserves the spill area its arguments' shapes predict.
    const { value } = sheetEngine([
      [100, "a", "=PE.PAYOUT_LEDGER(A1:A2,B1:B3,0,0.1)", "=PE.PAYOUT_LEDGER(A1:A2,B1:B2,0,0.1)"],
      ["lots", "a"],
      [1, "a", '=PE.PAYOUT_LEDGER(A1,B1,0,0.1,,"by_year")', "=PE.PAYOUT_LEDGER(A1,B1,{0,10},{0.1,20})"],
    ]);
    expect(errorOf(value("C1"))).toEqual({
      type: "VALUE",
      message: expect.stringContaining("partners is 3×1 but amounts is 2×1"),
    });
    expect(errorOf(value("D1"))).toEqual({ type: "VALUE", message: expect.stringContaining('amounts item 2 is "lots"') });
    expect(errorOf(value("C3"))).toEqual({ type: "VALUE", message: expect.stringContaining('use "marginal" or "retroactive"') });
    expect(errorOf(value("D3"))).toEqual({ type: "NUM", message: "rate 20 is above 1: write 20% or 0.2" });
  });
});

describe("PE.PAYOUT_TOTALS in the engine", () => {
  // Partner in A, payout in B, period in C; the summary's labels in E2:E4 (partners) and F1:G1 (periods).
  const sheet = (): (string | number | null)[][] => [
    ["Acme", 10, "2026-01", null, null, "2026-01", "2026-02"],
    ["beta", 20, "2026-01", null, "Acme"],
    ["ACME", 30, "2026-02", null, "Beta"],
    [">0", 40, "2026-02", null, ">0"],
    ["=PE.PAYOUT_TOTALS(B1:B4,A1:A4,C1:C4,E2:E4,F1:G1)"],
  ];

  it("spills one row per partner label and one column per period label, keys matched like =", () => {
    const { values, value } = sheetEngine(sheet());
    expect(values("A5:B7")).toEqual([
      [10, 30],
      [20, 0],
      [0, 40],
    ]);
    expect(value("C5")).toBeNull();
    expect(value("A8")).toBeNull();
  });

  it("follows a changed transaction and a changed label, and gives what a SUMIFS grid gives for plain keys", () => {
    const { engine, value } = sheetEngine([...sheet(), [], [], ['=SUMIFS(B1:B4,A1:A4,"acme",C1:C4,"2026-02")']]);
    expect(value("B5")).toBe(value("A8"));
    engine.setCellContents({ sheet: 0, row: 2, col: 1 }, 35);
    expect(value("B5")).toBe(35);
    engine.setCellContents({ sheet: 0, row: 1, col: 4 }, "Gamma");
    expect(value("A5")).toBe(0);
  });

  it("reports a text amount as #VALUE! naming its position, and reserves the spill its labels predict", () => {
    const { value } = sheetEngine([
      [1, "a", "t", "=PE.PAYOUT_TOTALS(A1:A2,B1:B2,C1:C2,B1:B2,C1)"],
      ["lots", "a", "t"],
    ]);
    expect(errorOf(value("D1"))).toEqual({ type: "VALUE", message: expect.stringContaining('amounts item 2 is "lots"') });
  });
});

describe("PE.PAYOUT_SCHEDULE in the engine", () => {
  it("the issue's draw: paid and balance spill along the row of earnings", () => {
    const { values } = sheetEngine([
      [500, 700, 400],
      ["=PE.PAYOUT_SCHEDULE(A1:C1,1000)"],
      ['=PE.PAYOUT_SCHEDULE(A1:C1,1000,,,,"balance")'],
    ]);
    expect(values("A2:C2")).toEqual([[1000, 1000, 1000]]);
    expect(values("A3:C3")).toEqual([[-500, -800, -1400]]);
  });

  it("takes a per-period cap from a range, TRUE/FALSE switches, and spills down a column", () => {
    const { values } = sheetEngine([
      [3000, 2000, "=PE.PAYOUT_SCHEDULE(A1:A3,,B1:B3)", "=PE.PAYOUT_SCHEDULE(A1:A3,,B1:B3,,FALSE())"],
      [500, 2000],
      [0, 2000],
    ]);
    expect(values("C1:D3")).toEqual([
      [2000, 2000],
      [1500, 500],
      [0, 0],
    ]);
  });

  it("refuses a floor above the cap (#NUM!) and an unknown output (#VALUE! listing the valid ones)", () => {
    const { value } = sheetEngine([["=PE.PAYOUT_SCHEDULE({1;2},1000,500)", '=PE.PAYOUT_SCHEDULE({1;2},,,,,"owed")']]);
    expect(errorOf(value("A1")).type).toBe("NUM");
    expect(errorOf(value("B1"))).toEqual({ type: "VALUE", message: expect.stringContaining('use "paid" or "balance"') });
  });
});

describe("PE.PERIOD in the engine", () => {
  it("keys the dates HyperFormula's DATE gives, by month, quarter and fiscal year", () => {
    const { value } = sheetEngine([
      [
        "=PE.PERIOD(DATE(2026,3,15))",
        '=PE.PERIOD(DATE(2026,3,15),"quarter",4)',
        '=PE.PERIOD(DATE(2026,4,1),"quarter",4)',
        '=PE.PERIOD(DATE(2026,4,1),"YEAR",4)',
        "=PE.PERIOD(DATE(2026,4,1),,4)",
      ],
    ]);
    expect(["A1", "B1", "C1", "D1", "E1"].map(value)).toEqual(["2026-03", "FY2026-Q4", "FY2027-Q1", "FY2027", "2026-04"]);
  });

  it("spills a same-shaped block of keys, a bad date an error in its own cell", () => {
    const { values, value } = sheetEngine([
      [46096, 46113, '=PE.PERIOD(A1:B2,"quarter")'],
      ["soon", 0],
      ['=PE.PERIOD(46096,"week")', "=PE.PERIOD(46096,,13)"],
    ]);
    const block = values("C1:D2");
    expect(block[0]).toEqual(["2026-Q1", "2026-Q2"]);
    expect(errorOf(block[1][0]).type).toBe("VALUE");
    expect(errorOf(block[1][1]).type).toBe("NUM");
    expect(errorOf(value("A3"))).toEqual({ type: "VALUE", message: expect.stringContaining('use "month", "quarter" or "year"') });
    expect(errorOf(value("B3")).type).toBe("NUM");
  });
});

describe("PE.PAYBACK in the engine", () => {
  it("the issue's three examples, from a range and from array constants", () => {
    const { value } = sheetEngine([
      [-1000, 300, 400, 500, "=PE.PAYBACK(A1:D1)"],
      ["=PE.PAYBACK({-1000,500,500,500},10%)", "=PE.PAYBACK({-1000,300,400,500},10%)", "=PE.PAYBACK(A1:D1,10)"],
    ]);
    expect(value("E1")).toBeCloseTo(2.6, 12);
    expect(value("A2")).toBe(2.352);
    expect(errorOf(value("B2"))).toEqual({
      type: "NA",
      message: expect.stringContaining("not paid back within the periods given"),
    });
    expect(errorOf(value("C2"))).toEqual({ type: "NUM", message: "rate 10 is above 1: write 10% or 0.1" });
  });
});
