/**
 * The partnership charter as a WorkbookPlan: one printable sheet (portrait, one page wide, print
 * area set) walking the playbook's sections: parties, mutual goals, value exchange, crawl / walk /
 * run phases with their gates, measurement and review cadence, governance, exit criteria, and
 * signature lines for both sides.
 *
 * Everything the user typed lands in a `text` cell, whatever it starts with; formulas are only
 * the gates', built from our own templates over named cells:
 * - crawl: PE.CRAWL_GATE over the baseline and pilot cells (threshold and direction named too);
 * - walk: PE.WALK_GATE over the adopted and invited cells;
 * - run: GO only when both gates are GO, NO-GO when either is NO-GO.
 * A gate whose measurements are still blank shows PENDING rather than an error, so the charter can
 * be signed before the pilot and fill itself in as the numbers are typed.
 *
 * Layout: four columns, A and C labels, B and D values (charter-sheet.ts); the whole sheet is one
 * block, so every applier writes it in one call.
 */
import { rangeAt } from "../shared/sheet-builder";
import { defineModel } from "../shared/build-model-plan";
import { CharterSheet, WIDTH } from "./charter-sheet";
import { writeTimeline } from "./gates";
import { CHARTER_SAVED_INPUT, validateCharterInput, type CharterInput, type CharterInputDraft } from "./input";

export { CHARTER_SETTINGS_KEY } from "./input";
import { CHARTER_NAME_KEYS, charterNames, reservedCharterNames, type CharterNameKey } from "./names";
import { writeGoalsAndValue, writeHeading, writeMeasurementToExit, writeSignatures, type Signatures } from "./sections";

export type { CharterNameKey } from "./names";

export interface CharterLayout {
  sheet: string;
  names: Record<CharterNameKey, string>;
  /** A1 address (no sheet prefix) of each named cell, by the same keys. */
  cells: Record<CharterNameKey, string>;
  /** Measured improvement (crawl) and adoption (walk), as fractions once their cells are filled. */
  crawlImprovement: string;
  walkAdoption: string;
  /** 0-based row of each section's heading, in order. */
  sections: { title: string; row: number }[];
  /** Signature lines: the cells each side fills in by hand or types into. */
  signatures: Signatures;
  printArea: string;
}

const charterModel = defineModel<CharterInputDraft, CharterInput, CharterLayout>(
  "partnership charter",
  { validate: validateCharterInput, saved: CHARTER_SAVED_INPUT, reservedNames: reservedCharterNames, errorWording: "charter" },
  (input, { sheetName, suffix }) => {
    const s = new CharterSheet(input, sheetName, charterNames(suffix));
    writeHeading(s);
    writeGoalsAndValue(s);
    const gates = writeTimeline(s);
    writeMeasurementToExit(s);
    const signatures = writeSignatures(s);
    const printArea = rangeAt(0, 0, s.lastRow + 1, WIDTH);
    const sheet = s.b.toSheet({
      columnWidths: [
        { column: "A", width: 24 },
        { column: "B", width: 30 },
        { column: "C", width: 22 },
        { column: "D", width: 30 },
      ],
      print: { area: printArea, orientation: "portrait", fitToWidth: true },
    });
    const cells = s.cells as Record<CharterNameKey, string>;
    for (const key of CHARTER_NAME_KEYS) s.b.name(s.names[key], cells[key]);
    const layout: CharterLayout = {
      sheet: sheetName,
      names: s.names,
      cells,
      ...gates,
      sections: s.sections,
      signatures,
      printArea,
    };
    return { sheet, names: s.b.names(), layout };
  },
);

/** buildCharterPlan: the workbook's sheet and defined names make the plan's own unique (a second charter gets "Charter (2)" and Charter2_… names). */
export const { InputError: CharterInputError, buildPlan: buildCharterPlan } = charterModel;
export type CharterInputError = InstanceType<typeof CharterInputError>;
