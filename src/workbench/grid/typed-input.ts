/**
 * What a user typed into a cell, read the way Excel (en-US) reads typing, given the cell's
 * number format:
 * - `=…` is a formula; `+A1`/`-A1` become `=+A1`/`=-A1` as in Excel; a leading `'` means text;
 * - in a Text-formatted cell (`@`) everything stays text, formulas included;
 * - numbers may carry thousands separators (`500,000`), a currency sign (`$1,200`), a percent sign
 *   (`30%` is 0.3), parentheses for negatives (`(1,200)`) and an exponent;
 * - `TRUE`/`FALSE` (any case) are booleans;
 * - dates `2026-03-15`, `2026/3/15`, `3/15/2026`, `3/15/26` and `15-Mar-2026` become Excel date
 *   serials (days since 1899-12-30);
 * - in a Percentage-formatted cell a plain number is a percentage: `30` is 30% (0.3) and `.3` is
 *   30%, but `0.3` is 0.3% — Excel's "automatic percent entry" rule (Microsoft KB 215203).
 * When the cell has no format of its own (General), Excel gives it the format the typing implies
 * (`30%` → `0%`, `$1,200` → `"$"#,##0`, `500,000` → `#,##0`, a date → `m/d/yyyy`); `format` says so.
 */
import { isDateFormat } from "./number-format";

export type TypedValue =
  | { kind: "blank" }
  | { kind: "formula"; formula: string }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; format?: string }
  | { kind: "boolean"; value: boolean };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
// Thousands groups must be exactly three digits after the first: "1,2" stays text, as in Excel.
const NUMBER = /^([+-]?)(\$?)([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?(%?)$/;

function isPercentFormat(code: string | undefined): boolean {
  return !!code && /%/.test(code.replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

/** Days since Excel's epoch for a real calendar date, or undefined (31 February, month 13). */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return Math.round((time - EXCEL_EPOCH_MS) / DAY_MS);
}

function twoDigitYear(year: string): number {
  const n = Number(year);
  // Excel's default cut-off: 00–29 are 2000–2029, 30–99 are 1930–1999.
  return year.length === 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function parseDate(text: string): number | undefined {
  let match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (match) return dateSerial(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (match) return dateSerial(twoDigitYear(match[3]), Number(match[1]), Number(match[2]));
  match = /^(\d{1,2})[- ]([A-Za-z]{3})[A-Za-z]*[- ](\d{2}|\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[2].toLowerCase()) + 1;
    return month === 0 ? undefined : dateSerial(twoDigitYear(match[3]), month, Number(match[1]));
  }
  return undefined;
}

function parseNumber(
  raw: string,
): { value: number; currency: boolean; percent: boolean; grouped: boolean; decimals: number } | undefined {
  let text = raw.trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const [, sign1, currency, sign2, whole, fraction, exponent, percent] = match;
  if (whole === undefined && (fraction === undefined || fraction === "")) return undefined;
  if (sign1 && sign2) return undefined;
  if (negative && (sign1 || sign2)) return undefined;
  const digits = `${(whole ?? "0").replace(/,/g, "")}.${fraction ?? ""}${exponent !== undefined ? `e${exponent}` : ""}`;
  let value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  if (sign1 === "-" || sign2 === "-" || negative) value = -value;
  if (percent) value /= 100;
  return {
    value,
    currency: currency === "$",
    percent: percent === "%",
    grouped: (whole ?? "").includes(","),
    decimals: (fraction ?? "").length,
  };
}

function impliedFormat(n: NonNullable<ReturnType<typeof parseNumber>>): string | undefined {
  const decimals = n.decimals > 0 ? `.${"0".repeat(Math.min(n.decimals, 2))}` : "";
  if (n.percent) return `0${n.decimals > 0 ? ".00" : ""}%`;
  if (n.currency) return `"$"#,##0${decimals}`;
  if (n.grouped) return `#,##0${decimals}`;
  return undefined;
}

export function parseTyped(typed: string, cellFormat?: string): TypedValue {
  if (typed === "") return { kind: "blank" };
  if (typed.startsWith("'")) return { kind: "text", text: typed.slice(1) };
  if (cellFormat === "@") return { kind: "text", text: typed };
  if (typed.startsWith("=") && typed.length > 1) return { kind: "formula", formula: typed };
  const trimmed = typed.trim();
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "boolean", value: upper === "TRUE" };

  const general = !cellFormat || cellFormat === "General";
  const date = parseDate(trimmed);
  if (date !== undefined)
    return { kind: "number", value: date, format: general || !isDateFormat(cellFormat) ? "m/d/yyyy" : undefined };

  const number = parseNumber(trimmed);
  if (number) {
    if (!number.percent && isPercentFormat(cellFormat)) {
      // KB 215203: a number typed without a leading zero below 1 (".3") is already a fraction.
      const bareFraction = /^[+-]?\.\d/.test(trimmed);
      return { kind: "number", value: bareFraction ? number.value : number.value / 100 };
    }
    return { kind: "number", value: number.value, format: general ? impliedFormat(number) : undefined };
  }
  if (/^[+-]./.test(trimmed)) return { kind: "formula", formula: `=${trimmed}` };
  return { kind: "text", text: typed };
}
