/**
 * A small XML reader for the manifest tests: elements, attributes and text, nothing else (no DTDs,
 * no CDATA). The schema test proves the file well-formed and valid; this only gives it a shape
 * that the tests can query.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]);
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*"([^"]*)"/g;

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  let position = 0;
  for (const match of xml.matchAll(TOKEN)) {
    const [token, closing, name, attributeText, selfClosing, text] = match;
    if (match.index !== position)
      throw new Error(`cannot read the XML at offset ${position}: ${xml.slice(position, position + 40)}`);
    position += token.length;
    const parent = stack[stack.length - 1];
    if (text !== undefined) {
      parent.text += decode(text);
    } else if (name === undefined) {
      continue; // comment or processing instruction
    } else if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`unexpected </${name}>`);
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of (attributeText ?? "").matchAll(ATTRIBUTE)) attributes[key] = decode(value);
      const element: XmlElement = { name, attributes, children: [], text: "" };
      parent.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (position !== xml.length) throw new Error(`cannot read the XML at offset ${position}`);
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  const [documentElement] = root.children;
  if (!documentElement) throw new Error("no document element");
  return documentElement;
}

/** Every element below (and including) `element`, depth first. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function onlyChild(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}

/** The element at a path of child names, each step required to be unique. */
export function at(element: XmlElement, ...path: string[]): XmlElement {
  return path.reduce(onlyChild, element);
}
