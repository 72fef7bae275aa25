/**
 * The little XML the reader needs, done by scanning: attributes of one start tag and the five
 * predefined entities plus numeric character references. SpreadsheetML parts are machine-written
 * and flat enough that a regex scan is exact for them, and a single pass is what keeps a large
 * sheet cheap (no DOM, no per-node objects).
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

/** Excel's escape for characters XML cannot hold: _x000D_ is a carriage return, _x005F_ an underscore. */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The attributes of a start tag's inside (`name="x" r:id="y"`), namespace prefixes dropped. */
export function attributes(tagInside: string): Record<string, string> {
  const result: Record<string, string> = {};
  const pattern = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(tagInside)) !== null) {
    const name = match[1];
    result[name] = decodeXml(match[2] ?? match[3] ?? "");
    const colon = name.indexOf(":");
    if (colon > 0 && !name.startsWith("xmlns")) result[name.slice(colon + 1)] ??= result[name];
  }
  return result;
}

/** Every element `<tag …>…</tag>` or `<tag …/>` (any namespace prefix) in `xml`. */
export function* elements(xml: string, tag: string): Generator<{ attrs: string; body: string }> {
  const pattern = new RegExp(`<(?:\\w+:)?${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${tag}>)`, "g");
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(xml)) !== null) yield { attrs: match[1], body: match[2] ?? "" };
}

/** The text of all `<t>` runs in a string item (shared string or inline string), phonetic runs left out. */
export function stringItemText(body: string): string {
  const withoutPhonetic = body.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let text = "";
  for (const t of elements(withoutPhonetic, "t")) text += t.body;
  return decodeOoxmlEscapes(decodeXml(text));
}
