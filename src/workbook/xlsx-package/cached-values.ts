/**
 * New cached values patched into a worksheet part in one scan, everything else left as it was:
 * only the `<v>` of each formula cell (and of each cell an array formula spills into) and the
 * cell's `t` type change. Formulas still stored in the bare `PE.NAME(` form of older files are
 * rewritten as `_xldudf_PE_NAME(`, the only form Excel resolves (src/core/file-formula.ts).
 *
 * Types as Excel writes a formula's cached value (ECMA-376 18.3.1.4 c, 18.18.11 ST_CellType):
 * a number has no `t`, text is `t="str"` (inline, not a shared string), a boolean `t="b"` with
 * 1/0, an error `t="e"` with its code.
 */
import { toFileFormula } from "../../core/file-formula";
import { toCachedResult } from "../cached-result";
import { escapeXml, unescapeXml } from "./xml-text";

/** The computed value at a 0-based row and column of this sheet (an engine value). */
export type ValueAt = (row: number, col: number) => unknown;

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const TOKEN = /<row\b[^>]*>|<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;

export function patchSheetValues(xml: string, valueAt: ValueAt): { xml: string; formulas: number } {
  let formulas = 0;
  let row = -1;
  let col = -1;
  let spills: Area[] = [];
  const out = xml.replace(
    TOKEN,
    (token: string, attrs: string | undefined, ending: string | undefined, inner: string | undefined) => {
      if (attrs === undefined) {
        const r = /\sr="(\d+)"/.exec(token);
        row = r ? Number(r[1]) - 1 : row + 1;
        col = -1;
        if (spills.length > 0) spills = spills.filter((a) => a.bottom >= row);
        return token;
      }
      const ref = /\sr="([A-Z]+)(\d+)"/.exec(attrs);
      if (ref) {
        col = columnIndex(ref[1]);
        row = Number(ref[2]) - 1;
      } else col++;
      const body = ending === "/>" ? "" : (inner ?? "");
      const formula = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      if (!formula) {
        if (spills.length === 0 || !spills.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right))
          return token;
        return cellWith(attrs, body, valueAt(row, col), false);
      }
      formulas++;
      const spill = /\sref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(formula[1]);
      if (/\st="array"/.test(formula[1]) && spill && spill[3])
        spills.push({
          top: Number(spill[2]) - 1,
          left: columnIndex(spill[1]),
          bottom: Number(spill[4]) - 1,
          right: columnIndex(spill[3]),
        });
      let newBody = body;
      if (formula[2] !== undefined && formula[2].includes("PE.")) {
        const stored = toFileFormula(unescapeXml(formula[2]));
        if (stored !== unescapeXml(formula[2]))
          newBody = body.replace(formula[0], formula[0].replace(`>${formula[2]}</f>`, `>${escapeText(stored)}</f>`));
      }
      return cellWith(attrs, newBody, valueAt(row, col), true);
    },
  );
  return { xml: out, formulas };
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The cell with its value (and type) replaced; `anchor` says it holds the formula (an empty result then shows as 0). */
function cellWith(attrs: string, body: string, value: unknown, anchor: boolean): string {
  const result = toCachedResult(value ?? (anchor ? 0 : undefined));
  let type: string | undefined;
  let text: string | undefined;
  if (typeof result === "number") text = String(result);
  else if (typeof result === "string") [type, text] = ["str", escapeText(result)];
  else if (typeof result === "boolean") [type, text] = ["b", result ? "1" : "0"];
  else if (result && typeof result === "object") [type, text] = ["e", escapeXml(result.error)];
  const withoutType = attrs.replace(/\st="[^"]*"/, "");
  const newAttrs = type === undefined ? withoutType : insertType(attrs, withoutType, type);
  const withoutValue = body.replace(/<v\b[^>]*\/>|<v\b[^>]*>[\s\S]*?<\/v>/, "");
  let newBody: string;
  if (text === undefined) newBody = withoutValue;
  else if (/<v\b/.test(body)) newBody = body.replace(/<v\b[^>]*\/>|<v\b[^>]*>[\s\S]*?<\/v>/, `<v>${text}</v>`);
  else {
    // <v> follows <f> in CT_Cell; <is> and <extLst> come after it.
    const f = /<f\b[^>]*?(?:\/>|>[\s\S]*?<\/f>)/.exec(body);
    newBody = f ? body.replace(f[0], `${f[0]}<v>${text}</v>`) : `<v>${text}</v>${body}`;
  }
  return newBody === "" ? `<c${newAttrs}/>` : `<c${newAttrs}>${newBody}</c>`;
}

/** The `t` attribute where it was, or right after `r` (and `s`) as Excel orders them. */
function insertType(original: string, withoutType: string, type: string): string {
  if (/\st="[^"]*"/.test(original)) return original.replace(/\st="[^"]*"/, ` t="${type}"`);
  const anchor = /\ss="[^"]*"/.exec(withoutType) ?? /\sr="[^"]*"/.exec(withoutType);
  if (!anchor) return `${withoutType} t="${type}"`;
  const at = anchor.index + anchor[0].length;
  return `${withoutType.slice(0, at)} t="${type}"${withoutType.slice(at)}`;
}
