/**
 * The scorecard's starting point, from the playbooks (domain READING.md "Governance and metrics",
 * file 002 "Partnership Relationship Management"): expand after 2 quarters on target, exit review
 * after 3 below, start the renewal review 90 days before a term ends ("60–90 days before
 * expiration"), health bands Healthy ≥ 80, Watch ≥ 60, At risk ≥ 40, Critical below.
 */

export const DEFAULT_PORTFOLIO_SHEET = "Portfolio";
export const DEFAULT_QBR_SHEET = "QBR";
export const DEFAULT_EXPAND_AFTER = 2;
export const DEFAULT_EXIT_AFTER = 3;
export const DEFAULT_RENEWAL_LEAD_DAYS = 90;
export const DEFAULT_HEALTH_CAP = 1;
/** Weight of revenue attainment in the health score, beside the further KPIs' weights. */
export const DEFAULT_REVENUE_WEIGHT = 50;
/** Empty quarter columns left after the last quarter in the data, for the quarters to come. */
export const DEFAULT_SPARE_QUARTERS = 4;

export const DEFAULT_HEALTH_BANDS: readonly { from: number; label: string }[] = [
  { from: 80, label: "Healthy" },
  { from: 60, label: "Watch" },
  { from: 40, label: "At risk" },
];
export const DEFAULT_BELOW_BAND = "Critical";

/** Contract terms a partner gets when its row leaves them out ("initial term 1–3 years, 30–90 day notice"). */
export const DEFAULT_INITIAL_YEARS = 1;
export const DEFAULT_RENEWAL_YEARS = 1;
export const DEFAULT_NOTICE_DAYS = 60;

/** How many of the last reported quarters the portfolio shows as attainment columns. */
export const RECENT_QUARTERS = 4;

/** The statuses PE.PARTNER_STATUS returns, in the order the counts list them. */
export const STATUSES = ["Expand", "Maintain", "Course-correct", "Exit review"] as const;
/** What a partner row without any reported quarter shows instead of PE.PARTNER_STATUS's #N/A. */
export const NO_ACTUALS = "No actuals";
/** The renewal flag's two values: as-of inside the review window, or past a term that does not renew. */
export const REVIEW_NOW = "Review now";
export const ENDED = "Ended";

/** The QBR's decisions ("expand, maintain, course-correct, sunset"), the rules' exit review among them. */
export const DECISIONS = ["Expand", "Maintain", "Course-correct", "Exit review", "Sunset"] as const;

/**
 * Texts the portfolio sheet writes in column A above the table. The QBR finds a partner by MATCH
 * in column A, so a partner may not be called one of these (nor a KPI or a quarter label).
 */
export const COLUMN_A_LABELS = [
  "Partner portfolio scorecard",
  "Input",
  "As of",
  "Expand after (quarters on target)",
  "Exit review after (quarters below)",
  "Renewal review lead (days)",
  "Attainment cap (full marks)",
  "Health KPI",
  "Revenue (recent quarters)",
  "Quarter",
  "Partner",
] as const;

/** The portfolio table's first headers: the partner and its contract terms. */
export const CONTRACT_HEADERS = ["Partner", "Contract start", "Initial term (years)", "Renewal term (years)", "Notice (days)"];
/** The portfolio table's last headers: what the formulas make of the quarters. */
export const OUTCOME_HEADERS = [
  "Quarters below",
  "Quarters met",
  "Status",
  "Health",
  "Band",
  "Term end",
  "Notice by",
  "Review from",
  "Renewal",
];
