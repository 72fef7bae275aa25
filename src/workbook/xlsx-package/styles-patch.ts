/**
 * Number formats given to rewritten cells of an existing package (typing `30%` in the workbench
 * gives the cell Excel's `0%`), added to xl/styles.xml without touching what is there: the cell's
 * current cell format (`cellXfs` entry) is copied with the new `numFmtId`, appended, and the
 * cell points at the copy, so its font, fill, borders and alignment stay. A format code not in
 * `numFmts` gets a new custom id (164 and up, ECMA-376 Part 1, 18.8.30: ids below 164 are
 * built-in). CT_Stylesheet begins with numFmts, so a package without one gets it first.
 */
import { escapeXml, unescapeXml } from "./xml-text";

// The built-in formats (ECMA-376 Part 1, 18.8.30), spelled as the spec and ExcelJS's reader spell
// them, so a cell whose code did not change keeps its cell format.
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const XF = /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g;

export class StylesEditor {
  private numFmts = new Map<number, string>();
  private readonly xfs: string[];
  private readonly added: string[] = [];
  private readonly addedFormats: { id: number; code: string }[] = [];
  private readonly cache = new Map<string, string>();

  constructor(private readonly original: string) {
    for (const m of original.matchAll(/<numFmt\b[^>]*\/>/g)) {
      const id = /numFmtId="(\d+)"/.exec(m[0]);
      const code = /formatCode="([^"]*)"/.exec(m[0]);
      if (id && code) this.numFmts.set(Number(id[1]), unescapeXml(code[1]));
    }
    const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(original);
    this.xfs = cellXfs ? [...cellXfs[1].matchAll(XF)].map((m) => m[0]) : [];
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  private formatCodeOf(id: number): string | undefined {
    return this.numFmts.get(id) ?? BUILT_IN[id];
  }

  private formatId(code: string): number {
    for (const [id, known] of [...Object.entries(BUILT_IN).map(([id, c]) => [Number(id), c] as const), ...this.numFmts])
      if (known === code) return id;
    const id = Math.max(163, ...this.numFmts.keys()) + 1;
    this.numFmts.set(id, code);
    this.addedFormats.push({ id, code });
    return id;
  }

  /** The style index for a cell now styled `style` (undefined: 0) that should show `code`. */
  styleWith(style: string | undefined, code: string): string | undefined {
    const index = Number(style ?? 0);
    const base = this.xfs[index] ?? this.xfs[0];
    if (base === undefined) return style;
    const current = Number(/\snumFmtId="(\d+)"/.exec(base)?.[1] ?? 0);
    if (this.formatCodeOf(current) === code) return style;
    const key = `${index}\u0000${code}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const id = this.formatId(code);
    let xf = /\snumFmtId="/.test(base)
      ? base.replace(/\snumFmtId="\d+"/, ` numFmtId="${id}"`)
      : base.replace(/^<xf\b/, `<xf numFmtId="${id}"`);
    xf = /\sapplyNumberFormat="/.test(xf)
      ? xf.replace(/\sapplyNumberFormat="[^"]*"/, ` applyNumberFormat="1"`)
      : xf.replace(/^<xf\b/, `<xf applyNumberFormat="1"`);
    this.added.push(xf);
    const newIndex = String(this.xfs.length + this.added.length - 1);
    this.cache.set(key, newIndex);
    return newIndex;
  }

  /** styles.xml with the new formats and cell formats appended. */
  xml(): string {
    if (!this.changed) return this.original;
    let xml = this.original;
    const formats = this.addedFormats.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join("");
    if (formats !== "") {
      if (/<numFmts\b[^>]*>[\s\S]*?<\/numFmts>/.test(xml))
        xml = xml.replace(/<numFmts\b([^>]*)>([\s\S]*?)<\/numFmts>/, (_, attrs: string, body: string) => {
          const count = (body.match(/<numFmt\b/g) ?? []).length + this.addedFormats.length;
          return `<numFmts${attrs.replace(/\scount="\d+"/, "")} count="${count}">${body}${formats}</numFmts>`;
        });
      else xml = xml.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="${this.addedFormats.length}">${formats}</numFmts>`);
    }
    return xml.replace(/<cellXfs\b([^>]*)>([\s\S]*?)<\/cellXfs>/, (_, attrs: string, body: string) => {
      const count = this.xfs.length + this.added.length;
      return `<cellXfs${attrs.replace(/\scount="\d+"/, "")} count="${count}">${body}${this.added.join("")}</cellXfs>`;
    });
  }
}
