import { ensureCliBuilt, peCalc } from "./support";

/** `pe-calc eval` end to end: the built bundle started by bin/pe-calc.js, as `npx pe-calc` runs it. */
beforeAll(ensureCliBuilt);

describe("pe-calc eval with one formula", () => {
  it("prints the result of one formula and exits 0", () => {
    expect(peCalc(["eval", "=PE.PARTNER_SCORE({5,4,3,2,1})"])).toEqual({ status: 0, stdout: "70\n", stderr: "" });
  });

  it("accepts a formula without the leading =", () => {
    expect(peCalc(["eval", "PE.TIER(72)"]).stdout).toBe("Tier 2\n");
  });

  it("prints an error as its code, a space and the message, and still exits 0", () => {
    expect(peCalc(["eval", "=PE.REVSHARE_TIERED(100000,{0},{30})"])).toEqual({
      status: 0,
      stdout: "#NUM! rate 30 is above 1: write 30% or 0.3\n",
      stderr: "",
    });
    expect(peCalc(["eval", "=1/0"])).toEqual({ status: 0, stdout: "#DIV/0!\n", stderr: "" });
  });

  it("prints an array in Excel's array-constant notation, text in double quotes", () => {
    expect(peCalc(["eval", "={30000,24000;1,2}"]).stdout).toBe("{30000,24000;1,2}\n");
    expect(peCalc(["eval", "=PE.TIER({90,75;55,10})"]).stdout).toBe('{"Tier 1","Tier 2";"Tier 3","Not qualified"}\n');
  });

  it("prints booleans as TRUE and FALSE", () => {
    expect(peCalc(["eval", "=PE.TIER_STABLE({5,5,5,5,5})"]).stdout).toBe("TRUE\n");
    expect(peCalc(["eval", "=PE.TIER_STABLE({5,4,3,2,1})"]).stdout).toBe("FALSE\n");
  });

  it("exits non-zero with a one-line message for a formula that does not parse", () => {
    const run = peCalc(["eval", "=SUM(PE.TIER(72)"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('pe-calc eval: cannot parse =SUM(PE.TIER(72): 1 "(" not closed\n');
  });

  it("refuses an unknown option with a usage error", () => {
    const run = peCalc(["eval", "--precision=2", "=1"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("pe-calc eval reading standard input", () => {
  it("prints one result a line, in order, with an empty line for an empty one", () => {
    const input = [
      "=PE.TIER(72)",
      "",
      "=PE.REVSHARE_TIERED(100000,{0},{30})",
      "PE.WALK_GATE(7,10)",
      "=NOSUCH(1)",
      "=PE.TIER({90;40})",
    ].join("\n");
    const run = peCalc(["eval"], `${input}\n`);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")).toEqual([
      "Tier 2",
      "",
      "#NUM! rate 30 is above 1: write 30% or 0.3",
      "GO",
      "#NAME? Function name NOSUCH not recognized.",
      '{"Tier 1";"Not qualified"}',
      "",
    ]);
  });

  it("reports unparsable lines on standard error by line number, prints the others and exits 1", () => {
    const run = peCalc(["eval"], "=1+1\r\n=SUM(1;2)\r\n=2+2\r\n=1+\r\n");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("2\n\n4\n\n");
    const problems = run.stderr.trim().split("\n");
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^pe-calc eval: line 2: cannot parse =SUM\(1;2\): arguments are separated by ","/);
    expect(problems[1]).toMatch(/^pe-calc eval: line 4: cannot parse =1\+: /);
  });

  it("reads standard input for `eval -` too, and prints nothing for empty input", () => {
    expect(peCalc(["eval", "-"], "=PE.TIER(90)").stdout).toBe("Tier 1\n");
    expect(peCalc(["eval"], "")).toEqual({ status: 0, stdout: "", stderr: "" });
  });
});

describe("pe-calc eval on the examples of the issues and of READING.md", () => {
  const examples: Array<[string, string]> = [
    // Issue 2: built-ins mixed with PE functions; the rate typed as 30.
    ["=SUM(PE.REVSHARE_TIERED({100000,200000},{0,50000},{0.1,0.2}))", "50000"],
    ["=PE.REVSHARE_TIERED(100000,{0},{30})", "#NUM! rate 30 is above 1: write 30% or 0.3"],
    // Framework weights 30/25/20/15/10, as percentages or fractions, and the all-top score of exactly 100.
    ["=PE.PARTNER_SCORE({5,4,3,2,1})", "70"],
    ["=PE.PARTNER_SCORE({5,4,3,2,1},{30,25,20,15,10})", "70"],
    ["=PE.PARTNER_SCORE({5,5,5,5,5},{0.3,0.25,0.2,0.15,0.1})", "100"],
    ["=PE.TIER(PE.PARTNER_SCORE({5,5,5,5,5},{7,1,3,2,9}))", "Tier 1"],
    ["=PE.PARTNER_SCORE({5,4,3,2,1;5,5,5,5,5})", "{70;100}"],
    // Tier bands of file 002: 85–100, 70–84, 50–69, below 50.
    ["=PE.TIER(85)", "Tier 1"],
    ["=PE.TIER(84.9)", "Tier 2"],
    ["=PE.TIER(70)", "Tier 2"],
    ["=PE.TIER(50)", "Tier 3"],
    ["=PE.TIER(49.999999999999986)", "Tier 3"],
    ["=PE.TIER(49.9)", "Not qualified"],
    ['=PE.TIER(72,{90,60},{"Gold","Silver","Bronze"})', "Silver"],
    // 30% year 1, 20% year 2, 15% from year 3 on.
    ['=PE.REVSHARE_TIERED({100000,100000,100000,100000},{1,2,3},{30%,20%,15%},"by_year")', "{30000,20000,15000,15000}"],
    ['=PE.REVSHARE_TIERED(100000,{0,50000},{0.1,0.2},"retroactive")', "20000"],
    // The greater of 12 months of fees or $500K; indemnity at 2× annual value.
    ["=PE.LIABILITY_CAP({50000,50000,50000,50000,50000,50000,50000,50000,50000,50000,50000,50000},500000)", "600000"],
    ["=PE.LIABILITY_CAP({10000,10000,10000},500000)", "500000"],
    ["=PE.LIABILITY_CAP(250000,0,2)", "500000"],
    // Referral fee 10–30% of first-year revenue; 35% off list → the reseller keeps 35% of list.
    ["=PE.REFERRAL_FEE(120000,20%)", "24000"],
    ["=PE.REFERRAL_FEE(10000,10%,500,5000)", "1000"],
    ["=PE.RESELLER_MARGIN(1000,35%,10)", "3500"],
    // Crawl: GO at ≥ 20% improvement; walk: GO at ≥ 70% adoption.
    ["=PE.CRAWL_GATE(100,120)", "GO"],
    ['=PE.CRAWL_GATE(10,9,,"lower")', "NO-GO"],
    ["=PE.WALK_GATE(7,10)", "GO"],
    ["=PE.WALK_GATE(6,10)", "NO-GO"],
    ["=PE.TIER_GAP(72)", "13"],
  ];

  it("gives the stated result for every example, one line each, in one run", () => {
    const run = peCalc(["eval"], examples.map(([formula]) => formula).join("\n"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n").slice(0, -1);
    expect(lines.map((line, index) => [examples[index][0], line])).toEqual(examples);
  });
});
