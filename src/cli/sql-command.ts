import { DIALECT_NAMES, isDialectName } from "../core/sql/dialects";
import { generateSql, SQL_TARGETS, type SqlRequest, type SqlTarget } from "../core/sql/generate";
import type { PayoutSqlPlan, ScoreSqlPlan } from "../core/sql/plans";
import { SqlInputError } from "../core/sql/sql-error";
import { PAYOUTS_WIZARD_ID, validatePayoutsInput } from "../workbook/models/payouts/input";
import { validateQualificationInput } from "../workbook/models/qualification/input";
import { QUALIFICATION_WIZARD_ID } from "../workbook/models/qualification/saved";
import { CliInputError, parseOptions } from "./cli-files";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import { step } from "./guard";
import type { CliIo } from "./io";
import { quoteInput } from "./messages";
import { inputProblemLine, readWizardJson } from "./new-deal";

/**
 * `pe-calc sql <payout-ledger|payout-summary|partner-score> --plan plan.json --dialect D --table T
 * --partner … [--amount … --date|--period … --order …] [--ratings …] [--create [--view NAME]]`:
 * prints the SQL of the plan's rules for a warehouse table (src/core/sql). The plan is read and
 * checked as the wizard that saved it checks it; column names and plan values are then quoted for
 * the dialect by the generator, which refuses what it cannot quote.
 */

const OPTIONS: Record<string, string> = {
  "--plan": "plan",
  "--dialect": "dialect",
  "--table": "table",
  "--partner": "partner",
  "--amount": "amount",
  "--date": "date",
  "--period": "period",
  "--order": "order",
  "--ratings": "ratings",
  "--view": "view",
};

const DEFAULT_VIEWS: Record<SqlTarget, string> = {
  "payout-ledger": "pe_payout_ledger",
  "payout-summary": "pe_payout_summary",
  "partner-score": "pe_partner_score",
};

class UsageError extends Error {}

function list(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(",").map((name) => name.trim());
}

function required(options: Record<string, string>, names: string[]): void {
  const missing = names.find((name) => options[name] === undefined);
  if (missing) throw new UsageError(`--${missing} is required`);
}

function isObject(json: unknown): json is Record<string, unknown> {
  return json !== null && typeof json === "object" && !Array.isArray(json);
}

function payoutPlan(file: string): PayoutSqlPlan {
  const json = readWizardJson(file, PAYOUTS_WIZARD_ID);
  if (!isObject(json)) throw new CliInputError(`${file}: expected the payout wizard's plan, a JSON object in { }`);
  const checked = validatePayoutsInput({ ...json, ledger: [] });
  if (!checked.ok) throw new CliInputError(inputProblemLine(file, checked.errors));
  const { tiers, method, frequency, fiscalYearStart, floor, cap, recover, carry } = checked.input;
  return { tiers, method, frequency, fiscalYearStart, floor, cap, recover, carry };
}

function scorePlan(file: string): ScoreSqlPlan {
  const json = readWizardJson(file, QUALIFICATION_WIZARD_ID);
  if (!isObject(json))
    throw new CliInputError(`${file}: expected the qualification wizard's saved answers, a JSON object in { }`);
  // The partners live in the ratings table: one stand-in row lets the wizard's own checks run on the rest.
  const checked = validateQualificationInput({ ...json, partners: ["partner"], ratings: undefined });
  if (!checked.ok) throw new CliInputError(inputProblemLine(file, checked.errors));
  const { criteria, scale, tiers, belowLabel } = checked.input;
  return { criteria: criteria.map(({ name, weight }) => ({ name, weight })), scale, tiers, belowLabel };
}

function requestFrom(target: SqlTarget, options: Record<string, string>): SqlRequest {
  required(options, ["plan", "dialect", "table", "partner"]);
  const dialect = options.dialect.toLowerCase();
  if (!isDialectName(dialect)) {
    throw new UsageError(`unknown dialect "${quoteInput(options.dialect)}": use ${DIALECT_NAMES.join(", ")}`);
  }
  const create = options.create === "true";
  if (options.view !== undefined && !create) throw new UsageError("--view names the view of --create: add --create");
  const view = create ? (options.view ?? DEFAULT_VIEWS[target]) : undefined;
  if (target === "partner-score") {
    for (const name of ["amount", "date", "period"]) {
      if (options[name] !== undefined)
        throw new UsageError(`--${name} is for payout-ledger and payout-summary, not partner-score`);
    }
    step(`reading ${options.plan}`);
    const plan = scorePlan(options.plan);
    const ratings = options.ratings === undefined ? plan.criteria.map((criterion) => criterion.name) : list(options.ratings);
    return {
      target,
      dialect,
      view,
      plan,
      columns: { table: options.table, partner: options.partner, ratings, order: list(options.order) },
    };
  }
  if (options.ratings !== undefined) throw new UsageError("--ratings is for partner-score");
  required(options, ["amount", "order"]);
  step(`reading ${options.plan}`);
  return {
    target,
    dialect,
    view,
    plan: payoutPlan(options.plan),
    columns: {
      table: options.table,
      partner: options.partner,
      amount: options.amount,
      date: options.date,
      period: options.period,
      order: list(options.order),
    },
  };
}

export async function runSql(args: string[], io: CliIo): Promise<number> {
  const [target, ...rest] = args;
  const usage = (message: string): number => {
    io.err(`pe-calc sql: ${message} (pe-calc sql --help)\n`);
    return EXIT_USAGE;
  };
  if (target === undefined || !(SQL_TARGETS as readonly string[]).includes(target)) {
    const what = target === undefined ? "say what to generate" : `unknown query "${quoteInput(target)}"`;
    return usage(`${what}: use ${SQL_TARGETS.join(", ")}`);
  }
  const parsed = parseOptions(rest, OPTIONS, { "--create": "create" });
  if ("usageError" in parsed) return usage(parsed.usageError);
  if (parsed.positional.length > 0) return usage(`unexpected argument ${quoteInput(parsed.positional[0])}`);
  try {
    const request = requestFrom(target as SqlTarget, parsed.options);
    step(`generating the ${target} SQL`);
    const generated = generateSql(request);
    io.out(generated.sql);
    for (const note of generated.notes) io.err(`pe-calc sql: note: ${note}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    if (error instanceof SqlInputError) {
      // A command-line value (a column or table name) is a usage problem; a plan value is the file's.
      if (error.field.startsWith("--")) return usage(quoteInput(error.message, 300));
      io.err(`pe-calc sql: ${parsed.options.plan}: ${quoteInput(error.message, 300)}\n`);
      return EXIT_INPUT_ERROR;
    }
    if (error instanceof CliInputError) {
      io.err(`pe-calc sql: ${error.message}\n`);
      return EXIT_INPUT_ERROR;
    }
    throw error;
  }
}
