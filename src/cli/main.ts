/** The pe-calc command (bundled into dist/node/pe-calc.cjs and started by bin/pe-calc.js). */
import { EXIT_INPUT_ERROR } from "./exit-codes";
import { processIo } from "./io";
import { runCli } from "./run-cli";

runCli(process.argv.slice(2), processIo()).then(
  (status) => {
    process.exitCode = status;
  },
  (caught: unknown) => {
    process.stderr.write(`pe-calc: ${caught instanceof Error ? caught.message : String(caught)}\n`);
    process.exitCode = EXIT_INPUT_ERROR;
  },
);
