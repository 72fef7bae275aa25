import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CliIo } from "../../src/cli/io";
import { runCli } from "../../src/cli/run-cli";

/**
 * How the CLI tests drive pe-calc: in process through `runCli` for the details (`peCalcInProcess`),
 * or as the real command, `node bin/pe-calc.js`, as a user would (`peCalc`, after `ensureCliBuilt`),
 * with a scratch folder for the files they read and write.
 *
 * The bundle is rebuilt first only when it is missing or older than its sources; a lock directory
 * keeps parallel test files from building at the same time.
 */
export const ROOT = resolve(__dirname, "../..");
const BUNDLE = join(ROOT, "dist/node/pe-calc.cjs");
const METADATA = join(ROOT, "generated/functions.json");
const LOCK = join(ROOT, "dist/.pe-calc-build.lock");

function newestModification(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((entry) => newestModification(join(path, entry))));
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -Infinity;
  }
}

function sleep(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

function withLock(action: () => void): void {
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (attempt > 600) throw new Error(`could not take ${LOCK}; remove it if no build is running`);
      sleep(100);
    }
  }
  try {
    action();
  } finally {
    rmdirSync(LOCK);
  }
}

export function ensureCliBuilt(): void {
  withLock(() => {
    const run = (script: string) => execFileSync(process.execPath, [join(ROOT, script)], { cwd: ROOT, stdio: "pipe" });
    if (modifiedAt(METADATA) < modifiedAt(join(ROOT, "src/functions/functions.ts"))) run("scripts/build-metadata.mjs");
    const sources = Math.max(
      newestModification(join(ROOT, "src")),
      modifiedAt(METADATA),
      modifiedAt(join(ROOT, "scripts/build-node.mjs")),
    );
    if (modifiedAt(BUNDLE) < sources) run("scripts/build-node.mjs");
  });
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function peCalc(args: string[], input?: string): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, "bin/pe-calc.js"), ...args], {
    cwd: ROOT,
    input: input ?? "",
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** pe-calc run in this process, without the built bundle: exit status and what it printed. */
export async function peCalcInProcess(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    readStdin: async () => "",
    stdinIsTerminal: false,
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}

export interface ScratchFolder {
  /** A path inside the folder. */
  path(...parts: string[]): string;
  /** The path of `name` in the folder, written first when content is given: text as it is, anything else as JSON. */
  file(name: string, content?: unknown): string;
}

/** A temporary folder for one test file: made before its tests run, removed after them. */
export function scratchFolder(prefix: string): ScratchFolder {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = (...parts: string[]): string => join(dir, ...parts);
  return {
    path,
    file(name, content) {
      const target = path(name);
      if (content !== undefined) writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content));
      return target;
    },
  };
}

export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}
