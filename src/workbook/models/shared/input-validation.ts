/**
 * Checking a model's input, the same way for every model: read it with its zod schema (a shape
 * problem becomes a message naming the field and the value found), then let the model report the
 * rules the input breaks as errors and warnings, each on a dotted field path the wizard shows
 * beside its field ("criteria.1.weight", "revenue.2").
 */
import type { z } from "zod";

/** A message about one field of an input: `path` is dotted, e.g. "tiers.0.label". */
export interface FieldIssue {
  path: string;
  message: string;
}

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
  readIssues: (error: z.ZodError, raw: unknown) => FieldIssue[] = issuesFromZod,
): InputValidation<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: readIssues(parsed.error, raw), warnings: [] };
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
  number: "a number (write 30% as 0.3)",
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
        return { path, message: `expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${found}` };
      case "unrecognized_keys":
        return {
          path: issue.keys.length === 1 && path === "input" ? issue.keys[0] : path,
          message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}: check the spelling (field names are case-sensitive)`,
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

/** A model's input breaks its rules, so no plan was built: `errors` names each field and what to fix. */
export class ModelInputError extends Error {
  constructor(
    model: string,
    readonly errors: FieldIssue[],
  ) {
    super(`the ${model} cannot be built: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
    this.name = "ModelInputError";
  }
}

/** A model's own input error class ("DealInputError"), so callers can tell the models apart. */
export function modelInputErrorClass(model: string, name: string) {
  return class extends ModelInputError {
    constructor(errors: FieldIssue[]) {
      super(model, errors);
      this.name = name;
    }
  };
}
