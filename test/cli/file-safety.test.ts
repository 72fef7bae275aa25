import {
  chmodSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { checkOutput, FileSafetyError, realPathOf, removeStaleTemporaries, writeFileAtomically } from "../../src/cli/file-safety";
import { describeJsonError, lineAndColumn, quoteInput } from "../../src/cli/messages";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pe-file-safety-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const leftovers = (): string[] => readdirSync(dir).filter((name) => name.endsWith(".tmp"));

describe("checkOutput", () => {
  test("an input is recognised in any spelling: relative, absolute, through a symlink", () => {
    const input = join(dir, "p.csv");
    writeFileSync(input, "x");
    symlinkSync(input, join(dir, "link.csv"));
    for (const spelling of [input, `./${relative(process.cwd(), input)}`, join(dir, "link.csv"), join(dir, ".", "p.csv")]) {
      expect(() => checkOutput({ output: spelling, inputs: [input], force: true })).toThrow(
        new FileSafetyError(
          `${spelling} is the input file ${input}: refusing to write over an input; choose another output file`,
        ),
      );
    }
  });

  test("an existing output needs --force; an in-place rewrite is allowed and reported", () => {
    const input = join(dir, "book.xlsx");
    const other = join(dir, "other.xlsx");
    writeFileSync(input, "x");
    writeFileSync(other, "y");
    expect(() => checkOutput({ output: other, inputs: [input], force: false })).toThrow(
      `${other} already exists: choose another output file, or add --force (-f) to replace it`,
    );
    expect(checkOutput({ output: other, inputs: [input], force: true })).toEqual({ sameAsInput: false });
    expect(checkOutput({ output: `${dir}/./book.xlsx`, inputs: [input], force: false, inPlace: true })).toEqual({
      sameAsInput: true,
    });
  });

  test("a file not there yet resolves through its folder's real path", () => {
    symlinkSync(dir, join(dir, "alias"));
    expect(realPathOf(join(dir, "alias", "new.xlsx"))).toBe(join(realPathOf(dir), "new.xlsx"));
  });
});

describe("writeFileAtomically", () => {
  test("keeps the original's permission bits and leaves no temporary", () => {
    const target = join(dir, "private.xlsx");
    writeFileSync(target, "old");
    chmodSync(target, 0o600);
    writeFileAtomically(target, Buffer.from("new"));
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(statSync(target).mode & 0o777).toBe(0o600);
    chmodSync(target, 0o664);
    writeFileAtomically(target, Buffer.from("newer"));
    expect(statSync(target).mode & 0o777).toBe(0o664);
    expect(leftovers()).toEqual([]);
  });

  test("writes through a symlink: the real file changes, the link stays a link", () => {
    const real = join(dir, "real.xlsx");
    const link = join(dir, "link.xlsx");
    writeFileSync(real, "old");
    symlinkSync(real, link);
    writeFileAtomically(link, Buffer.from("new"));
    expect(readFileSync(real, "utf8")).toBe("new");
    expect(realPathOf(link)).toBe(realPathOf(real));
  });

  test("hard links: the written name gets the new content, the other name keeps the old (documented)", () => {
    const first = join(dir, "a.xlsx");
    const second = join(dir, "b.xlsx");
    writeFileSync(first, "old");
    linkSync(first, second);
    writeFileAtomically(first, Buffer.from("new"));
    expect([readFileSync(first, "utf8"), readFileSync(second, "utf8")]).toEqual(["new", "old"]);
  });

  test("a read-only target or a missing folder is one line, the target untouched, no temporary left", () => {
    const target = join(dir, "locked.xlsx");
    writeFileSync(target, "old");
    chmodSync(target, 0o444);
    expect(() => writeFileAtomically(target, Buffer.from("new"))).toThrow(`cannot write ${target}: the file is read-only`);
    expect(readFileSync(target, "utf8")).toBe("old");
    expect(() => writeFileAtomically(join(dir, "no", "x.xlsx"), Buffer.from("new"))).toThrow(
      `cannot write ${join(dir, "no", "x.xlsx")}: its folder does not exist`,
    );
    expect(leftovers()).toEqual([]);
  });

  test("temporaries of a killed run (their process is gone) are removed; live ones are not", () => {
    const stale = join(dir, ".book.xlsx.pe-calc-999999999-0123abcd.tmp");
    const live = join(dir, `.book.xlsx.pe-calc-${process.pid}-0123abcd.tmp`);
    writeFileSync(stale, "half");
    writeFileSync(live, "busy");
    expect(removeStaleTemporaries(dir)).toEqual([".book.xlsx.pe-calc-999999999-0123abcd.tmp"]);
    expect(leftovers()).toEqual([".book.xlsx.pe-calc-" + process.pid + "-0123abcd.tmp"]);
  });
});

describe("messages", () => {
  test("quoteInput keeps at most 80 characters on one line and says how long the value was", () => {
    expect(quoteInput("short")).toBe("short");
    expect(quoteInput("a\nb")).toBe("a⏎b");
    const quoted = quoteInput("y".repeat(10_000_000));
    expect(quoted).toBe(`${"y".repeat(79)}… (10,000,000 characters)`);
  });

  test.each([
    [
      '{\n  "termYears": 3,\n  "revenue": [1, 2,]\n}',
      'line 3, column 20: expected a value (a number, "text", true, false, null, [ or {), found "]"',
    ],
    ['{\n  "a": 1\n  "b": 2\n}', 'line 3, column 3: expected "," or "}", found "\\""'],
    ['{"a": "x', 'line 1, column 7: a string is not closed (a missing ")'],
    ["[1, 2", 'line 1, column 6: the JSON ends too early (a missing } or ] or ")'],
    ['{"a":1} x', 'line 1, column 9: more text after the JSON value: "x"'],
    ["{a: 1}", 'line 1, column 2: expected a field name in double quotes, found "a"'],
  ])("JSON errors give a line and column: %j", (source, message) => {
    expect(() => JSON.parse(source)).toThrow();
    expect(describeJsonError(source, new Error("x"))).toBe(message);
  });

  test("valid JSON of any depth is accepted without recursion", () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    expect(describeJsonError(deep + "x", new Error("x"))).toBe('line 1, column 400001: more text after the JSON value: "x"');
    expect(describeJsonError('{"a": [1, {"b": null}], "c": "\\""}', new Error("fallback"))).toBe("fallback");
  });

  test("line and column of an offset", () => expect(lineAndColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 }));
});
