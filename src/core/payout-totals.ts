import { ExcelError, fail, guarded, isExcelError } from "./errors";
import { isBlank, toGrid, toVector, type CellInput, type CellResult, type FunctionResult } from "./excel-values";
import { normalKey, readAmounts, readKeys, requireRowOrColumn, type LedgerKey, type NormalKey } from "./ledger-columns";

/**
 * PE.PAYOUT_TOTALS: a ledger column (payouts, or amounts) summed by partner and period into a
 * partner × period grid, one row per label of partner_list and one column per label of
 * period_list. Cell (i, j) is what SUMIFS(amounts, partners, partner_listᵢ, periods, period_listⱼ)
 * gives for plain keys, but keys match like Excel's `=` (as in PE.PAYOUT_LEDGER), never as
 * criteria: a partner named ">100" or "A*" is that text, not a comparison or a wildcard.
 *
 * One pass over the ledger into a Map per partner, then one look-up per cell: linear in the rows
 * plus the grid's cells, where a grid of SUMIFS re-reads the whole ledger for every cell.
 */

/** The sums of each (partner, period) group, added in ledger order as a scan of the range adds them (the engine's SUMIFS). */
function groupSums(amounts: readonly number[], partners: readonly LedgerKey[], periods: readonly LedgerKey[]) {
  const sums = new Map<NormalKey, Map<NormalKey, number>>();
  for (let row = 0; row < amounts.length; row++) {
    const partner = normalKey(partners[row]);
    let byPeriod = sums.get(partner);
    if (byPeriod === undefined) sums.set(partner, (byPeriod = new Map()));
    const period = normalKey(periods[row]);
    byPeriod.set(period, (byPeriod.get(period) ?? 0) + amounts[row]);
  }
  return sums;
}

/**
 * The pure rule: one amount, partner key and period key per transaction; the grid's labels.
 * A label that is an error fills its row (or column) with that error, as a SUMIFS over it would.
 */
export function payoutTotals(
  amounts: readonly number[],
  partners: readonly LedgerKey[],
  periods: readonly LedgerKey[],
  partnerList: readonly (LedgerKey | ExcelError)[],
  periodList: readonly (LedgerKey | ExcelError)[],
): CellResult[][] {
  if (partners.length !== amounts.length || periods.length !== amounts.length) {
    fail("#VALUE!", `give one partner and one period per amount (${amounts.length} amounts)`);
  }
  const sums = groupSums(amounts, partners, periods);
  const periodKeys = periodList.map((label) => (isExcelError(label) ? label : normalKey(label)));
  return partnerList.map((partnerLabel) => {
    if (isExcelError(partnerLabel)) return periodKeys.map(() => partnerLabel);
    const byPeriod = sums.get(normalKey(partnerLabel));
    return periodKeys.map((period): CellResult => {
      if (isExcelError(period)) return period;
      const total = byPeriod?.get(period) ?? 0;
      if (!Number.isFinite(total)) {
        return new ExcelError(
          "#NUM!",
          "a partner's total for a period is too large to compute: check the amounts for a typing slip",
        );
      }
      return total === 0 ? 0 : total;
    });
  });
}

/** A row or column of labels; blank labels are blank keys, an errored label is kept as its error. */
function readLabels(argument: unknown, what: "partner_list" | "period_list"): (LedgerKey | ExcelError)[] {
  return toVector(toGrid(argument, what), what).map((cell: CellInput) => (isBlank(cell) ? null : cell));
}

/**
 * Excel-shaped entry point. A problem in the ledger columns (a text amount, an errored key,
 * shapes that differ) is one error for the whole call, naming the position, as in PE.PAYOUT_LEDGER.
 */
export function payoutTotalsCells(
  amounts: unknown,
  partners: unknown,
  periods: unknown,
  partnerList: unknown,
  periodList: unknown,
): FunctionResult {
  return guarded(() => {
    const amountGrid = toGrid(amounts, "amounts");
    requireRowOrColumn(amountGrid);
    const partnerKeys = readKeys(partners, "partners", amountGrid);
    const periodKeys = readKeys(periods, "periods", amountGrid);
    const partnerLabels = readLabels(partnerList, "partner_list");
    const periodLabels = readLabels(periodList, "period_list");
    return payoutTotals(readAmounts(amountGrid), partnerKeys, periodKeys, partnerLabels, periodLabels);
  });
}
