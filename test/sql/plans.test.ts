import { checkPayoutPlan, checkScorePlan, type PayoutSqlPlan, type ScoreSqlPlan } from "../../src/core/sql/plans";
import { SqlInputError } from "../../src/core/sql/sql-error";

/** Plans are refused before any SQL is written, with the message of the function whose argument is wrong. */

const PAYOUT: PayoutSqlPlan = {
  tiers: [
    { from: 0, rate: 0.01 },
    { from: 1000, rate: 0.02 },
  ],
  method: "marginal",
  frequency: "month",
  fiscalYearStart: 1,
  floor: 0,
  cap: null,
  recover: true,
  carry: true,
};

const SCORE: ScoreSqlPlan = {
  criteria: [
    { name: "Fit", weight: 60 },
    { name: "Reach", weight: 40 },
  ],
  scale: 5,
  tiers: [
    { threshold: 80, label: "Gold" },
    { threshold: 50, label: "Silver" },
  ],
  belowLabel: "",
};

test.each([
  [
    "tiers: tier_starts must be strictly ascending: item 2 (0) is not above item 1 (0)",
    {
      tiers: [
        { from: 0, rate: 0.1 },
        { from: 0, rate: 0.2 },
      ],
    },
  ],
  ["tiers: rate 1.5 is above 1", { tiers: [{ from: 0, rate: 1.5 }] }],
  ["tiers: tier_starts is empty", { tiers: [] }],
  ['method: "by_year" is not a ledger method', { method: "by_year" }],
  ['frequency: "week" is not a period', { frequency: "week" }],
  ["fiscalYearStart: 13 is not a month", { fiscalYearStart: 13 }],
  ["floor: -1 is below 0", { floor: -1 }],
  ["cap: the cap (5) is below the floor (10)", { floor: 10, cap: 5 }],
])("a payout plan is refused: %s", (message, change) => {
  const plan = { ...PAYOUT, ...change } as PayoutSqlPlan;
  expect(() => checkPayoutPlan(plan)).toThrow(SqlInputError);
  expect(() => checkPayoutPlan(plan)).toThrow(message);
});

test.each([
  ["criteria: weights sum to 0", { criteria: [{ name: "Fit", weight: 0 }] }],
  ["criteria: weight 1 is -1: weights cannot be negative", { criteria: [{ name: "Fit", weight: -1 }] }],
  ["criteria: the plan has no criteria", { criteria: [] }],
  ["scale: scale is 0: the top of the rating scale must be above 0", { scale: 0 }],
  [
    "tiers: thresholds 1 and 2 are both 50",
    {
      tiers: [
        { threshold: 50, label: "A" },
        { threshold: 50, label: "B" },
      ],
    },
  ],
  [
    "criteria: the weights are too large to add up",
    {
      criteria: [
        { name: "Fit", weight: 1e308 },
        { name: "Reach", weight: 1e308 },
      ],
    },
  ],
])("a score plan is refused: %s", (message, change) => {
  const plan = { ...SCORE, ...change } as ScoreSqlPlan;
  expect(() => checkScorePlan(plan)).toThrow(message);
});

test("a valid plan comes back with the schedule and scheme the queries are written from", () => {
  expect(checkPayoutPlan(PAYOUT).schedule).toEqual({ starts: [0, 1000], rates: [0.01, 0.02] });
  const scheme = checkScorePlan({ ...SCORE, belowLabel: "Below" }).scheme;
  expect(scheme.tiers.map((tier) => tier.label)).toEqual(["Gold", "Silver"]);
  expect(scheme.belowAll).toBe("Below");
  expect(checkScorePlan(SCORE).scheme.belowAll).toBeUndefined();
});
