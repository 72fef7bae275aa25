/**
 * Which column of a partner table is what: the partner's name, the criteria being rated, and
 * columns kept out (an export's Region, Owner, Account ID...). Used by `pe-calc new qualification`
 * with its flags and, with the defaults, by the pane's paste box.
 *
 * Defaults: the name is the column headed Partner, Partner name, Name, Company, Company name or
 * Account name (any case), else the first column; a column headed by a criterion's name (any case)
 * holds that criterion's ratings; every other column is kept out (listed in `keptOut`).
 *
 * Every problem is collected with its line and column (1-based field number), never just the first.
 */
import type { DelimitedText } from "./delimited-text";
import { readNumberCell } from "./delimited-text";
import { quoteInput } from "./quote";

export interface CriterionColumn {
  name: string;
  weight: number;
}

export interface ColumnMapping {
  /** The name column: a header (any case) or a 1-based column number. */
  nameColumn?: string;
  /** The criteria, in order, each the header of its column; without it, `known` criteria found in the header. */
  criteria?: { name: string; weight?: number }[];
  /** Top of the rating scale (ratings run 0 to scale). */
  scale: number;
}

export interface PositionedProblem {
  line: number;
  /** 1-based field number; absent when the problem is the whole line's. */
  column?: number;
  message: string;
}

export interface MappedPartners {
  partners: string[];
  criteria: CriterionColumn[];
  /** ratings[p][c] in the order of `criteria`; null when blank (not rated yet) or unusable. */
  ratings: (number | null)[][];
  /** Line of each partner's row. */
  lines: number[];
  /** 1-based field number of each criterion's column, 0 when the table has none (not rated). */
  criterionColumns: number[];
  nameColumn: number;
  /** Headers of the columns used for nothing. */
  keptOut: string[];
  problems: PositionedProblem[];
}

const NAME_HEADERS = ["partner", "partner name", "name", "company", "company name", "account name", "account"];

function same(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

function quoted(text: string): string {
  return `"${quoteInput(text)}"`;
}

function findNameColumn(
  header: string[],
  requested: string | undefined,
  problem: (column: number | undefined, message: string) => void,
): number {
  if (requested !== undefined) {
    const trimmed = requested.trim();
    if (/^\d+$/.test(trimmed)) {
      const index = Number(trimmed) - 1;
      if (index >= 0 && index < header.length) return index;
      problem(undefined, `--name-column ${trimmed}: the header has ${header.length} columns`);
      return 0;
    }
    const index = header.findIndex((title) => same(title, trimmed));
    if (index >= 0) return index;
    problem(
      undefined,
      `no column is headed ${quoted(trimmed)} (--name-column): the columns are ${header.map(quoted).join(", ")}`,
    );
    return 0;
  }
  for (const wanted of NAME_HEADERS) {
    const index = header.findIndex((title) => same(title, wanted));
    if (index >= 0) return index;
  }
  return 0;
}

function ratingProblem(cell: string, criterion: string, scale: number): { value: number | null; message?: string } {
  const read = readNumberCell(cell, true);
  const scaleText = `ratings run 0 to ${scale}`;
  switch (read.kind) {
    case "blank":
      return { value: null };
    case "percent":
      if (scale === 100) return { value: read.value * 100 };
      return {
        value: null,
        message: `${quoted(read.text)} under ${quoted(criterion)} is a percentage, but ${scaleText}: write a rating from 0 to ${scale}, or use --scale 100 to rate in percent`,
      };
    case "text":
      return { value: null, message: `${quoted(read.text)} under ${quoted(criterion)} is not a number (${scaleText})` };
    case "number":
      if (read.value < 0 || read.value > scale)
        return {
          value: null,
          message: `${read.value} under ${quoted(criterion)} is outside the scale: ${scaleText} (use --scale to change the top of the scale)`,
        };
      return { value: read.value };
  }
}

/**
 * Maps a table's columns. `known` are the criteria used when the mapping names none (with their
 * default weights); they are all kept in the result, unrated where the table has no column.
 */
export function mapPartnerColumns(
  table: DelimitedText,
  mapping: ColumnMapping,
  known: readonly CriterionColumn[],
): MappedPartners {
  const problems: PositionedProblem[] = [];
  const [headerRow, ...body] = table.rows;
  if (!headerRow) {
    return {
      partners: [],
      criteria: [],
      ratings: [],
      lines: [],
      criterionColumns: [],
      nameColumn: 0,
      keptOut: [],
      problems: [{ line: 1, message: "the file is empty: put a header row first, then one partner a line" }],
    };
  }
  const header = headerRow.cells;
  const headerProblem = (column: number | undefined, message: string): void =>
    void problems.push({ line: headerRow.line, column, message });
  const nameColumn = findNameColumn(header, mapping.nameColumn, headerProblem);

  let criteria: CriterionColumn[];
  let criterionColumns: number[];
  if (mapping.criteria) {
    criteria = mapping.criteria.map((c) => ({
      name: c.name,
      weight: c.weight ?? known.find((k) => same(k.name, c.name))?.weight ?? Number.NaN,
    }));
    criterionColumns = mapping.criteria.map((c) => {
      const index = header.findIndex((title, i) => i !== nameColumn && same(title, c.name));
      if (index < 0)
        headerProblem(
          undefined,
          `no column is headed ${quoted(c.name)} (--criteria): the columns are ${header.map(quoted).join(", ")}`,
        );
      return index + 1;
    });
    criteria.forEach((c, i) => {
      if (Number.isNaN(c.weight))
        headerProblem(
          criterionColumns[i] || undefined,
          `give ${quoted(c.name)} a weight in --criteria, e.g. "${quoteInput(c.name)}=20"`,
        );
    });
  } else {
    criteria = known.map((c) => ({ name: c.name, weight: c.weight }));
    criterionColumns = known.map((c) => header.findIndex((title, i) => i !== nameColumn && same(title, c.name)) + 1);
    if (criterionColumns.every((column) => column === 0) && header.length > 1)
      headerProblem(
        undefined,
        `no column is headed by a criterion (${known.map((c) => c.name).join(", ")}): name the columns to rate with --criteria "Column=weight,…"`,
      );
  }
  header.forEach((title, i) => {
    if (criterionColumns.filter((column) => column === i + 1).length > 1)
      headerProblem(i + 1, `the column ${quoted(title)} is named for two criteria`);
    const first = header.findIndex((other) => title !== "" && same(other, title));
    if (first < i && (criterionColumns.includes(first + 1) || first === nameColumn))
      headerProblem(i + 1, `the header ${quoted(title)} repeats column ${first + 1}'s: rename one of them`);
  });
  const used = new Set([nameColumn + 1, ...criterionColumns]);
  const keptOut = header.flatMap((title, i) => (used.has(i + 1) ? [] : [title === "" ? `column ${i + 1}` : title]));
  header.forEach((title, i) => {
    if (title === "" && criterionColumns.includes(i + 1)) headerProblem(i + 1, "a rated column needs a header");
  });

  const partners: string[] = [];
  const ratings: (number | null)[][] = [];
  const lines: number[] = [];
  for (const row of body) {
    const extra = row.cells.slice(header.length).findIndex((cell) => cell !== "");
    if (extra >= 0)
      problems.push({
        line: row.line,
        column: header.length + extra + 1,
        message: `the line has ${row.cells.length} fields but the header has ${header.length}`,
      });
    partners.push(row.cells[nameColumn] ?? "");
    lines.push(row.line);
    ratings.push(
      criteria.map((criterion, c) => {
        const column = criterionColumns[c];
        if (column === 0) return null;
        const read = ratingProblem(row.cells[column - 1] ?? "", header[column - 1] || criterion.name, mapping.scale);
        if (read.message) problems.push({ line: row.line, column, message: read.message });
        return read.value;
      }),
    );
  }
  if (body.length === 0) problems.push({ line: headerRow.line, message: "there is a header row but no partner below it" });
  return { partners, criteria, ratings, lines, criterionColumns, nameColumn: nameColumn + 1, keptOut, problems };
}
