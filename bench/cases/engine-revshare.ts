import type { HyperFormula } from "hyperformula";
import { columnValues, requireSameResults } from "../check";
import { fullRecalculation } from "../engine-build";
import { dealRevenues } from "../fixtures";
import { compare, roundsFor, type BenchOptions, type CaseResult } from "../harness";
import { revshareSheet, SHARE_COLUMN } from "../sheets";

/** Tiered revenue share over 10,000 deals: PE.REVSHARE_TIERED against the classic SUMPRODUCT. */
export const REVSHARE_DEALS = 10_000;

export async function engineRevshareCases(options: BenchOptions): Promise<CaseResult[]> {
  const revenues = dealRevenues(REVSHARE_DEALS);
  const shares: { ours?: ReturnType<typeof columnValues>; reference?: ReturnType<typeof columnValues> } = {};
  const keep = (side: "ours" | "reference") => (hf: HyperFormula) => {
    shares[side] = columnValues(hf, SHARE_COLUMN, 1, revenues.length);
  };
  const result = await compare({
    name: "tiered rev share 10,000 rows, 4 tiers, full recalculation: PE.REVSHARE_TIERED marginal vs SUMPRODUCT((x>t)*(x-t)*dr)",
    target: 1.0,
    rounds: roundsFor(5, options),
    ours: fullRecalculation(revshareSheet(revenues, "pe"), keep("ours")),
    reference: fullRecalculation(revshareSheet(revenues, "builtin"), keep("reference")),
  });
  requireSameResults("tiered rev share", shares.ours ?? [], shares.reference ?? []);
  return [result];
}
