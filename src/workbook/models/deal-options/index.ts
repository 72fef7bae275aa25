/**
 * The deal-options model as a WorkbookPlan: one sheet comparing two to four deal structures for
 * both sides. From the top: the shared assumptions (named), the by-year assumptions (named
 * ranges), each option's terms (named), the options side by side by year (revenue, what we pay,
 * our net, the partner's net), per option both NPVs, paybacks, ROIs and a verdict in words, and a
 * two-way sensitivity grid of our NPV; right of it, cumulative net for both sides and its chart.
 * Every number is a formula over the named cells, so it follows them live in Excel, the engine
 * and a saved file; NPV is Excel's own and payback is PE.PAYBACK (see summary.ts).
 */
import { columnLetters } from "../../a1";
import { defineModel } from "../shared/build-model-plan";
import { rangeAt } from "../shared/sheet-builder";
import { writeSharedAssumptions, writeYearTable } from "./assumptions";
import { writeCumulativeChart } from "./chart";
import { COLUMNS_PER_OPTION, writeComparison } from "./comparison";
import { REVENUE_CHANGES } from "./defaults";
import { DEAL_OPTIONS_SAVED_INPUT, validateDealOptionsInput, type DealOptionsInput, type DealOptionsInputDraft } from "./input";
import type { DealOptionsLayout } from "./layout";
import { reservedOptionsNames } from "./names";
import { OptionsSheet } from "./options-sheet";
import { writeSensitivity } from "./sensitivity";
import { writeSummary } from "./summary";
import { writeOptionTerms } from "./terms";

const dealOptionsModel = defineModel<DealOptionsInputDraft, DealOptionsInput, DealOptionsLayout>(
  "deal-options model",
  { validate: validateDealOptionsInput, saved: DEAL_OPTIONS_SAVED_INPUT, reservedNames: reservedOptionsNames },
  (input, { sheetName, suffix }) => {
    const s = new OptionsSheet(sheetName, input, suffix);
    const { b } = s;
    writeSharedAssumptions(s);
    writeYearTable(s);
    writeOptionTerms(s);
    const comparison = writeComparison(s);
    const summary = writeSummary(s, comparison);
    const sensitivity = writeSensitivity(s);
    const width = Math.max(1 + input.options.length * COLUMNS_PER_OPTION, 2 + REVENUE_CHANGES.length, 3 + input.termYears);
    const chartCol = width + 1;
    const chart = input.chart ? writeCumulativeChart(s, comparison, chartCol) : undefined;
    const sheet = b.toSheet({
      columnWidths: [
        { column: "A", width: 38 },
        ...Array.from({ length: width - 1 }, (_, i) => ({ column: columnLetters(i + 1), width: 15 })),
        { column: columnLetters(chartCol), width: 10 },
      ],
      charts: chart ? [chart.chart] : [],
      print: { area: rangeAt(0, 0, b.row, width), orientation: "landscape", fitToWidth: true },
    });
    return { sheet, names: b.names(), layout: { ...s.placed(), comparison, summary, sensitivity, chartSource: chart?.source } };
  },
);

/** buildDealOptionsPlan: the workbook's sheet and defined names make the plan's own unique (Options2_… for a second model). */
export const { InputError: DealOptionsInputError, buildPlan: buildDealOptionsPlan } = dealOptionsModel;
export type DealOptionsInputError = InstanceType<typeof DealOptionsInputError>;

export { DEAL_OPTIONS_SETTINGS_KEY } from "./input";
export type { DealOptionsLayout } from "./layout";
export { optionAsDealInput } from "./to-deal";
