/**
 * How Excel's lookups compare a value with a cell: text without regard to case, numbers with
 * numbers, text with text, booleans with booleans (a number never equals text "1"); wildcards
 * `*` `?` and the escape `~` where a function allows them.
 */
import { CellError } from "hyperformula";
import type { Scalar } from "./values";

function typeRank(value: Scalar): number {
  if (typeof value === "number") return 0;
  if (typeof value === "string") return 1;
  if (typeof value === "boolean") return 2;
  return 3;
}

/** <0, 0, >0 for values of the same kind; undefined when the kinds differ (or a blank/error is involved). */
export function compareSameKind(a: Scalar, b: Scalar): number | undefined {
  if (a === null || b === null || a instanceof CellError || b instanceof CellError) return undefined;
  if (typeRank(a) !== typeRank(b)) return undefined;
  if (typeof a === "string") {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

export function wildcardPattern(text: string): RegExp {
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "~" && i + 1 < text.length) source += text[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]";
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "i");
}

/**
 * XMATCH/XLOOKUP's search: index of the match in `cells`, or -1.
 * matchMode 0 exact, -1 exact or next smaller, 1 exact or next larger, 2 wildcard;
 * searchMode 1 first to last, -1 last to first (2 and -2, binary searches, give the same on sorted data).
 */
export function findMatch(value: Scalar, cells: readonly Scalar[], matchMode: number, searchMode: number): number {
  const order = searchMode < 0 ? cells.map((_, i) => cells.length - 1 - i) : cells.map((_, i) => i);
  const pattern = matchMode === 2 && typeof value === "string" ? wildcardPattern(value) : undefined;
  let best = -1;
  for (const i of order) {
    const cell = cells[i];
    if (pattern) {
      if (typeof cell === "string" && pattern.test(cell)) return i;
      continue;
    }
    const compared = value === null ? (cell === null ? 0 : undefined) : compareSameKind(cell, value);
    if (compared === undefined) continue;
    if (compared === 0) return i;
    if (matchMode === -1 && compared < 0 && (best < 0 || compareSameKind(cell, cells[best])! > 0)) best = i;
    if (matchMode === 1 && compared > 0 && (best < 0 || compareSameKind(cell, cells[best])! < 0)) best = i;
  }
  return best;
}

/**
 * LOOKUP's (and MATCH type 1's) approximate search over data sorted ascending: the last cell of
 * the value's kind that is not greater than it, stopping at the first one that is.
 */
export function findSortedAtMost(value: Scalar, cells: readonly Scalar[]): number {
  let found = -1;
  for (let i = 0; i < cells.length; i++) {
    const compared = compareSameKind(cells[i], value);
    if (compared === undefined) continue;
    if (compared > 0) break;
    found = i;
  }
  return found;
}
