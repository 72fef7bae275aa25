/**
 * `pe-calc new deal-options --from options.json -o options.xlsx [--csv]`: the deal-options
 * wizard's saved-input JSON → the model's plan; `--csv` prints the comparison table (one row per
 * option: both NPVs, paybacks, ROIs and the verdict) as the engine computed it.
 */
import { buildDealOptionsPlan, type DealOptionsLayout } from "../workbook/models/deal-options";
import { DEAL_OPTIONS_WIZARD_ID, type DealOptionsInputDraft } from "../workbook/models/deal-options/input";
import { parseCell } from "../workbook/a1";
import { buildModelFromFile, type NewModelBuilt } from "./new-deal";

/** Reads a computed cell of the planned sheet. */
export type PlannedCellReader = (plannedSheet: string, cell: { row: number; col: number }) => unknown;

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

/** A CSV field: numbers as JavaScript prints them; text quoted, and text a spreadsheet would run as a formula made inert. */
function csvField(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value !== null && typeof value === "object" && "value" in value)
    return csvField(String((value as { value: unknown }).value));
  const text = value === undefined || value === null ? "" : String(value);
  const inert = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${inert.replace(/"/g, '""')}"`;
}

/** The comparison table as CSV: a header, then one line per option. */
export function comparisonCsv(layout: DealOptionsLayout, optionTitles: string[], read: PlannedCellReader): string {
  const header = ["Option", ...CSV_COLUMNS.map(([label]) => label)].map(csvField).join(",");
  const lines = optionTitles.map((title, i) =>
    [csvField(title), ...CSV_COLUMNS.map(([, key]) => csvField(read(layout.sheet, parseCell(layout.summary[key][i]))))].join(","),
  );
  return [header, ...lines].join("\n") + "\n";
}

export function buildDealOptionsFromFile(
  options: Record<string, string>,
): NewModelBuilt & { csv: (read: PlannedCellReader) => string } {
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
  return { ...result, csv: (read) => comparisonCsv(layout, titles, read) };
}

export const DEAL_OPTIONS_MODEL_COMMAND = {
  options: { "--from": "from", "--sheet": "sheet" },
  required: ["from"],
  flags: ["--csv"],
  build: buildDealOptionsFromFile,
};
