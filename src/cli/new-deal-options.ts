/**
 * `pe-calc new deal-options --from options.json -o options.xlsx [--csv]`: the deal-options
 * wizard's saved-input JSON → the model's plan; `--csv` prints the comparison table (one row per
 * option: both NPVs, paybacks, ROIs and the verdict) as the engine computed it.
 */
import { buildDealOptionsPlan, type DealOptionsLayout } from "../workbook/models/deal-options";
import { DEAL_OPTIONS_WIZARD_ID, type DealOptionsInputDraft } from "../workbook/models/deal-options/input";
import { parseCell } from "../workbook/a1";
import type { ComputedBook } from "./computed-book";
import { buildModelFromFile, type NewModelBuilt } from "./new-deal";

const CSV_COLUMNS: [string, keyof DealOptionsLayout["summary"]][] = [
  ["Our NPV", "ourNpv"],
  ["Partner's NPV", "partnerNpv"],
  ["Our payback (years)", "ourPayback"],
  ["Partner's payback (years)", "partnerPayback"],
  ["Our ROI", "ourRoi"],
  ["Partner's ROI", "partnerRoi"],
  ["Our position", "position"],
  ["Partner vs its BATNA", "batna"],
  ["Verdict", "verdict"],
];

/** The comparison table: a header, then one row per option. */
export function comparisonRows(
  layout: DealOptionsLayout,
  optionTitles: string[],
  book: Pick<ComputedBook, "valueAt">,
): unknown[][] {
  const header = ["Option", ...CSV_COLUMNS.map(([label]) => label)];
  const rows = optionTitles.map((title, i) => [
    title,
    ...CSV_COLUMNS.map(([, key]) => book.valueAt(layout.sheet, parseCell(layout.summary[key][i]))),
  ]);
  return [header, ...rows];
}

export function buildDealOptionsFromFile(options: Record<string, string>): NewModelBuilt {
  let built: ReturnType<typeof buildDealOptionsPlan> | undefined;
  const result = buildModelFromFile(
    options,
    DEAL_OPTIONS_WIZARD_ID,
    (draft) => (built = buildDealOptionsPlan(draft as DealOptionsInputDraft)),
    ({ layout, input }) =>
      `sheet "${layout.sheet}", ${input.options.length} options over ${layout.termYears} years with both sides' NPV, payback, ROI and verdict, a sensitivity grid for option ${String.fromCharCode(64 + input.sensitivityOption)}`,
  );
  const { layout, input } = built!;
  const titles = input.options.map((o, i) => `Option ${String.fromCharCode(65 + i)}${o.name ? `: ${o.name}` : ""}`);
  // Every text quoted, one LF a line: the form this command has always printed.
  return { ...result, csv: (book) => comparisonRows(layout, titles, book), csvOptions: { quoteText: true, lineEnd: "\n" } };
}

export const DEAL_OPTIONS_MODEL_COMMAND = {
  options: { "--from": "from", "--sheet": "sheet" },
  required: ["from"],
  flags: ["--csv"],
  build: buildDealOptionsFromFile,
};
