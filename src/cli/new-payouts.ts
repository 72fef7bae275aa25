import { buildPayoutsPlan, PayoutsInputError, type PayoutsLayout } from "../workbook/models/payouts";
import { csvProblem, DelimitedTextError, readDelimitedText } from "../workbook/input/delimited-text";
import { PAYOUTS_WIZARD_ID, type PayoutsInputDraft } from "../workbook/models/payouts/input";
import {
  guessMapping,
  LEDGER_FIELDS,
  readLedgerRows,
  type ColumnMapping,
  type LedgerField,
} from "../workbook/models/payouts/ledger-records";
import { summaryRows } from "../workbook/models/payouts/summary-rows";
import type { FieldIssue } from "../workbook/models/shared/input-validation";
import { CliInputError, readText } from "./cli-files";
import { inputProblemLine, readWizardJson, type NewModelBuilt } from "./new-deal";

/**
 * `pe-calc new payouts --ledger transactions.csv --plan plan.json -o payouts.xlsx [--csv]`: the
 * payout wizard's saved plan and a CSV ledger → the payout book. Columns are found by their
 * header names as the wizard guesses them (--map partner=Reseller,amount=Net overrides); a bad
 * cell is reported as one line naming the file, its line and its column. With --csv the partner ×
 * period summary (earned, paid, balance) is printed to standard output, computed by the engine.
 */
function mappingFrom(header: string[], file: string, map: string | undefined): ColumnMapping {
  const mapping = guessMapping(header);
  for (const pair of map ? map.split(",") : []) {
    const [field, name] = pair.split("=").map((s) => s.trim());
    if (!LEDGER_FIELDS.includes(field as LedgerField))
      throw new CliInputError(`--map ${pair}: "${field}" is not a ledger field: use ${LEDGER_FIELDS.join(", ")}`);
    const index = header.findIndex((h) => h.toLowerCase() === (name ?? "").toLowerCase());
    if (index < 0) throw new CliInputError(`--map ${pair}: ${file} has no column "${name}" (its columns: ${header.join(", ")})`);
    mapping[field as LedgerField] = index;
  }
  return mapping;
}

/** "ledger.41.amount: row 42: …" → "transactions.csv: line 43, …" naming the line the row came from. */
function ledgerProblemLine(file: string, issue: FieldIssue, lines: number[], header: string[], mapping: ColumnMapping): string {
  const match = /^ledger\.(\d+)\.?(\w*)/.exec(issue.path);
  if (!match) return `${file}: ${issue.path}: ${issue.message}`;
  const field = match[2] as LedgerField;
  const column = mapping[field] === undefined ? "" : `, column "${header[mapping[field]!]}"`;
  return `${file}: line ${lines[Number(match[1])]}${column}: ${issue.message.replace(/^row \d+:?\s*/, "")}`;
}

function readLedger(file: string, map: string | undefined) {
  let records;
  try {
    records = readDelimitedText(readText(file)).rows;
  } catch (error) {
    if (error instanceof DelimitedTextError) throw new CliInputError(`${file}: ${csvProblem(error)}`);
    throw error;
  }
  if (records.length === 0)
    throw new CliInputError(`${file}: the file is empty: put a header row first, then one transaction a line`);
  const header = records[0].cells;
  const mapping = mappingFrom(header, file, map);
  const rows = records.slice(1).map((r) => ({ cells: r.cells, label: `line ${r.line}` }));
  const read = readLedgerRows(rows, header, mapping, 1);
  if (read.problems.length > 0) {
    const [first] = read.problems;
    const more = read.problemCount > 1 ? ` (and ${read.problemCount - 1} more problem${read.problemCount > 2 ? "s" : ""})` : "";
    const hint = first.field === "mapping" ? ` (columns: ${header.join(", ")}; --map ${"partner"}=<column> picks one)` : "";
    throw new CliInputError(`${file}: ${first.message}${hint}${more}`);
  }
  // The line each transaction came from, skipping rows blank in every mapped column as the reader does.
  const lines = rows
    .filter((row) => LEDGER_FIELDS.some((f) => mapping[f] !== undefined && String(row.cells[mapping[f]!] ?? "").trim() !== ""))
    .map((row) => Number(row.label.slice(5)));
  return { transactions: read.transactions, header, mapping, lines };
}

export function buildPayoutsFromFiles(options: Record<string, string>): NewModelBuilt & { layout: PayoutsLayout } {
  const planFile = options.plan;
  const plan = readWizardJson(planFile, PAYOUTS_WIZARD_ID);
  if (plan === null || typeof plan !== "object" || Array.isArray(plan))
    throw new CliInputError(`${planFile}: expected the payout wizard's plan, a JSON object in { }`);
  const ledger = readLedger(options.ledger, options.map);
  const draft = {
    ...(plan as object),
    ...(options.sheet ? { sheetName: options.sheet } : {}),
    ledger: ledger.transactions,
  } as PayoutsInputDraft;
  try {
    const built = buildPayoutsPlan(draft);
    const { layout } = built;
    return {
      plan: built.plan,
      layout,
      summary:
        `sheet "${layout.sheet}", ${layout.ledger.transactions} transactions of ${layout.partners.length} partners in ` +
        `table ${layout.tableName}, ${layout.periods.length} periods (summary room for ${layout.summary.partnerSlots} partners × ` +
        `${layout.summary.periodSlots} periods), formulas covering ${layout.ledger.coveredRows} ledger rows`,
      warnings: built.warnings.map((w) => `${w.path}: ${w.message}`),
      csv: (book) => summaryRows(layout, book.valueAt),
      csvOptions: { lineEnd: "\n" },
    };
  } catch (error) {
    if (error instanceof PayoutsInputError) {
      const ledgerIssue = error.errors.find((e) => e.path.startsWith("ledger."));
      if (ledgerIssue && error.errors.every((e) => e.path.startsWith("ledger")))
        throw new CliInputError(ledgerProblemLine(options.ledger, ledgerIssue, ledger.lines, ledger.header, ledger.mapping));
      throw new CliInputError(
        inputProblemLine(
          planFile,
          error.errors.filter((e) => !e.path.startsWith("ledger")),
        ),
      );
    }
    throw error;
  }
}

export const PAYOUTS_MODEL_COMMAND = {
  options: { "--ledger": "ledger", "--plan": "plan", "--sheet": "sheet", "--map": "map" },
  flags: ["--csv"],
  required: ["ledger", "plan"],
  build: buildPayoutsFromFiles,
};
