/**
 * A function of a text computed once per distinct text. The rows of a table's calculated column
 * store one formula text, so work on each formula (decoding, translating, scanning) is done once
 * a column rather than once a row. The cache lives as long as the returned function.
 */
export function oncePerText<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = compute(text);
    known.set(text, value);
    return value;
  };
}
