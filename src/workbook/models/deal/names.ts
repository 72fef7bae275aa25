/** The deal model's defined names: one per input, Deal_… (Deal2_… for a second model in the workbook). */
import { namesFor } from "../shared/model-names";
import type { DealInput } from "./input";

/** The names of the deal's structure pieces (revenue share, referral, reseller, co-marketing), which deal options reuse. */
export const PIECE_NAME_PARTS = {
  shareMethod: "ShareMethod",
  shareStarts: "ShareStarts",
  shareRates: "ShareRates",
  referralRate: "ReferralRate",
  referralMin: "ReferralMin",
  referralMax: "ReferralMax",
  resellerDiscount: "ResellerDiscount",
  listPrice: "ListPrice",
  units: "Units",
  coMarketingBudget: "CoMarketingBudget",
  coMarketingShare: "CoMarketingShare",
} as const;

const NAME_PARTS = {
  ...PIECE_NAME_PARTS,
  liabilityFloor: "LiabilityFloor",
  liabilityMultiple: "LiabilityMultiple",
  indemnityMultiple: "IndemnityMultiple",
  initialTerm: "InitialTerm",
  renewalNotice: "RenewalNotice",
  revenue: "Revenue",
} as const;

export type DealNameKey = keyof typeof NAME_PARTS;
export type DealNames = Partial<Record<DealNameKey, string>>;

const RESELLER_KEYS: readonly DealNameKey[] = ["resellerDiscount", "listPrice", "units"];

/** Every name a deal model with `suffix` may create (reseller names included), to find a free suffix. */
export function reservedDealNames(suffix: string): string[] {
  return Object.values(namesFor("Deal", suffix, NAME_PARTS));
}

/** The names this input's model creates: reseller names only with a reseller arrangement. */
export function dealNames(input: DealInput, suffix: string): DealNames {
  const names: DealNames = namesFor("Deal", suffix, NAME_PARTS);
  if (!input.reseller) for (const key of RESELLER_KEYS) delete names[key];
  return names;
}
