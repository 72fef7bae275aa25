import fc from "fast-check";
import { distinctKeysCells, keySlots } from "../../src/core/distinct-keys";
import { anyArgument, anyGridOrArgument, isValidResult, neverThrows } from "./arbitraries";

/** Keys with the traps of Excel's `=`: case variants, a number and its text, blanks, booleans. */
const key = fc.constantFrom<string | number | boolean | null>(
  "Acme",
  "ACME",
  "Beta",
  "beta",
  1,
  "1",
  2.5,
  null,
  "",
  true,
  false,
  "2026-01",
  "é",
  "e",
);
const order = fc.constantFrom<"ascending" | "first">("ascending", "first");

/** A key as Excel's `=` sees it, computed here independently of the implementation. */
function keyName(cell: unknown): string {
  return typeof cell === "string" ? `text:${cell.toLowerCase()}` : `${typeof cell}:${String(cell)}`;
}
const isBlankKey = (cell: unknown) => cell === null || cell === "";

describe("PE.DISTINCT_KEYS contract", () => {
  it("never throws and returns only finite numbers, text, logicals, typed errors or a grid of them", () => {
    fc.assert(
      fc.property(anyGridOrArgument, anyArgument, anyArgument, (keys, size, chosen) => {
        expect(isValidResult(neverThrows(() => distinctKeysCells(keys, size, chosen)))).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it('gives exactly size cells: distinct keys of the input, then only "" padding', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 30 }), fc.integer({ min: 1, max: 20 }), order, (keys, size, chosen) => {
        const slots = keySlots(keys, size, chosen);
        expect(slots).toHaveLength(size);
        const filled = slots.filter((slot) => slot !== "");
        // Padding only after the keys.
        expect(slots.slice(filled.length).every((slot) => slot === "")).toBe(true);
        const names = filled.map(keyName);
        expect(new Set(names).size).toBe(names.length);
        const inputNames = new Set(keys.filter((cell) => !isBlankKey(cell)).map(keyName));
        names.forEach((name) => expect(inputNames.has(name)).toBe(true));
        expect(filled.length).toBe(Math.min(size, inputNames.size));
        if (size >= inputNames.size) expect(new Set(names)).toEqual(inputNames);
      }),
      { numRuns: 500 },
    );
  });

  it('"first" keeps the order of first appearance; "ascending" puts numbers before text before logicals', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 30 }), (keys) => {
        const firstSeen: string[] = [];
        for (const cell of keys) if (!isBlankKey(cell) && !firstSeen.includes(keyName(cell))) firstSeen.push(keyName(cell));
        expect(
          keySlots(keys, 40, "first")
            .filter((slot) => slot !== "")
            .map(keyName),
        ).toEqual(firstSeen);
        const rank = (slot: unknown) => ({ number: 0, string: 1, boolean: 2 })[typeof slot as "number"];
        const sorted = keySlots(keys, 40).filter((slot) => slot !== "");
        for (let index = 1; index < sorted.length; index++) {
          expect(rank(sorted[index - 1])).toBeLessThanOrEqual(rank(sorted[index]));
        }
      }),
    );
  });
});
