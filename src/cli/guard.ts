/**
 * The last line of defence: whatever a command did not foresee ends as one line,
 * `pe-calc: internal error in <step>: <message> (please report)`, and exit status 70 (EX_SOFTWARE),
 * never a stack trace unless `--debug` is given. Commands name what they are doing with `step()`.
 */
import { EXIT_INTERNAL_ERROR } from "./exit-codes";
import { quoteInput } from "./messages";

let currentStep = "starting";

/**
 * Names what the command is doing now, for an internal error's message ("reading book.xlsx").
 * With PE_CALC_TIMING=1 each step and the exit are also printed to standard error with the
 * milliseconds since the process started: where a run spends its time, without a profiler.
 */
export function step(name: string): void {
  if (process.env.PE_CALC_TIMING === "1") process.stderr.write(`${performance.now().toFixed(0)} ms: ${name}\n`);
  currentStep = name;
}
if (process.env.PE_CALC_TIMING === "1")
  process.on("exit", () => process.stderr.write(`${performance.now().toFixed(0)} ms: exit\n`));

export function currentStepName(): string {
  return currentStep;
}

export function internalErrorLine(caught: unknown): string {
  const raw = caught instanceof Error ? caught.message : String(caught);
  const message =
    caught instanceof RangeError && /call stack/i.test(raw)
      ? "the input is nested too deeply to process"
      : caught instanceof RangeError && /Invalid (string|array) length|Array buffer allocation/i.test(raw)
        ? "the input is too large to process"
        : raw;
  return `pe-calc: internal error in ${currentStep}: ${quoteInput(message, 160)} (please report)`;
}

/** `--debug` anywhere before `--` turns on stack traces; it is removed from the arguments. */
export function takeDebugFlag(argv: readonly string[]): { argv: string[]; debug: boolean } {
  const end = argv.indexOf("--");
  const head = end < 0 ? [...argv] : argv.slice(0, end);
  const debug = head.includes("--debug");
  return { argv: debug ? [...head.filter((a) => a !== "--debug"), ...(end < 0 ? [] : argv.slice(end))] : [...argv], debug };
}

/** Reports an unexpected failure and sets the exit status; the stack only with --debug. */
export function reportInternalError(caught: unknown, debug: boolean, write: (text: string) => void): number {
  write(`${internalErrorLine(caught)}\n`);
  if (debug && caught instanceof Error && caught.stack) write(`${caught.stack}\n`);
  return EXIT_INTERNAL_ERROR;
}
