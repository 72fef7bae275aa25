import JSZip from "jszip";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fittedExponent, median, type BenchOptions, type CaseResult } from "../harness";

declare const BENCH_PROJECT_ROOT: string;

/**
 * `pe-calc recalc` and `pe-calc new qualification` as users run them (a new Node process, the file
 * on disk) at 1,000 / 10,000 / 100,000 partners, against LibreOffice headless recalculating the
 * same matrix written in built-in formulas (the "twin": every PE call replaced by the built-in
 * arithmetic it stands for), full recalculation on load forced (OOXMLRecalcMode=0 in a fresh
 * profile; its stale cached values are cleared so a skipped recalculation cannot pass the check).
 * Every size checks that LibreOffice's values equal ours, cell by cell. Peak memory (max RSS of
 * the process tree, from GNU time) is reported in the note. Target: ratio ≤ 0.5 at every size and
 * a scaling exponent ≤ 1.1.
 *
 * `--sizes 1000,10000` picks the sizes. LibreOffice is stopped when it has taken 3× our slower
 * command at that size (at least 5 minutes; `--lo-timeout SECONDS` sets it): at 100,000 partners it
 * had not finished one recalculation after 38 minutes. The row then says "did not finish in N s",
 * and its ratio is ours / N, an upper bound of the real one. A size measured in one round (100,000)
 * times the run that writes the book as `new` and skips the warm-up runs, which would double its
 * minutes. Each row's note gives the minimum besides the median, and the machine's load average
 * (the benchmark machine may be shared). LibreOffice is installed (Debian's
 * libreoffice-calc-nogui) when missing and we may, as .ci/run does for Chromium.
 */
const DEFAULT_SIZES = [1_000, 10_000, 100_000];
const ROUNDS: Record<number, number> = { 1_000: 3, 10_000: 2, 100_000: 1 };
const TARGET_RATIO = 0.5;
const TARGET_EXPONENT = 1.1;
const FIRST_ROW = 11;
const CRITERIA = ["Strategic fit", "Market reach", "Capabilities", "Financial health", "Track record"];

export interface Run {
  ms: number;
  maxRssKb: number | null;
  /** User + system CPU time of the process tree (GNU time), in ms: what the run cost on a shared machine. */
  cpuMs: number | null;
  /** Stopped at its time limit (LibreOffice only). */
  timedOut?: boolean;
  /** What the command printed on standard output. */
  stdout: string;
}

/** LibreOffice's time limit at one size: 3× our slower command, at least 5 minutes. */
const LO_TIMEOUT_FACTOR = 3;
const LO_MIN_TIMEOUT_MS = 300_000;

function sizesFrom(argv: string[], options: BenchOptions): number[] {
  const at = argv.indexOf("--sizes");
  if (at >= 0)
    return argv[at + 1]
      .split(",")
      .map((s) => Number(s.replace(/_/g, "")))
      .filter((n) => Number.isInteger(n) && n > 0);
  return options.quick ? [1_000] : DEFAULT_SIZES;
}

function findSoffice(): string {
  for (const candidate of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"])
    if (existsSync(candidate)) return candidate;
  const which = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const aptGet = spawnSync("sh", ["-c", "command -v apt-get"], { encoding: "utf8" }).status === 0;
  if (!root || !aptGet)
    throw new Error(
      "LibreOffice (soffice) is needed for the xlsx-files bench: install libreoffice-calc-nogui, or run as root with apt-get",
    );
  console.log("  installing Debian's libreoffice-calc-nogui for the xlsx-files bench");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "libreoffice-calc-nogui"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed`);
  }
  return findSoffice();
}

/**
 * Runs a command, timed, with its peak memory from GNU time when that is installed. With
 * `timeoutMs`, GNU timeout stops the command's whole process group at the limit (LibreOffice
 * starts soffice.bin below its launcher script) and the run says it timed out.
 */
export function timedRun(command: string, args: string[], cwd: string, timeoutMs?: number): Run {
  const rssFile = join(cwd, `.rss-${process.pid}`);
  const gnuTime = existsSync("/usr/bin/time");
  const limited: [string, string[]] =
    timeoutMs === undefined
      ? [command, args]
      : ["timeout", ["--kill-after=10", `${Math.ceil(timeoutMs / 1000)}`, command, ...args]];
  const [program, programArgs] = gnuTime ? ["/usr/bin/time", ["-o", rssFile, "-f", "%M %U %S", ...limited.flat()]] : limited;
  const start = performance.now();
  const result = spawnSync(program, programArgs, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  const timedOut = timeoutMs !== undefined && (result.status === 124 || result.status === 137);
  if (result.status !== 0 && !timedOut)
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  const [rss, user, system] = gnuTime ? readFileSync(rssFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number) : [];
  const maxRssKb = rss || null;
  const cpuMs = user === undefined || system === undefined || Number.isNaN(user + system) ? null : (user + system) * 1000;
  return { ms, maxRssKb, cpuMs, timedOut, stdout: result.stdout };
}

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(1))
    .join(" / ");
}

function loTimeoutFrom(argv: string[]): number | undefined {
  const at = argv.indexOf("--lo-timeout");
  const seconds = at >= 0 ? Number(argv[at + 1]) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

export function partnersCsv(count: number): string {
  let seed = 20261207;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * 6);
  };
  const lines = [`Name,${CRITERIA.join(",")}`];
  for (let p = 0; p < count; p++) lines.push(`Partner ${p + 1},${CRITERIA.map(() => next()).join(",")}`);
  return `${lines.join("\n")}\n`;
}

/**
 * The built-in formula that computes what each PE call of a matrix row computes. Names defined in
 * the twin (TwinWeights, TwinScale, TwinThresholds, TwinPoints1…5 and the moved points
 * TwinUp1…5 / TwinDown1…5) keep TIER_STABLE's ten weight moves short enough for 100,000 rows.
 */
function twinFormulas(r: number): Record<string, string> {
  const score = `G${r}`;
  const position = (s: string) => `SUMPRODUCT(--((${s})>=TwinThresholds))`;
  const base = `100*SUMPRODUCT(B${r}:F${r},TwinWeights)/SUM(TwinWeights)`;
  const moves = ["B", "C", "D", "E", "F"].flatMap((c, i) =>
    ["Up", "Down"].map((way) => {
      const points = `TwinPoints${i + 1}`;
      const moved = `Twin${way}${i + 1}`;
      return `${position(`100*(${base}-${points}*${c}${r}+${moved}*${c}${r})/((100-${points}+${moved})*TwinScale)`)}=${position(score)}`;
    }),
  );
  return {
    G: `100*SUMPRODUCT(B${r}:F${r},$B$4:$F$4)/(SUM($B$4:$F$4)*$B$5)`,
    H: `IF(${score}>=$I$4,$J$4,IF(${score}>=$I$5,$J$5,IF(${score}>=$I$6,$J$6,$J$7)))`,
    K: `IF(${score}>=$I$4,0,IF(${score}>=$I$5,$I$4-${score},IF(${score}>=$I$6,$I$5-${score},$I$6-${score})))`,
    L: `AND(${moves.join(",")})`,
  };
}

function twinNames(sheet: string): string {
  const at = (cell: string) => `${sheet}!${cell}`;
  const total = `SUM(${at("$B$4:$F$4")})`;
  const names: [string, string][] = [
    ["TwinWeights", at("$B$4:$F$4")],
    ["TwinScale", at("$B$5")],
    ["TwinThresholds", at("$I$4:$I$6")],
  ];
  ["B", "C", "D", "E", "F"].forEach((c, i) => {
    const points = `(100*${at(`$${c}$4`)}/${total})`;
    names.push(
      [`TwinPoints${i + 1}`, points],
      [`TwinUp${i + 1}`, `MAX(0,${points}+5)`],
      [`TwinDown${i + 1}`, `MAX(0,${points}-5)`],
    );
  });
  return names.map(([name, formula]) => `<definedName name="${name}">${formula}</definedName>`).join("");
}

const escapeFormula = (formula: string) => formula.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Our file with every PE call replaced by its built-in twin and every cached value of the matrix cleared. */
async function writeTwin(ours: string, twin: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(ours));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  // Built in pieces: at 100,000 partners the twin's sheet is longer than a JavaScript string may be.
  const pieces: Buffer[] = [];
  let pending = "";
  const emit = (text: string) => {
    pending += text;
    if (pending.length > 8_000_000) {
      pieces.push(Buffer.from(pending, "utf8"));
      pending = "";
    }
  };
  let last = 0;
  for (const m of sheet.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [whole, col, row, attrs, body] = m;
    if (!body || !body.includes("<f") || Number(row) < FIRST_ROW) continue;
    emit(sheet.slice(last, m.index));
    const plain = attrs.replace(/\s(t|cm)="[^"]*"/g, "");
    const twinFormula = twinFormulas(Number(row))[col];
    const formula = twinFormula === undefined ? /<f[^>]*>([\s\S]*?)<\/f>/.exec(body)![1] : escapeFormula(twinFormula);
    emit(`<c r="${col}${row}"${plain}><f>${formula}</f></c>`);
    last = m.index + whole.length;
  }
  emit(sheet.slice(last));
  pieces.push(Buffer.from(pending, "utf8"));
  zip.file("xl/worksheets/sheet1.xml", Buffer.concat(pieces));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", workbook.replace("<definedNames>", `<definedNames>${twinNames("Qualification")}`));
  writeFileSync(twin, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** A LibreOffice profile that recalculates every formula of an .xlsx on load. */
function recalculatingProfile(dir: string): string {
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n`,
  );
  return `file://${dir}`;
}

type Cells = Map<string, string | number | boolean>;

/** The matrix's computed columns G:L of the first sheet, as cached in a file. */
async function matrixValues(path: string): Promise<Cells> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const shared = [...((await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => [...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(""),
  );
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const cells: Cells = new Map();
  for (const m of sheet.matchAll(/<c r="([G-L])(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    if (Number(m[2]) < FIRST_ROW) continue;
    const type = /\st="([^"]*)"/.exec(m[3])?.[1];
    const raw = /<v>([^<]*)<\/v>/.exec(m[4] ?? "")?.[1] ?? "";
    const unescaped = raw
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"');
    cells.set(
      `${m[1]}${m[2]}`,
      type === "s"
        ? shared[Number(raw)]
        : type === "str" || type === "inlineStr"
          ? unescaped
          : type === "b"
            ? raw === "1"
            : Number(raw),
    );
  }
  return cells;
}

function checkSame(ours: Cells, reference: Cells, size: number): void {
  const rows = size;
  for (let r = FIRST_ROW; r < FIRST_ROW + rows; r++) {
    for (const col of ["G", "H", "I", "J", "K", "L"]) {
      const a = ours.get(`${col}${r}`);
      const b = reference.get(`${col}${r}`);
      const same = typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : a === b;
      if (!same)
        throw new Error(`xlsx-files bench: ${col}${r} is ${String(a)} in ours, ${String(b)} in LibreOffice's recalculation`);
    }
  }
}

function memory(runs: Run[]): string {
  const peaks = runs.map((r) => r.maxRssKb).filter((kb): kb is number => kb !== null);
  return peaks.length === 0 ? "?" : `${(Math.max(...peaks) / 1024).toFixed(0)} MiB`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 0)} s`;

/** The CPU time both sides used (min over the rounds), which a loaded machine distorts less than the wall clock. */
function cpuComparison(ours: Run[], lo: Run[]): string {
  const least = (runs: Run[]) => Math.min(...runs.map((r) => r.cpuMs ?? Infinity));
  const [a, b] = [least(ours), least(lo)];
  if (!Number.isFinite(a) || !Number.isFinite(b)) return "CPU time not measured";
  return `CPU time (user + system, min) ${seconds(a)} against LibreOffice's ${seconds(b)}${lo.some((r) => r.timedOut) ? " before it was stopped" : ""}, ratio ${(a / b).toFixed(2)}`;
}

export async function xlsxFileCases(options: BenchOptions): Promise<CaseResult[]> {
  const soffice = findSoffice();
  const peCalc = join(BENCH_PROJECT_ROOT, "bin", "pe-calc.js");
  const sizes = sizesFrom(process.argv, options);
  const results: CaseResult[] = [];
  const points = { recalc: [] as { size: number; ms: number }[], new: [] as { size: number; ms: number }[] };
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `pe-bench-xlsx-${size}-`));
    try {
      const csv = join(dir, "partners.csv");
      writeFileSync(csv, partnersCsv(size));
      const book = join(dir, "matrix.xlsx");
      const newRun = () =>
        timedRun(process.execPath, [peCalc, "new", "qualification", "--partners", csv, "-o", book, "--force"], dir);
      const recalcRun = () =>
        timedRun(process.execPath, [peCalc, "recalc", book, "-o", join(dir, "recalculated.xlsx"), "--force"], dir);
      const rounds = options.quick ? 1 : (ROUNDS[size] ?? 1);
      // One round (100,000): the run that writes the book is the measured `new`, and there is no warm-up.
      const runs = { new: [] as Run[], recalc: [] as Run[], lo: [] as Run[] };
      const loadBefore = loadAverage();
      if (rounds === 1) runs.new.push(newRun());
      else newRun();
      const twin = join(dir, "twin.xlsx");
      await writeTwin(book, twin);
      const profile = recalculatingProfile(join(dir, "lo-profile"));
      const outDir = join(dir, "lo");
      let loTimeoutMs = loTimeoutFrom(process.argv);
      const libreOffice = () =>
        timedRun(
          soffice,
          [`-env:UserInstallation=${profile}`, "--headless", "--calc", "--convert-to", "xlsx", "--outdir", outDir, twin],
          dir,
          loTimeoutMs,
        );
      // Warm-up on a one-partner twin: LibreOffice fills the fresh profile on its first start.
      const tiny = join(dir, "tiny");
      mkdirSync(tiny);
      writeFileSync(join(tiny, "partners.csv"), partnersCsv(1));
      timedRun(
        process.execPath,
        [peCalc, "new", "qualification", "--partners", join(tiny, "partners.csv"), "-o", join(tiny, "m.xlsx"), "--force"],
        tiny,
      );
      await writeTwin(join(tiny, "m.xlsx"), join(tiny, "twin.xlsx"));
      timedRun(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--calc",
          "--convert-to",
          "xlsx",
          "--outdir",
          tiny,
          join(tiny, "twin.xlsx"),
        ],
        tiny,
      );
      if (rounds === 1) {
        runs.recalc.push(recalcRun());
        loTimeoutMs ??= Math.max(LO_MIN_TIMEOUT_MS, LO_TIMEOUT_FACTOR * Math.max(runs.new[0].ms, runs.recalc[0].ms));
        runs.lo.push(libreOffice());
      } else {
        recalcRun();
        for (let round = 0; round < rounds; round++) {
          const order = round % 2 === 0 ? ["lo", "new", "recalc"] : ["recalc", "new", "lo"];
          for (const side of order) {
            if (side === "lo") runs.lo.push(libreOffice());
            else if (side === "new") runs.new.push(newRun());
            else runs.recalc.push(recalcRun());
          }
        }
      }
      const finished = runs.lo.filter((r) => !r.timedOut);
      // Both sides must have computed the same figures (the first round's files).
      if (finished.length > 0)
        checkSame(await matrixValues(join(dir, "recalculated.xlsx")), await matrixValues(join(outDir, "twin.xlsx")), size);
      const load = `load average ${loadBefore} before, ${loadAverage()} after (1 / 5 / 15 min)`;
      // A LibreOffice run stopped at its limit counts as the limit: the ratio is then an upper bound.
      const lo = median(runs.lo.map((r) => r.ms));
      const loText =
        finished.length < runs.lo.length
          ? `LibreOffice did not finish in ${seconds(Math.min(...runs.lo.filter((r) => r.timedOut).map((r) => r.ms)))} (stopped; the ratio is an upper bound)`
          : `LibreOffice ${seconds(lo)} (min ${seconds(Math.min(...runs.lo.map((r) => r.ms)))})`;
      for (const [key, label] of [
        ["recalc", "pe-calc recalc"],
        ["new", "pe-calc new qualification"],
      ] as const) {
        const ours = median(runs[key].map((r) => r.ms));
        const ratio = median(runs[key].map((r, i) => r.ms / runs.lo[i].ms));
        const fastest = Math.min(...runs[key].map((r) => r.ms));
        points[key].push({ size, ms: ours });
        console.log(
          `  ${label} ${size}: ours ${ours.toFixed(0)} ms (min ${fastest.toFixed(0)}), ${loText}, ratio ${finished.length < runs.lo.length ? "≤ " : ""}${ratio.toFixed(2)}, peak ${memory(runs[key])} vs ${memory(runs.lo)}; ${cpuComparison(runs[key], runs.lo)}; ${load}`,
        );
        results.push({
          case: `${label}, ${size.toLocaleString("en-US")} partners (reference: LibreOffice headless recalculating the built-in twin)`,
          ours,
          reference: lo,
          ratio,
          target: TARGET_RATIO,
          met: ratio <= TARGET_RATIO,
          unit: "ms",
          note:
            `ours min ${seconds(fastest)}; ${loText}; peak memory ${memory(runs[key])} against LibreOffice's ${memory(runs.lo)}; ` +
            `${cpuComparison(runs[key], runs.lo)}; ` +
            `${runs[key].length} round${runs[key].length === 1 ? "" : "s"}; ${load}`,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (sizes.length >= 2) {
    for (const key of ["recalc", "new"] as const) {
      const exponent = fittedExponent(points[key]);
      results.push({
        case: `pe-calc ${key === "new" ? "new qualification" : "recalc"} scaling exponent over ${sizes.map((s) => s.toLocaleString("en-US")).join(" / ")} partners`,
        ours: null,
        reference: null,
        ratio: exponent,
        target: TARGET_EXPONENT,
        met: exponent <= TARGET_EXPONENT,
        unit: "exponent",
      });
    }
  }
  return results;
}
