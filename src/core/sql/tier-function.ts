import type { LedgerMethod } from "../payout-ledger";
import type { TierSchedule } from "../revshare";
import { RELATIVE_TOLERANCE } from "../tolerance";
import type { Dialect } from "./dialects";
import { sqlNumber } from "./literals";

/**
 * F(c) = PE.REVSHARE_TIERED(MAX(c, 0), tier_starts, rates, method) as one SQL expression of a
 * running total `c` (an expression free of side effects, repeated inside), written to compute the
 * very doubles core does:
 * - marginal (core's marginalShare): the slices rate × (MIN(c, next start) − start) of the tiers c
 *   is above, added in tier order from the first (adding a 0 for a tier not reached changes no
 *   bit), then kept within [0, c × the highest rate reached], as core's clampNoise does;
 * - retroactive (core's retroactiveShare): c × the rate of the highest tier whose start c reaches
 *   within the relative tolerance of 1e-9 (tolerance.ts), the threshold computed here as core
 *   computes it, so both compare c with the same double.
 * c ≤ 0 earns 0 (a net refund earns nothing; PE.PAYOUT_LEDGER's MAX(c, 0)).
 */

function marginal(dialect: Dialect, c: string, { starts, rates }: TierSchedule): string {
  const num = (value: number, field: string) => sqlNumber(dialect, value, field);
  const slices = starts.map((start, tier) => {
    const top = tier + 1 < starts.length ? `LEAST(${c}, ${num(starts[tier + 1], `tiers.${tier + 1}.from`)})` : c;
    const startLiteral = num(start, `tiers.${tier}.from`);
    return `CASE WHEN ${c} > ${startLiteral} THEN ${num(rates[tier], `tiers.${tier}.rate`)} * (${top} - ${startLiteral}) ELSE ${num(0, "0")} END`;
  });
  // The highest rate among the tiers c is above: a constant per number of tiers reached.
  const highest: string[] = [];
  for (let reached = starts.length; reached >= 1; reached--) {
    const rate = Math.max(...rates.slice(0, reached));
    highest.push(`WHEN ${c} > ${num(starts[reached - 1], `tiers.${reached - 1}.from`)} THEN ${num(rate, "rate")}`);
  }
  const sum = slices.map((slice) => `(${slice})`).join("\n          + ");
  const ceiling = `${c} * (CASE ${highest.join(" ")} ELSE ${num(0, "0")} END)`;
  return `LEAST(\n        ${ceiling},\n        GREATEST(${num(0, "0")},\n          ${sum}))`;
}

function retroactive(dialect: Dialect, c: string, { starts, rates }: TierSchedule): string {
  const num = (value: number, field: string) => sqlNumber(dialect, value, field);
  const branches: string[] = [];
  for (let tier = starts.length - 1; tier >= 0; tier--) {
    const threshold = starts[tier] - RELATIVE_TOLERANCE * Math.abs(starts[tier]);
    branches.push(`WHEN ${c} >= ${num(threshold, `tiers.${tier}.from`)} THEN ${c} * ${num(rates[tier], `tiers.${tier}.rate`)}`);
  }
  return `CASE ${branches.join("\n        ")}\n        ELSE ${num(0, "0")} END`;
}

export function tierFunction(dialect: Dialect, c: string, schedule: TierSchedule, method: LedgerMethod): string {
  const share = method === "marginal" ? marginal(dialect, c, schedule) : retroactive(dialect, c, schedule);
  const zero = sqlNumber(dialect, 0, "0");
  return `CASE WHEN ${c} > ${zero} THEN\n      ${share}\n    ELSE ${zero} END`;
}
