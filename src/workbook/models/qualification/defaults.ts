/**
 * The qualification framework's starting point (domain READING.md, file 002): five criteria with
 * their weights, and tiers at 85 / 70 / 50. The guidance restates each criterion's sub-points in
 * our own words, for the wizard and the sheet to show while a partner is rated.
 */

export interface CriterionDefault {
  name: string;
  weight: number;
  guidance: string[];
}

export const DEFAULT_CRITERIA: readonly CriterionDefault[] = [
  {
    name: "Strategic fit",
    weight: 30,
    guidance: [
      "shared vision and values",
      "offerings that complement ours rather than compete",
      "overlap with our target customers",
      "a way into new geographies",
      "a priority for both companies",
    ],
  },
  {
    name: "Market reach",
    weight: 25,
    guidance: [
      "size and quality of the customer base",
      "geographic coverage",
      "distribution channels and routes to market",
      "brand strength and reputation",
      "share of the segments we target",
    ],
  },
  {
    name: "Capabilities",
    weight: 20,
    guidance: [
      "technical fit: API quality, ease of integration",
      "sales and marketing strength",
      "customer success and support quality",
      "roadmap in line with ours",
      "innovation and thought leadership",
    ],
  },
  {
    name: "Financial health",
    weight: 15,
    guidance: [
      "revenue, profitability and growth",
      "funding and runway",
      "stability and creditworthiness",
      "money put into partner programmes",
      "how past partnerships performed",
    ],
  },
  {
    name: "Track record",
    weight: 10,
    guidance: [
      "past partnerships, successes and failures",
      "customer satisfaction and retention",
      "standing with customers and peers",
      "executive commitment to partnering",
      "mature partnering processes and infrastructure",
    ],
  },
];

export const DEFAULT_SCALE = 5;

export const DEFAULT_TIERS: readonly { threshold: number; label: string }[] = [
  { threshold: 85, label: "Tier 1" },
  { threshold: 70, label: "Tier 2" },
  { threshold: 50, label: "Tier 3" },
];

export const DEFAULT_BELOW_LABEL = "Not qualified";

export const DEFAULT_SHEET_NAME = "Qualification";
