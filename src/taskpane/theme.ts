export type ColorScheme = "light" | "dark";

/** Office reports its theme as colours ("#262626" in the Black theme); a dark body means dark. */
export function colorSchemeOf(bodyBackgroundColor: string | undefined): ColorScheme {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bodyBackgroundColor?.trim() ?? "");
  if (!match) return "light";
  const [red, green, blue] = match.slice(1).map((hex) => parseInt(hex, 16));
  const brightness = (0.299 * red + 0.587 * green + 0.114 * blue) / 255;
  return brightness < 0.5 ? "dark" : "light";
}
