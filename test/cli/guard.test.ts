import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { internalErrorLine, reportInternalError, step, takeDebugFlag } from "../../src/cli/guard";
import { ensureCliBuilt, ROOT, scratchFolder } from "./support";

/** The top-level guard: anything unforeseen ends as one line and exit status 70, a stack trace only with --debug. */
const scratch = scratchFolder("pe-guard-");

test("an unexpected error is one line naming the step; a stack overflow or huge string in words", () => {
  step("reading book.xlsx");
  expect(internalErrorLine(new TypeError("Cannot read properties of undefined (reading 'match')"))).toBe(
    "pe-calc: internal error in reading book.xlsx: Cannot read properties of undefined (reading 'match') (please report)",
  );
  expect(internalErrorLine(new RangeError("Maximum call stack size exceeded"))).toBe(
    "pe-calc: internal error in reading book.xlsx: the input is nested too deeply to process (please report)",
  );
  expect(internalErrorLine(new RangeError("Invalid string length"))).toMatch(/the input is too large to process/);
  expect(internalErrorLine(new Error("x".repeat(1_000_000))).length).toBeLessThan(300);
});

test("--debug is taken out of the arguments (not after --) and turns on the stack trace", () => {
  expect(takeDebugFlag(["eval", "--debug", "1+1"])).toEqual({ argv: ["eval", "1+1"], debug: true });
  expect(takeDebugFlag(["eval", "--", "--debug"])).toEqual({ argv: ["eval", "--", "--debug"], debug: false });
  const written: string[] = [];
  expect(reportInternalError(new Error("boom"), false, (t) => void written.push(t))).toBe(70);
  expect(written).toHaveLength(1);
  reportInternalError(new Error("boom"), true, (t) => void written.push(t));
  expect(written[2]).toMatch(/^Error: boom\n\s+at /);
});

describe("the built pe-calc", () => {
  beforeAll(ensureCliBuilt);

  /**
   * pe-calc with the engine made to fail as a bug would. HyperFormula is inside the bundle, so the
   * failure comes through a global it calls only when an engine is built (its string collator).
   */
  function brokenPeCalc(args: string[]): { status: number | null; stderr: string } {
    const wrapper = join(scratch.path(), "broken-engine.cjs");
    writeFileSync(
      wrapper,
      [
        "Intl.Collator = function () { throw new TypeError(\"Cannot read properties of undefined (reading 'match')\"); };",
        `require(${JSON.stringify(join(ROOT, "dist/node/pe-calc.cjs"))});`,
      ].join("\n"),
    );
    const result = spawnSync(process.execPath, [wrapper, ...args], { encoding: "utf8" });
    return { status: result.status, stderr: result.stderr };
  }

  test("exit 70 and one line; --debug adds the stack", () => {
    const plain = brokenPeCalc(["eval", "1+1"]);
    expect(plain).toEqual({
      status: 70,
      stderr:
        "pe-calc: internal error in starting the engine: Cannot read properties of undefined (reading 'match') (please report)\n",
    });
    const debug = brokenPeCalc(["eval", "--debug", "1+1"]);
    expect(debug.status).toBe(70);
    expect(debug.stderr).toMatch(/^pe-calc: internal error in starting the engine: .*\(please report\)\nTypeError: .*\n\s+at /);
  });
});

test("the built pe-calc is plain ASCII, which bin/pe-calc.js reads as Latin-1 (scripts/build-node.mjs)", () => {
  ensureCliBuilt();
  const bundle = readFileSync(join(ROOT, "dist/node/pe-calc.cjs"));
  expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
});
