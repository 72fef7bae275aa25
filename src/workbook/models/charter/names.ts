/** The charter's defined names: the gate inputs and results, Charter_… (Charter2_… for a second charter). */
const NAME_PARTS = {
  crawlBaseline: "CrawlBaseline",
  crawlPilot: "CrawlPilot",
  crawlThreshold: "CrawlThreshold",
  crawlBetter: "CrawlBetter",
  crawlGate: "CrawlGate",
  walkInvited: "WalkInvited",
  walkAdopted: "WalkAdopted",
  walkThreshold: "WalkThreshold",
  walkGate: "WalkGate",
  runGate: "RunGate",
} as const;

export type CharterNameKey = keyof typeof NAME_PARTS;
export const CHARTER_NAME_KEYS = Object.keys(NAME_PARTS) as CharterNameKey[];

export function reservedCharterNames(suffix: string): string[] {
  return Object.values(NAME_PARTS).map((part) => `Charter${suffix}_${part}`);
}

export function charterNames(suffix: string): Record<CharterNameKey, string> {
  return Object.fromEntries(CHARTER_NAME_KEYS.map((key) => [key, `Charter${suffix}_${NAME_PARTS[key]}`])) as Record<
    CharterNameKey,
    string
  >;
}
