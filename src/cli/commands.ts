import type { CliIo } from "./io";

/**
 * The subcommands. Each one lives in its own module, loaded only when it runs, so that
 * `pe-calc --help` does not load the engine and each command pays only for what it uses.
 */
export type CommandRun = (args: string[], io: CliIo) => Promise<number>;

export interface CommandEntry {
  name: string;
  /** Usage lines, each `[arguments, what it does]`, shown by `pe-calc --help` and `pe-calc <name> --help`. */
  usage: Array<[string, string]>;
  /** Extra paragraphs for `pe-calc <name> --help`. */
  details: string[];
  /** Whether `pe-calc <name> --help` lists the PE functions. */
  listsFunctions: boolean;
  load: () => Promise<CommandRun>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "eval",
    usage: [
      ['"<formula>"', "print the result of one formula (the leading = is optional)"],
      ["", "read formulas from standard input, one a line, and print one result a line"],
    ],
    details: [
      "A formula may mix PE functions with Excel built-ins, e.g. =SUM(PE.REVSHARE_TIERED({100000,200000},{0,50000},{0.1,0.2})). " +
        "Cell references refer to an empty sheet.",
      "Output: a number as JavaScript prints it; text as is; TRUE or FALSE; an error as its code and message " +
        "(#NUM! rate 30 is above 1: write 30% or 0.3); an array as an Excel array constant ({30000,24000;1,2}). " +
        "An empty input line gives an empty output line.",
      "Exit status: 0 when every formula was evaluated (an Excel error is a result); 1 when a formula does not parse " +
        "(reported on standard error with its line; the other lines are still printed); 2 for a usage error.",
    ],
    listsFunctions: true,
    load: async () => (await import("./eval-command")).runEval,
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((command) => command.name === name);
}
