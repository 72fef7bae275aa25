import { CliInputError, maxInputBytes } from "./cli-files";

/**
 * What a subcommand may touch of the outside world, so that commands run the same under tests and
 * as a process: output, error output and standard input.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  /** True when standard input is a terminal (a user typing), not a pipe or a file. */
  stdinIsTerminal: boolean;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  const limit = maxInputBytes();
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > limit)
      throw new CliInputError(
        `standard input is above the ${limit / 1048576} MB input limit (raise it with PE_CALC_MAX_INPUT_MB)`,
      );
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    stdinIsTerminal: process.stdin.isTTY === true,
  };
}
