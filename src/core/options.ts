import { ExcelError, fail, isExcelError } from "./errors";
import { isOmitted, readScalar } from "./excel-values";

/**
 * Readers for the two kinds of switch an argument can be: a keyword from a fixed list ("paid",
 * "balance") and a logical (TRUE / FALSE). Keywords are case-insensitive and trimmed; an unknown
 * one is refused with the list of valid ones, so the message says what to type.
 */

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`: how a message lists the valid keywords. */
export function listOfChoices(choices: readonly string[]): string {
  const quoted = choices.map((choice) => `"${choice}"`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

function shown(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * The keyword typed for a choice, trimmed and lower-cased ("" when omitted or blank); anything that
 * is not one keyword (a number, TRUE, a range of several cells) is refused with the valid ones listed.
 * An error value in the cell is passed on.
 */
export function readChoiceText(argument: unknown, what: string, choices: readonly string[]): { typed: string; text: string } {
  const valid = `use ${listOfChoices(choices)}`;
  let value: unknown;
  try {
    value = readScalar(argument, what);
  } catch (caught) {
    if (caught instanceof ExcelError && caught.message.startsWith(`${what} `)) fail("#VALUE!", `${caught.message}: ${valid}`);
    throw caught;
  }
  if (isExcelError(value)) throw value;
  if (isOmitted(value)) return { typed: "", text: "" };
  if (typeof value !== "string") fail("#VALUE!", `${what} ${shown(value)} is unknown: ${valid}`);
  return { typed: value, text: value.trim().toLowerCase() };
}

/** One of `choices` (the first is the default when omitted or blank), read case-insensitively. */
export function readChoice<T extends string>(argument: unknown, what: string, choices: readonly T[]): T {
  const { typed, text } = readChoiceText(argument, what, choices);
  if (text === "") return choices[0];
  const choice = choices.find((known) => known === text);
  if (choice === undefined) fail("#VALUE!", `${what} ${shown(typed)} is unknown: use ${listOfChoices(choices)}`);
  return choice;
}

/**
 * A logical argument as Excel reads one: TRUE/FALSE, a number (0 is FALSE, anything else TRUE) or
 * the text "TRUE"/"FALSE" in any case; `fallback` when omitted.
 */
export function readOptionalBoolean(argument: unknown, what: string, fallback: boolean): boolean {
  const value = readScalar(argument, what);
  if (isExcelError(value)) throw value;
  if (isOmitted(value)) return fallback;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (Number.isNaN(value)) fail("#VALUE!", `${what} is NaN: enter TRUE or FALSE`);
    return value !== 0;
  }
  const text = String(value).trim().toUpperCase();
  if (text === "TRUE") return true;
  if (text === "FALSE") return false;
  const shown = String(value).length > 40 ? `${String(value).slice(0, 37)}...` : String(value);
  return fail("#VALUE!", `${what} is "${shown}": enter TRUE or FALSE`);
}
