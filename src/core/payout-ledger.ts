import { fail, guarded } from "./errors";
import { isBlank, toGrid, type FunctionResult, type Grid } from "./excel-values";
import { normalKey, readAmounts, readKeys, requireRowOrColumn, type LedgerKey, type NormalKey } from "./ledger-columns";
import { readChoice, readChoiceText } from "./options";
import { checkAmountSchedule, marginalShare, readTierVector, retroactiveShare, type TierSchedule } from "./revshare";

/**
 * PE.PAYOUT_LEDGER: one payout per transaction of a ledger, under tiered rates that climb with
 * the partner's revenue to date in the period. With F(c) the tiered share of MAX(c, 0) and Cᵢ the
 * running total of row i's (partner, period) group up to and including it, row i pays
 * F(Cᵢ) − F(Cᵢ − amountᵢ): the payouts of a group add up to F(its net total), a sale that crosses
 * a tier is paid at both rates, and a refund reverses exactly what its revenue earned.
 *
 * One pass with a running total per group, found in a Map: linear in the number of rows, where
 * the running SUMIFS an Excel user writes today re-sums every row above.
 */

export type LedgerMethod = "marginal" | "retroactive";
/** The default first. `by_year` has no meaning here: running totals have no contract years. */
export const LEDGER_METHODS: readonly LedgerMethod[] = ["marginal", "retroactive"];

export type { LedgerKey } from "./ledger-columns";

type ShareRule = (revenue: number, schedule: TierSchedule) => number;

function shareRule(method: LedgerMethod): ShareRule {
  return method === "marginal" ? marginalShare : retroactiveShare;
}

interface Groups {
  /** The group number of each row. */
  ofRow: Int32Array;
  count: number;
}

/**
 * Group numbers per row: rows with equal (partner, period) keys share a number, numbered in order
 * of first appearance. Nested Maps keep keys as values, so no key text is built per row.
 */
function groupOfEachRow(partners: readonly (LedgerKey | undefined)[], periods?: readonly (LedgerKey | undefined)[]): Groups {
  const groups = new Int32Array(partners.length);
  const byPartner = new Map<NormalKey, Map<NormalKey, number> | number>();
  let count = 0;
  for (let row = 0; row < partners.length; row++) {
    const partner = normalKey(partners[row]);
    if (periods === undefined) {
      let group = byPartner.get(partner) as number | undefined;
      if (group === undefined) byPartner.set(partner, (group = count++));
      groups[row] = group;
      continue;
    }
    let byPeriod = byPartner.get(partner) as Map<NormalKey, number> | undefined;
    if (byPeriod === undefined) byPartner.set(partner, (byPeriod = new Map()));
    const period = normalKey(periods[row]);
    let group = byPeriod.get(period);
    if (group === undefined) byPeriod.set(period, (group = count++));
    groups[row] = group;
  }
  return { ofRow: groups, count };
}

/** The payouts of clean rows against an already-checked schedule: the one pass. */
function payoutsOf(amounts: ArrayLike<number>, groups: Groups, schedule: TierSchedule, share: ShareRule): number[] {
  const totals = new Float64Array(groups.count);
  // F of each group's running total so far: the F(Cᵢ − amountᵢ) of its next row, computed once.
  const paidSoFar = new Float64Array(groups.count);
  const payouts = new Array<number>(amounts.length);
  for (let row = 0; row < amounts.length; row++) {
    const group = groups.ofRow[row];
    const total = totals[group] + amounts[row];
    if (!(total - total === 0)) {
      fail("#NUM!", `the running total at amounts item ${row + 1} is too large to compute: check the amounts for a typing slip`);
    }
    const earned = total > 0 ? share(total, schedule) : 0;
    const payout = earned - paidSoFar[group];
    payouts[row] = payout === 0 ? 0 : payout;
    totals[group] = total;
    paidSoFar[group] = earned;
  }
  return payouts;
}

/**
 * The pure rule: `amounts` in ledger order, one partner key (and period key, when given) per
 * amount; tier starts and rates as in PE.REVSHARE_TIERED.
 */
export function payoutLedger(
  amounts: readonly number[],
  partners: readonly LedgerKey[],
  starts: readonly number[],
  rates: readonly number[],
  periods?: readonly LedgerKey[],
  method: LedgerMethod = "marginal",
): number[] {
  const schedule = checkAmountSchedule(starts, rates);
  if (partners.length !== amounts.length) {
    fail("#VALUE!", `partners has ${partners.length} values but amounts has ${amounts.length}: give one partner per amount`);
  }
  if (periods !== undefined && periods.length !== amounts.length) {
    fail("#VALUE!", `periods has ${periods.length} values but amounts has ${amounts.length}: give one period per amount`);
  }
  for (let row = 0; row < amounts.length; row++) {
    const amount = amounts[row];
    if (!(amount - amount === 0)) fail("#NUM!", `amounts item ${row + 1} is ${amount}: enter a finite number`);
  }
  return payoutsOf(amounts, groupOfEachRow(partners, periods), schedule, shareRule(method));
}

function readMethod(argument: unknown): LedgerMethod {
  const { typed, text } = readChoiceText(argument, "method", LEDGER_METHODS);
  if (text === "by_year") {
    fail(
      "#VALUE!",
      `method "${typed}" does not apply to a ledger (running totals have no contract years): use "marginal" or "retroactive"`,
    );
  }
  return readChoice(argument, "method", LEDGER_METHODS);
}

/** The payouts laid out in the shape of amounts: one row, or one column. */
function shapedLike(grid: Grid<unknown>, payouts: readonly number[]): number[][] {
  return grid.length === 1 ? [payouts as number[]] : payouts.map((payout) => [payout]);
}

/**
 * Excel-shaped entry point. Every payout depends on the rows before it in its group, so a problem
 * anywhere (a text amount, an errored key) is one error for the whole call, naming the position.
 */
export function payoutLedgerCells(
  amounts: unknown,
  partners: unknown,
  tierStarts: unknown,
  rates: unknown,
  periods?: unknown,
  method?: unknown,
): FunctionResult {
  return guarded(() => {
    const chosen = readMethod(method);
    const schedule = checkAmountSchedule(readTierVector(tierStarts, "tier_starts"), readTierVector(rates, "rates"));
    const amountGrid = toGrid(amounts, "amounts");
    requireRowOrColumn(amountGrid);
    const partnerKeys = readKeys(partners, "partners", amountGrid);
    const periodKeys = isPeriodsOmitted(periods, amountGrid) ? undefined : readKeys(periods, "periods", amountGrid);
    const values = readAmounts(amountGrid);
    const groups = groupOfEachRow(partnerKeys, periodKeys);
    return shapedLike(amountGrid, payoutsOf(values, groups, schedule, shareRule(chosen)));
  });
}

/**
 * Omitted periods (null, or a single blank cell where amounts has more than one row) mean one
 * period for the whole ledger. For a one-row ledger a blank period cell is the same either way.
 */
function isPeriodsOmitted(periods: unknown, amounts: Grid<unknown>): boolean {
  if (isBlank(periods)) return true;
  if (!Array.isArray(periods) || periods.length !== 1) return false;
  const only = periods[0];
  const single = Array.isArray(only) ? only.length === 1 && isBlank(only[0]) : isBlank(only);
  return single && !(amounts.length === 1 && amounts[0].length === 1);
}
