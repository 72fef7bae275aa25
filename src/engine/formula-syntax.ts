/**
 * Why a formula does not parse, in words a user can act on. HyperFormula's parser only says
 * "not a formula" (or lists grammar tokens), so the common slips are recognised here first.
 */
interface Balance {
  parentheses: number;
  braces: number;
  openQuote: boolean;
  semicolonOutsideArray: boolean;
  strayClose: string | undefined;
}

function scan(formula: string): Balance {
  const balance: Balance = { parentheses: 0, braces: 0, openQuote: false, semicolonOutsideArray: false, strayClose: undefined };
  for (const char of formula) {
    if (char === '"') balance.openQuote = !balance.openQuote;
    if (balance.openQuote) continue;
    if (char === "(") balance.parentheses++;
    if (char === "{") balance.braces++;
    if (char === ";" && balance.braces === 0) balance.semicolonOutsideArray = true;
    if (char === ")" && --balance.parentheses < 0) balance.strayClose ??= ")";
    if (char === "}" && --balance.braces < 0) balance.strayClose ??= "}";
  }
  return balance;
}

/** `engineDetail` is the parser's own message, used when no common slip explains the failure. */
export function explainSyntaxError(formula: string, engineDetail?: string): string {
  const balance = scan(formula);
  if (balance.openQuote) return "a text in double quotes is not closed";
  if (balance.strayClose) return `a "${balance.strayClose}" has no matching opening bracket`;
  if (balance.parentheses > 0) return `${balance.parentheses} "(" not closed`;
  if (balance.braces > 0) return 'an array constant "{" is not closed';
  if (balance.semicolonOutsideArray) return 'arguments are separated by "," (";" only separates rows inside {…})';
  const detail = engineDetail
    ?.replace(/^Parsing error\.\s*/, "")
    .split("\n")[0]
    .trim();
  if (detail && !detail.includes("possible Token sequences")) return `it is not a valid formula (${detail})`;
  return "it is not a valid formula: a value is missing or an operator is out of place";
}
