import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { payoutLedger } from "../../src/core/payout-ledger";
import { payoutSchedule } from "../../src/core/payout-schedule";
import { periodKey } from "../../src/core/period";
import { readXlsxSettings } from "../../src/workbook/appliers/xlsx";
import { PAYOUTS_SETTINGS_KEY } from "../../src/workbook/models/payouts";
import { readDelimitedText } from "../../src/workbook/models/payouts/delimited-text";
import { isoDateToSerial } from "../../src/workbook/models/shared/input-wording";
import { ensureCliBuilt, openWorkbook, peCalc, peCalcInProcess, ROOT, scratchFolder } from "./support";

/** `pe-calc new payouts`: the examples in docs/examples, checked against core; bad input as one line, no file. */
const PLAN = join(ROOT, "docs/examples/payouts-plan.json");
const LEDGER = join(ROOT, "docs/examples/payouts-ledger.csv");
const scratch = scratchFolder("pe-calc-payouts-");
const { file } = scratch;

const plan = JSON.parse(readFileSync(PLAN, "utf8"));
const rows = readDelimitedText(readFileSync(LEDGER, "utf8")).slice(1);
const amounts = rows.map((r) => Number(r.cells[2]));
const partners = rows.map((r) => r.cells[0]);
const periods = rows.map((r) => periodKey(isoDateToSerial(r.cells[1])!));
const expectedPayouts = payoutLedger(
  amounts,
  partners,
  plan.tiers.map((t: { from: number }) => t.from),
  plan.tiers.map((t: { rate: number }) => t.rate),
  periods,
  "marginal",
);

function ledgerWith(line: number, replacement: string): string {
  const lines = readFileSync(LEDGER, "utf8").split("\n");
  lines[line - 1] = replacement;
  const path = file(`ledger-${line}.csv`);
  writeFileSync(path, lines.join("\n"));
  return path;
}

describe("pe-calc new payouts", () => {
  test("writes the payout book from docs/examples: payouts equal core's payoutLedger, saved plan kept", async () => {
    const output = file("payouts.xlsx");
    const result = await peCalcInProcess(["new", "payouts", "--ledger", LEDGER, "--plan", PLAN, "-o", output]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^wrote .*payouts\.xlsx: sheet "Payouts", 12 transactions of 3 partners in table PayoutLedger, 12 periods/,
    );
    const workbook = await openWorkbook(output);
    const ws = workbook.getWorksheet("Payouts")!;
    const header = ws.getColumn(7).values.lastIndexOf("Payout");
    const payouts = expectedPayouts.map((_, i) => ws.getCell(header + 1 + i, 7).value as { result?: number } | number);
    const numbers = payouts.map((v) => (typeof v === "number" ? v : v.result));
    numbers.forEach((v, i) => expect(v).toBeCloseTo(expectedPayouts[i], 9));
    const master = ws.getCell(header + 1, 7).value as { formula: string; shareType?: string; ref?: string };
    expect(master.formula).toMatch(/^IF\(\$C\$\d+:\$C\$\d+="","",_xldudf_PE_PAYOUT_LEDGER\(/);
    expect(master.shareType).toBe("array");
    expect(ws.getCell(header, 1).value).toBe("Partner");
    const saved = JSON.parse((await readXlsxSettings(readFileSync(output))).get(PAYOUTS_SETTINGS_KEY)!);
    expect(saved).toMatchObject({ wizard: "payouts", version: 1, floor: 10, cap: 60, transactionCount: 12 });
  });

  test("--csv prints the partner x period summary, equal to core's payoutSchedule", async () => {
    const result = await peCalcInProcess(["new", "payouts", "--ledger", LEDGER, "--plan", PLAN, "--csv"]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("Partner,Period,Earned,Paid,Balance");
    const keys = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, "0")}`);
    for (const partner of ["Contoso", "Fabrikam", "Northwind"]) {
      const earned = keys.map((k) =>
        expectedPayouts.reduce((s, v, i) => (partners[i] === partner && periods[i] === k ? s + v : s), 0),
      );
      const run = payoutSchedule(earned, { floor: 10, cap: 60 });
      const got = lines.filter((l) => l.startsWith(`${partner},`)).map((l) => l.split(",").slice(2).map(Number));
      expect(got).toHaveLength(12);
      got.forEach(([e, p, b], k) => {
        expect(e).toBeCloseTo(earned[k], 9);
        expect(p).toBeCloseTo(run.paid[k], 9);
        expect(b).toBeCloseTo(run.balance[k], 9);
      });
    }
  });

  test("an amount that is not a number: one line naming the file, line and column, and no file written", async () => {
    const ledger = ledgerWith(5, "Fabrikam,2026-01-28,12O0,Wide World Importers,Team plan");
    const output = file("bad.xlsx");
    const result = await peCalcInProcess(["new", "payouts", "--ledger", ledger, "--plan", PLAN, "-o", output]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`pe-calc new payouts: ${ledger}: line 5, column "Amount": "12O0" is not a number\n`);
    expect(existsSync(output)).toBe(false);
  });

  test("a date that is text names its line and column", async () => {
    const ledger = ledgerWith(3, "Fabrikam,next Tuesday,300,Blue Yonder,Starter plan");
    const result = await peCalcInProcess(["new", "payouts", "--ledger", ledger, "--plan", PLAN, "--csv"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/: line 3, column "Date": "next Tuesday" is not a date/);
    expect(result.stdout).toBe("");
  });

  test("a partner MATCH would read as a wildcard pattern is reported on its line", async () => {
    const ledger = ledgerWith(4, "Con*so,2026-01-20,1500,Coho Winery,Team plan");
    const result = await peCalcInProcess(["new", "payouts", "--ledger", ledger, "--plan", PLAN, "--csv"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/: line 4, column "Partner": partner "Con\*so" holds \*/);
  });

  test("a plan with a rate above 1 or starts not ascending names the field", async () => {
    const bad = file("bad-plan.json");
    writeFileSync(
      bad,
      JSON.stringify({
        ...plan,
        tiers: [
          { from: 0, rate: 0.01 },
          { from: 0, rate: 20 },
        ],
      }),
    );
    const output = file("bad-plan.xlsx");
    const result = await peCalcInProcess(["new", "payouts", "--ledger", LEDGER, "--plan", bad, "-o", output]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^pe-calc new payouts: .*bad-plan\.json: tiers\.1\.rate: Tier 2's rate is 2000%.*\(and 1 more problem\)\n$/,
    );
    expect(existsSync(output)).toBe(false);
  });

  test("columns are found by --map when the headers are not guessed", async () => {
    const ledger = file("renamed.csv");
    writeFileSync(ledger, "Who,Booked,Net\nContoso,2026-01-05,200\n");
    const guessed = await peCalcInProcess(["new", "payouts", "--ledger", ledger, "--plan", PLAN, "--csv"]);
    expect(guessed.status).toBe(1);
    expect(guessed.stderr).toMatch(/say which column holds the partner/);
    const mapped = await peCalcInProcess([
      "new",
      "payouts",
      "--ledger",
      ledger,
      "--plan",
      PLAN,
      "--csv",
      "--map",
      "partner=Who,date=Booked,amount=Net",
    ]);
    expect(mapped.stderr).toBe("");
    expect(mapped.stdout.split("\n")[1]).toBe("Contoso,2026-01,2,10,-8");
  });

  test("the built command: usage errors exit 2, -o is required without --csv", () => {
    ensureCliBuilt();
    const missing = peCalc(["new", "payouts", "--ledger", LEDGER, "--plan", PLAN]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("pe-calc new payouts: -o out.xlsx is required (pe-calc new --help)\n");
    const ok = peCalc(["new", "payouts", "--ledger", LEDGER, "--plan", PLAN, "--csv"]);
    expect(ok.status).toBe(0);
    expect(ok.stdout.split("\n")[1]).toBe("Contoso,2026-01,24,24,0");
  });
});
