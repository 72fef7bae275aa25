import fc from "fast-check";
import { isExcelError } from "../../src/core/errors";
import { payoutSchedule, payoutScheduleCells } from "../../src/core/payout-schedule";
import { anyArgument, anyGridOrArgument, isValidResult, neverThrows } from "./arbitraries";

const money = fc.oneof(
  fc.integer({ min: -5_000, max: 20_000 }),
  fc.double({ min: -1e4, max: 1e5, noNaN: true, noDefaultInfinity: true }),
);
const limit = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }),
  fc.double({ min: 0, max: 1e4, noNaN: true, noDefaultInfinity: true }),
);

/** Earned per period and valid limits: floor ≤ cap in every period, each a single value or one per period. */
const run = fc.array(money, { minLength: 1, maxLength: 24 }).chain((earned) =>
  fc.record({
    earned: fc.constant(earned),
    limits: fc.array(fc.tuple(limit, limit), { minLength: earned.length, maxLength: earned.length }),
    floorPerPeriod: fc.boolean(),
    capPerPeriod: fc.boolean(),
    hasFloor: fc.boolean(),
    hasCap: fc.boolean(),
    recover: fc.boolean(),
    carry: fc.boolean(),
  }),
);

type Run = typeof run extends fc.Arbitrary<infer T> ? T : never;

function termsOf(r: Run) {
  // Each period's pair sorted makes floorₜ ≤ capₜ; the smallest floor and the largest cap, as single values, keep that in every combination.
  const pairs = r.limits.map(([a, b]) => (a <= b ? [a, b] : [b, a]));
  const floors = pairs.map(([floor]) => floor);
  const caps = pairs.map(([, cap]) => cap);
  const floor = r.hasFloor ? (r.floorPerPeriod ? floors : Math.min(...floors)) : undefined;
  const cap = r.hasCap ? (r.capPerPeriod ? caps : Math.max(...caps)) : undefined;
  return { floor, cap, recover: r.recover, carry: r.carry };
}

function at(value: number | number[] | undefined, period: number, fallback: number): number {
  if (value === undefined) return fallback;
  return typeof value === "number" ? value : value[period];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe("PE.PAYOUT_SCHEDULE contract", () => {
  it("never throws and returns only finite numbers, typed errors or a grid of them, whatever it is given", () => {
    fc.assert(
      fc.property(anyGridOrArgument, anyArgument, anyArgument, anyArgument, anyArgument, anyArgument, (...args) => {
        expect(isValidResult(neverThrows(() => payoutScheduleCells(...args)))).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it("the paid of every period is within [floor, cap]", () => {
    fc.assert(
      fc.property(run, (r) => {
        const terms = termsOf(r);
        const { paid } = payoutSchedule(r.earned, terms);
        paid.forEach((value, period) => {
          expect(value).toBeGreaterThanOrEqual(at(terms.floor, period, 0));
          expect(value).toBeLessThanOrEqual(at(terms.cap, period, Infinity));
        });
      }),
      { numRuns: 500 },
    );
  });

  it("recoverable draws and carried caps conserve money: Σ paid + final balance = Σ earned", () => {
    fc.assert(
      fc.property(run, (r) => {
        const terms = { ...termsOf(r), recover: true, carry: true };
        const { paid, balance } = payoutSchedule(r.earned, terms);
        const scale = Math.max(1, sum(r.earned.map(Math.abs)) + sum(paid.map(Math.abs)));
        expect(Math.abs(sum(paid) + balance[balance.length - 1] - sum(r.earned))).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { numRuns: 500 },
    );
  });

  it("in general Σ paid + final balance = Σ earned + guarantee top-ups − forfeited cap excess", () => {
    // Per period paid + B = due + top-up − forfeit, with due = earned + previous B; summed, the balances telescope.
    fc.assert(
      fc.property(run, (r) => {
        const terms = termsOf(r);
        const { paid, balance } = payoutSchedule(r.earned, terms);
        let gifts = 0;
        let forfeited = 0;
        r.earned.forEach((earned, period) => {
          const due = earned + (period === 0 ? 0 : balance[period - 1]);
          const floor = at(terms.floor, period, 0);
          const cap = at(terms.cap, period, Infinity);
          if (due > cap) {
            if (!terms.carry) forfeited += due - cap;
          } else if (due < floor && !terms.recover) {
            gifts += floor - Math.max(due, 0);
          }
        });
        const scale = Math.max(1, sum(r.earned.map(Math.abs)) + sum(paid.map(Math.abs)));
        expect(Math.abs(sum(paid) + balance[balance.length - 1] - (sum(r.earned) + gifts - forfeited))).toBeLessThanOrEqual(
          1e-9 * scale,
        );
        expect(gifts).toBeGreaterThanOrEqual(0);
        expect(forfeited).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it("a recoverable draw leaves the partner owing exactly the draws advanced beyond what was earned, with no cap", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 5_000 }),
        (earned, floor) => {
          const { paid, balance } = payoutSchedule(earned, { floor });
          // Every period pays at least the floor, so what was paid beyond the earnings is still owed back.
          expect(-balance[balance.length - 1]).toBeCloseTo(Math.max(0, sum(paid) - sum(earned)), 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the Excel entry point gives the pure rule's paid and balance, shaped like earned", () => {
    fc.assert(
      fc.property(run, fc.boolean(), (r, asRow) => {
        const terms = termsOf(r);
        const shape = (values: readonly number[]) => (asRow ? [values] : values.map((value) => [value]));
        const limitArgument = (value: number | number[] | undefined) =>
          value === undefined ? null : typeof value === "number" ? [[value]] : shape(value);
        const args = [shape(r.earned), limitArgument(terms.floor), limitArgument(terms.cap), terms.recover, terms.carry] as const;
        const paid = payoutScheduleCells(...args, "paid");
        const balance = payoutScheduleCells(...args, "BALANCE");
        expect(isExcelError(paid)).toBe(false);
        const expected = payoutSchedule(r.earned, terms);
        expect(paid).toEqual(shape(expected.paid));
        expect(balance).toEqual(shape(expected.balance));
      }),
      { numRuns: 300 },
    );
  });
});
