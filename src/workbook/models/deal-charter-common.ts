/**
 * What the deal-model and charter inputs share: reading and checking an input into errors and
 * warnings, turning zod's issues into field messages a user can act on (naming the field and the
 * value found), the saved-input JSON format, and the number and date wording both use.
 */
import { z } from "zod";
import type { FieldIssue } from "./qualification-input";

export type { FieldIssue };

export type Report = (path: string, message: string) => void;

export type InputValidation<T> =
  { ok: true; input: T; warnings: FieldIssue[] } | { ok: false; errors: FieldIssue[]; warnings: FieldIssue[] };

/**
 * Reads `raw` with `schema` (a shape problem is an error naming its field), then lets `check` report
 * the rules the read input breaks: any error makes it not ok, warnings go along either way.
 */
export function validateInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  check: (input: z.output<S>, error: Report, warn: Report) => void,
): InputValidation<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: issuesFromZod(parsed.error, raw), warnings: [] };
  const input = parsed.data;
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  check(
    input,
    (path, message) => void errors.push({ path, message }),
    (path, message) => void warnings.push({ path, message }),
  );
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, input, warnings };
}

/**
 * The fields a saved input carries besides the answers: which wizard wrote it and in which version
 * (optional, but when present they must match), and the wizard's own state, which the model ignores.
 */
export function savedInputFields<W extends string, V extends number>(wizard: W, version: V) {
  return {
    wizard: z.literal(wizard).optional(),
    version: z.literal(version).optional(),
    ui: z.unknown().optional(),
  };
}

/**
 * A wizard's input as saved in the workbook and read by `pe-calc new … --from`: one JSON format,
 * led by which wizard wrote it and in which version, with the wizard's own "ui" state last.
 */
export function serializeWizardInput(input: { ui?: unknown }, wizard: string, version: number): string {
  const { wizard: _wizard, version: _version, ui, ...rest } = input as { wizard?: unknown; version?: unknown; ui?: unknown };
  return JSON.stringify({ wizard, version, ...rest, ...(ui === undefined ? {} : { ui }) }, null, 2);
}

/**
 * Saved inputs back as an input, or null when the JSON is not `wizard`'s or does not have the
 * schema's shape. Values are not checked: a draft saved with a slip comes back for the wizard to flag.
 */
export function restoreWizardInput<S extends z.ZodType>(
  json: string | null | undefined,
  wizard: string,
  schema: S,
): z.output<S> | null {
  if (!json) return null;
  try {
    const saved = JSON.parse(json) as { wizard?: unknown };
    if (saved?.wizard !== wizard) return null;
    const parsed = schema.safeParse(saved);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The raw value at a zod path, to quote it back to the user. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return `the text "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

const EXPECTED: Record<string, string> = {
  number: "a number",
  string: "a text in double quotes",
  boolean: "true or false",
  array: "a list in [ ]",
  object: "an object in { }",
};

/** One FieldIssue per zod issue, path dotted ("revenue.1"), message saying what was expected and what was found. */
export function issuesFromZod(error: z.ZodError, raw: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".") || "input";
    const found = describeValue(valueAt(raw, issue.path));
    switch (issue.code) {
      case "invalid_type":
        // Only a rate is a fraction: "write 30% as 0.3" is no advice for a revenue or a year.
        return {
          path,
          message: `expected ${EXPECTED[issue.expected] ?? issue.expected}${issue.expected === "number" && /rate|share|percent|discount|margin/i.test(path) ? " (write 30% as 0.3)" : ""}, found ${found}`,
        };
      case "unrecognized_keys":
        return {
          path: issue.keys.length === 1 && path === "input" ? issue.keys[0] : path,
          message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k.length > 40 ? `${k.slice(0, 37)}...` : k}"`).join(", ")}: check the spelling (field names are case-sensitive)`,
        };
      case "invalid_value":
        return { path, message: `found ${found}; use ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}` };
      case "invalid_union": {
        // A discriminated union names its options; zod's issue type does not declare them.
        const options = (issue as { options?: unknown }).options;
        if (Array.isArray(options))
          return { path, message: `found ${found}; use ${options.map((v) => JSON.stringify(v)).join(" or ")}` };
        return { path, message: issue.message };
      }
      default:
        return { path, message: issue.message };
    }
  });
}

/** 1.5 → "150%", 0.125 → "12.5%". */
export function percentText(rate: number): string {
  if (!Number.isFinite(rate)) return String(rate);
  return `${+(rate * 100).toPrecision(12)}%`;
}

/** 1234567.5 → "1,234,567.5". */
export function amountText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/** Checks a fraction from 0 to 1 and says, in percent, what was typed and what to type. */
export function checkRate(value: number, path: string, what: string, error: Report): void {
  if (value >= 0 && value <= 1) return;
  // 30 was meant as 30%; 1.5 is more likely a slip for 150% than for 1.5%, so no hint there.
  const hint = value >= 2 && value <= 100 ? ` (write ${percentText(value / 100)} as ${value / 100})` : "";
  error(path, `${what} is ${percentText(value)}: enter a rate from 0% to 100%${hint}`);
}

export function checkAmount(value: number, path: string, what: string, error: Report, blankHint = ""): void {
  if (value >= 0) return;
  error(path, `${what} is ${amountText(value)}: enter 0 or more${blankHint}`);
}

export function checkWhole(
  value: number,
  path: string,
  what: string,
  min: number,
  max: number,
  unit: string,
  error: Report,
): void {
  if (Number.isInteger(value) && value >= min && value <= max) return;
  error(path, `${what} is ${amountText(value)}: enter a whole number of ${unit} from ${min} to ${amountText(max)}`);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** "2025-03-01" → its Excel date serial (days since 1899-12-30), or null when not a real ISO date. */
export function isoDateToSerial(text: string): number | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  // From 1901 on, serials agree with Excel, whose calendar wrongly has a 29 February 1900.
  if (year < 1901 || year > 9999) return null;
  return Math.round((time - EXCEL_EPOCH_UTC) / DAY_MS);
}
