/** Excel's rules for defined names (which HyperFormula's named expressions also accept). */

const NAME_PATTERN = /^[\p{L}_\\][\p{L}\p{Nd}_.\\]*$/u;
const CELL_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
const R1C1_LIKE = /^(R|C|R[0-9]*C[0-9]*|R[0-9]+|C[0-9]+)$/i;
export const MAX_NAME_LENGTH = 255;

/** Why `name` cannot be a defined name, or null when it can. */
export function definedNameProblem(name: string): string | null {
  if (name === "") return "a defined name cannot be blank";
  if (name.length > MAX_NAME_LENGTH) return `defined name "${name.slice(0, 40)}…" is longer than ${MAX_NAME_LENGTH} characters`;
  if (!NAME_PATTERN.test(name))
    return `"${name}" is not a valid name: start with a letter or _, then use letters, digits, _ or .`;
  if (CELL_LIKE.test(name) || R1C1_LIKE.test(name))
    return `"${name}" looks like a cell reference, so Excel cannot use it as a name`;
  if (/^(TRUE|FALSE)$/i.test(name)) return `"${name}" is a boolean literal, so Excel cannot use it as a name`;
  return null;
}

export function sameDefinedName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** `base` when free (ignoring case), otherwise base2, base3, … */
export function uniqueDefinedName(base: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toUpperCase()));
  if (!taken.has(base.toUpperCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`.toUpperCase())) return `${base}${n}`;
}

/**
 * One suffix for a whole set of names: "" when every name `namesWith("")` gives is free (ignoring
 * case), otherwise the first number from 2 for which every name `namesWith(number)` gives is.
 */
export function freeNameSuffix(existing: Iterable<string>, namesWith: (suffix: string) => string[]): string {
  const taken = new Set([...existing].map((n) => n.toUpperCase()));
  const free = (suffix: string): boolean => namesWith(suffix).every((name) => !taken.has(name.toUpperCase()));
  if (free("")) return "";
  for (let n = 2; ; n++) if (free(String(n))) return String(n);
}
