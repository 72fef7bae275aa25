/** The pe-calc command (bundled into dist/node/pe-calc.cjs and started by bin/pe-calc.js). */
import { reportInternalError, takeDebugFlag } from "./guard";
import { processIo } from "./io";
import { runCli } from "./run-cli";

const { argv, debug } = takeDebugFlag(process.argv.slice(2));
const writeError = (text: string): void => void process.stderr.write(text);

// Errors outside the command's promise (a stream, a timer) end the same way: one line, status 70.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (caught: unknown) => {
    process.exitCode = reportInternalError(caught, debug, writeError);
    process.exit();
  });
}

runCli(argv, processIo()).then(
  (status) => {
    process.exitCode = status;
  },
  (caught: unknown) => {
    process.exitCode = reportInternalError(caught, debug, writeError);
  },
);
