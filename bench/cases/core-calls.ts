import { revshareMarginal } from "../../src/core/revshare";
import { partnerScore } from "../../src/core/scoring";
import { dealRevenues, FRAMEWORK_WEIGHT_VALUES, partnerRatings, RATING_SCALE, REVSHARE_SCHEDULE } from "../fixtures";
import { compare, roundsFor, timed, type BenchOptions, type CaseResult } from "../harness";

/**
 * Core's pure rules against a hand-written loop doing the same arithmetic with no checks: the
 * price of validation, tolerance and the exactness guarantees, per call. Inputs cycle through a
 * pool so that neither side sees one constant input; both sides' sums must agree.
 */
export const CORE_CALLS = 1_000_000;
const POOL_SIZE = 1024; // a power of two: the index is a mask

function requireSameSum(what: string, ours: number, reference: number): void {
  if (Math.abs(ours - reference) > 1e-9 * Math.max(1, Math.abs(reference))) {
    throw new Error(`${what}: core sums to ${ours} but the inline loop to ${reference}`);
  }
}

export async function coreCallCases(options: BenchOptions): Promise<CaseResult[]> {
  const calls = options.quick ? CORE_CALLS / 10 : CORE_CALLS;
  const ratings = partnerRatings(POOL_SIZE, 3);
  const weights = [...FRAMEWORK_WEIGHT_VALUES];
  const revenues = dealRevenues(POOL_SIZE, 4);
  const starts = [...REVSHARE_SCHEDULE.starts];
  const rates = [...REVSHARE_SCHEDULE.rates];
  const sums = { score: [0, 0], share: [0, 0] };

  const scoring = await compare({
    name: "core partnerScore, 1,000,000 calls vs inline weighted-sum loop",
    target: 3,
    rounds: roundsFor(9, options),
    ours: () =>
      timed(() => {
        let sum = 0;
        for (let call = 0; call < calls; call++) sum += partnerScore(ratings[call & (POOL_SIZE - 1)], weights, RATING_SCALE);
        sums.score[0] = sum;
      }),
    reference: () =>
      timed(() => {
        let sum = 0;
        for (let call = 0; call < calls; call++) {
          const partner = ratings[call & (POOL_SIZE - 1)];
          let weighted = 0;
          let total = 0;
          for (let criterion = 0; criterion < partner.length; criterion++) {
            weighted += weights[criterion] * partner[criterion];
            total += weights[criterion];
          }
          sum += (100 * weighted) / (total * RATING_SCALE);
        }
        sums.score[1] = sum;
      }),
  });
  requireSameSum("partnerScore", sums.score[0], sums.score[1]);

  const revshare = await compare({
    name: "core revshareMarginal (4 tiers), 1,000,000 calls vs inline tier loop",
    target: 3,
    rounds: roundsFor(9, options),
    ours: () =>
      timed(() => {
        let sum = 0;
        for (let call = 0; call < calls; call++) sum += revshareMarginal(revenues[call & (POOL_SIZE - 1)], starts, rates);
        sums.share[0] = sum;
      }),
    reference: () =>
      timed(() => {
        let sum = 0;
        for (let call = 0; call < calls; call++) {
          const revenue = revenues[call & (POOL_SIZE - 1)];
          let share = 0;
          for (let tier = 0; tier < starts.length && revenue > starts[tier]; tier++) {
            const top = tier + 1 < starts.length ? Math.min(revenue, starts[tier + 1]) : revenue;
            share += rates[tier] * (top - starts[tier]);
          }
          sum += share;
        }
        sums.share[1] = sum;
      }),
  });
  requireSameSum("revshareMarginal", sums.share[0], sums.share[1]);
  return [scoring, revshare];
}
