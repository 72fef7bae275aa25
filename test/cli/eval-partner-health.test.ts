import { ensureCliBuilt, peCalc } from "./support";

/** `pe-calc eval` gives issue 15's examples (partner health over time), one line each, in one run. */
beforeAll(ensureCliBuilt);

describe("pe-calc eval on the examples of issue 15", () => {
  const examples: Array<[string, string]> = [
    // "3+ quarters below target → exit review"; "2+ quarters met → expand".
    ["=PE.STREAK({90,110,120,80,70,95},100)", "3"],
    ['=PE.STREAK({90,110,120,80,70,95},100,"met")', "0"],
    ['=PE.STREAK({80,105,110,"",""},100,"Met")', "2"],
    [
      '=PE.STREAK({90,110},100,"missed")',
      '#VALUE! which "missed" is unknown: use "below" (periods below target, the default) or "met"',
    ],
    ['=PE.STREAK({90,"n/a"},100)', '#VALUE! actuals item 2 is "n/a", not a number'],
    ["=PE.PARTNER_STATUS({120,90,80,70},100)", "Exit review"],
    ["=PE.PARTNER_STATUS({90,100,110},100)", "Expand"],
    ["=PE.PARTNER_STATUS({120,130,90},100)", "Course-correct"],
    ["=PE.PARTNER_STATUS({80,90,100},100)", "Maintain"],
    ['=PE.PARTNER_STATUS({"",""},100)', "#N/A no reported period: actuals has no number yet"],
    // A 1-year term from 2024-02-29 ends 2025-02-28; a 3-month term from 2026-01-31 ends 2026-04-30.
    ["=PE.TERM_END(DATE(2024,2,29),1)", "45716"],
    ['=TEXT(PE.TERM_END(DATE(2024,2,29),1),"yyyy-mm-dd")', "2025-02-28"],
    ["=PE.TERM_END(DATE(2026,1,31),0.25)", "46142"],
    ['=TEXT(PE.TERM_END(DATE(2026,1,31),0.25),"yyyy-mm-dd")', "2026-04-30"],
    ['=TEXT(PE.TERM_END(DATE(2024,1,1),2,1,DATE(2026,3,15)),"yyyy-mm-dd")', "2026-12-31"],
    ['=TEXT(PE.TERM_END(DATE(2024,1,1),2,0,DATE(2026,3,15)),"yyyy-mm-dd")', "2025-12-31"],
    ["=PE.TERM_END(1,2/12)", "60"],
    [
      "=PE.TERM_END(DATE(2024,1,1),0.1)",
      "#NUM! initial_years is 0.1, which is 1.2 months: a term must be whole months, e.g. 0.25 for 3 months or 1/12 for one",
    ],
    ["=PE.HEALTH({0.9,1.2,0.5})", "80"],
    ["=PE.HEALTH({1,1,1;0.5,0.5,0.5})", "{100;50}"],
    [
      '=PE.TIER(PE.HEALTH({0.9,1.2,0.5;0.6,0.7,0.5;0.1,0.3,0.2}),{80,60,40},{"Healthy","Watch","At risk","Critical"})',
      '{"Healthy";"Watch";"Critical"}',
    ],
    ["=PE.HEALTH({1,0.5},{1,2,3})", "#VALUE! weights has 3 values but attainments has 2: give one weight per attainment"],
  ];

  it("gives the stated result for every example", () => {
    const run = peCalc(["eval"], examples.map(([formula]) => formula).join("\n"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n").slice(0, -1);
    // Printed to full precision: 79.99999999999999 is what Excel also computes for (0.9+1+0.5)/3·100.
    const shown = lines.map((line) => line.replace(/\d+\.\d{12,}/g, (number) => String(Number(Number(number).toPrecision(12)))));
    expect(shown.map((line, index) => [examples[index][0], line])).toEqual(examples);
  });
});
