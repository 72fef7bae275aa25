import { DIALECT_NAMES, type DialectName } from "../../src/core/sql/dialects";
import { generateSql, type SqlRequest } from "../../src/core/sql/generate";
import type { PayoutSqlPlan, ScoreSqlPlan } from "../../src/core/sql/plans";
import { SqlInputError } from "../../src/core/sql/sql-error";
import { structureOf, tokenize } from "./lexer";
import { openDuck } from "./support";

/**
 * No value of a plan or the command line can change the structure of the generated SQL: the SQL
 * generated from hostile names and labels (quotes of every dialect, backslashes, comment markers,
 * semicolons, statements) has exactly the tokens of the SQL generated from neutral ones, each
 * hostile value decoding to itself as one name or string token, in all five dialects. What cannot
 * be quoted (control characters, empty names, broken Unicode, numbers that are not finite) is refused.
 */

const HOSTILE: Record<string, string> = {
  ledger: 'led"ger`; DROP TABLE t; --',
  partner: 'a"b',
  amount: "a`b``c",
  booked: "x'y\\",
  seq: "--not a comment",
  id: "/* nor this */",
  Strategic: "\\'; DELETE FROM t; --",
  Reach: 'it\'s "quoted" `twice`',
  Gold: "'' OR 1=1 --",
  Silver: "\\",
  Below: "🎉 Ünïcode $$ E'x'",
};

const hostile = (name: string) => HOSTILE[name] ?? name;

const PAYOUT_PLAN: PayoutSqlPlan = {
  tiers: [
    { from: 0, rate: 0.01 },
    { from: 1000, rate: 0.02 },
    { from: 3000, rate: 0.03 },
  ],
  method: "retroactive",
  frequency: "quarter",
  fiscalYearStart: 4,
  floor: 10,
  cap: 60,
  recover: true,
  carry: false,
};

function scorePlan(name: (text: string) => string): ScoreSqlPlan {
  return {
    criteria: [
      { name: name("Strategic"), weight: 60 },
      { name: name("Reach"), weight: 40 },
    ],
    scale: 5,
    tiers: [
      { threshold: 80, label: name("Gold") },
      { threshold: 50, label: name("Silver") },
    ],
    belowLabel: name("Below"),
  };
}

function requests(dialect: DialectName, name: (text: string) => string): SqlRequest[] {
  const columns = {
    table: name("ledger"),
    partner: name("partner"),
    amount: name("amount"),
    date: name("booked"),
    order: [name("seq"), name("id")],
  };
  return [
    { target: "payout-ledger", dialect, columns, plan: PAYOUT_PLAN },
    { target: "payout-summary", dialect, columns, plan: PAYOUT_PLAN, view: name("ledger") },
    { target: "payout-ledger", dialect, columns: { ...columns, date: undefined, period: name("booked") }, plan: PAYOUT_PLAN },
    {
      target: "partner-score",
      dialect,
      columns: {
        table: name("ledger"),
        partner: name("partner"),
        ratings: [name("Strategic"), name("Reach")],
        order: [name("id")],
      },
      plan: scorePlan(name),
    },
  ];
}

describe.each(DIALECT_NAMES)("%s", (dialect) => {
  test("hostile names and labels give SQL of the same structure, each value one token that decodes to itself", () => {
    const neutral = requests(dialect, (text) => text);
    const attacked = requests(dialect, hostile);
    neutral.forEach((request, index) => {
      const plain = tokenize(dialect, generateSql(request).sql);
      const tokens = tokenize(dialect, generateSql(attacked[index]).sql);
      expect(structureOf(tokens)).toEqual(structureOf(plain));
      tokens.forEach((token, position) => {
        const original = plain[position];
        if (original.kind === "name" || original.kind === "string") expect(token.value).toBe(hostile(original.value));
      });
      // The hostile values did reach the SQL, each as one whole token.
      const replaced = plain.filter((token) => (token.kind === "name" || token.kind === "string") && token.value in HOSTILE);
      expect(replaced.length).toBeGreaterThanOrEqual(5);
    });
  });

  test.each([
    ["a line break", "a\nb"],
    ["a NUL", "a\u0000b"],
    ["a lone surrogate", "a\ud800b"],
    ["nothing", ""],
  ])("a name holding %s is refused with a message naming the option", (_what, name) => {
    const request = requests(dialect, (text) => (text === "partner" ? name : text))[0];
    expect(() => generateSql(request)).toThrow(SqlInputError);
    expect(() => generateSql(request)).toThrow(/^--partner: /);
  });

  test("a label holding a control character, and plan numbers that are not finite, are refused", () => {
    const score = requests(dialect, (text) => (text === "Gold" ? "Go\tld" : text))[3];
    expect(() => generateSql(score)).toThrow(/tiers\.0\.label: .*control character/);
    const ledger = requests(dialect, (text) => text)[0] as Extract<SqlRequest, { target: "payout-ledger" | "payout-summary" }>;
    for (const [field, plan] of [
      [
        "tiers.1.rate",
        {
          ...PAYOUT_PLAN,
          tiers: [
            { from: 0, rate: 0.1 },
            { from: 10, rate: NaN },
          ],
        },
      ],
      ["tiers.0.from", { ...PAYOUT_PLAN, tiers: [{ from: Infinity, rate: 0.1 }] }],
      ["floor", { ...PAYOUT_PLAN, floor: -Infinity }],
      ["cap", { ...PAYOUT_PLAN, cap: Infinity }],
    ] as const) {
      expect(() => generateSql({ ...ledger, plan: plan as PayoutSqlPlan })).toThrow(
        new RegExp(`^${field.replace(/\./g, "\\.")}: `),
      );
    }
  });
});

test("a mapped column named like a generated one (pe_…) is refused: no name of the user's can shadow ours", () => {
  const request = requests("duckdb", (text) => (text === "amount" ? "PE_payout" : text))[0];
  expect(() => generateSql(request)).toThrow(/^--amount: "PE_payout" starts with pe_/);
});

test("PostgreSQL names longer than its 63 bytes are refused (PostgreSQL would cut them silently)", () => {
  const request = requests("postgres", (text) => (text === "partner" ? "é".repeat(32) : text))[0];
  expect(() => generateSql(request)).toThrow(/^--partner: .*63 bytes/);
});

test("in DuckDB, a ledger whose table and columns have hostile names gives the payouts of the same ledger under neutral names", async () => {
  const duck = await openDuck();
  try {
    const rows = [
      ["Contoso", "2026-01-05", 200, 1, 1],
      ["contoso", "2026-01-20", 1500, 1, 2],
      ["x'y", "2026-02-11", 4500, 2, 3],
      ['a"b; DROP TABLE ledger; --', "2026-03-30", -900, 2, 4],
      [null, "2026-04-02", 3100, 3, 5],
    ];
    const create = async (name: (text: string) => string) => {
      const q = (text: string) => `"${name(text).replace(/"/g, '""')}"`;
      await duck.run(
        `CREATE TABLE ${q("ledger")} (${q("partner")} VARCHAR, ${q("booked")} DATE, ${q("amount")} DOUBLE, ${q("seq")} INTEGER, ${q("id")} INTEGER)`,
      );
      const values = rows.map(
        ([partner, booked, amount, seq, id]) =>
          `(${partner === null ? "NULL" : `'${String(partner).replace(/'/g, "''")}'`}, DATE '${booked}', ${amount}, ${seq}, ${id})`,
      );
      await duck.run(`INSERT INTO ${q("ledger")} VALUES ${values.join(", ")}`);
    };
    await create((text) => text);
    await create(hostile);
    const [plainLedger] = requests("duckdb", (text) => text);
    const [hostileLedger] = requests("duckdb", hostile);
    const plain = await duck.rows(generateSql(plainLedger).sql);
    const attacked = await duck.rows(generateSql(hostileLedger).sql);
    expect(attacked.map((row) => row.pe_payout)).toEqual(plain.map((row) => row.pe_payout));
    expect(attacked.map((row) => row.pe_period)).toEqual(["FY2026-Q4", "FY2026-Q4", "FY2026-Q4", "FY2026-Q4", "FY2027-Q1"]);
    // Both tables are still there: nothing in a name ran as a statement.
    const tables = await duck.rows("SELECT table_name FROM information_schema.tables ORDER BY table_name");
    expect(tables.map((row) => row.table_name).sort()).toEqual([HOSTILE.ledger, "ledger"].sort());
  } finally {
    duck.close();
  }
});
