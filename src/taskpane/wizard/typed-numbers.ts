/**
 * Numbers as a user types them into the deal and charter wizards: "100000", "100,000",
 * " 1 500 ", "30%" (percent fields). Rates are typed as percentages and kept as fractions in the
 * models (30 → 0.3), so the two conversions live here, once.
 */

/** Digits grouped by commas or spaces, as in "1,250,000" or "1 250 000". */
const GROUPED = /^[-+]?\d{1,3}([, ]\d{3})+(\.\d+)?$/;

/** The number typed, or undefined for blank or anything that is not a number. */
export function parseTyped(text: string, allowPercent = false): number | undefined {
  let trimmed = text.trim();
  if (allowPercent && trimmed.endsWith("%")) trimmed = trimmed.slice(0, -1).trim();
  if (trimmed === "") return undefined;
  if (GROUPED.test(trimmed)) trimmed = trimmed.replace(/[, ]/g, "");
  // Number("") is 0 and Number("0x1f") is 31: accept plain decimal notation only.
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** "30" or "30%" → 0.3; divided (not multiplied by 0.01) so 30 gives exactly 0.3. */
export function percentToFraction(percent: number): number {
  return percent / 100;
}

/** 0.3 → "30", 0.125 → "12.5": how a fraction is shown in a percent field. */
export function fractionToPercentText(fraction: number): string {
  return String(+(fraction * 100).toPrecision(12));
}

/** 100000 → "100000": how an amount from a saved input is shown in its field. */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

export function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * The models speak of rates as fractions ("… (write 30% as 0.3)"); the wizards' fields take
 * percentages, so that advice would mislead there and is left out.
 */
export function withoutFractionAdvice(message: string): string {
  return message.replace(/ \(write [^)]* as [^)]*\)/, "");
}

/** A whole number typed from `min` to `max` (e.g. a term in years), else undefined. */
export function typedWhole(text: string, min: number, max: number): number | undefined {
  const value = parseTyped(text);
  return value !== undefined && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** `values` lengthened with blanks to `length`; never shortened, so retyping a shorter term loses nothing. */
export function padded(values: string[], length: number): string[] {
  return values.length >= length ? values : [...values, ...new Array<string>(length - values.length).fill("")];
}
