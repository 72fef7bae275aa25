import type { FunctionResult } from "./excel-values";
import { crawlGateCells, walkGateCells } from "./gates";
import { liabilityCapCells } from "./liability";
import { paybackCells } from "./payback";
import { payoutLedgerCells } from "./payout-ledger";
import { payoutScheduleCells } from "./payout-schedule";
import { payoutTotalsCells } from "./payout-totals";
import { periodCells } from "./period";
import { referralFeeCells } from "./referral";
import { resellerMarginCells } from "./reseller";
import { revshareTieredCells } from "./revshare";
import { partnerScoreCells } from "./scoring";
import { tierStableCells } from "./stability";
import { tierCells, tierGapCells } from "./tiers";
import { partnerStatusCells, streakCells } from "./streaks";
import { termEndCells } from "./term-end";
import { healthCells } from "./health";
import { gridOfLabels, oneCell, onePerRowOf, sameShapeAs, type ResultShapeRule } from "./result-shapes";

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
  PAYOUT_TOTALS: { compute: payoutTotalsCells, resultShape: gridOfLabels(3, 4) },
  PERIOD: { compute: periodCells, resultShape: sameShapeAs(0) },
  PAYBACK: { compute: paybackCells, resultShape: oneCell },
} satisfies Record<string, FunctionBinding>;

export type FunctionId = keyof typeof catalog;

export function bindingFor(id: string): FunctionBinding | undefined {
  return Object.prototype.hasOwnProperty.call(catalog, id) ? catalog[id as FunctionId] : undefined;
}
