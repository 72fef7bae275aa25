import { readFileSync } from "node:fs";
import { quoteInput } from "./messages";
import { checkOutput, errnoReason, FileSafetyError, writeFileAtomically, type OutputCheck } from "./file-safety";

/**
 * File access for pe-calc's workbook commands, with failures turned into one readable reason
 * (the caller prefixes the command and the file).
 */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliInputError";
  }
}

const READ_REASONS = {
  ENOENT: "no such file or folder",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is not a folder",
};

export function fileProblem(error: unknown): string {
  return errnoReason(error, READ_REASONS);
}

/** Input files larger than this are refused before they are read (raise with PE_CALC_MAX_INPUT_MB). */
export function maxInputBytes(): number {
  const mb = Number(process.env.PE_CALC_MAX_INPUT_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 100) * 1024 * 1024;
}

export function readBytes(path: string): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new CliInputError(`cannot read ${path}: ${fileProblem(error)}`);
  }
  const limit = maxInputBytes();
  if (data.length > limit)
    throw new CliInputError(
      `${path} is ${(data.length / 1048576).toFixed(1)} MB, above the ${limit / 1048576} MB input limit (raise it with PE_CALC_MAX_INPUT_MB)`,
    );
  return data;
}

export function readText(path: string): string {
  return readBytes(path).toString("utf8");
}

/**
 * Writes `data` to `path` the safe way (src/cli/file-safety.ts: atomic, through symlinks, the
 * original's mode kept, temporaries cleaned up); a failure becomes a one-line CliInputError.
 */
export function writeFileSafely(path: string, data: Uint8Array): void {
  try {
    writeFileAtomically(path, data);
  } catch (error) {
    if (error instanceof FileSafetyError) throw new CliInputError(error.message);
    throw error;
  }
}

/** Refuses an output that is an input, or that exists without --force (see checkOutput). */
export function checkOutputFile(check: OutputCheck): { sameAsInput: boolean } {
  try {
    return checkOutput(check);
  } catch (error) {
    if (error instanceof FileSafetyError) throw new CliInputError(error.message);
    throw error;
  }
}

/** The flags every writing command accepts besides its valued options. */
export const FORCE_FLAGS: Record<string, string> = { "--force": "force", "-f": "force" };

/**
 * Options of the form `--name value`, `--name=value` or `-o value`, and switches without a value
 * (`flags`, e.g. `--force`: set to "true"); everything else is positional.
 */
export function parseOptions(
  args: string[],
  valued: Record<string, string>,
  flags: Record<string, string> = {},
): { options: Record<string, string>; positional: string[] } | { usageError: string } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    if (flags[flag] && inline === undefined) {
      options[flags[flag]] = "true";
      continue;
    }
    const name = valued[flag];
    if (!name) return { usageError: `unknown option ${quoteInput(flag)}` };
    const value = inline ?? args[++i];
    if (value === undefined || value === "") return { usageError: `${flag} needs a value` };
    if (name in options) return { usageError: `${flag} is given twice` };
    options[name] = value;
  }
  return { options, positional };
}
