/**
 * Why SQL could not be generated: a plan value or a name that cannot go into SQL as asked. The
 * message says what to fix; `field` names the option or plan field it came from ("--partner",
 * "tiers.1.rate").
 */
export class SqlInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "SqlInputError";
  }
}
