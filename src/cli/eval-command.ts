import { FormulaEvaluator, FormulaSyntaxError } from "../engine/evaluate";
import { formulaLimitProblem } from "../core/formula-limits";
import { formatResult } from "../engine/format-result";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import { CliInputError } from "./cli-files";
import { step } from "./guard";
import type { CliIo } from "./io";
import { quoteInput } from "./messages";

/**
 * `pe-calc eval "<formula>"...` prints each formula's result; `pe-calc eval` (or `eval -`) reads
 * formulas from standard input, one a line, and prints one result a line, in order, so outputs
 * line up with inputs: an empty line or an unparsable formula gives an empty output line, and the
 * latter a message on standard error naming its line.
 */
interface FormulaInput {
  text: string;
  /** "line 3" or "argument 2": how a message points at this formula. */
  where: string;
}

function parseArguments(args: string[]): { formulas: string[] | "stdin" } | { usageError: string } {
  const formulas: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && arg === "--") optionsEnded = true;
    else if (!optionsEnded && arg.startsWith("--")) return { usageError: `unknown option ${arg} (pe-calc eval --help)` };
    else formulas.push(arg);
  }
  if (formulas.length === 0 || (formulas.length === 1 && formulas[0] === "-" && !optionsEnded)) return { formulas: "stdin" };
  return { formulas };
}

/** Lines of standard input; a final newline does not make an extra empty line. */
function splitLines(input: string): string[] {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

async function readInputs(args: string[], io: CliIo): Promise<FormulaInput[] | { usageError: string }> {
  const parsed = parseArguments(args);
  if ("usageError" in parsed) return parsed;
  if (parsed.formulas !== "stdin") {
    const several = parsed.formulas.length > 1;
    return parsed.formulas.map((text, index) => ({ text, where: several ? `argument ${index + 1}` : "" }));
  }
  if (io.stdinIsTerminal) io.err("pe-calc eval: type formulas, one a line; end with Ctrl-D\n");
  return splitLines(await io.readStdin()).map((text, index) => ({ text, where: `line ${index + 1}` }));
}

export async function runEval(args: string[], io: CliIo): Promise<number> {
  let inputs: Awaited<ReturnType<typeof readInputs>>;
  try {
    inputs = await readInputs(args, io);
  } catch (error) {
    if (!(error instanceof CliInputError)) throw error;
    io.err(`pe-calc eval: ${error.message}\n`);
    return EXIT_INPUT_ERROR;
  }
  if ("usageError" in inputs) {
    io.err(`pe-calc eval: ${inputs.usageError}\n`);
    return EXIT_USAGE;
  }
  step("starting the engine");
  const evaluator = new FormulaEvaluator();
  const output: string[] = [];
  const problems: string[] = [];
  for (const input of inputs) {
    if (input.text.trim() === "") {
      output.push("");
      continue;
    }
    const prefix = input.where ? `${input.where}: ` : "";
    // Excel's length and nesting limits first: a formula beyond them would overflow the engine's stack.
    const limit = formulaLimitProblem(input.text.trim());
    if (limit) {
      problems.push(`pe-calc eval: ${prefix}cannot evaluate ${quoteInput(input.text.trim())}: ${limit}`);
      if (inputs.length > 1) output.push("");
      continue;
    }
    step(`evaluating ${input.where || "the formula"}`);
    try {
      output.push(formatResult(evaluator.evaluate(input.text)));
    } catch (caught) {
      if (caught instanceof FormulaSyntaxError)
        problems.push(`pe-calc eval: ${prefix}cannot parse ${quoteInput(caught.formula)}: ${caught.reason}`);
      else
        problems.push(
          `pe-calc eval: ${prefix}internal error on ${quoteInput(input.text.trim())}: ${quoteInput(caught instanceof Error ? caught.message : String(caught), 160)} (please report)`,
        );
      if (inputs.length > 1) output.push("");
    }
  }
  if (output.length > 0) io.out(`${output.join("\n")}\n`);
  if (problems.length > 0) io.err(`${problems.join("\n")}\n`);
  return problems.length > 0 ? EXIT_INPUT_ERROR : EXIT_OK;
}
