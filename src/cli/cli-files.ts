import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

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

export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EISDIR":
      return "it is a folder, not a file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new CliInputError(`cannot read ${path}: ${fileProblem(error)}`);
  }
}

/** Writes through a temporary file in the same folder, so a failed write never leaves half a file. */
export function writeFileSafely(path: string, data: Buffer): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliInputError(`cannot write ${path}: ${fileProblem(error)}`);
  }
}

/** Options of the form `--name value`, `--name=value` or `-o value`; everything else is positional. */
export function parseOptions(
  args: string[],
  valued: Record<string, string>,
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
    const name = valued[flag];
    if (!name) return { usageError: `unknown option ${flag}` };
    const value = inline ?? args[++i];
    if (value === undefined || value === "") return { usageError: `${flag} needs a value` };
    if (name in options) return { usageError: `${flag} is given twice` };
    options[name] = value;
  }
  return { options, positional };
}
