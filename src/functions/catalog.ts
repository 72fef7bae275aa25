import type { FunctionResult } from "../core/excel-values";
import { crawlGateCells, walkGateCells } from "../core/gates";
import { liabilityCapCells } from "../core/liability";
import { paybackCells } from "../core/payback";
import { payoutLedgerCells } from "../core/payout-ledger";
import { payoutScheduleCells } from "../core/payout-schedule";
import { periodCells } from "../core/period";
import { referralFeeCells } from "../core/referral";
import { resellerMarginCells } from "../core/reseller";
import { revshareTieredCells } from "../core/revshare";
import { partnerScoreCells } from "../core/scoring";
import { tierStableCells } from "../core/stability";
import { tierCells, tierGapCells } from "../core/tiers";
import { partnerStatusCells, streakCells } from "../core/streaks";
import { termEndCells } from "../core/term-end";
import { healthCells } from "../core/health";
import { oneCell, onePerRowOf, sameShapeAs, type ResultShapeRule } from "./shapes";

/**
 * Binds each custom-function ID (as declared by `@customfunction` in functions.ts, and so in the
 * generated functions.json) to its host-agnostic implementation in core. The Excel wrappers and
 * the engine both call through this table; the metadata itself is never retyped here.
 */
export interface FunctionBinding {
  /** Excel-shaped arguments in (an omitted one is null or undefined); a result or a typed error out. Never throws. */
  compute: (...args: unknown[]) => FunctionResult;
  resultShape: ResultShapeRule;
}

export const catalog = {
  PARTNER_SCORE: { compute: partnerScoreCells, resultShape: onePerRowOf(0) },
  TIER: { compute: tierCells, resultShape: sameShapeAs(0) },
  REVSHARE_TIERED: { compute: revshareTieredCells, resultShape: sameShapeAs(0) },
  LIABILITY_CAP: { compute: liabilityCapCells, resultShape: oneCell },
  CRAWL_GATE: { compute: crawlGateCells, resultShape: oneCell },
  WALK_GATE: { compute: walkGateCells, resultShape: oneCell },
  TIER_GAP: { compute: tierGapCells, resultShape: sameShapeAs(0) },
  TIER_STABLE: { compute: tierStableCells, resultShape: onePerRowOf(0) },
  REFERRAL_FEE: { compute: referralFeeCells, resultShape: oneCell },
  RESELLER_MARGIN: { compute: resellerMarginCells, resultShape: oneCell },
  STREAK: { compute: streakCells, resultShape: oneCell },
  PARTNER_STATUS: { compute: partnerStatusCells, resultShape: oneCell },
  TERM_END: { compute: termEndCells, resultShape: oneCell },
  HEALTH: { compute: healthCells, resultShape: onePerRowOf(0) },
  PAYOUT_LEDGER: { compute: payoutLedgerCells, resultShape: sameShapeAs(0) },
  PAYOUT_SCHEDULE: { compute: payoutScheduleCells, resultShape: sameShapeAs(0) },
  PERIOD: { compute: periodCells, resultShape: sameShapeAs(0) },
  PAYBACK: { compute: paybackCells, resultShape: oneCell },
} satisfies Record<string, FunctionBinding>;

export type FunctionId = keyof typeof catalog;

export function bindingFor(id: string): FunctionBinding | undefined {
  return Object.prototype.hasOwnProperty.call(catalog, id) ? catalog[id as FunctionId] : undefined;
}
