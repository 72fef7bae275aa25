/**
 * A number as Excel shows it under a number-format code, through SheetJS's `ssf` (the same
 * format-code interpreter the engine's TEXT uses): dates (`yyyy-mm-dd`), currency (`"$"#,##0`),
 * percentages, literal suffixes, sections for negatives, and General. A code ssf cannot read falls
 * back to General: the grid only shows the value; the .xlsx keeps the real code.
 */
import { format as ssfFormat, is_date as ssfIsDate } from "ssf";

export function formatGeneral(value: number): string {
  return ssfFormat("General", value);
}

export function formatNumber(value: number, code: string | undefined): string {
  if (!code || code === "General") return formatGeneral(value);
  try {
    return ssfFormat(code, value);
  } catch {
    return formatGeneral(value);
  }
}

/** True for codes that show a serial number as a date or time (`yyyy-mm-dd`, `m/d/yyyy`, `h:mm`). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  try {
    return ssfIsDate(code);
  } catch {
    return false;
  }
}
