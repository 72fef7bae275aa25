/**
 * One reader for delimited text as real exports give it — every CSV file the CLI reads and every
 * paste box of the pane (partners, payout ledgers, scorecard data) go through it. csv-parse does the parsing (RFC 4180 quoting, doubled quotes,
 * line breaks inside quotes); this module adds what exports need around it:
 *
 * - encoding: a BOM says UTF-8, UTF-16 LE or UTF-16 BE; without one, bytes that are valid UTF-8
 *   are UTF-8, UTF-16 without a BOM is recognised by its zero bytes, and anything else is
 *   Windows-1252 (what Excel's "CSV" and most Western CRM exports write), so "Métro" never comes
 *   out as "M�tro": no decoding here produces U+FFFD;
 * - delimiter: `,` `;` tab or `|`, whichever splits the first lines into the same number of fields
 *   (European Excel writes `;`, spreadsheet copies use tabs); text with none of them is one column;
 * - decimal comma: `4,5` reads as 4.5 when the delimiter is not a comma (see readNumberCell).
 */
import { CsvError, parse } from "csv-parse/sync";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether a byte-order mark said so (and was removed). */
  bom: boolean;
}

export interface DelimitedRow {
  cells: string[];
  /** 1-based line where the row ends in the text (a quoted line break makes a row span lines). */
  line: number;
}

export interface DelimitedText {
  rows: DelimitedRow[];
  delimiter: string;
  encoding: TextEncodingName;
  /** Numbers may use a decimal comma (the delimiter is not a comma). */
  decimalComma: boolean;
}

export class DelimitedTextError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "DelimitedTextError";
  }
}

/** The error as one line for a user: "not valid CSV (line 3): a quoted field is not closed (a missing ")". */
export function csvProblem(error: DelimitedTextError): string {
  return `not valid CSV${error.line ? ` (line ${error.line})` : ""}: ${error.message}`;
}

export const DELIMITERS = [",", ";", "\t", "|"] as const;

function looksLikeUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return "utf-16be";
  return undefined;
}

function strictly(encoding: "utf-8" | "utf-16le" | "utf-16be", bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Text from bytes in the encodings exports use (see the module comment). Every Unicode decoding is
 * strict; bytes that are not valid in it are read as Windows-1252, which maps every byte to a
 * character, so the text never holds U+FFFD.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bomEncoding =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? "utf-8"
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? "utf-16le"
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? "utf-16be"
          : undefined;
  const bom = bomEncoding !== undefined;
  const body = bomEncoding === "utf-8" ? bytes.subarray(3) : bom ? bytes.subarray(2) : bytes;
  // Some exporters put a BOM before Windows-1252 text: the bytes decide, not the mark.
  for (const encoding of [bomEncoding ?? looksLikeUtf16(bytes), "utf-8"] as const) {
    if (encoding === undefined) continue;
    const text = strictly(encoding, body);
    if (text !== undefined) return { text, encoding, bom };
  }
  return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252", bom };
}

/** How many times `delimiter` occurs outside double quotes in each of the first lines. */
function countsPerLine(text: string, delimiter: string, maxLines: number): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoted = false;
  let lineHasContent = false;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (lineHasContent) counts.push(count);
      count = 0;
      lineHasContent = false;
      continue;
    } else if (!quoted && ch === delimiter) count++;
    if (ch.trim() !== "") lineHasContent = true;
  }
  if (lineHasContent && counts.length < maxLines) counts.push(count);
  return counts;
}

/**
 * The delimiter that splits the first lines most consistently into more than one field: the header
 * line's count must recur on most lines. Text none of them splits is one column (tab is returned,
 * as a delimiter that does not occur).
 */
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; score: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const counts = countsPerLine(text, delimiter, 50);
    if (counts.length === 0 || counts[0] === 0) continue;
    const header = counts[0];
    const agreeing = counts.filter((c) => c === header).length / counts.length;
    if (agreeing < 0.6) continue;
    const score = agreeing * 1000 + header;
    if (!best || score > best.score) best = { delimiter, score };
  }
  return best?.delimiter ?? "\t";
}

export interface ReadOptions {
  /** Force a delimiter instead of detecting one. */
  delimiter?: string;
}

/** Rows of delimited text (bytes are decoded first); blank lines are skipped, cells trimmed. */
export function readDelimitedText(input: Uint8Array | string, options: ReadOptions = {}): DelimitedText {
  const decoded: DecodedText =
    typeof input === "string" ? { text: input.replace(/^\uFEFF/, ""), encoding: "utf-8", bom: false } : decodeText(input);
  const delimiter = options.delimiter ?? detectDelimiter(decoded.text);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(decoded.text, {
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as unknown as { lines?: number }).lines;
      const reason = /Quote Not Closed/i.test(error.message)
        ? 'a quoted field is not closed (a missing ")'
        : error.message.replace(/^Invalid (Opening|Closing) Quote: /, "").slice(0, 120);
      throw new DelimitedTextError(reason, line);
    }
    throw error;
  }
  const rows = parsed
    .map((entry) => ({ cells: entry.record, line: entry.info.lines }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
  return { rows, delimiter, encoding: decoded.encoding, decimalComma: delimiter !== "," };
}

export type NumberCell =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "percent"; value: number; text: string }
  | { kind: "text"; text: string };

const DOT_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?\d+,\d+$/;
const GROUPED_COMMA_NUMBER = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;

/**
 * A cell as a number: `4`, `4.5`, and with a decimal comma allowed `4,5` and `1.234,5`; `80%` is
 * reported as a percentage (the caller decides whether a percentage fits); anything else is text.
 */
export function readNumberCell(cell: string, decimalComma: boolean): NumberCell {
  const text = cell.trim();
  if (text === "") return { kind: "blank" };
  const percent = text.endsWith("%");
  const body = percent ? text.slice(0, -1).trim() : text;
  let value: number | undefined;
  if (DOT_NUMBER.test(body)) value = Number(body);
  else if (decimalComma && COMMA_NUMBER.test(body)) value = Number(body.replace(",", "."));
  else if (decimalComma && GROUPED_COMMA_NUMBER.test(body)) value = Number(body.replace(/\./g, "").replace(",", "."));
  if (value === undefined || !Number.isFinite(value)) return { kind: "text", text };
  return percent ? { kind: "percent", value: value / 100, text } : { kind: "number", value };
}
