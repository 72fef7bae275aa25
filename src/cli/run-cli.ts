import { COMMANDS, findCommand } from "./commands";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes";
import { commandHelp, mainHelp, shortUsage } from "./help";
import type { CliIo } from "./io";

/** pe-calc's dispatcher: `pe-calc <command> [arguments]`; returns the exit status. */
const HELP_FLAGS = new Set(["-h", "--help", "help"]);

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(shortUsage());
    return EXIT_USAGE;
  }
  if (HELP_FLAGS.has(name)) {
    io.out(mainHelp());
    return EXIT_OK;
  }
  const command = findCommand(name);
  if (!command) {
    const known = COMMANDS.map((entry) => entry.name).join(", ");
    io.err(`pe-calc: unknown command "${name}": use ${known} (pe-calc --help lists them)\n`);
    return EXIT_USAGE;
  }
  if (args[0] === "-h" || args[0] === "--help") {
    io.out(commandHelp(command));
    return EXIT_OK;
  }
  const run = await command.load();
  return run(args, io);
}
