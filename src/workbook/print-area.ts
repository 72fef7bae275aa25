/**
 * Print areas as Excel keeps them: absolute on both ends (`'Charter'!$A$1:$D$80`). A relative
 * or half-absolute print area is not what Excel writes, and a tool that reads the defined name
 * literally would see a range that moves.
 */
import { parseRange, rangeAddress } from "./a1";

/**
 * The text to give ExcelJS's `pageSetup.printArea`. ExcelJS 4.4 writes the defined name as
 * `'<sheet>'!$<first>:$<last>`, putting a `$` only before each end's text, so "A1:D80" would
 * come out as `$A1:$D80` (rows relative); handing it "A$1:D$80" makes the file say `$A$1:$D$80`.
 */
export function printAreaForExcelJs(area: string): string {
  const range = parseRange(area);
  return [range.start, range.end]
    .map((cell) => rangeAddress({ start: cell, end: cell }).replace(/^([A-Z]+)(\d+)$/, "$1$$$2"))
    .join(":");
}
