/**
 * The one error type of the domain. Core functions return it (never throw it to a host); the
 * Excel wrappers turn it into `CustomFunctions.Error`, the engine into a HyperFormula `CellError`,
 * and the CLI prints `code message`.
 */
export type ErrorCode = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!";

export const ERROR_CODES: readonly ErrorCode[] = ["#VALUE!", "#NUM!", "#N/A", "#DIV/0!"];

export class ExcelError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ExcelError";
  }

  override toString(): string {
    return `${this.code} ${this.message}`;
  }
}

export function isExcelError(value: unknown): value is ExcelError {
  return value instanceof ExcelError;
}

/** Stops a computation with an Excel error; `guarded` turns it back into a returned value. */
export function fail(code: ErrorCode, message: string): never {
  throw new ExcelError(code, message);
}

export const INTERNAL_ERROR_PREFIX = "internal error";

/**
 * Runs a computation that may `fail`, returning its error instead of throwing. Anything else
 * thrown is a bug of ours: it still becomes an error value (a host must never crash), but with a
 * message that says so, and property tests assert it never happens.
 */
export function guarded<T>(compute: () => T): T | ExcelError {
  try {
    return compute();
  } catch (caught) {
    return asErrorValue(caught);
  }
}

/** What `guarded` returns for something thrown: the ExcelError itself, or an internal error naming it. */
export function asErrorValue(caught: unknown): ExcelError {
  if (caught instanceof ExcelError) return caught;
  const detail = caught instanceof Error ? caught.message : String(caught);
  return new ExcelError("#VALUE!", `${INTERNAL_ERROR_PREFIX}: ${detail} (please report this)`);
}
