/**
 * The look every model sheet shares, in one place: the palette (Excel's own "Good", "Bad",
 * "Neutral" cell-style colours, so the sheets read like Excel's built-in styles) and the number
 * formats. Models name a role ("an input", "a note"), never a colour.
 */
import type { CellFormatStyle, CellStylePlan } from "../../plan";

export const COLORS = {
  /** Headings and titles. */
  heading: "#1F4E79",
  /** Notes and explanations beside the numbers. */
  note: "#595959",
  /** Cells the user is meant to change. */
  inputFill: "#FFF2CC",
  /** Section and table headers. */
  headerFill: "#DDEBF7",
} as const;

/** Status fills (fill and font colour) for conditional formats. */
export const STATUS = {
  good: { fill: "#C6EFCE", fontColor: "#006100" },
  bad: { fill: "#FFC7CE", fontColor: "#9C0006" },
  warning: { fill: "#FFEB9C", fontColor: "#9C5700" },
  neutral: { fill: "#EDEDED", fontColor: "#3A3A3A" },
  info: { fill: COLORS.headerFill, fontColor: COLORS.heading },
  caution: { fill: "#FCE4D6", fontColor: "#833C0B" },
} as const satisfies Record<string, CellFormatStyle>;

/** Fills for ranked labels (tiers) from the top down; the last one repeats for any further label. */
export const RANKED_FILLS: readonly { fill: string; fontColor: string }[] = [
  STATUS.good,
  STATUS.info,
  STATUS.warning,
  STATUS.caution,
  STATUS.neutral,
];

export const FORMATS = {
  rate: "0.0%",
  wholePercent: "0%",
  multiple: '0.0#"×"',
  date: "yyyy-mm-dd",
  whole: "0",
  count: "#,##0",
  oneDecimal: "0.0",
  upToTwoDecimals: "0.##",
  /** A number that is already a percentage (weights typed as 30 for 30%). */
  percentNumber: '0.##"%"',
  contractYear: '"Year "0',
} as const;

/** Whole amounts with the currency in front ("EUR"#,##0), or plain when there is none. */
export function currencyFormat(currency: string): string {
  return currency === "" ? "#,##0" : `"${currency}"#,##0`;
}

/** Ready-made cell styles for the roles above (spread them into a CellStylePlan with its range). */
export const STYLES = {
  title: { bold: true, fontSize: 14, fontColor: COLORS.heading },
  note: { italic: true, fontColor: COLORS.note },
  header: { bold: true, fill: COLORS.headerFill, borderBottom: true },
  input: { fill: COLORS.inputFill },
} as const satisfies Record<string, Omit<CellStylePlan, "range">>;
