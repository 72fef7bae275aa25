import fc from "fast-check";
import { payoutTotals, payoutTotalsCells } from "../../src/core/payout-totals";
import { anyArgument, anyGridOrArgument, isValidResult, neverThrows } from "./arbitraries";

/** Keys with the traps of Excel's `=`: case variants, a number and its text, blanks, booleans, criteria-like text. */
const partnerKey = fc.constantFrom<string | number | boolean | null>("Acme", "ACME", "Beta", 1, "1", null, "", true, ">0", "A*");
const periodKey = fc.constantFrom<string | number | null>("2026-01", "2026-02", "2026", 2026, null);
const amount = fc.oneof(
  fc.integer({ min: -20_000, max: 60_000 }),
  fc.double({ min: -1e5, max: 1e5, noNaN: true, noDefaultInfinity: true }),
);
const ledger = fc.array(fc.tuple(amount, partnerKey, periodKey), { minLength: 1, maxLength: 40 });

/** A key as Excel's `=` sees it, computed here independently of the implementation. */
function keyName(key: unknown): string {
  return key === null || key === ""
    ? "blank"
    : typeof key === "string"
      ? `text:${key.toLowerCase()}`
      : `${typeof key}:${String(key)}`;
}

describe("PE.PAYOUT_TOTALS contract", () => {
  it("never throws and returns only finite numbers, typed errors or a grid of them, whatever it is given", () => {
    fc.assert(
      fc.property(anyGridOrArgument, anyGridOrArgument, anyGridOrArgument, anyGridOrArgument, anyArgument, (...args) => {
        const result = neverThrows(() => payoutTotalsCells(...args));
        expect(isValidResult(result)).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it("each cell is the SUMIFS-style scan of the ledger for its partner and period, added in ledger order", () => {
    fc.assert(
      fc.property(
        ledger,
        fc.array(partnerKey, { minLength: 1, maxLength: 6 }),
        fc.array(periodKey, { minLength: 1, maxLength: 4 }),
        (rows, partnerList, periodList) => {
          const totals = payoutTotals(
            rows.map(([value]) => value),
            rows.map(([, partner]) => partner),
            rows.map(([, , period]) => period),
            partnerList,
            periodList,
          );
          expect(totals).toHaveLength(partnerList.length);
          partnerList.forEach((partner, i) => {
            expect(totals[i]).toHaveLength(periodList.length);
            periodList.forEach((period, j) => {
              let scanned = 0;
              for (const [value, p, t] of rows)
                if (keyName(p) === keyName(partner) && keyName(t) === keyName(period)) scanned += value;
              expect(totals[i][j]).toBe(scanned === 0 ? 0 : scanned);
            });
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it("with every distinct key listed, the grid adds up to the whole column (nothing lost, nothing counted twice)", () => {
    fc.assert(
      fc.property(ledger, (rows) => {
        const firstOf = (keys: unknown[]) =>
          [...new Map(keys.map((key) => [keyName(key), key])).values()] as (string | number | boolean | null)[];
        const totals = payoutTotals(
          rows.map(([value]) => value),
          rows.map(([, partner]) => partner),
          rows.map(([, , period]) => period),
          firstOf(rows.map(([, partner]) => partner)),
          firstOf(rows.map(([, , period]) => period)),
        );
        const gridSum = totals.flat().reduce((sum: number, cell) => sum + (cell as number), 0);
        const columnSum = rows.reduce((sum, [value]) => sum + value, 0);
        const scale = rows.reduce((sum, [value]) => sum + Math.abs(value), 1);
        expect(Math.abs(gridSum - columnSum)).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { numRuns: 300 },
    );
  });
});
