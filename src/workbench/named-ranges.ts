/** A defined name's target as the engine keeps it ("='Deal model'!$B$6"), read back as a sheet and a range. */
import { parseRange, type RangeRef } from "../workbook/a1";

const SHEET_RANGE = /^=(?:'((?:[^']|'')+)'|([^!'=]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i;

export function namedRange(formula: string | undefined): { sheet: string; range: RangeRef; address: string } | undefined {
  const match = SHEET_RANGE.exec((formula ?? "").trim());
  if (!match) return undefined;
  const address = match[3].replace(/\$/g, "");
  try {
    return { sheet: match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2], range: parseRange(address), address };
  } catch {
    return undefined;
  }
}
