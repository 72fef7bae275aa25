/**
 * An engine value as a file caches it for a formula cell: what `pe-calc new` (through ExcelJS)
 * and `pe-calc recalc` (patching `<v>` in place) both write. Kept apart from the ExcelJS writer
 * so that recalc, which never needs ExcelJS, does not load it (~250 ms of a 1,000-partner run).
 */
export type CachedErrorCode = "#N/A" | "#REF!" | "#NAME?" | "#DIV/0!" | "#NULL!" | "#VALUE!" | "#NUM!";

export type CachedResult = number | string | boolean | { error: CachedErrorCode } | undefined;

const ERROR_CODES: readonly CachedErrorCode[] = ["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"];

/** An engine value as a formula's cached result; HyperFormula errors carry their code in `value`. */
export function toCachedResult(value: unknown): CachedResult {
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  // Excel's cell holds 32,767 characters and its text functions give #VALUE! past that: never write more.
  if (typeof value === "string") return value.length > 32_767 ? { error: "#VALUE!" } : value;
  if (typeof value === "boolean") return value;
  if (value && typeof value === "object" && "value" in value) {
    const code = String((value as { value: unknown }).value);
    return { error: ERROR_CODES.find((c) => c === code) ?? "#VALUE!" };
  }
  return undefined;
}
