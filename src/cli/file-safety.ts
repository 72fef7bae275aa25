/**
 * How every pe-calc command writes a file, so that no run loses a user's data:
 *
 * - paths are compared as the files they are (symlinks resolved, `./x` and `/abs/x` alike), so an
 *   output is never one of the command's inputs, whatever its spelling;
 * - an existing output is replaced only with `--force` (`-f`); a deliberate in-place rewrite
 *   (`pe-calc recalc book.xlsx`) says so with `inPlace`;
 * - the data goes to a temporary file in the target's own folder (same file system, so the rename
 *   is atomic), with the original's permission bits, flushed to disk, then renamed over the
 *   target: a crash or `kill -9` leaves the old file or the new one, never half of one;
 * - a symlink is written through: its real target gets the new content, the link stays a link;
 * - hard links: the rename gives the written name a new inode, so other names of the old file keep
 *   the old content (what Excel's own save-via-temporary-file does too);
 * - temporaries are removed on SIGINT/SIGTERM, and ones left by a killed run (their process is
 *   gone) are removed by the next write into the same folder.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export class FileSafetyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileSafetyError";
  }
}

/** The path of the file itself: symlinks resolved; for a file not there yet, its folder's real path. */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    // A dangling symlink names where it would write: follow it by hand.
    try {
      if (lstatSync(absolute).isSymbolicLink()) return absolute;
    } catch {
      // not there at all
    }
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

export function samePath(a: string, b: string): boolean {
  return realPathOf(a) === realPathOf(b);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export interface OutputCheck {
  /** The file to write. */
  output: string;
  /** Files the command reads; the output may be none of them. */
  inputs: readonly string[];
  /** Replace an existing output (`--force`). */
  force: boolean;
  /** The output is knowingly the input itself (an in-place rewrite such as `recalc book.xlsx`). */
  inPlace?: boolean;
}

/**
 * Throws a one-line FileSafetyError when writing `output` would overwrite an input or an existing
 * file without --force; returns whether the output is the (first) input itself.
 */
export function checkOutput({ output, inputs, force, inPlace = false }: OutputCheck): { sameAsInput: boolean } {
  const target = realPathOf(output);
  const input = inputs.find((candidate) => realPathOf(candidate) === target);
  if (input !== undefined && !inPlace) {
    throw new FileSafetyError(
      `${output} is the input file ${input}: refusing to write over an input; choose another output file`,
    );
  }
  if (input === undefined && !force && exists(output)) {
    throw new FileSafetyError(`${output} already exists: choose another output file, or add --force (-f) to replace it`);
  }
  return { sameAsInput: input !== undefined };
}

// ---- temporaries ----------------------------------------------------------------------------

const TEMP_MARK = ".pe-calc-";
const pending = new Set<string>();
let handlersInstalled = false;

function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

const TEMP_PATTERN = /^\..*\.pe-calc-(\d+)-[0-9a-f]{8}\.tmp$/;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporaries that a killed pe-calc run left in `folder` (their process is gone). */
export function removeStaleTemporaries(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_PATTERN.exec(name);
    if (!match || processAlive(Number(match[1]))) continue;
    try {
      rmSync(join(folder, name), { force: true });
      removed.push(name);
    } catch {
      // not ours to fight over: leave it
    }
  }
  return removed;
}

function removePending(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, status] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      removePending();
      process.exit(status);
    });
  }
  process.on("exit", removePending);
}

/** A failed file operation's reason in words, by its error code (`reasons`), else the system's message. */
export function errnoReason(error: unknown, reasons: Readonly<Record<string, string>>): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return (
    (code !== undefined && Object.hasOwn(reasons, code) ? reasons[code] : undefined) ??
    (error instanceof Error ? error.message : String(error))
  );
}

const READ_ONLY = "permission denied (the folder or the file is read-only)";
const WRITE_REASONS = {
  ENOENT: "its folder does not exist",
  ENOTDIR: "its folder does not exist",
  EACCES: READ_ONLY,
  EPERM: READ_ONLY,
  EROFS: READ_ONLY,
  ENOSPC: "the disk is full",
  EISDIR: "it is a folder",
};

function describeWriteError(error: unknown): string {
  return errnoReason(error, WRITE_REASONS);
}

/**
 * Writes `data` to `path` atomically (see the module comment). Through a symlink, the real target is
 * written. An existing file keeps its permission bits; a read-only one is refused, as Excel does.
 */
export function writeFileAtomically(path: string, data: Uint8Array): void {
  const target = exists(path) ? realPathOf(path) : resolve(path);
  installSignalHandlers();
  removeStaleTemporaries(dirname(target));
  let mode: number | undefined; // a new file: 0o666 less the umask, as for any new file
  try {
    const stats = statSync(target);
    if (stats.isDirectory()) throw new FileSafetyError(`cannot write ${path}: it is a folder`);
    mode = stats.mode & 0o7777;
    if ((mode & 0o222) === 0) throw new FileSafetyError(`cannot write ${path}: the file is read-only`);
  } catch (error) {
    if (error instanceof FileSafetyError) throw error;
  }
  const temporary = temporaryName(target);
  pending.add(temporary);
  try {
    const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o666);
    try {
      if (mode !== undefined) fchmodSync(fd, mode); // the umask must not loosen or tighten the original's bits
      let offset = 0;
      while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new FileSafetyError(`cannot write ${path}: ${describeWriteError(error)}`);
  } finally {
    pending.delete(temporary);
  }
}
