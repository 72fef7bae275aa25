/** The charter's defined names: the gate inputs and results, Charter_… (Charter2_… for a second charter). */
import { namesFor } from "../shared/model-names";

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

export function charterNames(suffix: string): Record<CharterNameKey, string> {
  return namesFor("Charter", suffix, NAME_PARTS);
}

export function reservedCharterNames(suffix: string): string[] {
  return Object.values(charterNames(suffix));
}
