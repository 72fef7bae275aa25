/** The rules a charter input can break, each reported on its dotted field path (see validateCharterInput). */

import type { CharterInput } from "./input";
import { sheetNameProblem } from "../../sheet-names";
import { amountText, checkRate, isoDateToSerial } from "../shared/input-wording";
import { type Report } from "../shared/input-validation";
import { PHASE_DAYS, type PhaseId } from "./defaults";

const PHASE_NAMES: Record<PhaseId, string> = { crawl: "Crawl", walk: "Walk", run: "Run" };

export const MAX_CHARTER_ITEMS = 50;
export const MAX_CHARTER_TEXT = 2000;
export const MAX_PARTY_NAME = 100;

export function checkCharter(input: CharterInput, error: Report, warn: Report): void {
  const sheetProblem = sheetNameProblem(input.sheetName);
  if (sheetProblem) error("sheetName", sheetProblem);
  for (const side of ["ourName", "partnerName"] as const) {
    if (input[side].length > MAX_PARTY_NAME)
      error(side, `the name has ${input[side].length} characters; keep it to ${MAX_PARTY_NAME}`);
  }
  checkTexts(input, error);

  if (input.exitCriteria.length === 0) {
    error(
      "exitCriteria",
      "a charter needs at least one exit criterion (what would end the partnership?), e.g. three or more quarters below target",
    );
  }
  const missing = (path: string, what: string): void => warn(path, `${what} is empty: the charter shows a blank line to fill in`);
  if (input.goals.us.length === 0) missing("goals.us", "what success looks like for us");
  if (input.goals.partner.length === 0) missing("goals.partner", "what success looks like for the partner");
  if (input.goals.customers.length === 0) missing("goals.customers", "what success looks like for customers");
  if (input.valueExchange.weGive.length === 0) missing("valueExchange.weGive", "what we give");
  if (input.valueExchange.partnerGives.length === 0) missing("valueExchange.partnerGives", "what the partner gives");
  if (input.valueExchange.balanced === false && input.valueExchange.note === "")
    warn("valueExchange.note", "the exchange is marked not balanced: add a note on what would balance it");

  checkPhases(input, error, warn);
  checkGates(input, error);
}

/** Every text field and list item: at most MAX_CHARTER_TEXT characters, lists at most MAX_CHARTER_ITEMS items. */
function checkTexts(input: CharterInput, error: Report): void {
  const visit = (value: unknown, path: string): void => {
    if (typeof value === "string") {
      if (value.length > MAX_CHARTER_TEXT)
        error(path, `this text has ${value.length} characters; keep each entry to ${MAX_CHARTER_TEXT} (split it into items)`);
    } else if (Array.isArray(value)) {
      if (value.length > MAX_CHARTER_ITEMS) error(path, `${value.length} items is more than ${MAX_CHARTER_ITEMS}; merge some`);
      value.forEach((item, i) => visit(item, `${path}.${i}`));
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) if (key !== "ui") visit(inner, path === "" ? key : `${path}.${key}`);
    }
  };
  visit(input, "");
}

function checkPhases(input: CharterInput, error: Report, warn: Report): void {
  const ids: PhaseId[] = ["crawl", "walk", "run"];
  const dates: Partial<Record<PhaseId, { start: number | null; end: number | null }>> = {};
  for (const id of ids) {
    const phase = input.phases[id];
    const serial = (field: "start" | "end"): number | null => {
      const value = phase[field];
      if (value === null || value === "") return null;
      const parsed = isoDateToSerial(value);
      if (parsed === null)
        error(
          `phases.${id}.${field}`,
          `${PHASE_NAMES[id]} ${field} "${value}" is not a date: write it as YYYY-MM-DD, e.g. 2025-03-01`,
        );
      return parsed;
    };
    const start = serial("start");
    const end = serial("end");
    dates[id] = { start, end };
    if (start !== null && end !== null) {
      if (end < start) error(`phases.${id}.end`, `${PHASE_NAMES[id]} ends (${phase.end}) before it starts (${phase.start})`);
      else if (id !== "run") {
        const days = end - start;
        const typical = PHASE_DAYS[id];
        if (days < typical.min || days > typical.max) {
          warn(`phases.${id}.end`, `${PHASE_NAMES[id]} runs ${days} days; the playbook's ${id} phase takes ${typical.words}`);
        }
      }
    }
  }
  const pairs: [PhaseId, PhaseId][] = [
    ["crawl", "walk"],
    ["walk", "run"],
  ];
  for (const [before, after] of pairs) {
    const end = dates[before]?.end;
    const start = dates[after]?.start;
    if (end != null && start != null && start < end) {
      warn(
        `phases.${after}.start`,
        `${PHASE_NAMES[after]} starts before ${before} ends: run the phases one after the other, so each gate's result is clear`,
      );
    }
  }
}

function checkGates(input: CharterInput, error: Report): void {
  const crawl = input.phases.crawl.gate;
  checkRate(crawl.threshold, "phases.crawl.gate.threshold", "The crawl gate's improvement threshold", error);
  if (crawl.baseline === 0) {
    error(
      "phases.crawl.gate.baseline",
      "The crawl baseline is 0: the improvement is measured against it, so enter the metric's value before the pilot (or leave it blank)",
    );
  }
  const walk = input.phases.walk.gate;
  checkRate(walk.threshold, "phases.walk.gate.threshold", "The walk gate's adoption threshold", error);
  const countOk = (value: number | null, field: "invited" | "adopted"): boolean => {
    if (value === null) return true;
    if (Number.isInteger(value) && value >= 0) return true;
    error(`phases.walk.gate.${field}`, `Customers ${field} is ${amountText(value)}: enter a whole number, 0 or more`);
    return false;
  };
  const invitedOk = countOk(walk.invited, "invited");
  const adoptedOk = countOk(walk.adopted, "adopted");
  if (invitedOk && walk.invited === 0)
    error(
      "phases.walk.gate.invited",
      "Customers invited is 0: adoption is measured against it, so invite customers first (or leave it blank)",
    );
  if (invitedOk && adoptedOk && walk.invited !== null && walk.adopted !== null && walk.adopted > walk.invited) {
    error(
      "phases.walk.gate.adopted",
      `Customers adopted (${walk.adopted}) is more than customers invited (${walk.invited}): only invited customers can adopt`,
    );
  }
}
