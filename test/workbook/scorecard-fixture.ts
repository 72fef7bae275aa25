import { lastReported, partnerStatus } from "../../src/core/streaks";
import { termEnd } from "../../src/core/term-end";
import { ENDED, NO_ACTUALS, REVIEW_NOW } from "../../src/workbook/models/scorecard/defaults";
import { isoDateToSerial } from "../../src/workbook/models/shared/input-wording";
import type { ScorecardInputDraft } from "../../src/workbook/models/scorecard/input";

/**
 * A portfolio of `count` partners over `quarters` quarters, varied enough to reach every status
 * and renewal flag: targets of 100,000 plus 10,000 per partner, actuals above or below by a
 * pattern per partner, contracts starting on different days with and without auto-renewal.
 */
export function scorecardFixture(count = 30, quarters = 6): ScorecardInputDraft {
  const periods = Array.from({ length: quarters }, (_, q) => `${2025 + Math.floor(q / 4)}-Q${(q % 4) + 1}`);
  const partners = Array.from({ length: count }, (_, p) => {
    const target = 100_000 + p * 10_000;
    const targets = periods.map(() => target);
    // Pattern p % 5: 0 all met, 1 last three below, 2 last below, 3 alternating, 4 met then one short quarter unreported
    const actuals = periods.map((_, q): number | null => {
      const late = q >= quarters - 3;
      switch (p % 5) {
        case 0:
          return target + 5_000;
        case 1:
          return late ? target - 20_000 : target + 1_000;
        case 2:
          return q === quarters - 1 ? target - 1 : target;
        case 3:
          return q % 2 === 1 ? target * 1.2 : target * 0.8;
        default:
          return q === quarters - 1 ? null : target * 1.1;
      }
    });
    const month = (p % 12) + 1;
    return {
      name: `Partner ${String(p + 1).padStart(2, "0")}`,
      start: `${2023 + (p % 3)}-${String(month).padStart(2, "0")}-${p % 2 === 0 ? "01" : "15"}`,
      initialYears: 1 + (p % 3),
      renewalYears: p % 4 === 3 ? 0 : 1,
      noticeDays: [30, 60, 90][p % 3],
      targets,
      actuals,
      kpis: [p % 7 === 0 ? null : 5 + (p % 6), 50 + p],
    };
  });
  return {
    asOf: "2026-06-30",
    periods,
    partners,
    kpis: [
      { name: "New customers", weight: 25, target: 8 },
      { name: "Joint pipeline", weight: 25, target: 60 },
    ],
  };
}

/** What core says of a partner of a draft: its status (or "No actuals") and renewal flag, as the portfolio should show them. */
export function expectedFromCore(
  partner: {
    targets?: (number | null)[];
    actuals?: (number | null)[];
    start?: string | null;
    initialYears?: number | null;
    renewalYears?: number | null;
  },
  asOf: string,
  rules: { expandAfter?: number; exitAfter?: number; leadDays?: number } = {},
): { status: string; renewal: string } {
  const actuals = partner.actuals ?? [];
  const periods = actuals.map((actual, q) => ({ actual, target: partner.targets?.[q] ?? 0 }));
  const status = lastReported(periods) < 0 ? NO_ACTUALS : partnerStatus(periods, rules.expandAfter ?? 2, rules.exitAfter ?? 3);
  const day = isoDateToSerial(asOf)!;
  let renewal = "";
  if (partner.start) {
    const end = termEnd(isoDateToSerial(partner.start)!, partner.initialYears ?? 0, partner.renewalYears ?? 0, day);
    renewal = day > end ? ENDED : day >= end - (rules.leadDays ?? 90) ? REVIEW_NOW : "";
  }
  return { status, renewal };
}
