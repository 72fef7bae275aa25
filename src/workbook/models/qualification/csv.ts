/**
 * A partner list as CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes):
 * the first row is a header; the first column holds partner names whatever its header says;
 * every further column must be headed by a criterion's name (case-insensitive) and fills in that
 * criterion's ratings (a blank cell is "not rated yet").
 */
import { CsvError, parse } from "csv-parse/sync";
import { DEFAULT_CRITERIA } from "./defaults";

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

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function partnersFromCsv(csv: string, criteria: readonly { name: string }[] = DEFAULT_CRITERIA): PartnersFromCsv {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const reason = error instanceof CsvError ? error.message.replace(/^Invalid (Opening|Closing) Quote: /, "") : String(error);
    throw new CsvInputError(`not valid CSV: ${reason}`);
  }
  const records = parsed.filter((entry) => entry.record.some((cell) => cell !== ""));
  if (records.length === 0) throw new CsvInputError("the file is empty: put a header row first, then one partner a line");
  const header = records[0].record;
  const rows = records.slice(1).map((entry) => ({ cells: entry.record, line: entry.info.lines }));
  if (rows.length === 0) throw new CsvInputError("there is a header row but no partner below it");

  const known = criteria.map((c) => c.name);
  const columnOf = header.slice(1).map((title, i) => {
    if (title === "") throw new CsvInputError(`column ${i + 2} has no header: name a criterion (${known.join(", ")})`);
    const index = known.findIndex((name) => name.toUpperCase() === title.toUpperCase());
    if (index < 0) throw new CsvInputError(`column "${title}" is not a criterion: use ${known.join(", ")} (any case)`);
    return index;
  });
  const duplicate = columnOf.findIndex((c, i) => columnOf.indexOf(c) !== i);
  if (duplicate >= 0) throw new CsvInputError(`column "${header[duplicate + 1]}" appears twice`);

  const ratings = rows.map(({ cells: row, line }) => {
    if (row.length > header.length)
      throw new CsvInputError(`line ${line} has ${row.length} fields but the header has ${header.length}`);
    const given: (number | null)[] = criteria.map(() => null);
    columnOf.forEach((criterion, i) => {
      const cell = row[i + 1] ?? "";
      if (cell === "") return;
      if (!NUMBER.test(cell)) throw new CsvInputError(`line ${line}: "${cell}" under "${header[i + 1]}" is not a number`);
      given[criterion] = Number(cell);
    });
    return given;
  });
  return { partners: rows.map(({ cells }) => cells[0] ?? ""), ratings };
}
