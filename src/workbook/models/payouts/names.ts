/** The payout book's defined names: Pay_… (Pay2_… for a second book in the workbook), and its table's name. */
import { namesFor } from "../shared/model-names";

const NAME_PARTS = {
  method: "Method",
  frequency: "Frequency",
  fiscalYearStart: "FiscalYearStart",
  floor: "Floor",
  recover: "Recover",
  cap: "Cap",
  carry: "Carry",
  currency: "Currency",
  tierStarts: "TierStarts",
  rates: "Rates",
  partners: "Partners",
  dates: "Dates",
  amounts: "Amounts",
  customers: "Customers",
  descriptions: "Descriptions",
  periods: "Periods",
  payouts: "Payouts",
  partnerList: "PartnerList",
  statementPartner: "StatementPartner",
  statementCount: "StatementCount",
} as const;

export type PayoutNameKey = keyof typeof NAME_PARTS;
export type PayoutNames = Record<PayoutNameKey, string>;

export function ledgerTableName(suffix: string): string {
  return `PayoutLedger${suffix}`;
}

export function payoutNames(suffix: string): PayoutNames {
  return namesFor("Pay", suffix, NAME_PARTS);
}

/** Every defined and table name a payout book with `suffix` creates. */
export function reservedPayoutNames(suffix: string): string[] {
  return [...Object.values(payoutNames(suffix)), ledgerTableName(suffix)];
}
