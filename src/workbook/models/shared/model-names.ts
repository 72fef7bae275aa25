/**
 * A model's defined names from its one table of parts: `<Prefix><suffix>_<Part>`, e.g. Deal_Revenue,
 * and Deal2_Revenue for a second deal model in the workbook (the suffix buildModelPlan picked).
 */
export function namesFor<K extends string>(
  prefix: string,
  suffix: string,
  parts: Readonly<Record<K, string>>,
): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(parts).map(([key, part]) => [key, `${prefix}${suffix}_${part}`])) as Record<
    K,
    string
  >;
}
