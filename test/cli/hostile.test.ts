import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import JSZip from "jszip";
import { withDoctype, workbookFile, workbookParts, zipParts } from "./hostile-fixtures";
import { ensureCliBuilt, ROOT, scratchFolder } from "./support";

/**
 * Hostile and oversized input through the built pe-calc, as a child process with a 512 MB heap cap:
 * each case checks the exit status, the one-line message, that no input changed, that no temporary
 * file is left, and that the process's peak memory (its maximum resident set) stayed under 512 MB.
 * The peaks are printed at the end and written to test-artifacts/hostile-memory.json.
 */
const scratch = scratchFolder("pe-hostile-");
const MB = 1024 * 1024;
const PEAK_LIMIT_MB = 512;
const peaks: Record<string, number> = {};

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  peakMb: number;
}

function wrapper(): string {
  const path = scratch.path("measured-pe-calc.cjs");
  if (!existsSync(path))
    writeFileSync(
      path,
      [
        'const { readFileSync, writeFileSync } = require("node:fs");',
        // VmHWM is this process's own peak resident set; getrusage's maxRSS would include the
        // spawning test worker's, which Linux carries over the fork and exec.
        "const peakKb = () => {",
        '  try { return Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))[1]); }',
        "  catch { return process.resourceUsage().maxRSS; }",
        "};",
        'process.on("exit", () => writeFileSync(process.env.PE_PEAK_FILE, String(peakKb())));',
        `require(${JSON.stringify(join(ROOT, "dist/node/pe-calc.cjs"))});`,
      ].join("\n"),
    );
  return path;
}

function peCalcCapped(name: string, args: string[], env: Record<string, string> = {}, input = ""): Run {
  const peakFile = scratch.path(`peak-${Object.keys(peaks).length}.txt`);
  const result = spawnSync(process.execPath, ["--max-old-space-size=512", wrapper(), ...args], {
    cwd: scratch.path(),
    encoding: "utf8",
    env: { ...process.env, ...env, PE_PEAK_FILE: peakFile },
    maxBuffer: 64 * MB,
    input,
  });
  const peakMb = existsSync(peakFile) ? Number(readFileSync(peakFile, "utf8")) / 1024 : Number.NaN;
  peaks[name] = Math.round(peakMb);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, peakMb };
}

/** Writes bytes (or text) into the scratch folder; scratch.file would write a Buffer as JSON. */
function put(name: string, content: Uint8Array | string): string {
  const path = scratch.path(name);
  writeFileSync(path, content);
  return path;
}

function digest(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function temporaries(): string[] {
  return readdirSync(scratch.path()).filter((name) => name.endsWith(".tmp"));
}

/** Runs a hostile case and checks what every case must hold; returns the run for the case's own checks. */
function hostile(name: string, args: string[], inputs: string[], env: Record<string, string> = {}): Run {
  const before = inputs.map(digest);
  const run = peCalcCapped(name, args, env);
  expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(run.stderr).not.toMatch(/Maximum call stack|Invalid string length|FATAL ERROR|Cannot read properties/);
  expect(run.peakMb).toBeLessThan(PEAK_LIMIT_MB);
  expect(inputs.map(digest)).toEqual(before);
  expect(temporaries()).toEqual([]);
  return run;
}

function oneLine(run: Run, status: number, message: RegExp | string): void {
  expect(run.status).toBe(status);
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  if (typeof message === "string") expect(lines[0]).toBe(message);
  else expect(lines[0]).toMatch(message);
  expect(lines[0].length).toBeLessThan(400);
}

beforeAll(() => {
  ensureCliBuilt();
  mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
});

afterAll(() => {
  writeFileSync(join(ROOT, "test-artifacts", "hostile-memory.json"), `${JSON.stringify(peaks, null, 2)}\n`);
  console.log(`peak memory (MB) of pe-calc per hostile file:\n${JSON.stringify(peaks, null, 2)}`);
});

describe("zip bombs and broken packages", () => {
  test("a part inflating 1,000:1 past the per-part limit is refused from the zip directory", async () => {
    const parts = await workbookParts((ws) => void (ws.getCell("A1").value = 1));
    const book = put("ratio.xlsx", zipParts(parts, [{ name: "xl/media/padding.bin", content: Buffer.alloc(20 * MB) }]));
    const run = hostile("zip bomb by ratio (20 MB part, 8 MB limit)", ["recalc", book, "-o", "ratio-out.xlsx"], [book], {
      PE_CALC_MAX_XLSX_PART_MB: "8",
    });
    oneLine(
      run,
      1,
      `pe-calc recalc: ${book}: its part "xl/media/padding.bin" is 20 MB inflated, above the 8 MB limit for one part (raise it with PE_CALC_MAX_XLSX_PART_MB)`,
    );
  });

  test("eight sheets declaring 500 MB each are refused before anything is inflated", async () => {
    const parts = await workbookParts((ws) => void (ws.getCell("A1").value = 1));
    const sheets = Array.from({ length: 8 }, (_, i) => ({
      name: `xl/worksheets/big${i + 1}.xml`,
      content: Buffer.from("<worksheet/>"),
      declaredSize: 500 * MB,
    }));
    const book = put("eight.xlsx", zipParts(parts, sheets));
    oneLine(
      hostile("8 × 500 MB declared", ["recalc", book, "-o", "eight-out.xlsx"], [book]),
      1,
      /its part "xl\/worksheets\/big1\.xml" is 500 MB inflated, above the 256 MB limit for one part/,
    );
  });

  test("a part that inflates far past what its directory declares is stopped at the declared size", async () => {
    const parts = await workbookParts((ws) => void (ws.getCell("A1").value = 1));
    const book = put(
      "liar.xlsx",
      zipParts(parts, [{ name: "xl/media/liar.bin", content: Buffer.alloc(64 * MB), declaredSize: 1000 }]),
    );
    oneLine(
      hostile("lying zip directory (64 MB declared as 1 KB)", ["recalc", book, "-o", "liar-out.xlsx"], [book]),
      1,
      `pe-calc recalc: ${book} is not an .xlsx workbook (the part "xl/media/liar.bin" inflates to more than its zip directory declares)`,
    );
  });

  test("a truncated workbook and a part named outside the package are one line each", async () => {
    const whole = await workbookFile((ws) => void (ws.getCell("A1").value = 1));
    const cut = put("cut.xlsx", whole.subarray(0, Math.floor(whole.length * 0.6)));
    oneLine(
      hostile("truncated zip", ["recalc", cut, "-o", "cut-out.xlsx"], [cut]),
      1,
      `pe-calc recalc: ${cut} is not an .xlsx workbook (it is not a zip archive)`,
    );
    const parts = await workbookParts((ws) => void (ws.getCell("A1").value = 1));
    const escaping = put("escape.xlsx", zipParts(parts, [{ name: "xl/../../evil.xml", content: Buffer.from("x") }]));
    oneLine(
      hostile(".. entry", ["recalc", escaping, "-o", "escape-out.xlsx"], [escaping]),
      1,
      `pe-calc recalc: ${escaping}: its part "xl/../../evil.xml" points outside the package`,
    );
    expect(existsSync(join(scratch.path(), "..", "evil.xml"))).toBe(false);
  });
});

describe("extreme content", () => {
  test("cells at XFD1 and A39000 recalculate in little memory", async () => {
    const book = put(
      "sparse.xlsx",
      await workbookFile((ws) => {
        ws.getCell("XFD1").value = 2;
        ws.getCell("A39000").value = 3;
        ws.getCell("B2").value = { formula: "XFD1*A39000" } as never;
      }),
    );
    const run = hostile("sparse XFD1 + A39000", ["recalc", book, "-o", "sparse-out.xlsx"], [book]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`recalculated 1 formula in ${book}, wrote sparse-out.xlsx\n`);
  });

  test("a formula nested 200 deep in a workbook is refused with Excel's rule, naming its cell", async () => {
    const book = put(
      "deep.xlsx",
      await workbookFile(
        (ws) => void (ws.getCell("C3").value = { formula: `${"SUM(".repeat(200)}1${")".repeat(200)}` } as never),
      ),
    );
    oneLine(
      hostile("formula nested 200 deep", ["recalc", book, "-o", "deep-out.xlsx"], [book]),
      1,
      `pe-calc recalc: ${book}: Sheet1!C3: the formula nests 200 levels deep; Excel allows 64`,
    );
  });

  test("eval: an array of 702 million cells is #NUM! with the limit; deep nesting is refused", () => {
    const sequence = hostile("eval SEQUENCE(39000,18000)", ["eval", "=SUM(SEQUENCE(39000,18000))"], []);
    expect(sequence.status).toBe(0);
    expect(sequence.stdout).toBe("#NUM! the array would have 702,000,000 cells (39,000 × 18,000); pe-calc allows 2,000,000\n");
    const deep = hostile("eval nested 500 deep", ["eval", `=${"SUM(".repeat(500)}1${")".repeat(500)}`], []);
    oneLine(
      deep,
      1,
      /^pe-calc eval: cannot evaluate =SUM\(SUM.{60,90}… \(2,502 characters\): the formula nests 500 levels deep; Excel allows 64$/,
    );
  });

  test("standard input past the input limit is one line, before it is all read", () => {
    const run = peCalcCapped(
      "3 MB of formulas on stdin, 1 MB limit",
      ["eval"],
      { PE_CALC_MAX_INPUT_MB: "1" },
      "=1+1\n".repeat(600_000),
    );
    oneLine(run, 1, "pe-calc eval: standard input is above the 1 MB input limit (raise it with PE_CALC_MAX_INPUT_MB)");
    expect(run.peakMb).toBeLessThan(PEAK_LIMIT_MB);
  });

  test("external entities and entity expansion in a sheet's XML read nothing and expand nothing", async () => {
    const parts = await workbookParts((ws) => void (ws.getCell("A1").value = 1));
    const secret = put("secret.txt", "TOP-SECRET-CONTENT");
    const sheet = parts.get("xl/worksheets/sheet1.xml")!.toString();
    parts.set("xl/worksheets/sheet1.xml", Buffer.from(withDoctype(sheet, `<!ENTITY xxe SYSTEM "file://${secret}">`, "&xxe;")));
    const xxe = put("xxe.xlsx", zipParts(parts));
    const run = hostile("XXE", ["recalc", xxe, "--csv", "Sheet1"], [xxe, secret]);
    expect([0, 1]).toContain(run.status);
    expect(run.stdout + run.stderr).not.toContain("TOP-SECRET-CONTENT");

    const laughs = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lollollollollollollollollollol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join("");
    parts.set("xl/worksheets/sheet1.xml", Buffer.from(withDoctype(sheet, laughs, "&lol9;")));
    const bomb = put("laughs.xlsx", zipParts(parts));
    const expanded = hostile("billion laughs", ["recalc", bomb, "--csv", "Sheet1"], [bomb]);
    expect([0, 1]).toContain(expanded.status);
    expect(expanded.stdout.length).toBeLessThan(10_000);
  });
});

describe("overlong and non-UTF-8 input", () => {
  const dealExample = (): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, "docs/examples/deal.json"), "utf8"));

  test("a 10 MB field is refused by Excel's 32,767-character cell limit, and never echoed", () => {
    const deal = put("huge-ui.json", JSON.stringify({ ...dealExample(), ui: "x".repeat(10_000_000) }));
    oneLine(
      hostile("10 MB ui field", ["new", "deal", "--from", deal, "-o", "huge.xlsx"], [deal]),
      1,
      /^pe-calc new deal: the workbook plan is not valid: settings\[0\]\.json: setting "PartnerEconomics\.deal" is 10,000,\d{3} characters; a cell holds 32,767/,
    );
    expect(existsSync(scratch.path("huge.xlsx"))).toBe(false);
  });

  test("a 10 MB partner name and a 10 MB rating are reported in a few characters", () => {
    const long = "A".repeat(10_000_000);
    const csv = put("long.csv", `Partner,Strategic fit\n${long},4\nAcme,${long}\n`);
    const run = hostile("10 MB cells in a CSV", ["new", "qualification", "--partners", csv, "-o", "long.xlsx"], [csv]);
    expect(run.status).toBe(1);
    expect(run.stderr.length).toBeLessThan(1000);
    expect(run.stderr).toContain(
      `${csv}:3:2: "${"A".repeat(79)}… (10,000,000 characters)" under "Strategic fit" is not a number`,
    );
  });

  test("deeply nested JSON is one line with its line and column", () => {
    const deal = put("nested.json", `{"ui": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    oneLine(
      hostile("JSON nested 100,000 deep", ["new", "deal", "--from", deal, "-o", "nested.xlsx"], [deal]),
      1,
      `pe-calc new deal: ${deal}: line 1, column 71: the JSON nests more than 64 levels deep; a deal file needs a few`,
    );
  });

  test("a Windows-1252 CSV is read as such, never with a replacement character", () => {
    const csv = put("latin.csv", Buffer.from([...Buffer.from("Partner;Strategic fit\nM"), 0xe9, ...Buffer.from("tro;4\n")]));
    const run = hostile("Windows-1252 CSV", ["new", "qualification", "--partners", csv, "-o", "latin.xlsx"], [csv]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`note: read ${csv} as Windows-1252`);
    const check = peCalcCapped("recalc of the Windows-1252 matrix", ["recalc", "latin.xlsx", "--csv", "Qualification"]);
    expect(check.stdout).toContain("\r\nMétro,4,");
    expect(check.stdout).not.toContain("\uFFFD");
  });
});

describe("outputs that are inputs, symlinks, read-only and existing targets", () => {
  async function chartedBook(name: string): Promise<string> {
    const parts = await workbookParts((ws) => {
      ws.getCell("A1").value = 2;
      ws.getCell("A2").value = { formula: "A1*2" } as never;
    });
    parts.set("xl/charts/chart1.xml", Buffer.from("<c:chartSpace/>"));
    return put(name, zipParts(parts));
  }

  test("new never writes over its own input, in any spelling", () => {
    const csv = put("self.csv", "Partner\nAcme\n");
    oneLine(
      hostile("new qualification -o its input", ["new", "qualification", "--partners", csv, "-o", "self.csv", "--force"], [csv]),
      1,
      `pe-calc new qualification: self.csv is the input file ${csv}: refusing to write over an input; choose another output file`,
    );
    const deal = put("self.json", readFileSync(join(ROOT, "docs/examples/deal.json")));
    oneLine(
      hostile("new deal -o ./its input", ["new", "deal", "--from", "self.json", "-o", "./self.json"], [deal]),
      1,
      "pe-calc new deal: ./self.json is the input file self.json: refusing to write over an input; choose another output file",
    );
  });

  test("recalc x.xlsx -o ./x.xlsx on a workbook with charts behaves exactly as recalc x.xlsx does", async () => {
    // Both are the in-place rewrite, safe since recalc only patches cached values: the chart stays.
    // One book under two names: ExcelJS stamps docProps/core.xml with the time, so two builds a
    // second apart (a loaded machine) would differ before recalc touches them.
    const first = await chartedBook("charted-a.xlsx");
    const second = put("charted-b.xlsx", readFileSync(first));
    const inPlace = peCalcCapped("recalc charted in place", ["recalc", first]);
    const dotted = peCalcCapped("recalc charted -o ./same", ["recalc", second, "-o", `./${relative(scratch.path(), second)}`]);
    expect([inPlace.status, dotted.status]).toEqual([0, 0]);
    expect(dotted.stderr).toBe(inPlace.stderr);
    expect(dotted.stdout.replace(second, first)).toBe(inPlace.stdout);
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(first));
    expect(await zip.file("xl/charts/chart1.xml")!.async("string")).toBe("<c:chartSpace/>");
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toMatch(/<v>4<\/v>/);
    expect(temporaries()).toEqual([]);
  });

  test("an in-place recalc through a symlink updates the real file and keeps the link and the file's mode", async () => {
    const real = put(
      "real.xlsx",
      await workbookFile((ws) => {
        ws.getCell("A1").value = 2;
        ws.getCell("A2").value = { formula: "A1*21", result: 0 } as never;
      }),
    );
    chmodSync(real, 0o600);
    const link = scratch.path("link.xlsx");
    symlinkSync(real, link);
    const before = readFileSync(real);
    const run = peCalcCapped("recalc through a symlink", ["recalc", "link.xlsx"]);
    expect(run.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(readFileSync(real).equals(before)).toBe(false);
    const zip = await JSZip.loadAsync(readFileSync(real));
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toMatch(/<v>42<\/v>/);
    expect(temporaries()).toEqual([]);
  });

  test("a read-only target and an existing file without --force are refused, untouched", () => {
    const csv = put("ro.csv", "Partner\nAcme\n");
    const locked = put("locked.xlsx", "keep me");
    chmodSync(locked, 0o444);
    oneLine(
      hostile("read-only target", ["new", "qualification", "--partners", csv, "-o", "locked.xlsx", "--force"], [csv, locked]),
      1,
      "pe-calc new qualification: cannot write locked.xlsx: the file is read-only",
    );
    const taken = put("taken.xlsx", "keep me");
    oneLine(
      hostile("existing output without --force", ["new", "qualification", "--partners", csv, "-o", "taken.xlsx"], [csv, taken]),
      1,
      "pe-calc new qualification: taken.xlsx already exists: choose another output file, or add --force (-f) to replace it",
    );
  });
});

describe("interrupted runs", () => {
  function bigPartnerList(): string {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Partner ${i + 1},${i % 6},${(i * 7) % 6}`);
    return put("many.csv", ["Partner,Strategic fit,Market reach", ...rows, ""].join("\n"));
  }

  async function interrupted(signal: NodeJS.Signals, afterMs: number, output: string): Promise<number | null> {
    const child = spawn(
      process.execPath,
      [join(ROOT, "bin/pe-calc.js"), "new", "qualification", "--partners", "many.csv", "-o", output],
      {
        cwd: scratch.path(),
        stdio: "ignore",
      },
    );
    await new Promise((resolveWait) => setTimeout(resolveWait, afterMs));
    child.kill(signal);
    return new Promise((resolveExit) => child.once("exit", (code, killedBy) => resolveExit(code ?? (killedBy ? -1 : null))));
  }

  async function validOrAbsent(output: string): Promise<void> {
    if (!existsSync(scratch.path(output))) return;
    const zip = await JSZip.loadAsync(readFileSync(scratch.path(output)));
    expect(zip.file("xl/workbook.xml")).not.toBeNull();
  }

  test.each(["SIGINT", "SIGTERM"] as const)(
    "%s at any moment leaves the old file or the new one, and no temporary",
    async (signal) => {
      const input = bigPartnerList();
      const before = digest(input);
      for (const [i, delay] of [200, 900, 1600].entries()) {
        const output = `interrupted-${signal}-${i}.xlsx`;
        const status = await interrupted(signal, delay, output);
        expect([0, 130, 143, -1]).toContain(status);
        await validOrAbsent(output);
        expect(temporaries()).toEqual([]);
      }
      expect(digest(input)).toBe(before);
    },
    60_000,
  );

  test("temporaries left by kill -9 are removed by the next write into the folder", async () => {
    const stale = put(".matrix.xlsx.pe-calc-999999999-deadbeef.tmp", "half a file");
    const run = peCalcCapped("next run after kill -9", [
      "new",
      "qualification",
      "--partners",
      put("one.csv", "Partner\nAcme\n"),
      "-o",
      "after-kill.xlsx",
    ]);
    expect(run.status).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(temporaries()).toEqual([]);
  });
});
