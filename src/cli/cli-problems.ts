import { CliInputError } from "./cli-files";

/**
 * The errors every `pe-calc new <model>` may raise besides CliInputError, apart from the models so
 * that new-command.ts can tell them apart without loading any model it is not running.
 */
export const MAX_LISTED_PROBLEMS = 20;

/** A file with several problems: one `file:line:column: message` line each. */
export class CliProblemList extends CliInputError {
  constructor(
    readonly file: string,
    readonly lines: string[],
  ) {
    super(`${file}: ${lines.length} problem${lines.length === 1 ? "" : "s"}`);
    this.name = "CliProblemList";
  }
}

/** A flag's value that cannot be used: a usage error (exit 2). */
export class FlagValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FlagValueError";
  }
}
