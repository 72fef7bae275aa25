import type { CellValue, HyperFormula } from "hyperformula";

/**
 * A comparison is only honest if both sides compute the same figures: these read a column of
 * computed values and count disagreements, which the report shows next to the case.
 */
export function columnValues(hf: HyperFormula, column: number, firstRow: number, count: number): CellValue[] {
  const values = hf.getSheetValues(0);
  return Array.from({ length: count }, (_, index) => values[firstRow + index]?.[column] ?? null);
}

function agrees(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

export function disagreements(ours: readonly CellValue[], reference: readonly CellValue[]): number {
  let count = Math.abs(ours.length - reference.length);
  for (let index = 0; index < Math.min(ours.length, reference.length); index++)
    if (!agrees(ours[index], reference[index])) count++;
  return count;
}

/** Throws when the two sides disagree: a benchmark of different computations would mislead. */
export function requireSameResults(what: string, ours: readonly CellValue[], reference: readonly CellValue[]): void {
  const count = disagreements(ours, reference);
  if (count > 0) {
    const first = ours.findIndex((value, index) => !agrees(value, reference[index]));
    throw new Error(
      `${what}: ours and the reference disagree in ${count} of ${ours.length} cells ` +
        `(first at index ${first}: ${JSON.stringify(ours[first])} vs ${JSON.stringify(reference[first])})`,
    );
  }
}
