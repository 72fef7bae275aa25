import { RELATIVE_TOLERANCE } from "../tolerance";
import type { Dialect } from "./dialects";
import { sqlName, sqlNumber, sqlTable, sqlText } from "./literals";
import type { CheckedScorePlan } from "./plans";
import { SqlInputError } from "./sql-error";

/**
 * PE.PARTNER_SCORE and PE.TIER over a ratings table (one row per partner, one column per
 * criterion), with the plan's weights, scale, thresholds and labels:
 *   pe_score = 100 × Σ(wᵢ·rᵢ) / (Σwᵢ × scale), written as core's weightedScore computes it (the
 *              products added in criterion order, Σwᵢ × scale one constant), equal ratings giving
 *              exactly 100 × r / scale, then kept within 0–100 as core's clampNoise does;
 *   pe_tier  = the label of the highest threshold the score reaches within the relative tolerance
 *              of 1e-9, else the plan's label below every threshold, else NULL (PE.TIER's #N/A).
 * A NULL rating counts as 0, as a blank cell does in PE.PARTNER_SCORE. A rating below 0 or above
 * the scale makes PE.PARTNER_SCORE #NUM!: here that partner's pe_score and pe_tier are NULL.
 */

export interface ScoreColumns {
  table: string;
  partner: string;
  /** One column per criterion, in the plan's order. */
  ratings: readonly string[];
  /** Optional ORDER BY columns for the output. */
  order: readonly string[];
}

function mapped(dialect: Dialect, name: string, option: string): string {
  if (/^pe_/i.test(name)) {
    throw new SqlInputError(
      option,
      `"${name}" starts with pe_, which the generated columns use: rename the column or alias it in a view`,
    );
  }
  return sqlName(dialect, name, option);
}

function scoreExpression(dialect: Dialect, ratings: readonly string[], plan: CheckedScorePlan): string {
  const num = (value: number, field: string) => sqlNumber(dialect, value, field);
  const { weights, scale } = plan;
  let total = 0;
  for (const weight of weights) total += weight;
  const weighted = ratings.map((rating, index) => `${num(weights[index], `criteria.${index}.weight`)} * ${rating}`).join(" + ");
  const equal = ratings.slice(1).map((rating) => `${ratings[0]} = ${rating}`);
  const general = `(${num(100, "100")} * (${weighted})) / ${num(total * scale, "criteria")}`;
  const allEqual = `${num(100, "100")} * (${ratings[0]} / ${num(scale, "scale")})`;
  const raw = equal.length === 0 ? allEqual : `CASE WHEN ${equal.join(" AND ")} THEN ${allEqual} ELSE ${general} END`;
  return `LEAST(${num(100, "100")}, GREATEST(${num(0, "0")}, ${raw}))`;
}

function tierExpression(dialect: Dialect, plan: CheckedScorePlan): string {
  const branches = plan.scheme.tiers.map(({ threshold, label }, index) => {
    const reached = threshold - RELATIVE_TOLERANCE * Math.abs(threshold);
    const text = typeof label === "string" ? sqlText(dialect, label, `tiers.${index}.label`) : sqlNumber(dialect, label, "label");
    return `WHEN pe_score >= ${sqlNumber(dialect, reached, `tiers.${index}.threshold`)} THEN ${text}`;
  });
  const below = plan.scheme.belowAll;
  const otherwise =
    below === undefined
      ? "NULL"
      : typeof below === "string"
        ? sqlText(dialect, below, "belowLabel")
        : sqlNumber(dialect, below, "belowLabel");
  return `CASE WHEN pe_score IS NULL THEN NULL ${branches.join(" ")} ELSE ${otherwise} END`;
}

export function partnerScoreQuery(dialect: Dialect, columns: ScoreColumns, plan: CheckedScorePlan): string {
  if (columns.ratings.length !== plan.criteria.length) {
    throw new SqlInputError(
      "--ratings",
      `${columns.ratings.length} rating columns for the plan's ${plan.criteria.length} criteria: give one column per criterion, in the plan's order`,
    );
  }
  const table = sqlTable(dialect, columns.table, "--table");
  const partner = mapped(dialect, columns.partner, "--partner");
  const ratingNames = columns.ratings.map((name) => mapped(dialect, name, "--ratings"));
  const order = columns.order.map((name) => mapped(dialect, name, "--order"));
  const source = [...new Set([partner, ...ratingNames, ...order])];
  const zero = sqlNumber(dialect, 0, "0");
  const scale = sqlNumber(dialect, plan.scale, "scale");
  const values = ratingNames.map(
    (name, index) => `COALESCE(CAST(${name} AS ${dialect.doubleType}), ${zero}) AS pe_rating_${index + 1}`,
  );
  const valueNames = ratingNames.map((_, index) => `pe_rating_${index + 1}`);
  const outOfRange = valueNames.map((name) => `${name} < ${zero} OR ${name} > ${scale}`).join(" OR ");
  const ordered = order.length > 0 ? `\nORDER BY ${order.map((name) => `${name} ASC NULLS LAST`).join(", ")}` : "";
  return (
    `WITH\npe_ratings AS (\n  SELECT\n    ${[...source, ...values].join(",\n    ")}\n  FROM ${table}\n),\n` +
    `pe_scores AS (\n  SELECT\n    pe_ratings.*,\n    CASE WHEN ${outOfRange} THEN NULL\n      ELSE ${scoreExpression(dialect, valueNames, plan)} END AS pe_score\n  FROM pe_ratings\n)\n` +
    `SELECT\n  ${[...source, "pe_score", `${tierExpression(dialect, plan)} AS pe_tier`].join(",\n  ")}\nFROM pe_scores${ordered}`
  );
}
