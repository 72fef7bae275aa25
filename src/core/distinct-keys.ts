import { fail, guarded } from "./errors";
import { isBlank, readNumber, readScalar, type CellResult, type FunctionResult } from "./excel-values";
import { normalKey, readKeyList, type LedgerKey, type NormalKey } from "./ledger-columns";
import { readChoice } from "./options";
import { columnOfTypedSize } from "./result-shapes";

/**
 * PE.DISTINCT_KEYS: the distinct non-blank keys of a ledger column as a fixed-size column, padded
 * with "" — the labels of a summary that must follow the ledger (a new partner or a new month
 * appended to the table appears) while keeping a shape that the formulas beside it can rely on.
 * Keys are the same keys PE.PAYOUT_LEDGER and PE.PAYOUT_TOTALS group by: they match like Excel's
 * `=`, so "Acme" and "ACME" are one key (shown as first written) and 7 and "7" are two.
 *
 * The size is fixed (not the count of keys) because a spill that changes size moves or blocks
 * what is beside it; more keys than size keeps the first `size` and leaves the rest for the
 * workbook to report, rather than an error that would blank every label.
 */

export const KEY_ORDERS = ["ascending", "first"] as const;
export type KeyOrder = (typeof KEY_ORDERS)[number];

/** Excel's largest spill: one sheet's rows. */
export const MAX_KEY_SLOTS = 1_048_576;

let collator: Intl.Collator | undefined;

/**
 * Distinct keys compare like Excel's `=`, accents kept apart; the collator only orders them. Made
 * on first use, not at load: every pe-calc command loads this module, few of them sort keys.
 */
function textOrder(): Intl.Collator {
  collator ??= new Intl.Collator("en", { sensitivity: "accent", numeric: false });
  return collator;
}

/** Excel's sort order of kinds (SORT, Data > Sort): numbers, then text, then FALSE, then TRUE. */
function kindRank(key: string | number | boolean): number {
  if (typeof key === "number") return 0;
  if (typeof key === "string") return 1;
  return key ? 3 : 2;
}

function compareKeys(a: string | number | boolean, b: string | number | boolean): number {
  const byKind = kindRank(a) - kindRank(b);
  if (byKind !== 0) return byKind;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return textOrder().compare(a, b);
  return 0;
}

/** The distinct non-blank keys, each as first written, in the order asked for. */
export function distinctKeys(keys: readonly LedgerKey[], order: KeyOrder = "ascending"): (string | number | boolean)[] {
  const seen = new Set<NormalKey>();
  const distinct: (string | number | boolean)[] = [];
  for (const key of keys) {
    if (key === null || key === "") continue;
    const normal = normalKey(key);
    if (seen.has(normal)) continue;
    seen.add(normal);
    distinct.push(key);
  }
  // Array.prototype.sort is stable: keys the collator ties (never equal under `=`) keep first-appearance order.
  return order === "first" ? distinct : distinct.sort(compareKeys);
}

/** The first `size` distinct keys, padded with "" to exactly `size` cells. */
export function keySlots(keys: readonly LedgerKey[], size: number, order: KeyOrder = "ascending"): CellResult[] {
  const slots: CellResult[] = distinctKeys(keys, order).slice(0, size);
  while (slots.length < size) slots.push("");
  return slots;
}

/** A whole number of slots, 1 to a sheet's rows; a fraction is truncated as SEQUENCE and TAKE do. */
export function readSize(argument: unknown): number {
  const value = readScalar(argument, "size");
  if (isBlank(value)) fail("#VALUE!", "size is blank: enter how many cells the list fills (e.g. 30)");
  const size = Math.trunc(readNumber(value, "size"));
  if (size < 1 || size > MAX_KEY_SLOTS) {
    fail("#NUM!", `size ${size} is out of range: give 1 to ${MAX_KEY_SLOTS.toLocaleString("en-US")} cells`);
  }
  return size;
}

/** Excel-shaped entry point: a column of `size` cells. An errored key is the error of the whole call. */
export function distinctKeysCells(keys: unknown, size: unknown, order?: unknown): FunctionResult {
  return guarded(() => {
    const slots = readSize(size);
    const chosen = readChoice(order, "order", KEY_ORDERS);
    return keySlots(readKeyList(keys, "keys"), slots, chosen).map((slot) => [slot]);
  });
}
distinctKeysCells.resultShape = columnOfTypedSize(1);
