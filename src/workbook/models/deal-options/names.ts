/**
 * The deal-options model's defined names: Options_… for the shared assumptions and positions,
 * Options_A_… for option A's terms (Options2_… for a second model in the workbook).
 */
import { PIECE_NAME_PARTS } from "../deal/names";
import { namesFor } from "../shared/model-names";
import { OPTION_LETTERS } from "./defaults";
import type { DealOption } from "./input";

const SHARED_PARTS = {
  discountRate: "DiscountRate",
  ourInvestment: "OurInvestment",
  partnerInvestment: "PartnerInvestment",
  idealNpv: "IdealNPV",
  acceptableNpv: "AcceptableNPV",
  walkAwayNpv: "WalkAwayNPV",
  partnerBatnaNpv: "PartnerBATNA",
  revenue: "Revenue",
  engineering: "Engineering",
  support: "Support",
  coMarketing: "CoMarketing",
  partnerCosts: "PartnerCosts",
  partnerRevenue: "PartnerRevenue",
} as const;

const OPTION_PARTS = { ...PIECE_NAME_PARTS, flatFee: "FlatFee" } as const;

export type SharedNameKey = keyof typeof SHARED_PARTS;
export type OptionNameKey = keyof typeof OPTION_PARTS;
export type SharedNames = Record<SharedNameKey, string>;
export type OptionNames = Partial<Record<OptionNameKey, string>>;

/** Every name a deal-options model with `suffix` may create, to find a free suffix. */
export function reservedOptionsNames(suffix: string): string[] {
  return [
    ...Object.values(sharedNames(suffix)),
    ...OPTION_LETTERS.flatMap((letter) => Object.values(namesFor("Options", `${suffix}_${letter}`, OPTION_PARTS))),
  ];
}

export function sharedNames(suffix: string): SharedNames {
  return namesFor("Options", suffix, SHARED_PARTS);
}

/** The names option number `index` creates: only for the pieces it has. */
export function optionNames(option: DealOption, index: number, suffix: string): OptionNames {
  const keys: OptionNameKey[] = [];
  if (option.revenueShare) keys.push("shareMethod", "shareStarts", "shareRates");
  if (option.flatFee !== null) keys.push("flatFee");
  if (option.referral) keys.push("referralRate", "referralMin", "referralMax");
  if (option.reseller) keys.push("resellerDiscount", "listPrice", "units");
  if (option.coMarketing) keys.push("coMarketingBudget", "coMarketingShare");
  const all = namesFor("Options", `${suffix}_${OPTION_LETTERS[index]}`, OPTION_PARTS);
  return Object.fromEntries(keys.map((k) => [k, all[k]])) as OptionNames;
}
