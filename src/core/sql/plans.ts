import { isExcelError } from "../errors";
import { DEFAULT_FISCAL_YEAR_START, type PeriodFrequency } from "../period";
import type { LedgerMethod } from "../payout-ledger";
import { checkAmountSchedule, type TierSchedule } from "../revshare";
import { checkScale, checkWeights } from "../scoring";
import { buildTierScheme, type TierScheme } from "../tiers";
import { checkFinite, checkText } from "./literals";
import { SqlInputError } from "./sql-error";

/**
 * The plan values the queries are written from, checked by the same core rules as the functions
 * they mirror (PE.REVSHARE_TIERED's schedule, PE.PARTNER_SCORE's weights and scale, PE.TIER's
 * thresholds and labels, PE.PAYOUT_SCHEDULE's floor and cap), so a plan the workbook refuses is
 * refused here too, with the function's own message.
 */

export interface PayoutSqlPlan {
  tiers: readonly { from: number; rate: number }[];
  method: LedgerMethod;
  frequency: PeriodFrequency;
  fiscalYearStart: number;
  floor: number;
  /** null: no cap. */
  cap: number | null;
  recover: boolean;
  carry: boolean;
}

export interface CheckedPayoutPlan extends PayoutSqlPlan {
  schedule: TierSchedule;
}

export interface ScoreSqlPlan {
  criteria: readonly { name: string; weight: number }[];
  scale: number;
  tiers: readonly { threshold: number; label: string }[];
  /** The label of scores below every threshold; "" for none (PE.TIER's #N/A, NULL in SQL). */
  belowLabel: string;
}

export interface CheckedScorePlan extends ScoreSqlPlan {
  scheme: TierScheme;
  weights: number[];
}

/** Runs a core check and turns its Excel error into a message naming the plan field. */
function asPlanField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (caught) {
    if (isExcelError(caught)) throw new SqlInputError(field, caught.message);
    throw caught;
  }
}

export function checkPayoutPlan(plan: PayoutSqlPlan): CheckedPayoutPlan {
  plan.tiers.forEach((tier, index) => {
    checkFinite(tier.from, `tiers.${index}.from`);
    checkFinite(tier.rate, `tiers.${index}.rate`);
  });
  const schedule = asPlanField("tiers", () =>
    checkAmountSchedule(
      plan.tiers.map((tier) => tier.from),
      plan.tiers.map((tier) => tier.rate),
    ),
  );
  if (plan.method !== "marginal" && plan.method !== "retroactive") {
    throw new SqlInputError("method", `"${String(plan.method)}" is not a ledger method: use "marginal" or "retroactive"`);
  }
  if (!["month", "quarter", "year"].includes(plan.frequency)) {
    throw new SqlInputError("frequency", `"${String(plan.frequency)}" is not a period: use "month", "quarter" or "year"`);
  }
  const start = plan.fiscalYearStart ?? DEFAULT_FISCAL_YEAR_START;
  if (!(Number.isInteger(start) && start >= 1 && start <= 12)) {
    throw new SqlInputError("fiscalYearStart", `${String(start)} is not a month: enter 1 (January) to 12 (December)`);
  }
  checkFinite(plan.floor, "floor");
  if (plan.floor < 0) throw new SqlInputError("floor", `${plan.floor} is below 0: enter 0 or more`);
  if (plan.cap !== null) {
    checkFinite(plan.cap, "cap");
    if (plan.cap < 0) throw new SqlInputError("cap", `${plan.cap} is below 0: enter 0 or more, or null for no cap`);
    if (plan.floor > plan.cap) {
      throw new SqlInputError(
        "cap",
        `the cap (${plan.cap}) is below the floor (${plan.floor}): raise the cap or lower the floor`,
      );
    }
  }
  return { ...plan, fiscalYearStart: start, schedule };
}

export function checkScorePlan(plan: ScoreSqlPlan): CheckedScorePlan {
  if (plan.criteria.length === 0) throw new SqlInputError("criteria", "the plan has no criteria: give at least one");
  const weights = plan.criteria.map((criterion, index) => checkFinite(criterion.weight, `criteria.${index}.weight`));
  asPlanField("criteria", () => checkWeights(weights, weights.length));
  checkFinite(plan.scale, "scale");
  asPlanField("scale", () => checkScale(plan.scale));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!Number.isFinite(100 * total * plan.scale)) {
    throw new SqlInputError("criteria", "the weights are too large to add up: scale them down (only their proportions count)");
  }
  plan.tiers.forEach((tier, index) => {
    checkFinite(tier.threshold, `tiers.${index}.threshold`);
    checkText(tier.label, `tiers.${index}.label`, `the label ${JSON.stringify(tier.label)}`);
  });
  checkText(plan.belowLabel, "belowLabel", `the label ${JSON.stringify(plan.belowLabel)}`);
  const labels = [...plan.tiers.map((tier) => tier.label), ...(plan.belowLabel === "" ? [] : [plan.belowLabel])];
  const scheme = asPlanField("tiers", () =>
    buildTierScheme(
      plan.tiers.map((tier) => tier.threshold),
      labels,
    ),
  );
  return { ...plan, scheme, weights };
}
