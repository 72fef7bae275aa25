/** The rules a deal input can break, each reported on its dotted field path (see validateDealInput). */

import type { DealInput } from "./input";
import { sheetNameProblem } from "../../sheet-names";
import { amountText, checkAmount, checkRate, checkWhole, percentText } from "../shared/input-wording";
import { type Report } from "../shared/input-validation";
import { MAX_TERM_YEARS } from "./defaults";

const MAX_AMOUNT = 1e15;

export const MAX_DEAL_RATES = 50;
export const MAX_PARTNER_NAME_LENGTH = 255;

export function checkDeal(input: DealInput, error: Report, warn: Report): void {
  const sheetProblem = sheetNameProblem(input.sheetName);
  if (sheetProblem) error("sheetName", sheetProblem);
  if (input.partnerName.length > MAX_PARTNER_NAME_LENGTH)
    error("partnerName", `the partner name has ${input.partnerName.length} characters; keep it to ${MAX_PARTNER_NAME_LENGTH}`);
  if (/["\\]/.test(input.currency) || input.currency.length > 5)
    error("currency", `currency "${input.currency}": use a symbol or code of up to 5 characters without quotes or backslashes`);

  const termOk = Number.isInteger(input.termYears) && input.termYears >= 1 && input.termYears <= MAX_TERM_YEARS;
  if (!termOk) {
    error(
      "termYears",
      `the term is ${amountText(input.termYears)} years: enter a whole number of years from 1 to ${MAX_TERM_YEARS}`,
    );
  }
  checkYearly(input.revenue, "revenue", "revenue forecast", "revenue", termOk ? input.termYears : null, error);
  checkRevenueShare(input, termOk ? input.termYears : null, error, warn);
  checkReferral(input, error);
  checkReseller(input, termOk ? input.termYears : null, error);
  checkRate(input.coMarketing.ourShare, "coMarketing.ourShare", "Our co-marketing share", error);
  checkAmount(input.coMarketing.budget, "coMarketing.budget", "The co-marketing budget", error);
  checkTerms(input, termOk ? input.termYears : null, error, warn);
}

/** One value per term year, each 0 or more: "Year 2 revenue is -5: enter 0 or more". */
function checkYearly(values: number[], path: string, what: string, noun: string, termYears: number | null, error: Report): void {
  if (termYears !== null && values.length !== termYears) {
    error(path, `${values.length} ${what}${values.length === 1 ? "" : "s"} for a ${termYears}-year term: give one for each year`);
  }
  values.forEach((value, i) => {
    if (!(value >= 0)) error(`${path}.${i}`, `Year ${i + 1} ${noun} is ${amountText(value)}: enter 0 or more`);
    else if (value > MAX_AMOUNT) error(`${path}.${i}`, `Year ${i + 1} ${noun} is ${amountText(value)}: check for a typing slip`);
  });
}

function checkRevenueShare(input: DealInput, termYears: number | null, error: Report, warn: Report): void {
  const share = input.revenueShare;
  if (share.basis === "byYear") {
    if (share.rates.length === 0) error("revenueShare.rates", "give at least the year 1 rate");
    if (share.rates.length > MAX_DEAL_RATES)
      error("revenueShare.rates", `${share.rates.length} rates is more than ${MAX_DEAL_RATES}`);
    share.rates.forEach((rate, i) => checkRate(rate, `revenueShare.rates.${i}`, `Year ${i + 1} rate`, error));
    if (termYears !== null && share.rates.length > termYears) {
      warn(
        "revenueShare.rates",
        `${share.rates.length} yearly rates for a ${termYears}-year term: the rates after year ${termYears} are not used`,
      );
    }
    return;
  }
  const { tiers } = share;
  if (tiers.length === 0) error("revenueShare.tiers", "give at least one tier (from 0 at one rate)");
  if (tiers.length > MAX_DEAL_RATES) error("revenueShare.tiers", `${tiers.length} tiers is more than ${MAX_DEAL_RATES}`);
  tiers.forEach((tier, i) => {
    const path = `revenueShare.tiers.${i}`;
    if (!(tier.from >= 0)) error(`${path}.from`, `Tier ${i + 1} starts at ${amountText(tier.from)}: tiers start at 0 or more`);
    else if (i > 0 && !(tier.from > tiers[i - 1].from)) {
      error(
        `${path}.from`,
        `Tier ${i + 1} starts at ${amountText(tier.from)}, not above tier ${i} (${amountText(tiers[i - 1].from)}): list tiers from the lowest revenue up`,
      );
    }
    checkRate(tier.rate, `${path}.rate`, `Tier ${i + 1} rate`, error);
  });
  if (tiers.length > 0 && tiers[0].from > 0)
    warn("revenueShare.tiers.0.from", `yearly revenue below ${amountText(tiers[0].from)} earns the partner no share`);
}

function checkReferral(input: DealInput, error: Report): void {
  const { rate, minimum, maximum } = input.referral;
  checkRate(rate, "referral.rate", "The referral fee rate", error);
  const blank = ", or leave it blank (null) for none";
  if (minimum !== null) checkAmount(minimum, "referral.minimum", "The referral fee minimum", error, blank);
  if (maximum !== null) checkAmount(maximum, "referral.maximum", "The referral fee maximum", error, blank);
  if (minimum !== null && maximum !== null && minimum >= 0 && maximum >= 0 && minimum > maximum) {
    error(
      "referral.maximum",
      `The referral fee maximum ${amountText(maximum)} is below the minimum ${amountText(minimum)}: raise it or lower the minimum`,
    );
  }
}

function checkReseller(input: DealInput, termYears: number | null, error: Report): void {
  const reseller = input.reseller;
  if (!reseller) return;
  if (!(reseller.discount >= 0 && reseller.discount < 1)) {
    error(
      "reseller.discount",
      `The reseller discount is ${percentText(reseller.discount)}: enter a discount from 0% up to (not including) 100%`,
    );
  }
  checkAmount(reseller.listPrice, "reseller.listPrice", "The list price", error);
  checkYearly(reseller.units, "reseller.units", "unit forecast", "units", termYears, error);
}

function checkTerms(input: DealInput, termYears: number | null, error: Report, warn: Report): void {
  const t = input.terms;
  checkAmount(t.liabilityFloor, "terms.liabilityFloor", "The liability floor", error);
  checkAmount(t.liabilityMultiple, "terms.liabilityMultiple", "The liability multiple", error);
  checkAmount(t.indemnityMultiple, "terms.indemnityMultiple", "The indemnity multiple", error);
  checkWhole(t.initialTermYears, "terms.initialTermYears", "The initial term", 1, MAX_TERM_YEARS, "years", error);
  checkWhole(t.renewalNoticeDays, "terms.renewalNoticeDays", "The renewal notice", 0, 3650, "days", error);
  if (termYears !== null && Number.isInteger(t.initialTermYears) && t.initialTermYears > termYears) {
    warn(
      "terms.initialTermYears",
      `the initial term (${t.initialTermYears} years) is longer than the ${termYears} years modelled: the schedule stops at year ${termYears}`,
    );
  }
}
