/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata accepts no unions: any is how "number or text or blank" is declared. */
/**
 * The PE custom functions as Excel sees them. The JSDoc here is the single source of their
 * metadata: webpack (custom-functions-metadata) turns it into functions.json, from which the
 * engine's registration and the README reference are derived. Each body only adapts the result
 * of the core implementation bound in catalog.ts.
 */
import { catalog } from "../core/catalog";
import { toExcelMatrix, toExcelScalar } from "./excel-result";

/**
 * Scores a partner from 0 to 100 by weighted criterion ratings; a block with one partner per row gives one score per row.
 * @customfunction PARTNER_SCORE
 * @helpurl https://localhost:3000/reference.html#pe-partner_score
 * @param ratings Criterion ratings from 0 to scale: one row or one column for one partner, or a block with one partner per row. Blank counts as 0.
 * @param [weights] Non-negative weights, one per rating, normalised by their sum. Default: 30,25,20,15,10 for five ratings, otherwise equal.
 * @param [scale] The top of the rating scale (a rating of scale scores 100). Default 5.
 * @returns The score from 0 to 100, or a column with one score per partner row.
 */
export function partnerScore(ratings: any[][], weights?: any[][], scale?: any): any[][] {
  return toExcelMatrix(catalog.PARTNER_SCORE.compute(ratings, weights, scale));
}

/**
 * Names the tier a score reaches: Tier 1 at 85, Tier 2 at 70, Tier 3 at 50, otherwise Not qualified, or your own thresholds and labels.
 * @customfunction TIER
 * @helpurl https://localhost:3000/reference.html#pe-tier
 * @param score A score from 0 to 100, or a range of scores (gives a range of tiers).
 * @param [thresholds] Lowest score of each tier, in any order. Default 85,70,50.
 * @param [labels] One label per threshold, plus optionally one for scores below every threshold. Default Tier 1,Tier 2,Tier 3,Not qualified.
 * @returns The label of the highest threshold the score reaches.
 */
export function tier(score: any[][], thresholds?: any[][], labels?: any[][]): any[][] {
  return toExcelMatrix(catalog.TIER.compute(score, thresholds, labels));
}

/**
 * The partner's revenue share under tiered rates: marginal (like tax brackets), retroactive, or by contract year.
 * @customfunction REVSHARE_TIERED
 * @helpurl https://localhost:3000/reference.html#pe-revshare_tiered
 * @param revenue Revenue in currency, or a row or column of revenues (one share each); for "by_year", revenue per contract year.
 * @param tier_starts Strictly ascending lower bound of each tier in currency; for "by_year", the contract year (from 1) each rate starts.
 * @param rates One rate per tier as a fraction from 0 to 1 (30% or 0.3).
 * @param [method] "marginal" (default), "retroactive" or "by_year"; case-insensitive.
 * @returns The share, shaped like revenue.
 */
export function revshareTiered(revenue: any[][], tier_starts: any[][], rates: any[][], method?: any): any[][] {
  return toExcelMatrix(catalog.REVSHARE_TIERED.compute(revenue, tier_starts, rates, method));
}

/**
 * A liability or indemnity cap: the greater of a floor and a multiple of fees paid, at most a ceiling.
 * @customfunction LIABILITY_CAP
 * @helpurl https://localhost:3000/reference.html#pe-liability_cap
 * @param fees_paid Fees paid in currency: a number, or a range of periodic fees summed like SUM (blanks and text ignored).
 * @param [floor] The minimum cap in currency. Default 0.
 * @param [multiple] The multiple of fees paid. Default 1.
 * @param [ceiling] The maximum cap in currency. Default none.
 * @returns The cap amount in currency.
 */
export function liabilityCap(fees_paid: any[][], floor?: any, multiple?: any, ceiling?: any): number {
  return toExcelScalar<number>(catalog.LIABILITY_CAP.compute(fees_paid, floor, multiple, ceiling));
}

/**
 * Crawl-phase go/no-go: GO when the pilot improves on the baseline by at least the threshold (20% by default).
 * @customfunction CRAWL_GATE
 * @helpurl https://localhost:3000/reference.html#pe-crawl_gate
 * @param baseline The metric before the pilot (not 0).
 * @param pilot The metric during the pilot, in the same unit.
 * @param [threshold] The required improvement as a fraction of the baseline. Default 0.2 (20%).
 * @param [better] "higher" (default) when a larger metric is better, "lower" when smaller is better (e.g. hours to onboard).
 * @returns "GO" or "NO-GO".
 */
export function crawlGate(baseline: any, pilot: any, threshold?: any, better?: any): string {
  return toExcelScalar<string>(catalog.CRAWL_GATE.compute(baseline, pilot, threshold, better));
}

/**
 * Walk-phase go/no-go: GO when the share of invited customers who adopted reaches the threshold (70% by default).
 * @customfunction WALK_GATE
 * @helpurl https://localhost:3000/reference.html#pe-walk_gate
 * @param adopted Customers who adopted (a count, 0 or more).
 * @param invited Customers invited (a count, more than 0).
 * @param [threshold] The required adoption as a fraction. Default 0.7 (70%).
 * @returns "GO" or "NO-GO".
 */
export function walkGate(adopted: any, invited: any, threshold?: any): string {
  return toExcelScalar<string>(catalog.WALK_GATE.compute(adopted, invited, threshold));
}

/**
 * Points a score needs to reach the next tier up (0 in the top tier), with the same tiers as PE.TIER.
 * @customfunction TIER_GAP
 * @helpurl https://localhost:3000/reference.html#pe-tier_gap
 * @param score A score from 0 to 100, or a range of scores (gives a range of gaps).
 * @param [thresholds] Lowest score of each tier, in any order. Default 85,70,50.
 * @param [labels] One label per threshold, plus optionally one for scores below every threshold. Default Tier 1,Tier 2,Tier 3,Not qualified.
 * @returns The points to the next tier up, or 0 in the top tier.
 */
export function tierGap(score: any[][], thresholds?: any[][], labels?: any[][]): any[][] {
  return toExcelMatrix(catalog.TIER_GAP.compute(score, thresholds, labels));
}

/**
 * TRUE when the partner's tier stays the same if any one criterion's weight moves up or down by shift percentage points.
 * @customfunction TIER_STABLE
 * @helpurl https://localhost:3000/reference.html#pe-tier_stable
 * @param ratings Criterion ratings from 0 to scale: one row or column, or a block with one partner per row. Blank counts as 0.
 * @param [weights] Non-negative weights, one per rating, normalised by their sum. Default as in PE.PARTNER_SCORE.
 * @param [scale] The top of the rating scale. Default 5.
 * @param [shift] How far each weight moves, in percentage points of the total. Default 5.
 * @param [thresholds] Lowest score of each tier, in any order. Default 85,70,50.
 * @param [labels] One label per threshold, plus optionally one for scores below every threshold. Default as in PE.TIER.
 * @returns TRUE or FALSE, or a column with one per partner row.
 */
export function tierStable(
  ratings: any[][],
  weights?: any[][],
  scale?: any,
  shift?: any,
  thresholds?: any[][],
  labels?: any[][],
): any[][] {
  return toExcelMatrix(catalog.TIER_STABLE.compute(ratings, weights, scale, shift, thresholds, labels));
}

/**
 * A one-time referral fee: rate times first-year revenue, raised to a minimum and cut to a maximum when given.
 * @customfunction REFERRAL_FEE
 * @helpurl https://localhost:3000/reference.html#pe-referral_fee
 * @param first_year_revenue The referred customer's first-year revenue in currency.
 * @param rate The fee as a fraction from 0 to 1 (typically 10% to 30%).
 * @param [minimum] The smallest fee in currency. Default none.
 * @param [maximum] The largest fee in currency. Default none.
 * @returns The fee in currency.
 */
export function referralFee(first_year_revenue: any, rate: any, minimum?: any, maximum?: any): number {
  return toExcelScalar<number>(catalog.REFERRAL_FEE.compute(first_year_revenue, rate, minimum, maximum));
}

/**
 * The reseller's margin when buying at a discount off list and selling at list: list price times discount times quantity.
 * @customfunction RESELLER_MARGIN
 * @helpurl https://localhost:3000/reference.html#pe-reseller_margin
 * @param list_price The list price per unit in currency.
 * @param discount The reseller's discount off list as a fraction from 0 up to (not including) 1 (typically 20% to 40%).
 * @param [quantity] Units sold. Default 1.
 * @returns The margin in currency.
 */
export function resellerMargin(list_price: any, discount: any, quantity?: any): number {
  return toExcelScalar<number>(catalog.RESELLER_MARGIN.compute(list_price, discount, quantity));
}

/**
 * How many periods running, counted back from the last reported one, were below target (or met it, with which "met").
 * @customfunction STREAK
 * @helpurl https://localhost:3000/reference.html#pe-streak
 * @param actuals Per-period actuals, oldest first, in one row or one column. Trailing blanks are periods not yet reported; a blank between reported periods ends the streak.
 * @param targets One target per period in the same shape as actuals, or a single target for every period. Met means actual ≥ target.
 * @param [which] "below" (default) to count periods below target, or "met" to count periods that met it; case-insensitive.
 * @returns A whole number of periods; 0 when no period has been reported.
 */
export function streak(actuals: any[][], targets: any[][], which?: any): number {
  return toExcelScalar<number>(catalog.STREAK.compute(actuals, targets, which));
}

/**
 * The review decision from the streaks: Exit review, Expand, Course-correct or Maintain.
 * @customfunction PARTNER_STATUS
 * @helpurl https://localhost:3000/reference.html#pe-partner_status
 * @param actuals Per-period actuals, oldest first, in one row or one column; trailing blanks are periods not yet reported.
 * @param targets One target per period in the same shape as actuals, or a single target for every period.
 * @param [expand_after] Periods met running that make a partner ready to expand: a whole number, 1 or more. Default 2.
 * @param [exit_after] Periods below target running that call for an exit review: a whole number, 1 or more. Default 3.
 * @returns "Exit review", "Expand", "Course-correct" or "Maintain": the first that holds.
 */
export function partnerStatus(actuals: any[][], targets: any[][], expand_after?: any, exit_after?: any): string {
  return toExcelScalar<string>(catalog.PARTNER_STATUS.compute(actuals, targets, expand_after, exit_after));
}

/**
 * The date (a serial) on which the contract term in force on as_of ends, with auto-renewal; Excel's DATE rolls over month ends.
 * @customfunction TERM_END
 * @helpurl https://localhost:3000/reference.html#pe-term_end
 * @param start The contract's start date.
 * @param initial_years The initial term in years, coming to whole months (0.25 is 3 months).
 * @param [renewal_years] Each auto-renewal term in years, whole months; 0 or omitted for no renewal.
 * @param [as_of] The date whose term in force is wanted (a term is in force through its last day; a time of day is ignored). Default: the initial term's end is returned.
 * @returns The term's last day as a date serial (format the cell as a date).
 */
export function termEnd(start: any, initial_years: any, renewal_years?: any, as_of?: any): number {
  return toExcelScalar<number>(catalog.TERM_END.compute(start, initial_years, renewal_years, as_of));
}

/**
 * A health score from 0 to 100 from KPI attainments (actual / target), each capped; a block with one partner per row gives one score per row.
 * @customfunction HEALTH
 * @helpurl https://localhost:3000/reference.html#pe-health
 * @param attainments Each KPI's attainment (1 = on target): one row or one column for one partner, or a block with one partner per row. Blank counts as 0.
 * @param [weights] Non-negative weights, one per KPI, normalised by their sum, as in PE.PARTNER_SCORE. Default: equal.
 * @param [cap] The attainment that counts as full marks; above it a KPI earns no more. Default 1.
 * @returns The score from 0 to 100, or a column with one score per partner row.
 */
export function health(attainments: any[][], weights?: any[][], cap?: any): any[][] {
  return toExcelMatrix(catalog.HEALTH.compute(attainments, weights, cap));
}

/**
 * One payout per ledger transaction under tiered rates on the partner's running total in the period: F(total including the row) − F(total before it).
 * @customfunction PAYOUT_LEDGER
 * @helpurl https://localhost:3000/reference.html#pe-payout_ledger
 * @param amounts A row or column of transaction amounts in ledger order (earlier rows first); negative amounts are refunds or clawbacks. Blank counts as 0.
 * @param partners Each transaction's partner key (text or number), in the same shape as amounts; rows need not be sorted. Text matches case-insensitively, a number never matches its text.
 * @param tier_starts Strictly ascending lower bound of each tier in currency, from 0, as in PE.REVSHARE_TIERED.
 * @param rates One rate per tier as a fraction from 0 to 1 (30% or 0.3).
 * @param [periods] Each transaction's period key (e.g. from PE.PERIOD), same shape; the running total restarts for each period. Default: one period for the whole ledger.
 * @param [method] "marginal" (default) or "retroactive"; case-insensitive.
 * @returns One payout per transaction, shaped like amounts.
 */
export function payoutLedger(
  amounts: any[][],
  partners: any[][],
  tier_starts: any[][],
  rates: any[][],
  periods?: any[][],
  method?: any,
): any[][] {
  return toExcelMatrix(catalog.PAYOUT_LEDGER.compute(amounts, partners, tier_starts, rates, periods, method));
}

/**
 * One partner's payout per period with a floor (recoverable draw or guarantee) and a cap (carried forward or forfeited), or the balance carried after each period.
 * @customfunction PAYOUT_SCHEDULE
 * @helpurl https://localhost:3000/reference.html#pe-payout_schedule
 * @param earned A row or column of what the partner earned in each period, in order (may be negative after clawbacks). Blank counts as 0.
 * @param [floor] The minimum payout per period (a draw or guarantee): one value, or one per period. Default 0.
 * @param [cap] The maximum payout per period: one value, or one per period. Default none.
 * @param [recover] TRUE (default): the floor is a draw, what it pays beyond what is due is recovered from later periods. FALSE: a guarantee, not owed back.
 * @param [carry] TRUE (default): what the cap holds back is paid in later periods. FALSE: it is forfeited.
 * @param [output] "paid" (default) or "balance" (after each period; negative is owed by the partner); case-insensitive.
 * @returns One figure per period, shaped like earned.
 */
export function payoutSchedule(
  earned: any[][],
  floor?: any[][],
  cap?: any[][],
  recover?: any,
  carry?: any,
  output?: any,
): any[][] {
  return toExcelMatrix(catalog.PAYOUT_SCHEDULE.compute(earned, floor, cap, recover, carry, output));
}

/**
 * A ledger column (payouts or amounts) summed by partner and period in one pass: a partner × period grid, what a grid of SUMIFS gives, with keys matched like =.
 * @customfunction PAYOUT_TOTALS
 * @helpurl https://localhost:3000/reference.html#pe-payout_totals
 * @param amounts A row or column of the figures to add up, in ledger order (e.g. the payouts of PE.PAYOUT_LEDGER). Blank counts as 0.
 * @param partners Each row's partner key, in the same shape as amounts. Text matches case-insensitively, a number never matches its text.
 * @param periods Each row's period key (e.g. from PE.PERIOD), in the same shape as amounts.
 * @param partner_list The partners to total, one row of the result each: a row or column of keys.
 * @param period_list The periods to total, one column of the result each: a row or column of keys.
 * @returns The grid of totals: one row per partner of partner_list, one column per period of period_list (0 where a pair has no rows).
 */
export function payoutTotals(
  amounts: any[][],
  partners: any[][],
  periods: any[][],
  partner_list: any[][],
  period_list: any[][],
): any[][] {
  return toExcelMatrix(catalog.PAYOUT_TOTALS.compute(amounts, partners, periods, partner_list, period_list));
}

/**
 * The period key of a date as text: "2026-03" by month, "2026-Q1" by quarter, "2026" by year; fiscal years are named after the year they end in, with an FY prefix.
 * @customfunction PERIOD
 * @helpurl https://localhost:3000/reference.html#pe-period
 * @param date An Excel date serial (1 or more), or a range of them (gives a range of keys).
 * @param [frequency] "month" (default), "quarter" or "year"; case-insensitive.
 * @param [fiscal_year_start] The month the fiscal year starts, 1 to 12. Default 1 (January).
 * @returns The period key as text, shaped like date.
 */
export function period(date: any[][], frequency?: any, fiscal_year_start?: any): any[][] {
  return toExcelMatrix(catalog.PERIOD.compute(date, frequency, fiscal_year_start));
}

/**
 * The number of periods until the cumulative cash flow first reaches 0, interpolated within the period; optionally discounted.
 * @customfunction PAYBACK
 * @helpurl https://localhost:3000/reference.html#pe-payback
 * @param cashflows A row or column: the flow at period 0 (usually the investment, negative), then one per period. Blank counts as 0.
 * @param [rate] A discount rate per period as a fraction (10% or 0.1); each flow counts as c / (1 + rate)^t. Default 0.
 * @returns The payback in periods, or #N/A when not paid back within the periods given.
 */
export function payback(cashflows: any[][], rate?: any): number {
  return toExcelScalar<number>(catalog.PAYBACK.compute(cashflows, rate));
}
