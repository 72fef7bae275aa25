import { fail, isExcelError } from "./errors";
import { isOmitted, readOptionalText, readScalar } from "./excel-values";

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

/** One of `choices` (the first is the default when omitted or blank), read case-insensitively. */
export function readChoice<T extends string>(argument: unknown, what: string, choices: readonly T[]): T {
  const fallback = choices[0];
  const typed = readOptionalText(argument, what, fallback);
  const text = typed.trim().toLowerCase();
  if (text === "") return fallback;
  const choice = choices.find((known) => known === text);
  if (choice === undefined) fail("#VALUE!", `${what} "${typed}" is unknown: use ${listOfChoices(choices)}`);
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
