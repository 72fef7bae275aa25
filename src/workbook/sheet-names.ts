/**
 * Excel's rules for sheet names: at most 31 characters, none of [ ] : * ? / \, not blank, no
 * apostrophe at either end, "History" reserved, and uniqueness without regard to case.
 */

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
const RESERVED = ["history"];

/** Why `name` cannot be a sheet name, or null when it can. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "a sheet name cannot be blank";
  if (name.length > MAX_SHEET_NAME_LENGTH)
    return `sheet name "${name}" is ${name.length} characters long; Excel allows ${MAX_SHEET_NAME_LENGTH}`;
  const bad = name.match(FORBIDDEN);
  if (bad) return `sheet name "${name}" contains ${[...new Set(bad)].join(" ")}, which Excel does not allow in sheet names`;
  if (name.startsWith("'") || name.endsWith("'")) return `sheet name "${name}" cannot begin or end with an apostrophe`;
  if (RESERVED.includes(name.toLowerCase())) return `"${name}" is reserved by Excel`;
  return null;
}

export function sameSheetName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** Turns any text into a legal sheet name (forbidden characters become "-", trimmed, cut to 31). */
export function sanitizeSheetName(base: string): string {
  let name = base.replace(FORBIDDEN, "-").replace(/\s+/g, " ").trim();
  name = name.replace(/^'+|'+$/g, "").trim();
  if (name === "" || RESERVED.includes(name.toLowerCase())) name = name === "" ? "Sheet" : `${name} sheet`;
  return name.slice(0, MAX_SHEET_NAME_LENGTH).trim();
}

/**
 * A legal sheet name based on `base` that differs (ignoring case) from every name in `existing`:
 * `base` itself when free, otherwise "base (2)", "base (3)", …, shortening `base` so the suffix fits.
 */
export function uniqueSheetName(base: string, existing: Iterable<string>): string {
  const taken = [...existing];
  const isTaken = (candidate: string): boolean => taken.some((name) => sameSheetName(name, candidate));
  const clean = sanitizeSheetName(base);
  if (!isTaken(clean)) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${clean.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}
