import { isExcelError } from "../../src/core/errors";
import { partnerScore } from "../../src/core/scoring";
import { generateSql } from "../../src/core/sql/generate";
import type { ScoreSqlPlan } from "../../src/core/sql/plans";
import { buildTierScheme, tierOf } from "../../src/core/tiers";
import { closeTo, duckLiteral, integer, openDuck, pick, seeded, type Duck } from "./support";

/**
 * `pe-calc sql partner-score` in DuckDB against core: for 1,000 partners rated under 100 random
 * plans (weights, scale, thresholds, labels), pe_score is PE.PARTNER_SCORE's score and pe_tier
 * PE.TIER's label; a rating outside 0–scale (the function's #NUM!) and a score below every
 * threshold without a label for it (#N/A) are NULL. Criterion names and labels include quotes,
 * backslashes and comment markers: they reach SQL quoted.
 */

const PLANS = 100;
const PARTNERS_PER_PLAN = 10;
const NAMES = ["Strategic fit", "Market reach", 'x"y', "a'b", "col;--", "back\\slash", "Ünïcode", "/*c*/", "Track record"];
const LABELS = ["Gold", "Silver", "Bronze", "it's", 'say "hi"', "--", "\\", "Platinum", "1"];

interface ScorePlanCase {
  id: number;
  plan: ScoreSqlPlan;
  ratings: (number | null)[][];
}

function randomPlan(random: () => number): ScoreSqlPlan {
  const names = NAMES.filter(() => random() < 0.5);
  if (names.length === 0) names.push("Only");
  const criteria = names.map((name) => ({
    name,
    weight: random() < 0.15 ? 0 : random() < 0.5 ? integer(random, 1, 40) : integer(random, 1, 400) / 7,
  }));
  if (criteria.every((criterion) => criterion.weight === 0)) criteria[0].weight = 10;
  const scale = pick(random, [5, 10, 4.5, 100, 3]);
  const labels = LABELS.filter(() => random() < 0.5);
  if (labels.length === 0) labels.push("Tier");
  const thresholds = new Set<number>();
  while (thresholds.size < labels.length)
    thresholds.add(random() < 0.5 ? integer(random, 0, 100) : integer(random, 0, 1000) / 10);
  const values = [...thresholds];
  return {
    criteria,
    scale,
    tiers: labels.map((label, index) => ({ threshold: values[index], label })),
    belowLabel: random() < 0.3 ? "" : "Below",
  };
}

function randomRatings(random: () => number, plan: ScoreSqlPlan): (number | null)[] {
  const count = plan.criteria.length;
  const step = (value: number) => Math.round(value * 2) / 2;
  if (random() < 0.15) {
    const same = step(random() * plan.scale);
    return new Array<number>(count).fill(same);
  }
  return plan.criteria.map(() => {
    const roll = random();
    if (roll < 0.05) return null;
    if (roll < 0.08) return pick(random, [-1, plan.scale + 1]);
    return roll < 0.5 ? step(random() * plan.scale) : Math.min(plan.scale, (integer(random, 0, 1000) / 1000) * plan.scale);
  });
}

function expected(
  plan: ScoreSqlPlan,
  ratings: readonly (number | null)[],
): { score: number | null; tier: string | number | null } {
  const numbers = ratings.map((rating) => rating ?? 0);
  let score: number;
  try {
    score = partnerScore(
      numbers,
      plan.criteria.map((criterion) => criterion.weight),
      plan.scale,
    );
  } catch (error) {
    if (isExcelError(error)) return { score: null, tier: null };
    throw error;
  }
  const labels = [...plan.tiers.map((tier) => tier.label), ...(plan.belowLabel === "" ? [] : [plan.belowLabel])];
  const scheme = buildTierScheme(
    plan.tiers.map((tier) => tier.threshold),
    labels,
  );
  try {
    return { score, tier: tierOf(score, scheme) };
  } catch (error) {
    if (isExcelError(error) && error.code === "#N/A") return { score, tier: null };
    throw error;
  }
}

let duck: Duck;
let cases: ScorePlanCase[];

beforeAll(async () => {
  duck = await openDuck();
  const random = seeded(5);
  cases = Array.from({ length: PLANS }, (_, id) => {
    const plan = randomPlan(random);
    return { id, plan, ratings: Array.from({ length: PARTNERS_PER_PLAN }, () => randomRatings(random, plan)) };
  });
  for (const { id, plan, ratings } of cases) {
    const columns = plan.criteria.map((criterion) => `"${criterion.name.replace(/"/g, '""')}" DOUBLE`).join(", ");
    await duck.run(`CREATE TABLE ratings_${id} (partner VARCHAR, ${columns})`);
    const rows = ratings.map((row, index) => `('P${index}', ${row.map(duckLiteral).join(", ")})`);
    await duck.run(`INSERT INTO ratings_${id} VALUES ${rows.join(", ")}`);
  }
});

afterAll(() => duck?.close());

test("DuckDB's pe_score and pe_tier equal PE.PARTNER_SCORE and PE.TIER for 1,000 partners under 100 plans", async () => {
  const mismatches: string[] = [];
  let compared = 0;
  for (const { id, plan, ratings } of cases) {
    const { sql } = generateSql({
      target: "partner-score",
      dialect: "duckdb",
      columns: {
        table: `ratings_${id}`,
        partner: "partner",
        ratings: plan.criteria.map((criterion) => criterion.name),
        order: [],
      },
      plan,
    });
    const rows = await duck.rows(sql);
    const byPartner = new Map(rows.map((row) => [row.partner as string, row]));
    ratings.forEach((row, index) => {
      const want = expected(plan, row);
      const got = byPartner.get(`P${index}`)!;
      const what = `plan ${id} ${JSON.stringify(plan)} ratings ${JSON.stringify(row)}`;
      const score = got.pe_score as number | null;
      if (want.score === null ? score !== null : score === null || !closeTo(score, want.score, 100)) {
        mismatches.push(`${what}: score ${String(score)} vs ${String(want.score)}`);
      }
      const tier = want.tier === null ? null : String(want.tier);
      if (got.pe_tier !== tier) mismatches.push(`${what}: tier ${String(got.pe_tier)} vs ${String(tier)}`);
      compared++;
    });
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  expect(compared).toBe(PLANS * PARTNERS_PER_PLAN);
  // The cases hold what the function refuses or leaves unlabelled, and scores exactly on a threshold.
  const outcomes = cases.flatMap(({ plan, ratings }) => ratings.map((row) => expected(plan, row)));
  const onThreshold = cases.some(({ plan, ratings }) =>
    ratings.some((row) => plan.tiers.some((tier) => tier.threshold === expected(plan, row).score)),
  );
  expect(onThreshold).toBe(true);
  expect(outcomes.some((outcome) => outcome.score === null)).toBe(true);
  expect(outcomes.some((outcome) => outcome.score !== null && outcome.tier === null)).toBe(true);
});
