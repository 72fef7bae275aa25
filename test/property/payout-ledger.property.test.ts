import fc from "fast-check";
import { isExcelError } from "../../src/core/errors";
import { payoutLedger, payoutLedgerCells } from "../../src/core/payout-ledger";
import { revshareMarginal, revshareRetroactive } from "../../src/core/revshare";
import { anyArgument, anyGridOrArgument, anyScalar, isValidResult, neverThrows, rate } from "./arbitraries";

/** A valid amount schedule: 1–5 strictly ascending non-negative starts, one rate in 0–1 each. */
const schedule = fc
  .uniqueArray(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 5 })
  .map((starts) => [...starts].sort((a, b) => a - b))
  .chain((starts) => fc.tuple(fc.constant(starts), fc.array(rate, { minLength: starts.length, maxLength: starts.length })));

/** Partner keys with the traps of Excel's `=`: case variants, a number and its text, blanks, booleans. */
const partnerKey = fc.constantFrom<string | number | boolean | null>(
  "Acme",
  "ACME",
  "acme",
  "Beta",
  1,
  "1",
  2,
  null,
  "",
  true,
  "TRUE",
);
const periodKey = fc.constantFrom<string | number | null>("2026-01", "2026-Q1", "2026-01 ", 46000, null);
const amountValue = fc.oneof(
  fc.integer({ min: -20_000, max: 60_000 }),
  fc.double({ min: -1e5, max: 1e5, noNaN: true, noDefaultInfinity: true }),
);
const ledger = fc.array(fc.tuple(amountValue, partnerKey, periodKey), { minLength: 1, maxLength: 40 });
const methods = fc.constantFrom<"marginal" | "retroactive">("marginal", "retroactive");

/** The group of a row, as Excel's `=` sees keys, computed here independently of the implementation. */
function groupName(partner: unknown, period: unknown): string {
  const name = (key: unknown) =>
    key === null || key === "" ? "blank" : typeof key === "string" ? `text:${key.toLowerCase()}` : `${typeof key}:${String(key)}`;
  return `${name(partner)}|${name(period)}`;
}

function share(method: "marginal" | "retroactive", total: number, starts: number[], rates: number[]): number {
  const revenue = Math.max(total, 0);
  return method === "marginal" ? revshareMarginal(revenue, starts, rates) : revshareRetroactive(revenue, starts, rates);
}

describe("PE.PAYOUT_LEDGER contract", () => {
  it("never throws and returns only finite numbers, typed errors or a grid of them, whatever it is given", () => {
    fc.assert(
      fc.property(anyGridOrArgument, anyGridOrArgument, anyArgument, anyArgument, anyArgument, anyArgument, (...args) => {
        const result = neverThrows(() => payoutLedgerCells(...args));
        expect(isValidResult(result)).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it("shapes its result like amounts when the call is not in error", () => {
    fc.assert(
      fc.property(
        fc.array(anyScalar, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        schedule,
        (cells, asRow, [starts, rates]) => {
          const amounts = asRow ? [cells] : cells.map((cell) => [cell]);
          const partners = asRow ? [cells.map(() => "p")] : cells.map(() => ["p"]);
          const result = neverThrows(() => payoutLedgerCells(amounts, partners, [starts], [rates]));
          expect(isValidResult(result)).toBe(true);
          if (isExcelError(result)) return;
          expect((result as unknown[][]).length).toBe(amounts.length);
          (result as unknown[][]).forEach((row, index) => expect(row.length).toBe(amounts[index].length));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("the payouts of each (partner, period) group add up to F(its net total)", () => {
    fc.assert(
      fc.property(ledger, schedule, methods, (rows, [starts, rates], method) => {
        const payouts = payoutLedger(
          rows.map(([amount]) => amount),
          rows.map(([, partner]) => partner),
          starts,
          rates,
          rows.map(([, , period]) => period),
          method,
        );
        const groups = new Map<string, { net: number; paid: number; scale: number }>();
        rows.forEach(([amount, partner, period], row) => {
          const group = groups.get(groupName(partner, period)) ?? { net: 0, paid: 0, scale: 0 };
          group.net += amount;
          group.paid += payouts[row];
          group.scale += Math.abs(payouts[row]) + Math.abs(amount);
          groups.set(groupName(partner, period), group);
        });
        for (const group of groups.values()) {
          expect(Math.abs(group.paid - share(method, group.net, starts, rates))).toBeLessThanOrEqual(
            1e-9 * Math.max(1, group.scale),
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it("each payout is F(running total incl. the row) − F(running total excl. it), as the running SUMIFS computes it", () => {
    fc.assert(
      fc.property(ledger, schedule, methods, (rows, [starts, rates], method) => {
        const amounts = rows.map(([amount]) => amount);
        const partners = rows.map(([, partner]) => partner);
        const payouts = payoutLedgerCells(
          amounts.map((amount) => [amount]),
          partners.map((partner) => [partner]),
          [starts],
          [rates],
          null,
          method,
        ) as number[][];
        rows.forEach(([amount, partner], row) => {
          let running = 0;
          for (let above = 0; above <= row; above++) {
            if (groupName(partners[above], null) === groupName(partner, null)) running += amounts[above];
          }
          const expected = share(method, running, starts, rates) - share(method, running - amount, starts, rates);
          const scale = Math.max(1, Math.abs(running) + Math.abs(amount));
          expect(Math.abs(payouts[row][0] - expected)).toBeLessThanOrEqual(1e-9 * scale);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("pays nothing negative on sales and nothing positive on refunds under marginal rates", () => {
    fc.assert(
      fc.property(ledger, schedule, (rows, [starts, rates]) => {
        const payouts = payoutLedger(
          rows.map(([amount]) => amount),
          rows.map(([, partner]) => partner),
          starts,
          rates,
        );
        rows.forEach(([amount], row) => {
          const tolerance = 1e-9 * Math.max(1, Math.abs(amount));
          if (amount >= 0) expect(payouts[row]).toBeGreaterThanOrEqual(-tolerance);
          else expect(payouts[row]).toBeLessThanOrEqual(tolerance);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("reordering whole groups does not change any row's payout (rows need not be grouped)", () => {
    fc.assert(
      fc.property(ledger, schedule, (rows, [starts, rates]) => {
        const amounts = rows.map(([amount]) => amount);
        const partners = rows.map(([, partner]) => partner);
        const interleaved = payoutLedger(amounts, partners, starts, rates);
        // Stable sort by group: every group keeps its own order.
        const order = rows
          .map((_, index) => index)
          .sort((a, b) => groupName(partners[a], null).localeCompare(groupName(partners[b], null)));
        const grouped = payoutLedger(
          order.map((index) => amounts[index]),
          order.map((index) => partners[index]),
          starts,
          rates,
        );
        order.forEach((index, position) => expect(grouped[position]).toBe(interleaved[index]));
      }),
      { numRuns: 200 },
    );
  });
});
