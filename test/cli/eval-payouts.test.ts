import { ensureCliBuilt, peCalc } from "./support";

/** `pe-calc eval` gives the worked examples of the payout, totals, period and payback functions (issues 12 and 16). */
beforeAll(ensureCliBuilt);

const STEP_LEDGER = '{200;300;1500;1200;2000;4500},{"a";"b";"c";"d";"e";"f"},{0,1000,3000},{0.01,0.02,0.03}';

const examples: Array<[formula: string, printed: string]> = [
  // The published step-rate example: each transaction its own group.
  [`=PE.PAYOUT_LEDGER(${STEP_LEDGER})`, "{2;3;20;14;30;95}"],
  [`=SUM(PE.PAYOUT_LEDGER(${STEP_LEDGER}))`, "164"],
  ['=PE.PAYOUT_LEDGER({600;600;-600},{"Acme";"ACME";"acme"},{0,1000},{0.1,0.2})', "{60;80;-80}"],
  [
    '=PE.PAYOUT_LEDGER({100;200},{"a";"b"},0,0.1,,"by_year")',
    '#VALUE! method "by_year" does not apply to a ledger (running totals have no contract years): use "marginal" or "retroactive"',
  ],
  // A recoverable draw of 1,000: the partner owes 1,400 of advanced draws.
  ["=PE.PAYOUT_SCHEDULE({500,700,400},1000)", "{1000,1000,1000}"],
  ['=PE.PAYOUT_SCHEDULE({500,700,400},1000,,,,"balance")', "{-500,-800,-1400}"],
  ['=PE.PAYOUT_SCHEDULE({500,700,400},1000,,,,"owed")', '#VALUE! output "owed" is unknown: use "paid" or "balance"'],
  // Totals by partner and period in one pass: keys match like =, never as SUMIFS criteria.
  ['=PE.PAYOUT_TOTALS({1;2;3;4},{"a";"A";"b";"a"},{"x";"x";"x";"y"},{"a";"b";"c"},{"x","y"})', "{3,4;3,0;0,0}"],
  ['=PE.PAYOUT_TOTALS({10;20},{">0";"A*"},{"t";"t"},{">0";"A*";"Abc"},"t")', "{10;20;0}"],
  // Fiscal year from April: 2026-03-15 → FY2026-Q4; 2026-04-01 → FY2027-Q1, FY2027, and the calendar month.
  ['=PE.PERIOD(DATE(2026,3,15),"quarter",4)', "FY2026-Q4"],
  ['=PE.PERIOD(DATE(2026,4,1),"quarter",4)', "FY2027-Q1"],
  ['=PE.PERIOD(DATE(2026,4,1),"year",4)', "FY2027"],
  ["=PE.PERIOD(DATE(2026,4,1),,4)", "2026-04"],
  ["=PE.PERIOD(46096)", "2026-03"],
  // Payback: 2.6; 2.352 at 10%; not paid back at 10%.
  ["=PE.PAYBACK({-1000,300,400,500})", "2.6"],
  ["=PE.PAYBACK({-1000,500,500,500},10%)", "2.352"],
  ["=PE.PAYBACK({-1000,300,400,500},10%)", "#N/A not paid back within the periods given: the cumulative cash flow stays below 0"],
  ["=PE.PAYBACK({-1000,300,400,500},10)", "#NUM! rate 10 is above 1: write 10% or 0.1"],
];

describe("pe-calc eval: the payout, period and payback examples", () => {
  it("prints the stated result for every example, one line each, in one run", () => {
    const run = peCalc(["eval"], examples.map(([formula]) => formula).join("\n"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n").slice(0, -1);
    expect(lines.map((line, index) => [examples[index][0], line])).toEqual(examples);
  });
});
