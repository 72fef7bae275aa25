/**
 * CHAR and CODE in the character set of the Excel that computes them. Microsoft's CHAR page
 * (https://support.microsoft.com/office/char-function-bbd249c8-b36e-4a91-8017-1c133f9b837a):
 * "Macintosh: Macintosh character set; Windows: ANSI" — so CHAR(128) is "€" in Excel for Windows
 * (code page 1252) and "Ä" in Excel for Mac (Mac Roman), and Mac-saved files cache the latter.
 * Below 128 both are ASCII. The tables are written out rather than taken from TextDecoder, whose
 * legacy encodings differ between runtimes (Node's small-ICU build has neither table complete).
 */
import { CellError } from "hyperformula";
import { isMatrix, toNumber, toText, valueError, type Value } from "./values";

export type CharacterSet = "windows" | "mac";

/** Code page 1252 at 0x80–0x9F; the five bytes it leaves undefined map to the C1 control of that number. */
const WINDOWS_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
/** Mac Roman 0x80–0xFF as Excel for Mac writes it (0xDB is the euro sign, 0xF0 the Apple logo in the private use area). */
const MAC_80_FF =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø" +
  "¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

function charOf(code: number, set: CharacterSet): string {
  if (code < 128) return String.fromCharCode(code);
  if (set === "mac") return MAC_80_FF[code - 128];
  return code < 160 ? WINDOWS_80_9F[code - 128] : String.fromCharCode(code);
}

const byteOf = new Map<CharacterSet, Map<string, number>>();
function codeOf(char: string, set: CharacterSet): number {
  let table = byteOf.get(set);
  if (!table) {
    table = new Map();
    for (let code = 1; code < 256; code++) table.set(charOf(code, set), code);
    byteOf.set(set, table);
  }
  // A character outside the set is what the system's conversion gives it: "?".
  return table.get(char) ?? 63;
}

/** CHAR(number): 1–255 (truncated) in the workbook's character set; anything else is #VALUE!. */
export function char(args: (Value | undefined)[], set: CharacterSet = "windows"): Value {
  const number = toNumber(args[0]);
  if (number instanceof CellError) return number;
  const code = Math.trunc(number);
  if (code < 1 || code > 255) return valueError("CHAR takes a number from 1 to 255");
  return charOf(code, set);
}

/** CODE(text): the number of the first character in the workbook's character set; "" is #VALUE!. */
export function code(args: (Value | undefined)[], set: CharacterSet = "windows"): Value {
  const value = args[0];
  const text = toText(value !== undefined && isMatrix(value) ? (value[0]?.[0] ?? null) : value);
  if (text instanceof CellError) return text;
  if (text === "") return valueError("CODE needs at least one character");
  return codeOf(String.fromCodePoint(text.codePointAt(0)!), set);
}
