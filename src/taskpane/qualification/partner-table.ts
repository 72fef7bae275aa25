/**
 * Partners (and optionally their ratings) from a table of cells: the current selection, or a
 * list pasted from a spreadsheet. Which column holds the names and which hold each criterion's
 * ratings is the user's mapping; without one it is guessed from the header row: the first column
 * that neither names a criterion (ignoring case, as `pe-calc new qualification` does) nor looks
 * like an identifier holds the names, and columns whose header names a criterion hold its ratings.
 * Other columns are kept out (the wizard says which). Rows without a name are skipped.
 *
 * The plans' `partnersFromSelection`/`parsePartnerList` read names only; this adapter keeps each
 * name's row together with its ratings, which they do not.
 */
import { readDelimitedText, readNumberCell } from "../../workbook/input/delimited-text";
import { quoteInput } from "../../workbook/input/quote";

export interface RatingProblem {
  /** Partner index and criterion index, as in "ratings.p.c". */
  partner: number;
  criterion: number;
  message: string;
}

export interface PartnerTable {
  partners: string[];
  /** ratings[p][c], null when blank; undefined when no column named a criterion. */
  ratings?: (number | null)[][];
  /** Criteria that got a ratings column, by index. */
  ratedCriteria: number[];
  problems: RatingProblem[];
}

/**
 * The cells of a pasted table, through the same reader as `pe-calc new qualification`
 * (src/workbook/input/delimited-text.ts): a spreadsheet copy (tabs), or CSV with `,` `;` or `|`,
 * detected; a quoted cell may hold delimiters, quotes and line breaks. Blank lines are skipped.
 */
export function parsePastedCells(pasted: string): string[][] {
  try {
    return readDelimitedText(pasted).rows.map((row) => row.cells);
  } catch {
    // An unclosed quote while the user is still typing: read the lines as they are for now.
    return pasted.split(/\r\n|\n|\r/).map((line) => line.split("\t"));
  }
}

/** A rating cell: blank → null, a number (as an English-locale Excel reads it) → the number, anything else → undefined. */
function readRating(text: string): number | null | undefined {
  // A spreadsheet copy is tab-separated, so a decimal comma (4,5 from a European Excel) is a number.
  const read = readNumberCell(text, true);
  return read.kind === "blank" ? null : read.kind === "number" ? read.value : undefined;
}

/** Which column holds the names, and each criterion's ratings column (-1: none). */
export interface PartnerColumns {
  name: number;
  criteria: number[];
}

/** A header such as "Account ID", "Partner no." or "CRM code" names an identifier, not the partner. */
const IDENTIFIER_HEADER = /(^|[^a-z])(id|no\.?|number|code|key)$/i;

/** The columns guessed from the header row (none: the first column holds the names). */
export function guessPartnerColumns(header: string[], criteria: string[]): PartnerColumns {
  const key = (text: string) => text.trim().toUpperCase();
  const criterionNames = new Set(criteria.map(key).filter((n) => n !== ""));
  const nameAt = header.findIndex((h) => h.trim() !== "" && !criterionNames.has(key(h)) && !IDENTIFIER_HEADER.test(h.trim()));
  const name = nameAt < 0 ? 0 : nameAt;
  const columnOf = criteria.map((criterion) =>
    key(criterion) === "" ? -1 : header.findIndex((h, c) => c !== name && key(h) === key(criterion)),
  );
  return { name, criteria: columnOf };
}

export function partnerTable(
  cells: string[][],
  hasHeader: boolean,
  criteria: string[],
  columns: PartnerColumns = guessPartnerColumns(hasHeader ? (cells[0] ?? []) : [], criteria),
): PartnerTable {
  const body = hasHeader ? cells.slice(1) : cells;
  const columnOf = criteria.map((_, c) => {
    const col = columns.criteria[c] ?? -1;
    return col === columns.name ? -1 : col;
  });
  const ratedCriteria = columnOf.flatMap((col, c) => (col >= 0 ? [c] : []));
  const partners: string[] = [];
  const ratings: (number | null)[][] = [];
  const problems: RatingProblem[] = [];
  for (const row of body) {
    const name = (row[columns.name] ?? "").trim();
    if (name === "") continue;
    const p = partners.length;
    partners.push(name);
    ratings.push(
      columnOf.map((col, c) => {
        if (col < 0) return null;
        const raw = row[col] ?? "";
        const value = readRating(raw);
        if (value !== undefined) return value;
        problems.push({
          partner: p,
          criterion: c,
          message: raw.trim().endsWith("%")
            ? `${name}: the ${criteria[c]} rating "${quoteInput(raw.trim())}" is a percentage: give a rating on the matrix's scale (step 3)`
            : `${name}: the ${criteria[c]} rating "${quoteInput(raw.trim())}" is not a number`,
        });
        return null;
      }),
    );
  }
  return { partners, ratings: ratedCriteria.length > 0 ? ratings : undefined, ratedCriteria, problems };
}
