import { revshareMarginal } from "../../src/core/revshare";
import { partnerScore } from "../../src/core/scoring";
import { DEFAULT_TIER_SCHEME, tierOf } from "../../src/core/tiers";
import * as excel from "../../src/functions/functions";
import { installCustomFunctionsStub } from "../custom-functions-stub";
import { dealRevenues, FRAMEWORK_WEIGHT_VALUES, partnerRatings, RATING_SCALE, REVSHARE_SCHEDULE } from "../fixtures";
import { compare, roundsFor, timed, type BenchOptions, type CaseResult } from "../harness";

/**
 * What the Excel wrappers add (reading Excel-shaped arguments, 2-D arrays and omitted nulls, the
 * per-cell error guard, mapping results and errors to CustomFunctions) over calling core's pure
 * rules with clean numbers. One call per partner row or deal, as a per-row formula makes Excel do.
 */
export const ADAPTER_CALLS = 100_000;
const BLOCK_PARTNERS = 10_000;
const POOL_SIZE = 1024;
/** Excel passes an omitted optional argument as null (the wrappers' signatures say optional). */
const OMITTED = null as unknown as undefined;

function requireSame(what: string, ours: number, reference: number): void {
  if (Math.abs(ours - reference) > 1e-9 * Math.max(1, Math.abs(reference))) {
    throw new Error(`${what}: the wrappers sum to ${ours} but core to ${reference}`);
  }
}

export async function adapterCases(options: BenchOptions): Promise<CaseResult[]> {
  const uninstall = installCustomFunctionsStub();
  try {
    const calls = options.quick ? ADAPTER_CALLS / 10 : ADAPTER_CALLS;
    const ratings = partnerRatings(POOL_SIZE, 5);
    const ratingRows = ratings.map((partner) => [partner]); // B2:F2 arrives as [[r1, r2, r3, r4, r5]]
    const weights = [...FRAMEWORK_WEIGHT_VALUES];
    const weightRow = [weights];
    const sums = { score: [0, 0], share: [0, 0] };
    const tierCounts = [0, 0];

    const scoring = await compare({
      name: "Excel adapter overhead: PARTNER_SCORE + TIER wrappers per row (Excel-shaped input) vs core partnerScore + tierOf",
      target: 2,
      rounds: roundsFor(9, options),
      ours: () =>
        timed(() => {
          let sum = 0;
          let tier1 = 0;
          for (let call = 0; call < calls; call++) {
            const score = excel.partnerScore(ratingRows[call & (POOL_SIZE - 1)], weightRow, OMITTED)[0][0] as number;
            if (excel.tier([[score]], OMITTED, OMITTED)[0][0] === "Tier 1") tier1++;
            sum += score;
          }
          sums.score[0] = sum;
          tierCounts[0] = tier1;
        }),
      reference: () =>
        timed(() => {
          let sum = 0;
          let tier1 = 0;
          for (let call = 0; call < calls; call++) {
            const score = partnerScore(ratings[call & (POOL_SIZE - 1)], weights, RATING_SCALE);
            if (tierOf(score, DEFAULT_TIER_SCHEME) === "Tier 1") tier1++;
            sum += score;
          }
          sums.score[1] = sum;
          tierCounts[1] = tier1;
        }),
    });
    requireSame("partner scores", sums.score[0], sums.score[1]);
    requireSame("Tier 1 count", tierCounts[0], tierCounts[1]);

    const revenues = dealRevenues(POOL_SIZE, 6);
    const revenueCells = revenues.map((revenue) => [[revenue]]);
    const starts = [...REVSHARE_SCHEDULE.starts];
    const rates = [...REVSHARE_SCHEDULE.rates];
    const startRow = [starts];
    const rateRow = [rates];
    const revshare = await compare({
      name: "Excel adapter overhead: REVSHARE_TIERED wrapper per deal (Excel-shaped input) vs core revshareMarginal",
      target: 2,
      rounds: roundsFor(9, options),
      ours: () =>
        timed(() => {
          let sum = 0;
          for (let call = 0; call < calls; call++)
            sum += excel.revshareTiered(revenueCells[call & (POOL_SIZE - 1)], startRow, rateRow, OMITTED)[0][0] as number;
          sums.share[0] = sum;
        }),
      reference: () =>
        timed(() => {
          let sum = 0;
          for (let call = 0; call < calls; call++) sum += revshareMarginal(revenues[call & (POOL_SIZE - 1)], starts, rates);
          sums.share[1] = sum;
        }),
    });
    requireSame("rev shares", sums.share[0], sums.share[1]);

    // The spilled form: one call reads a 10,000 × 5 block, as =PE.TIER(PE.PARTNER_SCORE(B2:F10001)) does.
    const block = partnerRatings(BLOCK_PARTNERS, 7);
    const blockSums = [0, 0];
    const spilled = await compare({
      name: "Excel adapter overhead, spilled: PARTNER_SCORE(10,000 × 5 block) + TIER(scores) wrappers vs a core partnerScore + tierOf loop",
      target: 2,
      rounds: roundsFor(9, options),
      ours: () =>
        timed(() => {
          const scores = excel.partnerScore(block, weightRow, OMITTED);
          const tiers = excel.tier(scores, OMITTED, OMITTED);
          let sum = 0;
          for (let row = 0; row < scores.length; row++) sum += (scores[row][0] as number) + (tiers[row][0] === "Tier 1" ? 1 : 0);
          blockSums[0] = sum;
        }),
      reference: () =>
        timed(() => {
          let sum = 0;
          for (const partner of block) {
            const score = partnerScore(partner, weights, RATING_SCALE);
            sum += score + (tierOf(score, DEFAULT_TIER_SCHEME) === "Tier 1" ? 1 : 0);
          }
          blockSums[1] = sum;
        }),
    });
    requireSame("spilled scores", blockSums[0], blockSums[1]);
    return [scoring, revshare, spilled];
  } finally {
    uninstall();
  }
}
