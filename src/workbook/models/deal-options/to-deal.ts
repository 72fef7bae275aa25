/**
 * An option opened as a full deal model: the shared assumptions and the option's pieces become
 * the deal model's input (revenue, revenue share, referral fee, reseller, co-marketing split).
 * The deal model has no flat-fee line and no partner side, so a flat fee is not carried over and
 * is listed in `notCarried`, for the caller to tell the user.
 */
import type { DealInputDraft } from "../deal/input";
import { DEFAULT_CO_MARKETING_SHARE, DEFAULT_YEAR_RATES } from "../deal/defaults";
import type { DealOptionsInput } from "./input";

export interface OptionAsDeal {
  draft: DealInputDraft;
  /** What the option has that the deal model cannot show, in words. */
  notCarried: string[];
}

export function optionAsDealInput(input: DealOptionsInput, index: number): OptionAsDeal {
  const option = input.options[index];
  const letter = String.fromCharCode(65 + index);
  const notCarried: string[] = [];
  if (option.flatFee !== null) notCarried.push("the flat fee per year (the deal model has no flat-fee line)");
  const draft: DealInputDraft = {
    sheetName: `Deal option ${letter}`,
    partnerName:
      option.name === ""
        ? input.partnerName
        : `${input.partnerName}${input.partnerName ? " – " : ""}${option.name}`.slice(0, 255),
    currency: input.currency,
    termYears: input.termYears,
    revenue: [...input.revenue],
    // No revenue share in the option: a 0% share, so the deal's schedule pays none.
    revenueShare: option.revenueShare ?? { basis: "byYear", rates: DEFAULT_YEAR_RATES.slice(0, 1).map(() => 0) },
    referral: option.referral ?? { rate: 0, minimum: null, maximum: null },
    reseller: option.reseller,
    coMarketing: option.coMarketing ?? { budget: 0, ourShare: DEFAULT_CO_MARKETING_SHARE },
    chart: input.chart,
  };
  return { draft, notCarried };
}
