import type { CliIo } from "./io";

/**
 * The subcommands. Each one lives in its own module, loaded only when it runs, so that
 * `pe-calc --help` does not load the engine and each command pays only for what it uses.
 */
export type CommandRun = (args: string[], io: CliIo) => Promise<number>;

export interface CommandEntry {
  name: string;
  /** Usage lines, each `[arguments, what it does]`, shown by `pe-calc --help` and `pe-calc <name> --help`. */
  usage: Array<[string, string]>;
  /** Extra paragraphs for `pe-calc <name> --help`. */
  details: string[];
  /** Whether `pe-calc <name> --help` lists the PE functions. */
  listsFunctions: boolean;
  load: () => Promise<CommandRun>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "eval",
    usage: [
      ['"<formula>"', "print the result of one formula (the leading = is optional)"],
      ["", "read formulas from standard input, one a line, and print one result a line"],
    ],
    details: [
      "A formula may mix PE functions with Excel built-ins, e.g. =SUM(PE.REVSHARE_TIERED({100000,200000},{0,50000},{0.1,0.2})). " +
        "Cell references refer to an empty sheet.",
      "Output: a number as JavaScript prints it; text as is; TRUE or FALSE; an error as its code and message " +
        "(#NUM! rate 30 is above 1: write 30% or 0.3); an array as an Excel array constant ({30000,24000;1,2}). " +
        "An empty input line gives an empty output line.",
      "A formula longer than Excel's 8,192 characters, nested deeper than its 64 levels or chaining more than 1,000 " +
        "operators is refused; an array of more than 2,000,000 cells is #NUM!.",
      "Exit status: 0 when every formula was evaluated (an Excel error is a result); 1 when a formula does not parse " +
        "or breaks a limit (reported on standard error with its line; the other lines are still printed); 2 for a usage error; " +
        "70 for an internal error (add --debug for its stack trace).",
    ],
    listsFunctions: true,
    load: async () => (await import("./eval-command")).runEval,
  },
  {
    name: "new",
    usage: [
      [
        "qualification --partners partners.csv -o matrix.xlsx",
        "write a qualification matrix for the partners in a CSV file (column mapping: see below)",
      ],
      [
        "deal --from deal.json -o deal.xlsx",
        "write a deal model (assumptions, yearly schedule, caps) from the deal wizard's saved inputs",
      ],
      [
        "charter --from answers.json -o charter.xlsx",
        "write a printable partnership charter from the charter wizard's saved inputs",
      ],
      [
        "scorecard --actuals actuals.csv --contracts contracts.csv --plan plan.json -o scorecard.xlsx",
        "write a partner portfolio scorecard and a QBR sheet (--csv prints the portfolio table)",
      ],
      [
        "deal-options --from options.json -o options.xlsx [--csv]",
        "compare 2 to 4 deal options for both sides (NPV, payback, ROI, verdict, sensitivity); --csv prints the comparison",
      ],
      [
        "payouts --ledger transactions.csv --plan plan.json -o payouts.xlsx [--csv]",
        "write a payout book (payouts, partner x period summary, statements) from a transaction ledger",
      ],
    ],
    details: [
      "partners.csv: a header row, then one partner a line. The delimiter (, ; tab |) and the encoding (UTF-8, UTF-16 " +
        "with a BOM, else Windows-1252) are detected; with a delimiter other than a comma, 4,5 is 4.5. The name is the " +
        "column headed Partner, Name, Company or Account name (else the first); a column headed by a criterion (Strategic " +
        "fit, Market reach, Capabilities, Financial health, Track record; any case) holds its ratings, 0 to 5 (blank: not " +
        "rated yet); other columns are kept out, with a note.",
      'Column mapping: --name-column "Account Name" (or a column number); --criteria "Strategic fit=30,Market reach=25" ' +
        '(the columns to rate and their weights); --scale 10 (ratings run 0 to 10); --tiers "85,70,50"; --labels ' +
        '"Gold,Silver,Bronze[,below]". Every problem is listed as file:line:column: message (column = field number), up ' +
        "to 20, then a count.",
      "The file has the wizard's sheet: named weights, scale and tiers, a table with Score, Tier, Rank, Complete?, Gap to " +
        "next tier and Tier stable?, cached values computed by the engine. Options: --sheet NAME names the sheet.",
      "deal.json and answers.json are the JSON the deal and charter wizards save in a workbook (the README describes both " +
        "and docs/examples holds one of each); a bad value is reported with its field, e.g. revenueShare.rates.1. " +
        "Options: --sheet NAME names the sheet.",
      "scorecard: actuals.csv holds each partner's revenue target and actual per quarter, in long form (columns partner, " +
        "period, target, actual; one row per partner and quarter) or wide form (one row per partner, columns headed " +
        '"2025-Q1 target", "2025-Q1 actual"…). contracts.csv (optional) has one row per partner: partner, start (YYYY-MM-DD), ' +
        "initial term (years), renewal term (years, 0 = none), notice (days), and a column per further KPI of the plan, " +
        "headed by its name. plan.json is the scorecard wizard's saved answers (as-of date, rules, bands, KPIs; see " +
        "docs/examples/scorecard-plan.json). Text copied from Excel (tab-separated) and semicolons work too. --csv prints " +
        "the portfolio table as CSV (dates as YYYY-MM-DD); -o is then optional.",
      "options.json is the deal-options wizard's saved input (docs/examples/deal-options.json); --csv prints the " +
        "comparison table (one line per option: both NPVs, paybacks, ROIs, our position, the partner vs its BATNA, the " +
        "verdict) on standard output, and -o becomes optional.",
      "transactions.csv: a header row, then one transaction a line; the partner, date (2026-03-15 or an Excel date " +
        "serial) and amount (refunds negative) columns are found by their headers (Partner, Date, Amount; Customer and " +
        "Description are optional), or named with --map partner=Reseller,date=Booked,amount=Net. plan.json is the payout " +
        "wizard's saved plan (tiers, method, frequency, fiscalYearStart, floor, recover, cap, carry, currency; see " +
        "docs/examples/payouts-plan.json). A bad cell is reported with its line and column and no file is written. " +
        "With --csv the partner x period summary (Partner, Period, Earned, Paid, Balance) is printed to standard output; " +
        "-o is then optional.",
      "Files: the output is never one of the inputs (compared after resolving symlinks); an existing output is " +
        "replaced only with --force (-f); writes go through a temporary file renamed over the target.",
      "Every file is written as Excel writes it: PE calls stored as _xldudf_PE_… formulas with the engine's results cached " +
        "(Excel keeps showing them until it recalculates), the wizard's inputs as the add-in's document settings, and a " +
        "reference to the add-in so Excel offers to install it and opens its pane with the file. The reference says the " +
        "add-in is sideloaded (--store developer --store-type Registry); for a catalog give --store PATH --store-type " +
        "FileSystem (or SPCatalog), for AppSource --store en-us --store-type OMEX --store-id WA….",
      "Exit status: 0 when the file was written; 1 for a file that cannot be read or used; 2 for a usage error; 70 for " +
        "an internal error (add --debug for its stack trace).",
    ],
    listsFunctions: false,
    load: async () => (await import("./new-command")).runNew,
  },
  {
    name: "recalc",
    usage: [["book.xlsx [-o out.xlsx] [--csv SHEET [--raw]] [-f]", "recalculate every formula, PE functions included"]],
    details: [
      "Loads the workbook's values, formulas and defined names into the engine and recalculates everything. The results " +
        "are written back as cached values (into out.xlsx with -o, otherwise into book.xlsx itself); with --csv SHEET " +
        "the sheet's computed values are printed as CSV instead (and written too when -o is given).",
      "Only the cached values change: every other part of the file (styles, charts, pivot tables, comments, macros, " +
        "the add-in reference, dynamic-array metadata) is copied byte for byte, so recalculating in place is safe. " +
        "Formulas stored in the bare PE.NAME( form of older files are rewritten as _xldudf_PE_NAME(, which Excel needs.",
      "-o naming the workbook itself in any spelling is the in-place rewrite. Another existing file is replaced only " +
        "with --force (-f).",
      "--csv output is safe to open in a spreadsheet: text starting with =, +, -, @, tab or carriage return gets a " +
        "leading ' (numbers are unchanged); --raw prints text as it is.",
      "Limits (each raised with an environment variable): 256 MB a part inflated (PE_CALC_MAX_XLSX_PART_MB), 512 MB in " +
        "all (PE_CALC_MAX_XLSX_MB), 5,000,000 cells (PE_CALC_MAX_CELLS), 100 MB a file (PE_CALC_MAX_INPUT_MB); formulas " +
        "within Excel's 8,192 characters and 64 nesting levels.",
      "Exit status: 0 on success; 1 for a file that cannot be read or is not an .xlsx workbook, a limit, or an unknown " +
        "sheet; 2 for a usage error; 70 for an internal error (add --debug for its stack trace).",
    ],
    listsFunctions: false,
    load: async () => (await import("./recalc-command")).runRecalc,
  },
  {
    name: "check",
    usage: [["book.xlsx [more.xlsx …] [--json]", "recalculate and compare every formula cell with the value Excel saved"]],
    details: [
      "Recalculates each workbook in the engine and compares every formula cell with the value Excel cached in the file. " +
        'Prints per file "N of M formula cells agree", then each disagreement with its cell, formula, Excel\'s value, ' +
        "ours and a likely reason (unsupported function, structured reference, follows another cell that disagrees …). " +
        "--json prints the same as JSON.",
      "Numbers agree within a relative 1e-9 (or 1e-12 near zero); text, booleans and error codes must match exactly. " +
        "Cells calling NOW, TODAY, RAND, RANDBETWEEN, OFFSET, INDIRECT, CELL or INFO, and the cells depending on them, " +
        "are reported apart and not counted, as are what-if data tables and formulas the file saved without a value.",
      "Exit status: 0 when every counted cell of every file agrees; 1 when a cell disagrees or a file cannot be read; " +
        "2 for a usage error.",
    ],
    listsFunctions: false,
    load: async () => (await import("./check-command")).runCheck,
  },
  {
    name: "sql",
    usage: [
      [
        "payout-ledger --plan plan.json --dialect D --table T --partner P --amount A --date D --order D,ID",
        "PE.PAYOUT_LEDGER per transaction as SQL (D: duckdb, bigquery, snowflake, spark, postgres)",
      ],
      ["payout-summary (the options of payout-ledger)", "earned, paid and balance per partner and period as SQL"],
      [
        "partner-score --plan matrix.json --dialect D --table T --partner P [--ratings C1,C2]",
        "PE.PARTNER_SCORE and PE.TIER as SQL",
      ],
    ],
    details: [
      "Prints one self-contained query (with --create: CREATE VIEW pe_payout_ledger AS …; --view NAME names it) computing " +
        "what the PE functions compute, in the dialect of --dialect: duckdb, bigquery, snowflake, spark or postgres. Table " +
        "and column names are used exactly as given, quoted for the dialect (--table may be schema.table or " +
        "catalog.schema.table); lists are comma-separated.",
      "payout-ledger and payout-summary read the payout wizard's plan (docs/examples/payouts-plan.json: tiers, method, " +
        "frequency, fiscalYearStart, floor, cap, recover, carry). --partner and --amount name the columns; --date names a " +
        "DATE or TIMESTAMP column whose PE.PERIOD key is the period, or --period a column holding the period key itself " +
        "(neither: one period for the whole ledger, payout-ledger only); --order lists the columns that put the ledger in " +
        "order, the last one unique per row (a transaction id), so the running totals are the same on every run.",
      "partner-score reads the qualification wizard's saved answers (criteria and weights, scale, tiers, belowLabel); the " +
        "rating columns are the criteria's names unless --ratings lists them, in the plan's order; --order sorts the output.",
      "Output columns: the mapped columns, then pe_period (PE.PERIOD, with --date), pe_running_total, pe_earned_to_date and " +
        "pe_payout (PE.PAYOUT_LEDGER); pe_partner, pe_period, pe_earned, pe_paid, pe_balance (PE.PAYOUT_SCHEDULE); " +
        "pe_score (PE.PARTNER_SCORE) and pe_tier (PE.TIER). Mapped columns may not start with pe_. Spark SQL has no " +
        "recursive CTE: its payout-summary has pe_earned only (a note on standard error says so). The README section " +
        '"When the ledger outgrows Excel" gives the column-to-function correspondence and a worked DuckDB run.',
      "Exit status: 0 when the SQL was printed; 1 for a plan file that cannot be read or used; 2 for a usage error " +
        "(unknown option or dialect, a missing column option, a name that cannot be quoted).",
    ],
    listsFunctions: false,
    load: async () => (await import("./sql-command")).runSql,
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((command) => command.name === name);
}
