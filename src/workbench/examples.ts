/** Formulas offered on the page with one click: the examples, an error among them. */
export const EXAMPLE_FORMULAS: readonly string[] = [
  "=PE.TIER(PE.PARTNER_SCORE({4,5,3,4,5}))",
  "=PE.PARTNER_SCORE({5,5,5,5,5;1,1,1,1,1})",
  "=PE.REVSHARE_TIERED(250000,{0,100000,200000},{0.1,0.15,0.2})",
  "=PE.LIABILITY_CAP({40000,40000,40000}, 500000)",
  '=SUM(PE.REVSHARE_TIERED({100000,120000,150000},{1,2,3},{0.3,0.2,0.15},"by_year"))',
  "=PE.REVSHARE_TIERED(100000,{0},{30})",
];
