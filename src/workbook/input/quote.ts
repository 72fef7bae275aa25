/**
 * How messages quote what a user gave: never more than about 80 characters of any value (a 10 MB
 * cell is not echoed back), on one line (line breaks shown as ⏎).
 */
export const MAX_QUOTED = 80;

/** `value` cut to `max` characters with "…" and its full length when it was longer. */
export function quoteInput(value: string, max = MAX_QUOTED): string {
  const oneLine = value.replace(/\r\n|\r|\n/g, "⏎");
  if (oneLine.length <= max) return oneLine;
  return `${oneLine.slice(0, max - 1)}… (${value.length.toLocaleString("en-US")} characters)`;
}
