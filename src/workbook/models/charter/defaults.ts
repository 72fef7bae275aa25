/**
 * The partnership charter's starting points and suggestions, from the playbooks' charter and
 * crawl-walk-run sections (domain READING.md, files 001 and 002), in our own words:
 * - the gates: crawl goes on when the stated metric improves by 20% or more, walk when 70% or
 *   more of invited customers adopt; run only when both gates passed;
 * - review cadence: working team weekly (or every two weeks), steering committee monthly,
 *   executive business review quarterly;
 * - exit criteria are never defaulted (a charter must state its own), only suggested.
 */
import type { Better } from "../../../core/gates";
import { DEFAULT_CRAWL_THRESHOLD, DEFAULT_WALK_THRESHOLD } from "../../../core/gates";

export const DEFAULT_CHARTER_SHEET_NAME = "Charter";
export const DEFAULT_CRAWL_GATE_THRESHOLD = DEFAULT_CRAWL_THRESHOLD;
export const DEFAULT_WALK_GATE_THRESHOLD = DEFAULT_WALK_THRESHOLD;
export const DEFAULT_BETTER: Better = "higher";

export const CADENCES = ["weekly", "biweekly", "monthly", "quarterly", "semiannual", "annual"] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: "Weekly",
  biweekly: "Every two weeks",
  monthly: "Monthly",
  quarterly: "Quarterly",
  semiannual: "Twice a year",
  annual: "Yearly",
};
export const DEFAULT_CADENCE = { workingTeam: "weekly", steering: "monthly", executive: "quarterly" } as const satisfies Record<
  string,
  Cadence
>;

export type PhaseId = "crawl" | "walk" | "run";

/** What the playbook expects of each phase, shown beside the phase's heading. */
export const PHASE_GUIDANCE: Record<PhaseId, string> = {
  crawl: "Playbook: 4 to 8 weeks with 1 or 2 pilot customers and a lightweight integration; measure one stated outcome.",
  walk: "Playbook: 8 to 12 weeks with 5 to 10 more customers, a formal integration, joint announcements and sales training.",
  run: "Playbook: 6 to 12 months and ongoing: full deployment, joint sales, integrated customer success, quarterly reviews.",
};

/** Typical phase lengths in days, for warnings when planned dates fall outside them. */
export const PHASE_DAYS: Record<Exclude<PhaseId, "run">, { min: number; max: number; words: string }> = {
  crawl: { min: 28, max: 56, words: "4 to 8 weeks" },
  walk: { min: 56, max: 84, words: "8 to 12 weeks" },
};

export const PHASE_DELIVERABLE_SUGGESTIONS: Record<PhaseId, readonly string[]> = {
  crawl: [
    "1 or 2 pilot customers using both products",
    "A manual or lightweight integration",
    "Baseline and pilot measurements of the stated metric",
  ],
  walk: [
    "5 to 10 more customers invited",
    "A formal, supported integration",
    "Joint announcement and webinar",
    "Sales training and playbooks for both teams",
  ],
  run: [
    "Full-scale deployment",
    "Joint enterprise sales and integrated customer success",
    "Native integration and marketplace listing",
    "Quarterly business reviews and an executive steering group",
  ],
};

export const METRIC_SUGGESTIONS: readonly string[] = [
  "Revenue attributed to the partnership",
  "Customers acquired and retained",
  "Average deal size",
  "Leads exchanged and conversion rate",
  "Joint customers",
  "Partner satisfaction",
  "ROI: value delivered against investment",
  "Cost per customer acquired",
];

export const TRACKING_SUGGESTIONS: readonly string[] = ["Shared dashboard", "Monthly report", "Quarterly business review"];

export const VALUE_SUGGESTIONS = {
  weGive: ["Engineering time", "Co-marketing", "Revenue share"],
  partnerGives: ["Distribution", "Credibility with its customers", "Co-investment"],
} as const;

export const BALANCE_QUESTION = "Would both sides still do this if the other walked away?";

export const EXIT_CRITERIA_SUGGESTIONS: readonly string[] = [
  "Three or more quarters in a row below the agreed targets",
  "Strategic misalignment: either side's priorities no longer fit the partnership",
  "A better alternative partnership becomes available",
];
