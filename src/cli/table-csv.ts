import type { HyperFormula } from "hyperformula";
import { parseRange } from "../workbook/a1";
import type { SheetPlan } from "../workbook/plan";
import { rangeContains } from "../workbook/a1";
import { csvField } from "../workbook/sheet-csv";

/**
 * A planned table's computed values as CSV (RFC 4180: CRLF line ends, fields quoted when needed),
 * header row first. Columns the plan formats as dates print as YYYY-MM-DD, so the output reads as
 * the sheet does; text a spreadsheet would run as a formula gets a leading ' (sheet-csv.ts), as
 * every --csv output does.
 */
export function tableAsCsv(hf: HyperFormula, engineSheet: string, planned: SheetPlan, tableName: string): string {
  const table = planned.tables?.find((t) => t.name === tableName);
  const id = hf.getSheetId(engineSheet);
  if (!table || id === undefined) throw new Error(`no table ${tableName} on ${engineSheet}`);
  const range = parseRange(table.range);
  const dateColumns = new Set<number>();
  for (const format of planned.numberFormats ?? []) {
    if (!/y{2,4}-m{1,2}-d{1,2}/i.test(format.format)) continue;
    const formatted = parseRange(format.range);
    for (let col = formatted.start.col; col <= formatted.end.col; col++) {
      const column = { start: { row: range.start.row + 1, col }, end: { row: range.start.row + 1, col } };
      if (rangeContains(formatted, column)) dateColumns.add(col - range.start.col);
    }
  }
  const values = hf.getRangeValues({
    start: { sheet: id, row: range.start.row, col: range.start.col },
    end: { sheet: id, row: range.end.row, col: range.end.col },
  });
  return values
    .map((row, r) => row.map((value, c) => csvField(r > 0 && dateColumns.has(c) ? isoDate(value) : value)).join(",") + "\r\n")
    .join("");
}

function isoDate(value: unknown): unknown {
  if (typeof value !== "number" || value < 61) return value;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000).toISOString().slice(0, 10);
}
