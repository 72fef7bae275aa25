/**
 * The deal model's starting points, from the deal-economics reading of the playbooks (domain
 * READING.md, file 002). Where the reading gives a range, the default is its middle, and the
 * range is kept beside it so the wizard and the sheet can show it as guidance:
 * - revenue share by contract year 30% / 20% / 15% (year 3 onwards), the reading's own example;
 * - referral fee 20% of first-year revenue (typical 10–30%);
 * - reseller discount 35% off list (typical 20–40%; 35% is the reading's example);
 * - co-marketing split 50/50 for joint campaigns (60/40 and 70/30 when one side gains more);
 * - liability capped at the greater of 12 months of fees paid (a multiple of 1) or $500,000;
 * - indemnity capped at 1.5× annual partnership value (typical 1–2×);
 * - initial term 2 years (typical 1–3), renewal notice 60 days (typical 30–90).
 * Revenue tiers are placeholders: the reading gives the share's range (15–30% to the referring or
 * supporting party), not the revenue amounts where tiers start.
 */

export const DEFAULT_DEAL_SHEET_NAME = "Deal model";
export const DEFAULT_TERM_YEARS = 3;
export const MAX_TERM_YEARS = 50;
export const DEFAULT_CURRENCY = "$";

/** Rate in force from contract year i + 1; the last one continues to the end of the term. */
export const DEFAULT_YEAR_RATES: readonly number[] = [0.3, 0.2, 0.15];

export const DEFAULT_REVENUE_TIERS: readonly { from: number; rate: number }[] = [
  { from: 0, rate: 0.15 },
  { from: 100_000, rate: 0.2 },
  { from: 250_000, rate: 0.3 },
];
export const DEFAULT_TIER_METHOD = "marginal" as const;

export const DEFAULT_REFERRAL_RATE = 0.2;
export const TYPICAL_REFERRAL_RATES = { low: 0.1, high: 0.3 } as const;

export const DEFAULT_RESELLER_DISCOUNT = 0.35;
export const TYPICAL_RESELLER_DISCOUNTS = { low: 0.2, high: 0.4 } as const;

/** Our share of the co-marketing budget; the splits the reading names, ours first. */
export const DEFAULT_CO_MARKETING_SHARE = 0.5;
export const CO_MARKETING_SPLITS: readonly { label: string; ourShare: number }[] = [
  { label: "50/50", ourShare: 0.5 },
  { label: "60/40", ourShare: 0.6 },
  { label: "40/60", ourShare: 0.4 },
  { label: "70/30", ourShare: 0.7 },
  { label: "30/70", ourShare: 0.3 },
];

export const DEFAULT_LIABILITY_FLOOR = 500_000;
/** Multiple of 12 months of fees paid: 1 means "12 months of fees". */
export const DEFAULT_LIABILITY_MULTIPLE = 1;
export const DEFAULT_INDEMNITY_MULTIPLE = 1.5;
export const TYPICAL_INDEMNITY_MULTIPLES = { low: 1, high: 2 } as const;
export const DEFAULT_INITIAL_TERM_YEARS = 2;
export const TYPICAL_INITIAL_TERM_YEARS = { low: 1, high: 3 } as const;
export const DEFAULT_RENEWAL_NOTICE_DAYS = 60;
export const TYPICAL_RENEWAL_NOTICE_DAYS = { low: 30, high: 90 } as const;
