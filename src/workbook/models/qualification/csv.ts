/**
 * A partner list as delimited text (src/workbook/input/delimited-text.ts: `,` `;` tab or `|`,
 * UTF-8/UTF-16/Windows-1252, quoted fields): the first row is a header; the name column and the
 * criteria columns are found as src/workbook/input/partner-columns.ts describes (a column headed
 * by a criterion's name, any case, fills in that criterion's ratings; a blank cell is "not rated
 * yet"; other columns are kept out). The first problem is thrown; `pe-calc new qualification`
 * maps columns itself to list them all.
 */
import { DelimitedTextError, readDelimitedText } from "../../input/delimited-text";
import { mapPartnerColumns } from "../../input/partner-columns";
import { DEFAULT_CRITERIA, DEFAULT_SCALE } from "./defaults";

export class CsvInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvInputError";
  }
}

export interface PartnersFromCsv {
  partners: string[];
  /** ratings[p][c] by the criteria order given, null where the CSV has no value or no column. */
  ratings: (number | null)[][];
}

export function partnersFromCsv(
  csv: string | Uint8Array,
  criteria: readonly { name: string; weight?: number }[] = DEFAULT_CRITERIA,
  scale: number = DEFAULT_SCALE,
): PartnersFromCsv {
  let table;
  try {
    table = readDelimitedText(csv);
  } catch (error) {
    if (error instanceof DelimitedTextError)
      throw new CsvInputError(`not valid CSV${error.line ? ` (line ${error.line})` : ""}: ${error.message}`);
    throw error;
  }
  const mapped = mapPartnerColumns(
    table,
    { scale },
    criteria.map((c) => ({ name: c.name, weight: c.weight ?? 1 })),
  );
  const [first] = mapped.problems;
  if (first) throw new CsvInputError(`line ${first.line}${first.column ? `, column ${first.column}` : ""}: ${first.message}`);
  return { partners: mapped.partners, ratings: mapped.ratings };
}
