/**
 * Where JSON text first goes wrong, found without recursion (a file nested 100,000 deep is fine):
 * V8's JSON.parse messages name a character position only sometimes ("Unexpected token ']', ..."
 * has none), and users count lines and columns. Returns the offset and what was expected there.
 */
export interface JsonSyntaxProblem {
  offset: number;
  message: string;
}

const WS = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

type Expect = "value" | "key" | "colon" | "comma-or-close" | "end";

export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const closers: string[] = [];
  let expect: Expect = "value";
  let firstInContainer = false;
  let i = 0;
  const describe = (at: number): string => (at >= text.length ? "the end of the text" : JSON.stringify(text[at]));
  const fail = (message: string): JsonSyntaxProblem => ({ offset: i, message });
  const afterValue = (): Expect => (closers.length === 0 ? "end" : "comma-or-close");
  while (true) {
    while (i < text.length && WS.has(text[i])) i++;
    const ch = text[i];
    if (expect === "end") return i < text.length ? fail(`more text after the JSON value: ${describe(i)}`) : undefined;
    if (i >= text.length) return fail('the JSON ends too early (a missing } or ] or ")');
    if (expect === "colon") {
      if (ch !== ":") return fail(`expected ":" after a field name, found ${describe(i)}`);
      i++;
      expect = "value";
      continue;
    }
    if (expect === "comma-or-close") {
      const closer = closers[closers.length - 1];
      if (ch === ",") {
        i++;
        expect = closer === "}" ? "key" : "value";
        firstInContainer = false;
        continue;
      }
      if (ch === closer) {
        i++;
        closers.pop();
        expect = afterValue();
        continue;
      }
      return fail(`expected "," or "${closer}", found ${describe(i)}`);
    }
    if (expect === "key" || (expect === "value" && ch === '"')) {
      if ((ch === "}" && expect === "key" && firstInContainer) || (ch === "]" && expect === "value" && firstInContainer)) {
        i++;
        closers.pop();
        expect = afterValue();
        continue;
      }
      if (ch !== '"') return fail(`expected a field name in double quotes, found ${describe(i)}`);
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === "\\") i++;
        else if (text.charCodeAt(i) < 0x20) return fail("a line break or control character inside a string");
      }
      if (i >= text.length) {
        i = start;
        return fail('a string is not closed (a missing ")');
      }
      i++;
      if (expect === "key") expect = "colon";
      else expect = afterValue();
      continue;
    }
    // expect === "value"
    if (ch === "]" && firstInContainer && closers[closers.length - 1] === "]") {
      i++;
      closers.pop();
      expect = afterValue();
      continue;
    }
    if (ch === "{" || ch === "[") {
      closers.push(ch === "{" ? "}" : "]");
      i++;
      expect = ch === "{" ? "key" : "value";
      firstInContainer = true;
      continue;
    }
    NUMBER.lastIndex = i;
    LITERAL.lastIndex = i;
    if (NUMBER.test(text)) i = NUMBER.lastIndex;
    else if (LITERAL.test(text)) i = LITERAL.lastIndex;
    else return fail(`expected a value (a number, "text", true, false, null, [ or {), found ${describe(i)}`);
    expect = afterValue();
  }
}

/**
 * Where the JSON first nests deeper than `maxDepth` ([ and { outside strings), if it does: a
 * wizard's file nests a few levels, and deeper input would overflow the stack of any code that
 * walks it recursively (JSON.stringify, schema checks).
 */
export function findJsonTooDeep(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (ch === "[" || ch === "{") {
      if (++depth > maxDepth) return i;
    } else if (ch === "]" || ch === "}") depth--;
  }
  return undefined;
}
