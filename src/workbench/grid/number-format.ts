/**
 * Enough of Excel's number formats to show a plan's cells as Excel would: 0, 0.0, 0.##, #,##0.00,
 * 0%, 0.0%, a quoted literal suffix or prefix ("0.##\"%\""), and General (10 significant digits).
 * Anything else falls back to General: the grid is a preview; the .xlsx keeps the real format.
 */

interface ParsedFormat {
  prefix: string;
  suffix: string;
  minDecimals: number;
  maxDecimals: number;
  thousands: boolean;
  percent: boolean;
}

const cache = new Map<string, ParsedFormat | null>();

function parse(code: string): ParsedFormat | null {
  const section = code.split(";")[0];
  const match = /^((?:"[^"]*")*)([#,0]*0)(?:\.(0*)(#*))?(%?)((?:"[^"]*")*)$/.exec(section.trim());
  if (!match) return null;
  const literal = (quoted: string) => quoted.replace(/"/g, "");
  return {
    prefix: literal(match[1]),
    suffix: literal(match[6]),
    thousands: match[2].includes(","),
    minDecimals: (match[3] ?? "").length,
    maxDecimals: (match[3] ?? "").length + (match[4] ?? "").length,
    percent: match[5] === "%",
  };
}

export function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-9 || abs >= 1e15))
    return value
      .toExponential(5)
      .replace(/\.?0+e/, "E")
      .replace("E+", "E+");
  return String(Number(value.toPrecision(10)));
}

export function formatNumber(value: number, code: string | undefined): string {
  if (!code || code === "General") return formatGeneral(value);
  let format = cache.get(code);
  if (format === undefined) {
    format = parse(code);
    cache.set(code, format);
  }
  if (!format) return formatGeneral(value);
  const scaled = format.percent ? value * 100 : value;
  let body = scaled.toLocaleString("en-US", {
    minimumFractionDigits: format.minDecimals,
    maximumFractionDigits: format.maxDecimals,
    useGrouping: format.thousands,
  });
  if (/^-[0.,]*$/.test(body)) body = body.slice(1); // a negative that rounds to zero shows as zero
  return `${format.prefix}${body}${format.percent ? "%" : ""}${format.suffix}`;
}
