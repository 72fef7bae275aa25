/** A deterministic ledger for the payout-book tests: partners, dates over a year, some refunds. */
import { excelDate } from "../../src/core/date-serials";
import type { Transaction } from "../../src/workbook/models/payouts/input";

export function sampleLedger(count: number, partnerCount = 7, seed = 1): Transaction[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const start = excelDate(2026, 1, 1);
  return Array.from({ length: count }, (_, i) => {
    const amount = Math.round(next() * 2_000 * 100) / 100;
    return {
      partner: `Partner ${String.fromCharCode(65 + Math.floor(next() * partnerCount))}`,
      date: start + Math.floor((i / count) * 300),
      amount: next() < 0.1 ? -Math.round(amount / 2) : amount,
      customer: `Customer ${i % 13}`,
      description: i % 5 === 0 ? "" : `Order ${i + 1}`,
    };
  });
}
